"""Answering a survey: the form once, then a thank-you; trainers preview it."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from lms import clock
from lms.courses.models import Module
from lms.courses.permissions import can_edit_course, can_open_modules, is_learner
from lms.courses.queries import enrollment_of
from lms.extensions import db
from lms.surveys import queries, services
from lms.surveys.forms import AnswerForm
from lms.surveys.models import Survey
from lms.web.routes import Routes
from lms.web.unit_of_work import writes_on_get

routes = Routes("/surveys")


@routes.route("/module/<int:survey_module_id>")
@login_required
@writes_on_get  # a survey module's survey is made the first time it is opened
def for_module(survey_module_id: int):
    """The survey of a survey module (the course page links modules, not surveys)."""
    module = db.get_or_404(Module, survey_module_id)
    if not can_open_modules(current_user, module.course):
        abort(403)
    return redirect(url_for("surveys.answer", survey_id=services.survey_for(module).id))


@routes.route("/<int:survey_id>/", methods=["GET", "POST"])
@login_required
def answer(survey_id: int):
    survey = db.get_or_404(Survey, survey_id)
    course = survey.course
    if not can_open_modules(current_user, course):
        abort(403)
    if not survey.module.day.is_open(clock.now()) and not can_edit_course(current_user, course):
        return render_template("courses/locked.html", course=course, module=survey.module), 403
    enrollment = enrollment_of(current_user, course)
    form, problems, status = AnswerForm(), {}, 200
    if request.method == "POST":
        if not form.validate():
            abort(400)
        try:
            services.submit(survey, current_user, enrollment, request.form.to_dict(flat=False), clock.now())
        except services.AnswerProblems as error:
            db.session.rollback()
            problems, status = error.problems, 400
            flash(error.message, "error")
        # any other DomainError (not a learner, already answered) is the error page with its message
        else:
            flash(_("Thank you for your answers."), "success")
            return redirect(url_for("courses.module", slug=course.slug, module_id=survey.module_id))
    answered = is_learner(enrollment) and services.has_answered(survey, current_user.id)
    return render_template("surveys/answer.html", survey=survey, course=course, form=form, problems=problems,
                           answered=answered, is_learner=is_learner(enrollment), sent=request.form,
                           subjects=queries.subjects_of(survey)), status
