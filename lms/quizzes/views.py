"""Taking a quiz: the start page, the attempt (answers saved as they are given), submit, review."""
from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from lms import clock
from lms.courses.models import Module
from lms.courses.permissions import can_edit_course, can_open_modules, is_learner
from lms.courses.queries import enrollment_of
from lms.errors import DomainError
from lms.extensions import csrf, db
from lms.files import services as stored_files
from lms.json_input import UnsafeJSON, load_json
from lms.quizzes import essays, queries, services
from lms.quizzes.forms import AttemptPageForm, StartForm, SubmitForm
from lms.quizzes.grading import GRADED_BY_HAND
from lms.quizzes.knowledge import gain_of
from lms.quizzes.models import AnswerFile, Attempt, AttemptState, Question, Quiz, QuizPurpose
from lms.quizzes.paper import question_texts, quiz_paper
from lms.quizzes.responses import InvalidResponse, response_from_fields
from lms.quizzes.review import may_see_answers
from lms.web.forms import page_number
from lms.web.routes import Routes
from lms.web.unit_of_work import writes_on_get

routes = Routes("/quizzes")


@routes.route("/module/<int:quiz_module_id>")
@login_required
@writes_on_get  # a quiz module's quiz row is made on its first visit
def for_module(quiz_module_id: int):
    """The quiz of a quiz module (the course page links modules, not quizzes)."""
    module = db.get_or_404(Module, quiz_module_id)
    if not can_open_modules(current_user, module.course):
        abort(403)
    quiz = services.quiz_for(module)
    return redirect(url_for("quizzes.start_page", quiz_id=quiz.id))


@routes.route("/<int:quiz_id>/")
@login_required
def start_page(quiz_id: int):
    quiz = _quiz_for_current_user(quiz_id)
    attempts = services.attempts_of(quiz, current_user.id)
    enrollment = enrollment_of(current_user, quiz.module.course)
    return render_template(
        "quizzes/start.html", quiz=quiz, attempts=attempts, grade=services.quiz_grade(quiz, attempts),
        in_progress=next((a for a in attempts if a.state is AttemptState.IN_PROGRESS), None),
        is_learner=is_learner(enrollment),
        now=clock.now(), form=StartForm(),
        # the post-test shows the learner what the course taught them
        gain=gain_of(quiz.module.course, current_user) if quiz.purpose is QuizPurpose.POST_TEST else None,
    )


@routes.route("/<int:quiz_id>/start", methods=["POST"])
@login_required
def start(quiz_id: int):
    quiz = _quiz_for_current_user(quiz_id)
    enrollment = enrollment_of(current_user, quiz.module.course)
    if enrollment is None:
        abort(403)
    if not StartForm().validate():
        abort(400)
    attempt = services.start_attempt(quiz, enrollment, clock.now())
    return redirect(url_for("quizzes.attempt", attempt_id=attempt.id))


