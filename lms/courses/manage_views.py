"""Authoring a course: settings, days, modules, status, trainers and enrolments.

These routes hang on the `courses` blueprint under /courses/<slug>/manage/.
"""
from __future__ import annotations

import json

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from lms import clock
from lms.audit import services as audit
from lms.audit.models import AuditAction
from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.auth.permissions import can_author_courses, can_manage_users, requires
from lms.auth.queries import organisation_choices
from lms.courses import attachments, queries, services, transfer
from lms.courses.forms import (
    ActionForm,
    AttachmentForm,
    CourseForm,
    DayForm,
    ImportCourseForm,
    ModuleForm,
    MoveForm,
    NewCourseForm,
    NewModuleForm,
    OrganisationEnrolForm,
    PersonForm,
    StatusForm,
)
from lms.courses.models import Course, CourseDay, CourseRole, CourseStatus, EnrolmentMode, ModuleKind
from lms.courses.permissions import editable_course, module_of_or_404
from lms.courses.records import records_in
from lms.extensions import db
from lms.i18n import current_locale
from lms.json_input import UnsafeJSON, load_json
from lms.timezones import local_to_utc, utc_to_local
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on

routes = Routes("/courses")


def _to_manage(course: Course, anchor: str = ""):
    return redirect(url_for("courses.manage", slug=course.slug) + (f"#{anchor}" if anchor else ""))


@routes.route("/new", methods=["GET", "POST"])
@requires(can_author_courses)
def new_course():
    form = NewCourseForm(original_locale=current_locale(), timezone="Asia/Baku")
    if form.validate_on_submit():
        with service_errors_on(form):
            course = services.create_course(
                slug=form.slug.data.strip(), original_locale=form.original_locale.data, timezone=form.timezone.data,
                starts_on=form.starts_on.data, texts=form.texts(), days=form.days.data,
                enrolment=EnrolmentMode(form.enrolment.data), enrolment_key=form.enrolment_key.data,
                announce_days=form.announce_days.data,
                trainer=current_user,
            )
            flash(_("The course has been created. Add its modules, then publish it."), "success")
            return _to_manage(course)
    return render_template("courses/manage/new.html", form=form), 400 if form.errors or form.form_errors else 200


@routes.route("/import", methods=["GET", "POST"])
@requires(can_author_courses)
def import_course():
    form = ImportCourseForm()
    if form.validate_on_submit():
        try:
            document = load_json(form.file.data.stream.read())
        except UnsafeJSON:  # not JSON at all, or JSON the site cannot keep
            form.file.errors.append(_("This file is not a course exported from Təlim."))
        else:
            with service_errors_on(form):
                course = transfer.import_course(document, slug=form.slug.data.strip(), starts_on=form.starts_on.data)
                services.enrol(current_user, course, by_admin=True, role=CourseRole.TRAINER)
                flash(_("The course has been imported as a draft. Check it, then publish it."), "success")
                return _to_manage(course)
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/import.html", form=form), status


@routes.route("/<slug>/manage/export")
def export_course(slug: str):
    course = editable_course(slug)
    body = json.dumps(transfer.export_course(course), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}.json"'})


@routes.route("/<slug>/manage/")
def manage(slug: str):
    course = editable_course(slug)
    return render_template(
        "courses/manage/index.html", course=course, trainers=queries.course_people(course, CourseRole.TRAINER),
        learner_count=queries.learner_count(course), action_form=ActionForm(), person_form=PersonForm(),
        kinds=ModuleKind, can_manage_people=can_manage_users(current_user),
    )


@routes.route("/<slug>/manage/settings", methods=["GET", "POST"])
def settings(slug: str):
    course = editable_course(slug)
    form = CourseForm(obj=course)
    if request.method == "GET":
        form.fill_texts(course.translations)
    if form.validate_on_submit():
        with service_errors_on(form):
            services.update_course(
                course, original_locale=form.original_locale.data, timezone=form.timezone.data,
                starts_on=form.starts_on.data, texts=form.texts(),
                enrolment=EnrolmentMode(form.enrolment.data), enrolment_key=form.enrolment_key.data,
                announce_days=form.announce_days.data,
            )
            flash(_("The course settings have been saved."), "success")
            return _to_manage(course)
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/settings.html", course=course, form=form), status


@routes.route("/<slug>/manage/status", methods=["POST"])
def change_status(slug: str):
    course = editable_course(slug)
    form = StatusForm()
    if not form.validate():
        abort(400)
    if form.status.data == CourseStatus.ARCHIVED.value and form.confirmed.data != "1":
        # Archiving closes the course to new learners: ask first, on a page of its own.
        return render_template("courses/manage/archive.html", course=course, form=form,
                               learner_count=queries.learner_count(course))
    services.set_status(course, CourseStatus(form.status.data))
    messages = {
        CourseStatus.PUBLISHED: _("The course is published: learners can see it and enrol."),
        CourseStatus.DRAFT: _("The course is a draft again: only its trainers can see it."),
        CourseStatus.ARCHIVED: _("The course is archived: its learners can still read it."),
    }
    flash(messages[course.status], "success")
    return _to_manage(course)


