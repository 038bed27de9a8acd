"""Read models for quiz pages: the questions of an attempt's page, with texts, in few queries."""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import contains_eager, selectinload

from lms.auth.models import User
from lms.courses.models import Course, CourseDay, Enrollment, Module
from lms.courses.queries import enrolled, keep_enrollment
from lms.extensions import db
from lms.quizzes.models import Answer, AnswerFile, Attempt, AttemptState, Choice, Question, Quiz, QuizQuestion
from lms.quizzes.paper import ChoiceText, QuestionText, question_texts


@dataclass(frozen=True)
class ShownQuestion:
    """A question as one attempt shows it: its number, choices in the attempt's order, saved answer.

    The review shows the question itself (with its key and feedback); the attempt's pages show
    only its texts, from the cache (lms/quizzes/paper.py).
    """

    number: int
    question: Question | QuestionText
    choices: list[Choice] | list[ChoiceText]
    options: list[Choice] | list[ChoiceText]  # matching: the right-hand sides, in the attempt's order
    response: dict[str, Any] | None
    credit: float | None
    sequence: int = 0  # how many changes of the answer the server has kept (the page counts on from it)
    comment: str = ""  # an essay's: the trainer's comment on it


@functools.cache  # built once (not at import: its loader options need every model mapped)
def _quiz_with_enrollment() -> Select:
    # built per request, the statement would cost more than the query it saves
    return (select(Quiz, Enrollment).join(Quiz.module).join(Module.day).join(CourseDay.course)
            .outerjoin(Enrollment, enrolled(bindparam("user_id"), Course.id))
            .where(Quiz.id == bindparam("quiz_id"))
            .options(contains_eager(Quiz.module).contains_eager(Module.day).contains_eager(CourseDay.course)))


def quiz_with_enrollment(quiz_id: int, user: User) -> Quiz | None:
    """The quiz with its module, day and course, which every page of a quiz reads, and the user's
    enrolment in the course read along (kept for `enrollment_of`, which the page asks next): one query."""
    row = db.session.execute(_quiz_with_enrollment(), {"quiz_id": quiz_id, "user_id": user.id}).first()
    if row is None:
        return None
    quiz, enrollment = row
    keep_enrollment(user, quiz.module.course.id, enrollment)
    return quiz


def quiz_of_module(module_id: int) -> Quiz | None:
    """A quiz module's quiz, or None before anyone opened its settings (reading makes no row)."""
    return db.session.scalar(select(Quiz).where(Quiz.module_id == module_id))


def best_scores(course_id: int) -> Select:
    """(user_id, quiz_id, best): each learner's best percent in each of the course's quizzes,
    over submitted attempts."""
    return _best_scores().where(CourseDay.course_id == course_id)


def best_scores_by_course(course_ids: list[int]) -> Select:
    """(course_id, user_id, quiz_id, best): the same for several courses at once (editions compared)."""
    return _best_scores(CourseDay.course_id).where(CourseDay.course_id.in_(course_ids))


def _best_scores(*by: Any) -> Select:
    return (
        select(*by, Attempt.user_id, Attempt.quiz_id,
               func.max(Attempt.score * 100.0 / Attempt.max_score).label("best"))
        .join(Quiz, Quiz.id == Attempt.quiz_id).join(Module, Module.id == Quiz.module_id)
        .join(CourseDay, CourseDay.id == Module.day_id)
        # an attempt waiting for a trainer's grade has no score yet
        .where(Attempt.state == AttemptState.SUBMITTED, Attempt.max_score > 0, Attempt.score.is_not(None))
        .group_by(*by, Attempt.user_id, Attempt.quiz_id)
    )


def attempt_events(course_id: int) -> Select:
    """(user_id, at): each moment a learner started or submitted an attempt at one of the course's quizzes."""
    return (
        select(Attempt.user_id, func.coalesce(Attempt.submitted_at, Attempt.started_at))
        .join(Quiz, Quiz.id == Attempt.quiz_id).join(Module, Module.id == Quiz.module_id)
        .join(CourseDay, CourseDay.id == Module.day_id).where(CourseDay.course_id == course_id)
    )


def pages(attempt: Attempt, per_page: int) -> int:
    return max(1, -(-len(attempt.layout) // per_page))


def shown_questions(attempt: Attempt) -> list[ShownQuestion]:
    """Every question of the attempt with its key and feedback, for the review, in 5 queries."""
    entries = list(enumerate(attempt.layout, start=1))
    ids = [entry["question"] for _, entry in entries]
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(ids)).options(
            selectinload(Question.translations),
            selectinload(Question.choices).selectinload(Choice.translations),
        ))}
    return _shown(entries, questions, _answers(attempt, ids))


def page_questions(attempt: Attempt, page: int, per_page: int) -> list[ShownQuestion]:
    """One page of the attempt: the questions' texts from the cache, the learner's saved answers."""
    entries = list(enumerate(attempt.layout, start=1))[(page - 1) * per_page: page * per_page]
    ids = [entry["question"] for _, entry in entries]
    return _shown(entries, question_texts(ids), _answers(attempt, ids))


