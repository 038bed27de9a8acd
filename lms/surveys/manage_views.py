"""Authoring a survey module's survey and reading its results (the course's trainers and admins)."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from lms.courses.models import Course, Module
from lms.courses.permissions import editable_course, module_of_or_404
from lms.surveys import export, queries, services
from lms.surveys.forms import ActionForm, NewQuestionForm, QuestionForm, StarterForm, SurveySettingsForm
from lms.surveys.models import QuestionKind, Survey, SurveyPurpose, SurveyQuestion
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on, writes_on_get

routes = Routes("/courses/<slug>/manage/surveys")


def _survey_of(slug: str, survey_module_id: int) -> tuple[Course, Module, Survey]:
    course = editable_course(slug)
    module = module_of_or_404(course, survey_module_id)
    return course, module, services.survey_for(module)


def _to_survey(slug: str, module: Module, anchor: str = ""):
    return redirect(url_for("surveys.edit", slug=slug, survey_module_id=module.id) + anchor)


@routes.route("/<int:survey_module_id>/", methods=["GET", "POST"])
@writes_on_get  # the survey row is made on the first visit
def edit(slug: str, survey_module_id: int):
    course, module, survey = _survey_of(slug, survey_module_id)
    form = SurveySettingsForm(obj=survey, purpose=survey.purpose.value)
    if form.validate_on_submit():
        with service_errors_on(form):
            services.configure(survey, anonymous=form.anonymous.data, purpose=SurveyPurpose(form.purpose.data))
            flash(_("The survey's settings have been saved."), "success")
            return _to_survey(slug, module)
    return _edit_page(course, module, survey, settings_form=form), 400 if form.errors or form.form_errors else 200


def _edit_page(course: Course, module: Module, survey: Survey, **forms):
    forms.setdefault("settings_form", SurveySettingsForm(obj=survey, purpose=survey.purpose.value))
    forms.setdefault("question_form", NewQuestionForm())
    return render_template("surveys/manage/edit.html", course=course, module=module, survey=survey,
                           starter_form=StarterForm(), action_form=ActionForm(),
                           answered=services.has_responses(survey), **forms)


@routes.route("/<int:survey_module_id>/template", methods=["POST"])
def start_from(slug: str, survey_module_id: int):
    _course, module, survey = _survey_of(slug, survey_module_id)
    form = StarterForm()
    if not form.validate():
        abort(400)
    with service_errors_flashed():
        services.start_from(survey, form.starter.data)
        flash(_("The template's questions have been added in every language."), "success")
    return _to_survey(slug, module)


@routes.route("/<int:survey_module_id>/questions", methods=["POST"])
def add_question(slug: str, survey_module_id: int):
    course, module, survey = _survey_of(slug, survey_module_id)
    form = NewQuestionForm()
    if form.validate():
        with service_errors_on(form):
            question = services.add_question(survey, kind=QuestionKind(form.kind.data), required=form.must_answer.data,
                                             texts=form.texts_and_options())
            flash(_("The question has been added."), "success")
            return _to_survey(slug, module, f"#survey-question-{question.id}")
    return _edit_page(course, module, survey, question_form=form), 400


@routes.route("/<int:survey_module_id>/questions/<int:survey_question_id>", methods=["GET", "POST"])
def edit_question(slug: str, survey_module_id: int, survey_question_id: int):
    course, module, survey = _survey_of(slug, survey_module_id)
    question = _question(survey, survey_question_id)
    form = QuestionForm(must_answer=question.required)
    if not form.is_submitted():
        for locale, texts in question.texts.items():
            if f"prompt_{locale}" in form:
                form[f"prompt_{locale}"].data = texts.get("prompt", "")
                form[f"options_{locale}"].data = "\n".join(texts.get("options") or [])
    if form.validate_on_submit():
        with service_errors_on(form):
            services.update_question(question, required=form.must_answer.data, texts=form.texts_and_options())
            flash(_("The question has been saved."), "success")
            return _to_survey(slug, module, f"#survey-question-{question.id}")
    return render_template("surveys/manage/question.html", course=course, module=module, survey=survey,
                           question=question, form=form), 400 if form.errors or form.form_errors else 200


@routes.route("/<int:survey_module_id>/questions/<int:survey_question_id>/remove", methods=["POST"])
def remove_question(slug: str, survey_module_id: int, survey_question_id: int):
    _course, module, survey = _survey_of(slug, survey_module_id)
    question = _question(survey, survey_question_id)
    if not ActionForm().validate():
        abort(400)
    with service_errors_flashed():
        services.remove_question(question)
        flash(_("The question has been removed."), "success")
    return _to_survey(slug, module)


def _question(survey: Survey, survey_question_id: int) -> SurveyQuestion:
    question = next((q for q in survey.questions if q.id == survey_question_id), None)
    if question is None:
        abort(404)
    return question


@routes.route("/<int:survey_module_id>/results")
@writes_on_get  # the survey row is made on the first visit
def results(slug: str, survey_module_id: int):
    course, module, survey = _survey_of(slug, survey_module_id)
    return render_template("surveys/manage/results.html", course=course, module=module, survey=survey,
                           results=queries.results(survey))


@routes.route("/<int:survey_module_id>/results.csv")
@writes_on_get  # the survey row is made on the first visit
def results_csv(slug: str, survey_module_id: int):
    course, module, survey = _survey_of(slug, survey_module_id)
    return Response(export.results_csv(queries.results(survey)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-survey-{module.id}.csv"'})


@routes.route("/<int:survey_module_id>/results.xlsx")
@writes_on_get  # the survey row is made on the first visit
def results_xlsx(slug: str, survey_module_id: int):
    course, module, survey = _survey_of(slug, survey_module_id)
    return Response(export.results_xlsx(queries.results(survey)),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-survey-{module.id}.xlsx"'})
