"""Authoring programmes (the training centre's administrators): texts, courses, status, people, editions.

These routes hang on the `programmes` blueprint under /programmes/new and /programmes/<slug>/manage/.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.permissions import can_manage_users, requires
from lms.courses.editions import next_slug
from lms.courses.forms import ActionForm, StatusForm
from lms.courses.models import Course, CourseStatus, EnrolmentMode
from lms.dates import date_text
from lms.extensions import db
from lms.i18n import current_locale, localized
from lms.programmes import queries, services
from lms.programmes.forms import (
    AddCourseForm,
    CourseItemForm,
    NewProgrammeForm,
    NextEditionForm,
    PeopleForm,
    ProgrammeForm,
)
from lms.programmes.models import Programme
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on

routes = Routes("/programmes")


@routes.route("/new", methods=["GET", "POST"])
@requires(can_manage_users)
def new_programme():
    form = NewProgrammeForm(original_locale=current_locale(), enrolment=EnrolmentMode.ADMIN.value)
    if form.validate_on_submit():
        with service_errors_on(form):
            programme = services.create_programme(
                slug=form.slug.data.strip(), original_locale=form.original_locale.data, texts=form.texts(),
                enrolment=EnrolmentMode(form.enrolment.data))
            flash(_("The programme has been created. Add its courses, then publish it."), "success")
            return redirect(url_for("programmes.manage", slug=programme.slug))
    return render_template("programmes/manage/new.html", form=form), 400 if form.errors or form.form_errors else 200


@routes.route("/<slug>/manage/")
@requires(can_manage_users)
def manage(slug: str):
    programme = _programme(slug)
    return render_template("programmes/manage/index.html", **_page(programme))


@routes.route("/<slug>/manage/settings", methods=["GET", "POST"])
@requires(can_manage_users)
def settings(slug: str):
    programme = _programme(slug)
    form = ProgrammeForm(original_locale=programme.original_locale, enrolment=programme.enrolment.value)
    if request.method == "GET":
        form.fill_texts(programme.translations)
    if form.validate_on_submit():
        with service_errors_on(form):
            services.update_programme(programme, original_locale=form.original_locale.data, texts=form.texts(),
                                      enrolment=EnrolmentMode(form.enrolment.data))
            flash(_("The programme has been saved."), "success")
            return redirect(url_for("programmes.manage", slug=programme.slug))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("programmes/manage/settings.html", programme=programme, form=form), status


@routes.route("/<slug>/manage/courses", methods=["POST"])
@requires(can_manage_users)
def add_course(slug: str):
    programme = _programme(slug)
    form = _add_course_form(programme)
    if form.validate():
        with service_errors_flashed():
            course = db.get_or_404(Course, form.course.data)
            services.add_course(programme, course, required=form.required_course.data)
            flash(_("“%(title)s” is part of the programme now.", title=localized(course, "title")), "success")
            return redirect(url_for("programmes.manage", slug=programme.slug))
    return render_template("programmes/manage/index.html", **_page(programme, add_form=form)), 400


@routes.route("/<slug>/manage/courses/<int:course_id>", methods=["POST"])
@requires(can_manage_users)
def change_course(slug: str, course_id: int):
    programme = _programme(slug)
    form = CourseItemForm()
    if not form.validate():
        abort(400)
    course = db.get_or_404(Course, course_id)
    with service_errors_flashed():
        action = form.action.data
        if action in ("required", "optional"):
            services.update_course(programme, course, required=action == "required")
        elif action in ("up", "down"):
            services.move_course(programme, course, -1 if action == "up" else 1)
        else:
            services.remove_course(programme, course)
        flash(_("The programme's courses have been saved."), "success")
    return redirect(url_for("programmes.manage", slug=programme.slug))


@routes.route("/<slug>/manage/status", methods=["POST"])
@requires(can_manage_users)
def change_status(slug: str):
    programme = _programme(slug)
    form = StatusForm()
    if not form.validate():
        abort(400)
    with service_errors_flashed():
        services.set_status(programme, CourseStatus(form.status.data))
        flash(_("The programme's status has been changed."), "success")
    return redirect(url_for("programmes.manage", slug=programme.slug))


@routes.route("/<slug>/manage/people", methods=["POST"])
@requires(can_manage_users)
def enrol_people(slug: str):
    programme = _programme(slug)
    form = PeopleForm()
    if not form.validate():
        return render_template("programmes/manage/index.html", **_page(programme, people_form=form)), 400
    enrolled, unknown = services.enrol_addresses(programme, form.emails.data)
    flash(ngettext("%(num)d person is enrolled in the programme and its courses.",
                   "%(num)d people are enrolled in the programme and its courses.", enrolled), "success")
    if unknown:
        flash(_("No account has these addresses: %(emails)s", emails=", ".join(unknown[:20])), "error")
    return redirect(url_for("programmes.manage", slug=programme.slug))


@routes.route("/<slug>/manage/next-edition", methods=["POST"])
@requires(can_manage_users)
def next_edition(slug: str):
    programme = _programme(slug)
    form = NextEditionForm()
    if form.validate():
        with service_errors_on(form):
            copy = services.next_edition(programme, slug=form.slug.data.strip(), starts_on=form.starts_on.data,
                                         actor=current_user)
            flash(_("Edition %(number)d has been made as a draft, with copies of the courses starting on %(date)s.",
                    number=copy.edition, date=date_text(form.starts_on.data)), "success")
            return redirect(url_for("programmes.manage", slug=copy.slug))
    return render_template("programmes/manage/index.html", **_page(programme, edition_form=form)), 400


def _programme(slug: str) -> Programme:
    programme = queries.programme_by_slug(slug)
    if programme is None:
        abort(404)
    return programme


def _add_course_form(programme: Programme) -> AddCourseForm:
    form = AddCourseForm()
    taken = {item.course_id for item in programme.courses}
    query = select(Course).options(selectinload(Course.translations)).order_by(Course.starts_on.desc(), Course.slug)
    candidates = db.session.scalars(query.where(Course.id.not_in(taken)) if taken else query)
    form.course.choices = [(c.id, f"{localized(c, 'title')} · {date_text(c.starts_on)} · /{c.slug}/")
                           for c in candidates]
    return form


def _page(programme: Programme, **forms) -> dict:
    learners = queries.learners(programme)
    return {
        "programme": programme, "span": queries.span(programme), "learner_count": len(learners),
        "add_form": forms.get("add_form") or _add_course_form(programme), "item_form": CourseItemForm(),
        "action_form": ActionForm(), "people_form": forms.get("people_form") or PeopleForm(),
        "edition_form": forms.get("edition_form") or NextEditionForm(
            slug=next_slug(programme.slug, services.next_number(programme))),
        "editions": queries.catalogue_of_series(programme.series, include_drafts=True),
    }
