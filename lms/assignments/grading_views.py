"""A course's grading queue: the work waiting for a grade across its assignments (trainers and admins)."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from lms.assignments import grading_queue, services
from lms.assignments.forms import AnonymousGradingForm
from lms.courses.permissions import editable_course
from lms.web.routes import Routes

routes = Routes("/courses/<slug>/manage/grading")


@routes.route("", methods=["GET", "POST"])
def queue(slug: str):
    course = editable_course(slug)
    anonymous = grading_queue.grades_anonymously(course)
    form = AnonymousGradingForm(anonymous=anonymous)
    if form.validate_on_submit():
        services.grade_anonymously(course, form.anonymous.data)
        flash(_("Names are now hidden while grading.") if form.anonymous.data
              else _("Names are now shown while grading."), "success")
        return redirect(url_for("assignments.queue", slug=slug))
    return render_template("assignments/manage/queue.html", course=course, form=form, anonymous=anonymous,
                           waiting=grading_queue.waiting_in(course)), 400 if form.errors else 200
