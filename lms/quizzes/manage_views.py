"""Authoring quizzes: the course's question bank (import, export) and each quiz's settings."""
from __future__ import annotations

import csv
import io

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms import clock
from lms.courses.permissions import editable_course, module_of_or_404
from lms.extensions import db
from lms.i18n import LANGUAGES, current_locale
from lms.numbers import round_percent, round_points
from lms.quizzes import queries, question_import, services
from lms.quizzes.bank import bank_as_gift
from lms.quizzes.forms import QuestionImportForm, QuizSettingsForm, question_form_class
from lms.quizzes.models import GradingMethod, Question, QuizPurpose, ReviewPolicy
from lms.quizzes.problems import problem_message
from lms.quizzes.question_form import fill_question_form, question_changes
from lms.quizzes.review import what_learners_see
from lms.spreadsheets import csv_text
from lms.timezones import local_to_utc, utc_to_local
from lms.web.forms import ids_from
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on, writes_on_get

routes = Routes("/courses/<slug>/manage")



def _bank(course) -> list[Question]:
    return list(db.session.scalars(
        select(Question).where(Question.course_id == course.id)
        .options(selectinload(Question.translations)).order_by(Question.category, Question.id)))


@routes.route("/questions", methods=["GET", "POST"])
def questions(slug: str):
    course = editable_course(slug)
    form = QuestionImportForm(language=course.original_locale)
    problems = []
    if form.validate_on_submit():
        source = form.source()
        try:
            skipped = []
            if form.as_translation.data:
                count = question_import.import_translations(course, source, form.fmt.data, form.language.data)
            elif form.skip_unsupported.data:
                imported, skipped = question_import.import_supported_questions(course, source, form.fmt.data,
                                                                        form.language.data)
                count = len(imported)
            else:
                count = len(question_import.import_questions(course, source, form.fmt.data, form.language.data))
        except question_import.ImportFailed as failed:
            db.session.rollback()
            problems = [(p.line, problem_message(p)) for p in failed.problems]
        else:
            flash(ngettext("%(num)d question imported.", "%(num)d questions imported.", count), "success")
            for problem in skipped:
                flash(_("Left out, line %(line)d: %(reason)s", line=problem.line, reason=problem_message(problem)),
                      "info")
            return redirect(url_for("quizzes.questions", slug=slug))
    status = 400 if form.errors or problems else 200
    return render_template("quizzes/manage/questions.html", course=course, bank=_bank(course), form=form,
                           problems=problems), status


@routes.route("/questions/export.gift")
def export_questions(slug: str):
    course = editable_course(slug)
    locale = request.args.get("language", course.original_locale)
    if locale not in LANGUAGES:
        abort(404)  # only the site's languages (a newline here once broke the download's header)
    return Response(bank_as_gift(_bank(course), locale), mimetype="text/plain",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-{locale}.gift"'})


@routes.route("/quizzes/<int:quiz_module_id>/results")
def quiz_results(slug: str, quiz_module_id: int):
    course, module, quiz = _quiz_of(slug, quiz_module_id)
    attempts = queries.submitted_attempts(quiz)
    return render_template("quizzes/manage/results.html", course=course, module=module, quiz=quiz,
                           attempts=attempts, items=queries.item_analysis(quiz),
                           waiting=queries.attempts_waiting(quiz),
                           distribution=queries.distribution(attempts))


@routes.route("/quizzes/<int:quiz_module_id>/results.csv")
def quiz_results_csv(slug: str, quiz_module_id: int):
    _course, module, quiz = _quiz_of(slug, quiz_module_id)
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so that spreadsheet programs read Azerbaijani and Cyrillic letters right
    writer = csv.writer(out)
    writer.writerow([_("Name"), _("E-mail"), _("Attempt"), _("Submitted"), _("Score"), _("Maximum"), _("Percent")])
    for row in queries.submitted_attempts(quiz):
        writer.writerow([csv_text(row.name), csv_text(row.email), row.number, row.submitted_at.isoformat(),
                         round_points(row.score), round_points(row.max_score), round_percent(row.percent)])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="quiz-{module.id}-results.csv"'})


def _quiz_of(slug: str, quiz_module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, quiz_module_id)
    return course, module, services.quiz_for(module)


@routes.route("/quizzes/<int:quiz_module_id>", methods=["GET", "POST"])
@writes_on_get  # the quiz row is made on the first visit
def quiz_settings(slug: str, quiz_module_id: int):
    course, module, quiz = _quiz_of(slug, quiz_module_id)
    form = QuizSettingsForm(obj=quiz)
    if request.method == "GET":
        form.opens_at.data = utc_to_local(quiz.opens_at, course.timezone) if quiz.opens_at else None
        form.closes_at.data = utc_to_local(quiz.closes_at, course.timezone) if quiz.closes_at else None
    if form.validate_on_submit():
        services.update_quiz(
            quiz, actor=current_user,
            opens_at=local_to_utc(form.opens_at.data, course.timezone) if form.opens_at.data else None,
            closes_at=local_to_utc(form.closes_at.data, course.timezone) if form.closes_at.data else None,
            time_limit_minutes=form.time_limit_minutes.data, attempts_allowed=form.attempts_allowed.data,
            grading_method=GradingMethod(form.grading_method.data), pass_mark=form.pass_mark.data,
            questions_per_page=form.questions_per_page.data, shuffle_questions=form.shuffle_questions.data,
            shuffle_choices=form.shuffle_choices.data, draw_count=form.draw_count.data,
            review_policy=ReviewPolicy(form.review_policy.data),
            purpose=QuizPurpose(form.purpose.data) if form.purpose.data else None,
        )
        services.set_questions(quiz, ids_from(request.form.getlist("question")))
        flash(_("The quiz has been saved."), "success")
        return redirect(url_for("quizzes.quiz_settings", slug=slug, quiz_module_id=module.id))
    chosen = {slot.question_id for slot in quiz.slots}
    return render_template("quizzes/manage/quiz.html", course=course, module=module, quiz=quiz, form=form,
                           bank=_bank(course), chosen=chosen, locale=current_locale(),
                           review_note=what_learners_see(quiz)), 400 if form.errors else 200


@routes.route("/questions/<int:question_id>", methods=["GET", "POST"])
def edit_question(slug: str, question_id: int):
    course = editable_course(slug)
    question = db.session.get(Question, question_id)
    if question is None or question.course_id != course.id:
        abort(404)
    form = question_form_class(question)()
    if request.method == "GET":
        fill_question_form(form, question)
    if form.validate_on_submit():
        with service_errors_on(form):
            regraded = services.update_question(question, now=clock.now(), actor=current_user,
                                                **question_changes(form, question))
            flash(ngettext("The question has been saved; %(num)d attempt was regraded.",
                           "The question has been saved; %(num)d attempts were regraded.", regraded), "success")
            return redirect(url_for("quizzes.questions", slug=slug))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("quizzes/manage/question.html", course=course, question=question, form=form), status