@routes.route("/<slug>/manage/days", methods=["POST"])
def add_day(slug: str):
    course = editable_course(slug)
    _require_csrf()
    day = services.add_day(course)
    flash(_("Day %(number)d has been added.", number=day.number), "success")
    return _to_manage(course, f"day-{day.number}")


@routes.route("/<slug>/manage/days/remove-last", methods=["POST"])
def remove_last_day(slug: str):
    course = editable_course(slug)
    _require_csrf()
    with service_errors_flashed():  # a day with modules stays: the course's page says why
        services.remove_last_day(course)
        flash(_("The last day has been removed."), "success")
        return _to_manage(course)
    return _to_manage(course, f"day-{len(course.days)}")


@routes.route("/<slug>/manage/days/<int:number>", methods=["GET", "POST"])
def edit_day(slug: str, number: int):
    course = editable_course(slug)
    day = _day(course, number)
    form = DayForm(date=day.date)
    if request.method == "GET":
        form.fill_texts(day.translations)
        form.opens_at.data = utc_to_local(day.opens_at, course.timezone) if day.opens_at else None
    if form.validate_on_submit():
        opens_at = local_to_utc(form.opens_at.data, course.timezone) if form.opens_at.data else None
        with service_errors_on(form.date):  # the only thing a day's service refuses is its date
            services.update_day(day, titles={code: texts["title"] for code, texts in form.texts().items()},
                                opens_at=opens_at, on=form.date.data)
            flash(_("Day %(number)d has been saved.", number=day.number), "success")
            return _to_manage(course, f"day-{day.number}")
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/day.html", course=course, day=day, form=form), status


@routes.route("/<slug>/manage/days/<int:number>/modules/new", methods=["GET", "POST"])
def new_module(slug: str, number: int):
    course = editable_course(slug)
    day = _day(course, number)
    form = NewModuleForm(kind=request.args.get("kind", ModuleKind.LESSON.value))
    if form.validate_on_submit():
        with service_errors_on(form):
            module = services.add_module(
                day, kind=ModuleKind(form.kind.data), texts=form.texts(),
                required=form.required_module.data, estimated_minutes=form.estimated_minutes.data,
            )
            flash(_("The module has been added."), "success")
            return _to_manage(course, f"module-{module.id}")
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/module.html", course=course, day=day, form=form, module=None), status


@routes.route("/<slug>/manage/modules/<int:module_id>", methods=["GET", "POST"])
def edit_module(slug: str, module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, module_id)
    form = ModuleForm(required_module=module.required, estimated_minutes=module.estimated_minutes)
    if request.method == "GET":
        form.fill_texts(module.translations)
    if form.validate_on_submit():
        with service_errors_on(form):
            services.update_module(module, actor=current_user, texts=form.texts(), required=form.required_module.data,
                                   estimated_minutes=form.estimated_minutes.data)
            flash(_("The module has been saved."), "success")
            return _to_manage(course, f"module-{module.id}")
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/module.html", course=course, day=module.day, form=form,
                           module=module, attachment_form=AttachmentForm(), action_form=ActionForm()), status


@routes.route("/<slug>/manage/modules/<int:module_id>/move", methods=["POST"])
def move_module(slug: str, module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, module_id)
    form = MoveForm()
    if not form.validate():
        abort(400)
    services.move_module(module, -1 if form.direction.data == "up" else 1)
    return _to_manage(course, f"module-{module.id}")


@routes.route("/<slug>/manage/modules/<int:module_id>/delete", methods=["GET", "POST"])
def delete_module(slug: str, module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, module_id)
    if request.method == "GET":  # ask first: learners' progress on the module goes with it
        return render_template("courses/manage/delete_module.html", course=course, module=module,
                               form=ActionForm(), records=records_in(module))
    _require_csrf()
    day_anchor = f"day-{module.day.number}"
    services.delete_module(module)
    flash(_("The module has been deleted."), "success")
    return _to_manage(course, day_anchor)


@routes.route("/<slug>/manage/modules/<int:module_id>/attachments", methods=["POST"])
def add_attachment(slug: str, module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, module_id)
    form = AttachmentForm()
    if not form.validate():
        flash(" ".join(map(str, form.file.errors)) or _("Choose a file."), "error")
        return redirect(url_for("courses.edit_module", slug=slug, module_id=module.id) + "#attachments")
    attachment = attachments.add_attachment(module, form.file.data.filename, form.file.data.stream,
                                         current_app.config["MAX_ATTACHMENT_BYTES"])
    flash(_("“%(name)s” is attached.", name=attachment.filename), "success")
    return redirect(url_for("courses.edit_module", slug=slug, module_id=module.id) + "#attachments")