@functools.lru_cache(maxsize=128)  # one per number of questions on a page
def _answers_to(count: int):
    """Every quiz page asks this: built once for each number of questions on a page, SQLAlchemy reuses its
    compiled form. One bound parameter per question (a list expanded at each execution costs a page 4%)."""
    return select(Answer).where(Answer.attempt_id == bindparam("attempt_id"),
                                Answer.question_id.in_([bindparam(f"question_{n}") for n in range(count)]))


def _answers(attempt: Attempt, question_ids: list[int]) -> dict[int, Answer]:
    if not question_ids:
        return {}
    values = {f"question_{n}": question_id for n, question_id in enumerate(question_ids)}
    return {a.question_id: a for a in db.session.scalars(
        _answers_to(len(question_ids)), {"attempt_id": attempt.id, **values})}


def _shown(entries: list[tuple[int, dict[str, Any]]], questions: Mapping[int, Question | QuestionText],
           answers: dict[int, Answer]) -> list[ShownQuestion]:
    shown = []
    for number, entry in entries:
        question = questions.get(entry["question"])
        if question is None:
            continue  # deleted from the bank since the attempt started
        by_id = {choice.id: choice for choice in question.choices}
        answer = answers.get(question.id)
        shown.append(ShownQuestion(
            number=number, question=question,
            choices=[by_id[i] for i in entry["choices"] if i in by_id],
            options=[by_id[i] for i in entry.get("options", []) if i in by_id],
            response=answer.response if answer else None,
            credit=answer.credit if answer else None,
            sequence=answer.sequence if answer else 0,
            comment=answer.comment if answer else "",
        ))
    return shown


def answer_files(attempt: Attempt, shown: list[ShownQuestion] | None = None) -> dict[int, AnswerFile]:
    """Question id → the file handed in with its essay answer in this attempt (of these questions: none
    to look for when none of them takes a file, as on most quiz pages)."""
    if shown is not None and not any(question.question.takes_file for question in shown):
        return {}
    return {question_id: found for question_id, found in db.session.execute(
        select(Answer.question_id, AnswerFile).join(AnswerFile, AnswerFile.answer_id == Answer.id)
        .where(Answer.attempt_id == attempt.id))}


def answered_count(attempt: Attempt) -> int:
    """How many questions of the attempt have a non-empty saved answer."""
    return sum(1 for answer in attempt.answers if _has_content(answer.response))


def _has_content(response: dict[str, Any] | None) -> bool:
    return any(value not in (None, "", [], {}) for value in (response or {}).values())


@dataclass(frozen=True)
class AttemptRow:
    name: str
    email: str
    number: int
    submitted_at: Any
    score: float
    max_score: float

    @property
    def percent(self) -> float:
        return 100.0 if self.max_score == 0 else self.score * 100 / self.max_score


@dataclass(frozen=True)
class ItemRow:
    """Item analysis of one question: how many answered it and how well."""

    question: Question
    answered: int
    right: int
    average_credit: float

    @property
    def right_share(self) -> float:
        return self.right / self.answered if self.answered else 0.0


def submitted_attempts(quiz: Quiz) -> list[AttemptRow]:
    """Every submitted and scored attempt at the quiz, by learner name, in one query."""
    rows = db.session.execute(
        select(User.name, User.email, Attempt.number, Attempt.submitted_at, Attempt.score, Attempt.max_score)
        .join(User, User.id == Attempt.user_id)
        .where(Attempt.quiz_id == quiz.id, Attempt.state == AttemptState.SUBMITTED, Attempt.score.is_not(None))
        .order_by(func.lower(User.name), Attempt.number)
    )
    return [AttemptRow(*row) for row in rows]


def attempts_waiting(quiz: Quiz) -> int:
    """Submitted attempts whose written answers wait for a trainer (they have no score yet)."""
    return db.session.scalar(select(func.count(Attempt.id)).where(
        Attempt.quiz_id == quiz.id, Attempt.state == AttemptState.SUBMITTED, Attempt.score.is_(None))) or 0


def item_analysis(quiz: Quiz) -> list[ItemRow]:
    """Per question of the quiz: answers in submitted attempts, how many fully right, mean credit."""
    stats = (
        select(Answer.question_id, func.count(Answer.id).label("answered"),
               func.sum(case((Answer.credit >= 0.999, 1), else_=0)).label("right"),
               func.avg(Answer.credit).label("average"))
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .where(Attempt.quiz_id == quiz.id, Attempt.state == AttemptState.SUBMITTED)
        .group_by(Answer.question_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Question, stats.c.answered, stats.c.right, stats.c.average)
        .join(QuizQuestion, QuizQuestion.question_id == Question.id)
        .outerjoin(stats, stats.c.question_id == Question.id)
        .where(QuizQuestion.quiz_id == quiz.id)
        .order_by(QuizQuestion.position)
        .options(selectinload(Question.translations))
    )
    return [ItemRow(question, answered or 0, int(right or 0), float(average or 0))
            for question, answered, right, average in rows]


def distribution(rows: list[AttemptRow]) -> list[int]:
    """How many attempts scored 0–9 %, 10–19 %, …, 90–100 % (ten buckets)."""
    buckets = [0] * 10
    for row in rows:
        buckets[min(int(row.percent // 10), 9)] += 1
    return buckets
