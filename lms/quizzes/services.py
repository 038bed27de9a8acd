"""Every write to quizzes but imports (question_import.py): questions, quiz settings, attempts, answers, grading."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import joinedload, selectinload

from lms import signals
from lms.audit.models import AuditAction
from lms.audit.services import changes_between, record
from lms.auth.models import User
from lms.courses import services as courses
from lms.courses.models import CourseDay, CourseRole, Enrollment, Module, ModuleKind
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES, localized
from lms.quizzes.grading import GRADED_BY_HAND, ChoiceKey, Kind, QuestionKey, grade, has_written_answer
from lms.quizzes.models import (
    Answer,
    Attempt,
    AttemptState,
    Choice,
    ChoiceTranslation,
    GradingMethod,
    Question,
    QuestionTranslation,
    Quiz,
    QuizPurpose,
    QuizQuestion,
)
from lms.quizzes.paper import QuestionText, question_texts, quiz_paper
from lms.quizzes.question_import import upsert_translation
from lms.unique_rows import insert_once

# Answers that reach the server this long after the deadline still count (the network is slow).
GRACE = timedelta(seconds=30)


# --- the question bank ------------------------------------------------------------------------

def question_key(question: Question) -> QuestionKey:
    """What grading needs to know about a question (accepted texts in every language)."""
    original = question.course.original_locale
    return QuestionKey(
        kind=question.kind,
        case_sensitive=question.case_sensitive,
        wrong_pick_penalty=question.wrong_pick_penalty,
        choices=tuple(
            ChoiceKey(
                id=choice.id, credit=choice.credit, value=choice.value, tolerance=choice.tolerance,
                texts=tuple(t.text for t in choice.translations if t.text),
                match=next((t.match for t in choice.translations if t.locale == original),
                           choice.translations[0].match if choice.translations else ""),
            )
            for choice in question.choices
        ),
    )


# --- quizzes ----------------------------------------------------------------------------------

def quiz_for(module: Module) -> Quiz:
    """The quiz of a quiz module, made with default settings the first time it is asked for."""
    if module.kind is not ModuleKind.QUIZ:
        raise DomainError(_("This module is not a quiz."), 404)
    quiz = db.session.scalar(select(Quiz).where(Quiz.module_id == module.id))
    if quiz is None:
        quiz = Quiz(module=module)
        db.session.add(quiz)
        db.session.flush()
    return quiz


def update_quiz(quiz: Quiz, actor: User | None = None, **settings: Any) -> None:
    """Change the quiz's settings (open/close times, limits, grading, review); a trainer's change
    is in the audit log, field by field (a pass mark decides who passes)."""
    if settings.get("opens_at") and settings.get("closes_at") and settings["closes_at"] <= settings["opens_at"]:
        raise DomainError(_("The quiz must close after it opens."))
    changes = changes_between({name: getattr(quiz, name) for name in settings}, settings)
    if settings.get("purpose") is not None:
        _take_purpose(quiz, settings["purpose"])
    for name, value in settings.items():
        setattr(quiz, name, value)
    if actor is not None and changes:
        record(actor, AuditAction.QUIZ_SETTINGS, localized(quiz.module, "title"),
               course=quiz.module.day.course.slug, changes=changes)
    db.session.flush()


def _take_purpose(quiz: Quiz, purpose: QuizPurpose) -> None:
    """A course has one pre-test and one post-test: another quiz that was it becomes an ordinary quiz."""
    others = (select(Quiz.id).join(Module, Module.id == Quiz.module_id).join(CourseDay, CourseDay.id == Module.day_id)
              .where(CourseDay.course_id == quiz.module.day.course_id, Quiz.purpose == purpose, Quiz.id != quiz.id))
    db.session.execute(update(Quiz).where(Quiz.id.in_(others)).values(purpose=None).execution_options(
        synchronize_session="fetch"))


def set_questions(quiz: Quiz, question_ids: list[int]) -> None:
    """Make the quiz ask exactly these questions of its course's bank, in this order."""
    bank = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.course_id == quiz.module.day.course_id, Question.id.in_(question_ids)))}
    # Questions that stay keep their rows (a new row for the same question would collide with the
    # old one, which the flush deletes only after inserting); removed ones go with delete-orphan.
    kept = {slot.question_id: slot for slot in quiz.slots}
    slots = []
    for position, question_id in enumerate((qid for qid in dict.fromkeys(question_ids) if qid in bank), start=1):
        slot = kept.get(question_id) or QuizQuestion(question=bank[question_id])
        slot.position = position
        slots.append(slot)
    quiz.slots = slots
    db.session.flush()


