"""A small cohort whose report figures are worked out by hand in the tests."""
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from lms.auth.models import Role, User
from lms.courses import services as courses
from lms.courses.models import Course, Enrollment, Module, ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.quizzes import services as quizzes
from lms.quizzes.models import Attempt, AttemptState

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@dataclass
class Cohort:
    course: Course
    trainer: User
    admin: User
    aynur: User  # AZ, completes everything; quiz 50 % then 100 %
    giorgi: User  # GE, lesson A only, ten days ago; quiz 40 %
    nodar: User  # GE, lessons A and B and the live session
    olga: User  # no country or organisation, has done nothing


def submitted_attempt(quiz, user: User, number: int, score: float, at: datetime) -> Attempt:
    attempt = Attempt(quiz=quiz, user=user, number=number, state=AttemptState.SUBMITTED, started_at=at,
                      submitted_at=at, layout=[], score=score, max_score=10.0)
    db.session.add(attempt)
    return attempt


@pytest.fixture()
def cohort(make_user, make_course, make_organisation, frozen_clock) -> Cohort:
    """Day 1: lessons A, B and a live session; day 2: lesson C and a quiz. Five required modules."""
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER, name="Tamar Trainer")
    course = make_course(days=[["A", "B"], ["C"]], trainer=trainer, slug="key-concepts",
                         starts_on=date(2026, 11, 16))
    live_module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Live"}})
    session = live.schedule(live_module, NOW - timedelta(days=2), NOW - timedelta(days=2, hours=-1))
    quiz_module = courses.add_module(course.days[1], kind=ModuleKind.QUIZ,
                                     texts={"en": {"title": "Final test"}, "ru": {"title": "Итоговый тест"}})
    quiz = quizzes.quiz_for(quiz_module)
    azerbaijan = make_organisation("Dövlət Miqrasiya Xidməti", "AZ")
    georgia = make_organisation("Public Service Hall", "GE")
    aynur = make_user(name="Aynur Əliyeva", organisation=azerbaijan)
    giorgi = make_user(name="Giorgi Beridze", organisation=georgia)
    nodar = make_user(name="Nodar Kapanadze", organisation=georgia)
    olga = make_user(name="Olga Sidorova")
    enrolled = {user.id: courses.enrol(user, course) for user in (aynur, giorgi, nodar, olga)}
    a, b = course.days[0].modules[:2]
    c = course.days[1].modules[0]

    def complete(user: User, module: Module, at: datetime) -> None:
        courses.record_view(enrolled[user.id], module, at)
        courses.complete_module(enrolled[user.id], module, at)

    day_before = NOW - timedelta(days=1)
    for module in (a, b, c):
        complete(aynur, module, day_before)
    live.record_join(session, aynur, enrolled[aynur.id], NOW - timedelta(days=2))
    submitted_attempt(quiz, aynur, 1, 5.0, day_before)
    submitted_attempt(quiz, aynur, 2, 10.0, day_before)
    complete(aynur, quiz_module, day_before)

    ten_days_ago = NOW - timedelta(days=10)
    complete(giorgi, a, ten_days_ago)
    submitted_attempt(quiz, giorgi, 1, 4.0, ten_days_ago)

    complete(nodar, a, day_before)
    complete(nodar, b, day_before)
    live.record_join(session, nodar, enrolled[nodar.id], NOW - timedelta(days=2))
    db.session.commit()
    return Cohort(course=course, trainer=trainer, admin=make_user(Role.ADMIN, name="Admin"), aynur=aynur,
                  giorgi=giorgi, nodar=nodar, olga=olga)


def enrollment(user: User, course: Course) -> Enrollment:
    return db.session.query(Enrollment).filter_by(user_id=user.id, course_id=course.id).one()