@routes.route("/<slug>/manage/modules/<int:module_id>/attachments/<int:attachment_id>/delete", methods=["POST"])
def delete_attachment(slug: str, module_id: int, attachment_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, module_id)
    _require_csrf()
    attachment = next((a for a in module.attachments if a.id == attachment_id), None)
    if attachment is None:
        abort(404)
    attachments.remove_attachment(attachment)
    flash(_("“%(name)s” has been removed.", name=attachment.filename), "success")
    return redirect(url_for("courses.edit_module", slug=slug, module_id=module.id) + "#attachments")


@routes.route("/<slug>/manage/trainers", methods=["POST"])
@requires(can_manage_users)
def add_trainer(slug: str):
    course = editable_course(slug)
    form = PersonForm()
    user = accounts.find_user_by_email(form.email.data or "") if form.validate() else None
    if user is None or user.role is Role.LEARNER:
        flash(_("No trainer or administrator has this e-mail address."), "error")
        return _to_manage(course, "trainers")
    services.enrol(user, course, by_admin=True, role=CourseRole.TRAINER)
    audit.record(current_user, AuditAction.TRAINER_ADDED, f"{user.name} <{user.email}>", course=course.slug)
    flash(_("%(name)s is now a trainer of this course.", name=user.name), "success")
    return _to_manage(course, "trainers")


@routes.route("/<slug>/manage/trainers/<int:user_id>/remove", methods=["POST"])
@requires(can_manage_users)
def remove_trainer(slug: str, user_id: int):
    course = editable_course(slug)
    user = db.get_or_404(User, user_id)
    if not ActionForm().validate():
        abort(400)
    if services.remove_trainer(course, user):
        audit.record(current_user, AuditAction.TRAINER_REMOVED, f"{user.name} <{user.email}>", course=course.slug)
        flash(_("%(name)s is no longer a trainer of this course.", name=user.name), "success")
    return _to_manage(course, "trainers")


@routes.route("/<slug>/manage/enrolments/<int:user_id>/withdraw", methods=["POST"])
@requires(can_manage_users)
def withdraw(slug: str, user_id: int):
    course = editable_course(slug)
    if not ActionForm().validate():
        abort(400)
    enrollment = queries.enrollment_in(course, user_id)
    if enrollment is None:
        abort(404)
    services.withdraw(current_user, enrollment, clock.now())
    flash(_("%(name)s has been withdrawn from the course; their records are kept.", name=enrollment.user.name),
          "success")
    return redirect(url_for("courses.enrolments", slug=slug))


@routes.route("/<slug>/manage/enrolments", methods=["GET", "POST"])
@requires(can_manage_users)
def enrolments(slug: str):
    course = editable_course(slug)
    person_form = PersonForm(prefix="person")
    organisation_form = OrganisationEnrolForm(prefix="organisation")
    organisation_form.organisation.choices = organisation_choices()
    if person_form.submit.data and person_form.validate():
        user = accounts.find_user_by_email(person_form.email.data)
        if user is None:
            person_form.email.errors.append(_("No account has this e-mail address."))
        else:
            services.enrol(user, course, by_admin=True)
            audit.record(current_user, AuditAction.ENROLLED, f"{user.name} <{user.email}>", course=course.slug)
            flash(_("%(name)s is enrolled.", name=user.name), "success")
            return redirect(url_for("courses.enrolments", slug=slug))
    if organisation_form.submit.data and organisation_form.validate():
        organisation = db.get_or_404(Organisation, organisation_form.organisation.data)
        added = services.enrol_organisation(course, organisation)
        audit.record(current_user, AuditAction.ORGANISATION_ENROLLED, organisation.name, course=course.slug,
                     enrolled=added)
        flash(ngettext("%(num)d member of %(organisation)s has been enrolled.",
                       "%(num)d members of %(organisation)s have been enrolled.", added,
                       organisation=organisation.name), "success")
        return redirect(url_for("courses.enrolments", slug=slug))
    status = 400 if person_form.errors or organisation_form.errors else 200
    return render_template(
        "courses/manage/enrolments.html", course=course, person_form=person_form,
        organisation_form=organisation_form, learners=queries.course_people(course, CourseRole.LEARNER),
        withdrawn=queries.withdrawn_people(course), action_form=ActionForm(),
    ), status


def _require_csrf() -> None:
    if not ActionForm().validate():
        abort(400)


def _day(course: Course, number: int) -> CourseDay:
    day = next((day for day in course.days if day.number == number), None)
    if day is None:
        abort(404)
    return day