# --- attempts ---------------------------------------------------------------------------------

_ATTEMPTS = (select(Attempt).where(Attempt.quiz_id == bindparam("quiz_id"), Attempt.user_id == bindparam("user_id"))
             .order_by(Attempt.number))  # built once, as the autosave's below: a class starting together asks it


def attempts_of(quiz: Quiz, user_id: int) -> list[Attempt]:
    return list(db.session.scalars(_ATTEMPTS, {"quiz_id": quiz.id, "user_id": user_id}))


def start_attempt(quiz: Quiz, enrollment: Enrollment, now: datetime, rng: random.Random | None = None) -> Attempt:
    """The learner's attempt in progress, or a new one with its questions, order and deadline fixed."""
    if enrollment.role is not CourseRole.LEARNER:
        raise DomainError(_("Only learners take quizzes; trainers can preview the questions."), 403)
    past = attempts_of(quiz, enrollment.user_id)
    for attempt in past:
        if attempt.state is AttemptState.IN_PROGRESS:
            if not close_if_overdue(attempt, now):
                return attempt
    if not quiz.is_open(now) or not quiz.module.day.is_open(now):
        raise DomainError(_("This quiz is not open now."), 403)
    if quiz.attempts_allowed is not None and len(past) >= quiz.attempts_allowed:
        raise DomainError(_("You have used all your attempts at this quiz."), 403)
    questions = _questions_in_order(quiz)
    if not questions:
        raise DomainError(_("This quiz has no questions yet."), 409)
    rng = rng or random.SystemRandom()
    if quiz.draw_count and quiz.draw_count < len(questions):
        questions = rng.sample(questions, quiz.draw_count)
    elif quiz.shuffle_questions:
        rng.shuffle(questions)
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    number = len(past) + 1
    values = {"quiz_id": quiz.id, "user_id": enrollment.user_id, "number": number, "started_at": now,
              "deadline_at": deadline, "layout": [_layout(q, quiz.shuffle_choices, rng) for q in questions],
              "max_score": sum(q.points for q in questions)}
    # Two tabs starting at once: the second gets the attempt the first made.
    return insert_once(Attempt, values, ("quiz_id", "user_id", "number"), lambda: db.session.scalar(
        select(Attempt).where(Attempt.quiz_id == quiz.id, Attempt.user_id == enrollment.user_id,
                              Attempt.number == number)))


def _questions_in_order(quiz: Quiz) -> list[QuestionText]:
    """The quiz's questions in its order with their choices, from the content cache (a class starting
    together would otherwise load every question and choice, each of them)."""
    paper = quiz_paper(quiz.id)
    ids = list(paper.question_ids) if paper else []
    texts = question_texts(ids)
    return [texts[question_id] for question_id in ids if question_id in texts]


def _layout(question: QuestionText, shuffle: bool, rng: random.Random) -> dict[str, Any]:
    ids = [choice.id for choice in question.choices]
    entry: dict[str, Any] = {"question": question.id, "choices": list(ids)}
    if question.kind is Kind.MATCHING:
        options = list(ids)
        rng.shuffle(options)  # the right-hand sides are always shown in a random order
        entry["options"] = options
    elif shuffle and question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        rng.shuffle(entry["choices"])
    return entry


# The statements of every autosave, built once (building one costs as much as a good part of its query).
_ANSWER = select(Answer).where(Answer.attempt_id == bindparam("attempt_id"),
                               Answer.question_id == bindparam("question_id"))
_HOLD_IN_PROGRESS = (update(Attempt)
                     .where(Attempt.id == bindparam("attempt_id"), Attempt.state == AttemptState.IN_PROGRESS)
                     .values(state=AttemptState.IN_PROGRESS)
                     .execution_options(synchronize_session=False))


