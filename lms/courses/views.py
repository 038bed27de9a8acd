"""What learners see of a course: its page, enrolling, and reading modules."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from lms import clock
from lms.courses import queries, services
from lms.courses.forms import CompleteForm, EnrolForm
from lms.courses.models import Course, Module
from lms.courses.outline import cached_outline
from lms.courses.permissions import (
    can_edit_course,
    can_open_modules,
    can_see_course,
    is_learner,
    module_of_or_404,
)
from lms.courses.timeline import build_timeline, neighbours
from lms.extensions import limiter
from lms.files import services as files
from lms.i18n import localized
from lms.web.markdown import render_markdown
from lms.web.rate_limits import answered, setting
from lms.web.routes import Routes
from lms.web.unit_of_work import writes_on_get

routes = Routes("/courses")


def _visible_course(slug: str) -> Course:
    """The course with its outline, or 404 for a course the user may not see."""
    course = queries.course_outline(slug)
    if course is None or not can_see_course(current_user, course):
        abort(404)
    return course


@routes.route("/<slug>/")
def course(slug: str):
    course = cached_outline(slug)  # every learner opens this page: its outline comes from the cache
    if course is None or not can_see_course(current_user, course):
        abort(404)
    enrollment, states = queries.enrollment_with_states(current_user, course)
    now = clock.now()
    self_enrolment = course.self_enrolment(now)
    # Made only for the page that shows it: the form is 3% of the work of a page that does not show it.
    offers_form = enrollment is None and current_user.is_authenticated and self_enrolment.by_form
    return render_template(
        "courses/course.html", course=course, enrollment=enrollment,
        progress=course.progress(states) if enrollment else None, timeline=build_timeline(course, states, now),
        enrol_form=EnrolForm() if offers_form else None, can_edit=can_edit_course(current_user, course),
        is_learner=is_learner(enrollment), self_enrolment=self_enrolment,
    )


@routes.route("/<slug>/enrol", methods=["POST"])
@login_required
@limiter.limit(setting("ENROLMENT_KEY_FAILURES"), deduct_when=answered(403))  # keys are not to be guessed
def enrol(slug: str):
    course = _visible_course(slug)
    form = EnrolForm()
    if not form.validate():
        abort(400)
    services.enrol(current_user, course, key=form.key.data, now=clock.now())
    flash(_("You are enrolled in “%(title)s”.", title=localized(course, "title")), "success")
    return redirect(url_for("courses.course", slug=slug))


@routes.route("/<slug>/modules/<int:module_id>")
@login_required
@writes_on_get  # a learner's first view of a module is recorded
def module(slug: str, module_id: int):
    course, module = _openable_module(slug, module_id)
    enrollment = queries.enrollment_of(current_user, course)
    now = clock.now()
    locked = not module.day.is_open(now)
    if locked and not can_edit_course(current_user, course):
        return render_template("courses/locked.html", course=course, module=module), 403
    if is_learner(enrollment) and not locked:
        services.record_view(enrollment, module, now)
    states = queries.module_states(enrollment)
    previous, following = neighbours(course, module)
    # The unit of work commits after rendering, so the page is drawn from the rows already loaded.
    return render_template(
        "courses/module.html", course=course, module=module, enrollment=enrollment,
        state=states.get(module.id), body=render_markdown(localized(module, "body"), localized(module, "title")),
        previous=previous, following=following, complete_form=CompleteForm(), locked=locked,
        is_learner=is_learner(enrollment),
    )


@routes.route("/<slug>/modules/<int:module_id>/complete", methods=["POST"])
@login_required
def complete(slug: str, module_id: int):
    course, module = _openable_module(slug, module_id)
    enrollment = queries.enrollment_of(current_user, course)
    if not is_learner(enrollment):
        abort(403)  # only learners complete modules; trainers preview them
    if not CompleteForm().validate():
        abort(400)
    services.complete_by_hand(enrollment, module, clock.now())
    flash(_("“%(title)s” is complete.", title=localized(module, "title")), "success")
    following = neighbours(course, module)[1]
    if following is not None:
        return redirect(url_for("courses.module", slug=slug, module_id=following.id))
    return redirect(url_for("courses.course", slug=slug))


@routes.route("/<slug>/modules/<int:module_id>/files/<int:attachment_id>")
@login_required
def attachment(slug: str, module_id: int, attachment_id: int):
    course, module = _openable_module(slug, module_id)
    if not module.day.is_open(clock.now()) and not can_edit_course(current_user, course):
        abort(403)
    found = next((a for a in module.attachments if a.id == attachment_id), None)
    if found is None:
        abort(404)
    inline = found.content_type.startswith("image/") or found.content_type == "application/pdf"
    return files.response(found.file, found.filename, inline=inline)


def _openable_module(slug: str, module_id: int) -> tuple[Course, Module]:
    """The course and one of its modules, for someone allowed to open the course's modules."""
    course = _visible_course(slug)
    module = module_of_or_404(course, module_id)
    if not can_open_modules(current_user, course):
        abort(403)
    return course, module