@routes.route("/attempts/<int:attempt_id>", methods=["GET", "POST"])
@login_required
@writes_on_get  # an attempt found overdue is submitted
def attempt(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if services.close_if_overdue(attempt, clock.now()):
        flash(_("Time is up: your attempt was submitted with the answers you had saved."), "info")
    if attempt.state is AttemptState.SUBMITTED:
        return redirect(url_for("quizzes.review", attempt_id=attempt.id))
    paper = quiz_paper(attempt.quiz_id)  # the quiz's title and page size, from the cache
    total = queries.pages(attempt, paper.questions_per_page)
    page = min(max(request.args.get("page", 1, type=page_number), 1), total)
    questions = queries.page_questions(attempt, page, paper.questions_per_page)
    form = AttemptPageForm()
    status = 200
    if request.method == "POST":
        if not form.validate():
            abort(400)
        _save_page(attempt, questions)  # without JavaScript, each page submit saves its answers
        try:
            _save_files(attempt, questions)
        except DomainError as error:  # the file is refused; the answers just saved are kept
            flash(error.message, "error")
            status = error.status
        else:
            step = {"previous": page - 1, "next": page + 1}.get(request.form.get("go"), page)
            if request.form.get("go") == "finish":
                return redirect(url_for("quizzes.summary", attempt_id=attempt.id))
            return redirect(url_for("quizzes.attempt", attempt_id=attempt.id, page=min(max(step, 1), total)))
    return render_template("quizzes/attempt.html", attempt=attempt, quiz=paper, page=page, pages=total,
                           questions=questions, form=form, files=queries.answer_files(attempt, questions)), status


@routes.route("/attempts/<int:attempt_id>/answers", methods=["POST"])
@csrf.exempt  # checked below, after the sign-in check: an expired session must answer 401, not 400
def save_answer(attempt_id: int):
    """Autosave: {"question": id, "fields": {name: [values]}} → {"saved": true} or an error code."""
    if not current_user.is_authenticated:  # the page keeps the answer and asks to sign in again
        return jsonify(error="signed_out", login=url_for("auth.login", next=url_for(
            "quizzes.attempt", attempt_id=attempt_id))), 401
    try:
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError:
        return jsonify(error="expired", message=_("The page has expired. Reload it: your answers are kept.")), 400
    attempt = _own_attempt(attempt_id)
    try:
        payload = load_json(request.get_data())
    except UnsafeJSON:
        return jsonify(error="invalid", message=_("This answer cannot be saved.")), 400
    if not isinstance(payload, dict):  # JSON, but not an object: nothing to save
        payload = {}
    question_id, fields, sequence = payload.get("question"), payload.get("fields"), payload.get("sequence")
    entry = next((e for e in attempt.layout if e["question"] == question_id), None)
    question = question_texts([question_id]).get(question_id) if entry else None  # its kind, from the cache
    if question is None or not isinstance(fields, dict) or not _is_sequence(sequence):
        return jsonify(error="invalid", message=_("This answer cannot be saved.")), 400
    try:
        response = response_from_fields(question.kind, question_id, entry["choices"],
                                        lambda name: _values(fields.get(name))[:50])
        answer = services.save_answer(attempt, question_id, response, clock.now(), sequence)
    except InvalidResponse:
        return jsonify(error="invalid", message=_("This answer cannot be saved.")), 400
    except DomainError as error:  # returned, not raised: an overdue attempt closed just now is kept
        return jsonify(error="closed", message=error.message,
                       review=url_for("quizzes.review", attempt_id=attempt.id)), error.status
    # `sequence` tells the page which of its saves the server keeps (a newer one may have come first)
    return jsonify(saved=True, saved_at=answer.saved_at.isoformat(), sequence=answer.sequence)


def _is_sequence(value) -> bool:
    """None (an older page), or the page's change count: a whole number the database can keep."""
    return value is None or (type(value) is int and 0 < value < 2**31)


def _values(value) -> list[str]:
    """A field's values as strings, however the browser (or anyone) sent them."""
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


@routes.route("/attempts/<int:attempt_id>/summary")
@login_required
def summary(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if attempt.state is AttemptState.SUBMITTED:
        return redirect(url_for("quizzes.review", attempt_id=attempt.id))
    return _summary(attempt), 200


def _summary(attempt: Attempt) -> str:
    return render_template("quizzes/summary.html", attempt=attempt, quiz=attempt.quiz,
                           answered=queries.answered_count(attempt), form=SubmitForm(),
                           outside_limits=essays.outside_limits_in(attempt))


@routes.route("/attempts/<int:attempt_id>/submit", methods=["POST"])
@login_required
def submit(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if not SubmitForm().validate():
        abort(400)
    # Time up: the attempt is closed as it stands, word limits or not; before then, essays keep to them.
    if not services.close_if_overdue(attempt, clock.now()) and attempt.state is AttemptState.IN_PROGRESS:
        if essays.outside_limits_in(attempt):
            return _summary(attempt), 400
        if services.submit_attempt(attempt, clock.now()):
            flash(_("Your attempt has been submitted."), "success")
    return redirect(url_for("quizzes.review", attempt_id=attempt.id))


@routes.route("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if attempt.state is not AttemptState.SUBMITTED:
        return redirect(url_for("quizzes.attempt", attempt_id=attempt.id))
    attempts_made = len(services.attempts_of(attempt.quiz, current_user.id))
    show_answers = may_see_answers(attempt.quiz, attempt, attempts_made, clock.now())
    questions = queries.shown_questions(attempt)
    files = queries.answer_files(attempt)
    # A written answer has no key to give away: the learner reads it and the trainer's grade in any case.
    return render_template("quizzes/review.html", attempt=attempt, quiz=attempt.quiz, show_answers=show_answers,
                           files=files,
                           questions=questions if show_answers else [
                               shown for shown in questions if shown.question.kind in GRADED_BY_HAND])


def _save_page(attempt: Attempt, questions: list[queries.ShownQuestion]) -> None:
    for shown in questions:
        entry = attempt.layout[shown.number - 1]
        try:
            response = response_from_fields(shown.question.kind, shown.question.id, entry["choices"],
                                            request.form.getlist)
        except InvalidResponse:
            abort(400)
        services.save_answer(attempt, shown.question.id, response, clock.now())


def _save_files(attempt: Attempt, questions: list[queries.ShownQuestion]) -> None:
    """The files chosen (or ticked for removal) for the page's essays that take one."""
    for shown in questions:
        if shown.question.kind not in GRADED_BY_HAND or not shown.question.takes_file:
            continue
        question = db.session.get(Question, shown.question.id)
        if request.form.get(f"remove-file-{question.id}"):
            essays.remove_file(attempt, question, clock.now())
        upload = request.files.get(f"file-{question.id}")
        if upload is not None and upload.filename:
            essays.attach_file(attempt, question, upload.filename, upload.stream, clock.now(),
                               current_app.config["MAX_ATTACHMENT_BYTES"])


@routes.route("/answer-files/<int:answer_file_id>")
@login_required
def answer_file(answer_file_id: int):
    """A file handed in with an essay: for its learner and the course's trainers and admins."""
    found = db.get_or_404(AnswerFile, answer_file_id)
    attempt = found.answer.attempt
    if attempt.user_id != current_user.id and not can_edit_course(current_user, attempt.quiz.module.day.course):
        abort(404)  # as if it did not exist
    return stored_files.response(found.stored, found.filename, inline=False)


def _quiz_for_current_user(quiz_id: int) -> Quiz:
    quiz = queries.quiz_with_enrollment(quiz_id, current_user)
    if quiz is None:
        abort(404)
    course = quiz.module.course
    if not can_open_modules(current_user, course):
        abort(403)
    if not quiz.module.day.is_open(clock.now()) and not can_edit_course(current_user, course):
        abort(403)
    return quiz


def _own_attempt(attempt_id: int) -> Attempt:
    """The current user's attempt; anyone else's is 404, as if it did not exist."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != current_user.id:
        abort(404)
    return attempt
