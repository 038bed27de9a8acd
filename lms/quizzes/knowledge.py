"""Knowledge gain of a course: each learner's first attempt at its pre-test and at its post-test, the
means overall, by country and by organisation, and each question's share answered right before and
after (the pre-test's and the post-test's questions paired by their place). A constant number of
queries whatever the number of learners."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import zip_longest

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import selectinload

from lms.auth.models import Organisation, User
from lms.courses.models import Course, CourseDay, Enrollment, Module
from lms.extensions import db
from lms.quizzes.gain import Gain, Means, means
from lms.quizzes.models import Answer, Attempt, AttemptState, Question, Quiz, QuizPurpose, QuizQuestion

RIGHT = 0.999  # an answer with (almost) full credit is right, as in the item analysis


@dataclass(frozen=True)
class LearnerGain:
    learner: User
    organisation: str
    gain: Gain


@dataclass(frozen=True)
class ItemGain:
    """The questions in one place of both tests, and the share of first attempts that got each right."""

    position: int
    question: Question | None  # the post-test's (else the pre-test's)
    before: float | None
    after: float | None


@dataclass(frozen=True)
class GainReport:
    pre_test: Quiz | None
    post_test: Quiz | None
    learners: list[LearnerGain]
    overall: Means
    by_country: list[tuple[str, Means]]
    by_organisation: list[tuple[str, Means]]
    items: list[ItemGain]


def tests_of(course: Course) -> tuple[Quiz | None, Quiz | None]:
    """The course's pre-test and post-test, as its trainers marked them."""
    found = {quiz.purpose: quiz for quiz in db.session.scalars(
        select(Quiz).join(Module, Module.id == Quiz.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course.id, Quiz.purpose.is_not(None)))}
    return found.get(QuizPurpose.PRE_TEST), found.get(QuizPurpose.POST_TEST)


def first_scores(quiz: Quiz | None, user_ids: list[int] | None = None) -> dict[int, float]:
    """User id → percent of their first submitted attempt at `quiz`."""
    if quiz is None:
        return {}
    percent = case((Attempt.max_score > 0, Attempt.score * 100.0 / Attempt.max_score), else_=100.0)
    return {user_id: float(score) for user_id, score in db.session.execute(
        _first_attempts(quiz, user_ids).with_only_columns(Attempt.user_id, percent))}


def _first_attempts(quiz: Quiz, user_ids: list[int] | None = None):
    """SQL: each learner's first submitted attempt at `quiz` (the one that measures what they knew)."""
    first = (select(Attempt.user_id, func.min(Attempt.number).label("number"))
             .where(Attempt.quiz_id == quiz.id, Attempt.state == AttemptState.SUBMITTED).group_by(Attempt.user_id))
    if user_ids is not None:
        first = first.where(Attempt.user_id.in_(user_ids))
    first = first.subquery()
    # A first attempt whose written answers still wait for a trainer measures nothing yet.
    return (select(Attempt).join(first, and_(first.c.user_id == Attempt.user_id, first.c.number == Attempt.number))
            .where(Attempt.quiz_id == quiz.id, Attempt.score.is_not(None)))


def gain_of(course: Course, user: User) -> Gain | None:
    """A learner's own gain in the course, once both tests are marked (None before)."""
    pre_test, post_test = tests_of(course)
    if pre_test is None or post_test is None:
        return None
    return Gain(first_scores(pre_test, [user.id]).get(user.id), first_scores(post_test, [user.id]).get(user.id))


def knowledge_gain(course: Course) -> GainReport:
    """Every active learner's gain, the groups' means and the questions' shares right."""
    pre_test, post_test = tests_of(course)
    learners = db.session.execute(
        select(User, Organisation.name).join(Enrollment, Enrollment.user_id == User.id)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .where(Enrollment.course_id == course.id, Enrollment.is_active_learner())
        .order_by(func.lower(User.name))).all()
    pre, post = first_scores(pre_test), first_scores(post_test)
    rows = [LearnerGain(user, organisation or "", Gain(pre.get(user.id), post.get(user.id)))
            for user, organisation in learners]
    by_country, by_organisation = defaultdict(list), defaultdict(list)
    for row in rows:
        by_country[row.learner.country or ""].append(row.gain)
        by_organisation[row.organisation].append(row.gain)
    return GainReport(pre_test, post_test, rows, means(row.gain for row in rows),
                      sorted((key, means(gains)) for key, gains in by_country.items()),
                      sorted((key, means(gains)) for key, gains in by_organisation.items()),
                      _items(pre_test, post_test))


def _items(pre_test: Quiz | None, post_test: Quiz | None) -> list[ItemGain]:
    before, after = _shares_right(pre_test), _shares_right(post_test)
    pairs = zip_longest(_questions(pre_test), _questions(post_test))
    return [ItemGain(position, post_question or pre_question,
                     before.get(pre_question.id) if pre_question else None,
                     after.get(post_question.id) if post_question else None)
            for position, (pre_question, post_question) in enumerate(pairs, start=1)]


def _questions(quiz: Quiz | None) -> list[Question]:
    if quiz is None:
        return []
    return list(db.session.scalars(select(Question).join(QuizQuestion, QuizQuestion.question_id == Question.id)
                                   .where(QuizQuestion.quiz_id == quiz.id).order_by(QuizQuestion.position)
                                   .options(selectinload(Question.translations))))


def _shares_right(quiz: Quiz | None) -> dict[int, float]:
    """Question id → the share of first attempts that showed it and got it right (unanswered is wrong)."""
    if quiz is None:
        return {}
    attempts = db.session.execute(_first_attempts(quiz).with_only_columns(Attempt.id, Attempt.layout)).all()
    shown: dict[int, int] = defaultdict(int)
    for _attempt_id, layout in attempts:
        for entry in layout:
            shown[entry["question"]] += 1
    right: dict[int, int] = defaultdict(int)
    if attempts:
        for question_id, count in db.session.execute(
                select(Answer.question_id, func.count()).where(
                    Answer.attempt_id.in_([attempt_id for attempt_id, _layout in attempts]), Answer.credit >= RIGHT)
                .group_by(Answer.question_id)):
            right[question_id] = count
    return {question_id: right[question_id] / count for question_id, count in shown.items()}