def save_answer(attempt: Attempt, question_id: int, response: dict[str, Any], now: datetime,
                sequence: int | None = None) -> Answer:
    """Keep the learner's latest response; refused once the attempt is over.

    `sequence` is the page's count of changes to this answer: a save older than the one kept
    (two saves overtaking each other) changes nothing. A save without one (a page sent without
    JavaScript) is the newest.
    """
    if close_if_overdue(attempt, now) or not _hold_in_progress(attempt):
        raise DomainError(_("This attempt is over: answers can no longer be changed."), 409)
    if question_id not in {entry["question"] for entry in attempt.layout}:
        raise DomainError(_("This question is not part of your attempt."), 400)
    answer = db.session.scalar(_ANSWER, {"attempt_id": attempt.id, "question_id": question_id})
    if answer is None:
        answer = Answer(attempt=attempt, question_id=question_id, response=response, saved_at=now,
                        sequence=sequence or 0)
        db.session.add(answer)
    elif sequence is None or sequence > answer.sequence:
        answer.response, answer.saved_at = response, now
        answer.sequence = answer.sequence + 1 if sequence is None else sequence
    db.session.flush()
    return answer


def _hold_in_progress(attempt: Attempt) -> bool:
    """Lock the attempt's row until the commit if it is still in progress; False once it is submitted.

    A submit at the same moment then either waits for this answer and grades it, or has already
    won and this answer is refused: never acknowledged and left out of the grade. An UPDATE rather
    than SELECT ... FOR UPDATE, because SQLite takes its write lock only for a write.
    """
    return db.session.execute(_HOLD_IN_PROGRESS, {"attempt_id": attempt.id}).rowcount == 1


def close_if_overdue(attempt: Attempt, now: datetime) -> bool:
    """Submit an attempt whose deadline (plus grace) has passed; True when it was closed now."""
    if attempt.state is AttemptState.IN_PROGRESS and attempt.deadline_at and now > attempt.deadline_at + GRACE:
        return submit_attempt(attempt, now)
    return False


def submit_attempt(attempt: Attempt, now: datetime) -> bool:
    """Finish and grade the attempt; True if this call did it, False if it was already submitted.

    The state changes with one conditional UPDATE, so two tabs (or two workers) submitting at once
    grade it only once.
    """
    changed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.state == AttemptState.IN_PROGRESS)
        .values(state=AttemptState.SUBMITTED, submitted_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.refresh(attempt)
    if changed != 1:
        return False
    score_attempt(attempt)
    signals.attempt_graded.send(attempt, now=now)  # the module completes at the pass mark
    return True


def score_attempt(attempt: Attempt) -> None:
    """Score the attempt from its answers; while a written answer waits for a trainer, it has no score yet."""
    question_ids = [entry["question"] for entry in attempt.layout]
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(question_ids))  # with all that question_key() reads
        .options(joinedload(Question.course), selectinload(Question.choices).selectinload(Choice.translations)))}
    answers = {a.question_id: a for a in attempt.answers}
    score, waiting = 0.0, False
    for question_id in question_ids:
        question, answer = questions.get(question_id), answers.get(question_id)
        if question is None or answer is None:
            continue  # unanswered (or removed from the bank): no points
        if question.kind in GRADED_BY_HAND:
            if not has_written_answer(answer.response) and answer.file is None:
                answer.credit = 0.0  # nothing written nor handed in: nothing to grade
            elif answer.credit is None:
                waiting = True  # the trainer's grade, once given, is kept through every regrade
                continue
        else:
            answer.credit = grade(question_key(question), answer.response)
        score += answer.credit * question.points
    attempt.score = None if waiting else round(score, 4)
    attempt.max_score = sum(question.points for question in questions.values())  # points may have changed
    db.session.flush()


def on_attempt_graded(attempt: Attempt, *, now: datetime) -> None:
    """`signals.attempt_graded`: an attempt at the pass mark completes the quiz module."""
    percent = attempt.percent or 0
    if percent + 1e-9 < attempt.quiz.pass_mark:
        return
    enrollment = db.session.scalar(select(Enrollment).where(
        Enrollment.user_id == attempt.user_id, Enrollment.course_id == attempt.quiz.module.day.course_id))
    if enrollment is not None:
        courses.complete_module(enrollment, attempt.quiz.module, now)


def close_overdue_attempts(now: datetime) -> int:
    """Submit every attempt whose time is up (for a cron job); returns how many."""
    overdue = db.session.scalars(select(Attempt).where(
        Attempt.state == AttemptState.IN_PROGRESS, Attempt.deadline_at.is_not(None),
        Attempt.deadline_at < now - GRACE)).all()
    return sum(1 for attempt in overdue if submit_attempt(attempt, now))


