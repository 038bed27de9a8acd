"""The next edition of a course: a copy of its content on a new schedule (course trainers, admins)."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.courses import editions
from lms.courses.forms import NextEditionForm
from lms.courses.permissions import editable_course
from lms.dates import date_text
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on

routes = Routes("/courses/<slug>/manage/next-edition")


@routes.route("", methods=["GET", "POST"])
def next_edition(slug: str):
    course = editable_course(slug)
    form = NextEditionForm()
    if not form.is_submitted():
        form.slug.data = editions.next_slug(course.slug, editions.next_number(course))
    if form.validate_on_submit():
        with service_errors_on(form):
            copy = editions.next_edition(course, slug=form.slug.data.strip(), starts_on=form.starts_on.data,
                                         actor=current_user)
            flash(_("Edition %(number)d has been made as a draft, starting on %(date)s. Check it, then publish it.",
                    number=copy.edition, date=date_text(copy.starts_on)), "success")
            return redirect(url_for("courses.manage", slug=copy.slug))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("courses/manage/next_edition.html", course=course, form=form,
                           editions=editions.editions_of(course)), status
