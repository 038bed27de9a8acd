"""Scheduling every day of a course at once: a rule, its preview, then applying it (course trainers, admins)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lms.courses import scheduling
from lms.courses.forms import ScheduleForm
from lms.courses.permissions import editable_course
from lms.courses.services import MAX_DAYS
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on

routes = Routes("/courses/<slug>/manage/schedule")


@routes.route("", methods=["GET", "POST"])
def schedule(slug: str):
    course = editable_course(slug)
    form = ScheduleForm()
    if request.method == "GET":  # start from the course as it is: its first date and number of days
        form.first.data, form.count.data = course.starts_on, len(course.days)
    plan = None
    if form.validate_on_submit():
        with service_errors_on(form):
            dates = scheduling.dates_for(form.pattern(), MAX_DAYS)
            if form.apply.data:
                scheduling.apply_schedule(course, dates, form.opens_at.data)
                flash(_("The schedule has been applied: the days are on their new dates."), "success")
                return redirect(url_for("courses.manage", slug=course.slug))
            plan = scheduling.preview(course, dates)
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/schedule.html", course=course, form=form, plan=plan), status
