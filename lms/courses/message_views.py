"""Writing to a course's learners, and each person's delivery of each message (course trainers, admins)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from lms.auth.queries import organisation_choices
from lms.courses import messaging, queries
from lms.courses.forms import MessageForm, ResendForm
from lms.courses.models import CourseMessage
from lms.courses.notices import COURSE_MESSAGE
from lms.courses.permissions import editable_course
from lms.extensions import db
from lms.i18n import country_choices
from lms.notifications.queries import delivery_counts, delivery_of
from lms.web.forms import ids_from
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on

routes = Routes("/courses/<slug>/manage/messages")


@routes.route("", methods=["GET", "POST"])
def messages(slug: str):
    course = editable_course(slug)
    form = MessageForm(country_choices(), organisation_choices())
    if form.validate_on_submit():
        with service_errors_on(form):
            message, count = messaging.write_to_learners(
                current_user, course, form.written(), country=form.country.data or None,
                organisation_id=form.organisation.data or None, status=form.status.data)
            flash(ngettext("The message goes to %(num)d learner.", "The message goes to %(num)d learners.", count),
                  "success")
            return redirect(url_for("courses.message", slug=slug, message_id=message.id))
    sent = queries.messages_of(course)
    counts = delivery_counts(COURSE_MESSAGE, [message.id for message in sent])
    return render_template("courses/manage/messages.html", course=course, form=form,
                           sent=[(message, counts[message.id]) for message in sent]), 400 if form.errors else 200


@routes.route("/<int:message_id>", methods=["GET", "POST"])
def message(slug: str, message_id: int):
    course = editable_course(slug)
    found = db.session.get(CourseMessage, message_id)
    if found is None or found.course_id != course.id:
        abort(404)
    form = ResendForm()
    if form.validate_on_submit():
        with service_errors_flashed():
            messaging.resend(found, next(iter(ids_from([form.notification.data or ""])), 0))
            flash(_("The message will be sent again."), "success")
        return redirect(url_for("courses.message", slug=slug, message_id=found.id))
    return render_template("courses/manage/message.html", course=course, message=found, form=form,
                           delivery=delivery_of(COURSE_MESSAGE, found.id))
