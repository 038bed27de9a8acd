"""A certificate stands on records: a learner completes by hand only lessons, never a quiz or a live session.

The defect this guards: a learner who scored 50 % (pass mark 60 %) and never joined the live session
posted "mark complete" for both and received a certificate that /verify called valid.
"""
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from lms.auth.models import Role
from lms.certificates.grounds import certificates_in_doubt
from lms.certificates.models import Certificate
from lms.courses import services as courses
from lms.courses.models import ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live import services as live
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Question

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

GIFT = """
::Q1::Who is protected by the 1951 Convention? {=Refugees ~Tourists}

::Q2::A migrant has always crossed a border. {F}
"""


@pytest.fixture()
def course_world(make_course, make_user, frozen_clock):
    """A course of a lesson, a quiz (pass mark 60 %) and a live session that ended; a learner enrolled."""
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["Reading"]], trainer=trainer, starts_on=date(2026, 11, 23))
    day = course.days[0]
    quiz_module = courses.add_module(day, kind=ModuleKind.QUIZ, texts={"en": {"title": "Check", "body": ""}})
    live_module = courses.add_module(day, kind=ModuleKind.LIVE, texts={"en": {"title": "Opening", "body": ""}})
    live.schedule(live_module, NOW - timedelta(hours=3), NOW - timedelta(hours=2))
    question_import.import_questions(course, GIFT, "gift")
    quiz = quizzes.quiz_for(quiz_module)
    quizzes.set_questions(quiz, list(db.session.scalars(select(Question.id).where(Question.course_id == course.id))))
    learner = make_user(locale="ru")
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    return course, {"lesson": day.modules[0], "quiz": quiz_module, "live": live_module}, quiz, learner, enrollment


def _fail_the_quiz(quiz, enrollment):
    """Answer one question of two right: 50 %, under the pass mark of 60 %."""
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    q1, q2 = (db.session.get(Question, entry["question"]) for entry in attempt.layout)
    right = next(c for c in q1.choices if c.credit > 0)
    quizzes.save_answer(attempt, q1.id, {"choice": right.id}, NOW)
    wrong = next(c for c in q2.choices if c.credit == 0)
    quizzes.save_answer(attempt, q2.id, {"choice": wrong.id}, NOW)
    quizzes.submit_attempt(attempt, NOW)
    db.session.commit()
    assert attempt.percent == 50


def _completed(enrollment, module) -> bool:
    progress = db.session.scalar(select(ModuleProgress).where(
        ModuleProgress.enrollment_id == enrollment.id, ModuleProgress.module_id == module.id))
    return progress is not None and progress.completed_at is not None


@pytest.mark.parametrize("kind, message", ids=["quiz", "live"], argvalues=[
    ("quiz", "Модуль будет завершён, когда вы сдадите тест."),
    ("live", "Модуль будет завершён, когда будет отмечено ваше участие"),
])
def test_mark_complete_is_refused_for_quizzes_and_live_sessions(client, login, course_world, kind, message):
    course, modules, _, learner, enrollment = course_world
    login(learner)
    response = client.post(f"/courses/{course.slug}/modules/{modules[kind].id}/complete")
    assert response.status_code == 403
    assert message in response.text
    assert not _completed(enrollment, modules[kind])


def test_mark_complete_still_completes_a_lesson(client, login, course_world):
    course, modules, _, learner, enrollment = course_world
    login(learner)
    assert client.post(f"/courses/{course.slug}/modules/{modules['lesson'].id}/complete").status_code == 302
    assert _completed(enrollment, modules["lesson"])


def test_a_learner_who_failed_and_was_absent_cannot_certify_herself(client, login, course_world):
    course, modules, quiz, learner, enrollment = course_world
    _fail_the_quiz(quiz, enrollment)
    login(learner)
    for module in modules.values():  # everything the attacker of the report posted, and the lesson
        client.post(f"/courses/{course.slug}/modules/{module.id}/complete")
    assert db.session.scalar(select(Certificate)) is None
    assert not _completed(enrollment, modules["quiz"]) and not _completed(enrollment, modules["live"])
    assert client.get("/progress/").status_code == 200
    assert enrollment.completed_at is None


def test_passing_and_attending_earn_the_certificate(course_world):
    course, modules, quiz, learner, enrollment = course_world
    courses.complete_by_hand(enrollment, modules["lesson"], NOW)
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    for entry in attempt.layout:
        question = db.session.get(Question, entry["question"])
        best = max(question.choices, key=lambda c: c.credit)
        quizzes.save_answer(attempt, question.id, {"choice": best.id}, NOW)
    quizzes.submit_attempt(attempt, NOW)
    live.set_attendance(live.session_for(modules["live"]), {learner.id}, NOW)
    db.session.commit()
    assert db.session.scalar(select(Certificate).where(Certificate.enrollment_id == enrollment.id)) is not None
    assert certificates_in_doubt() == []


def test_check_certificates_lists_one_issued_on_claimed_completions(course_world, runner):
    """A certificate issued before the fix, on completions with no record behind them, is listed; none revoked."""
    course, modules, quiz, learner, enrollment = course_world
    _fail_the_quiz(quiz, enrollment)
    for module in modules.values():  # what the old "mark complete" let a learner do
        courses.complete_module(enrollment, module, NOW)
    db.session.commit()
    certificate = db.session.scalar(select(Certificate).where(Certificate.enrollment_id == enrollment.id))
    assert certificate is not None

    result = runner.invoke(args=["lms", "check-certificates"])
    assert result.exit_code == 1
    assert certificate.code in result.output and learner.email in result.output
    assert "not met: required_modules" in result.output
    assert f"module {modules['quiz'].id} (day 1, quiz) complete with no passing attempt" in result.output
    assert f"module {modules['live'].id} (day 1, live) complete with no attendance" in result.output
    db.session.refresh(certificate)
    assert certificate.revoked_at is None  # admins decide


def test_check_certificates_is_quiet_when_every_certificate_is_earned(runner):
    result = runner.invoke(args=["lms", "check-certificates"])
    assert result.exit_code == 0 and "Every standing certificate meets its course's rule." in result.output
