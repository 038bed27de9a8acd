"""Scheduling a live module's session (trainers of the course and admins)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateTimeLocalField, StringField, SubmitField
from wtforms.validators import URL, Optional

from lms import clock
from lms.courses.permissions import editable_course, module_of_or_404
from lms.live import guests, services
from lms.timezones import local_to_utc, utc_to_local
from lms.web.forms import Form, ids_from, max_length, present
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on

routes = Routes("/courses/<slug>/manage/live")


class ScheduleForm(Form):
    starts_at = DateTimeLocalField(_l("Starts at"), format="%Y-%m-%dT%H:%M", validators=[present()])
    ends_at = DateTimeLocalField(_l("Ends at"), format="%Y-%m-%dT%H:%M", validators=[present()])
    recording_url = StringField(_l("Recording link (after the session)"), validators=[
        Optional(), max_length(500), URL(message=_l("Enter a full web address (https://…)."))])
    submit = SubmitField(_l("Save session"))


@routes.route("/<int:live_module_id>", methods=["GET", "POST"])
def schedule(slug: str, live_module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, live_module_id)
    session = services.session_for(module)
    form = ScheduleForm()
    if request.method == "GET" and session is not None:
        form.starts_at.data = utc_to_local(session.starts_at, course.timezone)
        form.ends_at.data = utc_to_local(session.ends_at, course.timezone)
        form.recording_url.data = session.recording_url
    if form.validate_on_submit():
        with service_errors_on(form):
            services.schedule(module, local_to_utc(form.starts_at.data, course.timezone),
                              local_to_utc(form.ends_at.data, course.timezone), form.recording_url.data)
            flash(_("The session has been saved."), "success")
            return redirect(url_for("courses.manage", slug=slug) + f"#module-{module.id}")
    status = 400 if form.errors or form.form_errors else 200
    return render_template("live/manage/schedule.html", course=course, module=module, form=form,
                           session=session), status


class ParticipantsForm(Form):
    file = FileField(_l("Participant list (CSV)"), validators=[
        FileRequired(message=_l("Choose a file.")), FileAllowed(["csv", "txt"], message=_l("Choose a .csv file."))])
    submit = SubmitField(_l("Mark them present"))


@routes.route("/<int:live_module_id>/attendance", methods=["GET", "POST"])
def attendance(slug: str, live_module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, live_module_id)
    session = services.session_for(module)
    if session is None:
        abort(404)
    register_form, upload_form = Form(prefix="register"), ParticipantsForm(prefix="upload")
    if upload_form.submit.data and upload_form.validate():
        text = upload_form.file.data.read().decode("utf-8-sig", errors="replace")
        marked, unknown = services.import_participants(session, text, clock.now(), current_user)
        flash(ngettext("%(num)d learner marked present.", "%(num)d learners marked present.", marked), "success")
        if unknown:
            flash(_("Not learners of this course: %(emails)s", emails=", ".join(unknown[:20])), "info")
        return redirect(url_for("live.attendance", slug=slug, live_module_id=module.id))
    if request.method == "POST" and not upload_form.submit.data:
        if not register_form.validate():
            abort(400)
        present = set(ids_from(request.form.getlist("present")))
        services.set_attendance(session, present, clock.now(), current_user)
        flash(_("The attendance has been saved."), "success")
        return redirect(url_for("live.attendance", slug=slug, live_module_id=module.id))
    return render_template("live/manage/attendance.html", course=course, module=module, session=session,
                           register=services.attendance_register(session), register_form=register_form,
                           guests=[guest for guest in guests.guests_of(session) if guest.joins],
                           upload_form=upload_form), 400 if upload_form.errors else 200