def regrade(question: Question, now: datetime) -> int:
    """Grade again every submitted attempt that asked `question` (after a trainer fixed it)."""
    attempts = db.session.scalars(
        select(Attempt).join(Answer).where(Answer.question_id == question.id,
                                           Attempt.state == AttemptState.SUBMITTED)).unique().all()
    for attempt in attempts:
        score_attempt(attempt)
        signals.attempt_graded.send(attempt, now=now)
    return len(attempts)


# --- results ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuizGrade:
    percent: float | None
    passed: bool


def quiz_grade(quiz: Quiz, attempts: list[Attempt]) -> QuizGrade:
    """The learner's grade for the quiz by its grading method (highest, last or average attempt)."""
    scores = [a.percent for a in attempts if a.state is AttemptState.SUBMITTED and a.percent is not None]
    if not scores:
        return QuizGrade(None, False)
    if quiz.grading_method is GradingMethod.HIGHEST:
        percent = max(scores)
    elif quiz.grading_method is GradingMethod.LAST:
        percent = scores[-1]
    else:
        percent = sum(scores) / len(scores)
    return QuizGrade(percent, percent + 1e-9 >= quiz.pass_mark)


def update_question(question: Question, *, points: float, texts: dict[str, dict[str, str]],
                    choices: dict[int, dict[str, Any]], now: datetime, wrong_pick_penalty: float = 0.0,
                    case_sensitive: bool = False, min_words: int | None = None, max_words: int | None = None,
                    takes_file: bool = False, actor: User | None = None) -> int:
    """Save a trainer's fix to a question and regrade every submitted attempt that asked it.

    `texts` is {locale: {"text", "feedback"}}; `choices` is {choice id: {"credit", "value",
    "tolerance", "texts": {locale: {"text", "feedback", "match"}}}}. Returns how many attempts
    were regraded.
    """
    original = question.course.original_locale
    if not (texts.get(original) or {}).get("text", "").strip():
        raise DomainError(_("A question needs its text in the course's original language."))
    if question.kind not in (Kind.MATCHING, *GRADED_BY_HAND) and not any(
            c.get("credit", 0) > 0 for c in choices.values()):
        raise DomainError(_("At least one answer must earn credit."))
    if min_words and max_words and min_words > max_words:
        raise DomainError(_("The minimum number of words cannot be above the maximum."))
    question.points = points
    question.min_words, question.max_words = min_words or None, max_words or None
    question.takes_file = takes_file and question.kind in GRADED_BY_HAND
    question.wrong_pick_penalty = wrong_pick_penalty
    question.case_sensitive = case_sensitive
    for locale in LANGUAGES:
        values = texts.get(locale) or {}
        if values.get("text", "").strip():
            upsert_translation(question.translations, QuestionTranslation, locale, text=values["text"].strip(),
                               feedback=values.get("feedback", "").strip())
        elif locale != original:
            question.translations[:] = [t for t in question.translations if t.locale != locale]
    for choice in question.choices:
        change = choices.get(choice.id) or {}
        choice.credit = change.get("credit", choice.credit)
        choice.value = change.get("value", choice.value)
        choice.tolerance = change.get("tolerance", choice.tolerance)
        for locale, words in (change.get("texts") or {}).items():
            words = {name: value.strip() for name, value in words.items()}
            exists = any(row.locale == locale for row in choice.translations)
            if exists or any(words.values()):  # never add an empty row, but do let a text be cleared
                upsert_translation(choice.translations, ChoiceTranslation, locale, **words)
    db.session.flush()
    regraded = regrade(question, now)
    if actor is not None:
        record(actor, AuditAction.QUESTION_CHANGED, question.title or f"#{question.id}",
               course=question.course.slug, regraded=regraded)
    return regraded


def attempts_recorded(module: Module) -> str | None:
    count = db.session.scalar(select(func.count(Attempt.id)).join(Quiz, Quiz.id == Attempt.quiz_id)
                              .where(Quiz.module_id == module.id))
    if not count:
        return None
    return ngettext("%(num)d quiz attempt has been made.", "%(num)d quiz attempts have been made.", count)


# A quiz module with attempts is never deleted with them (courses asks, without importing quizzes).
