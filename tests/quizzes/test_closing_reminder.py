"""A day before a quiz closes, the learners who have not passed it are reminded, once."""
from datetime import timedelta

from sqlalchemy import select

from lms.courses import services as courses
from lms.extensions import db
from lms.notifications.models import Notification
from lms.quizzes import services as quizzes
from lms.quizzes.notices import remind_closing_soon
from tests.quizzes.conftest import NOW, right_answers


def reminded() -> list[int]:
    return list(db.session.scalars(select(Notification.recipient_id).where(Notification.kind == "quiz_closing")
                                   .order_by(Notification.recipient_id)))


def test_those_who_have_not_passed_are_reminded_once(quiz_world, make_user):
    course, quiz, passed = quiz_world
    failed, idle = courses.enrol(make_user(), course), courses.enrol(make_user(), course)
    withdrawn = courses.enrol(make_user(), course)
    withdrawn.withdrawn_at = NOW
    quiz.closes_at = NOW + timedelta(hours=30)
    attempt = quizzes.start_attempt(quiz, passed, NOW)
    for question_id, response in right_answers(attempt).items():
        quizzes.save_answer(attempt, question_id, response, NOW)
    quizzes.submit_attempt(attempt, NOW)
    quizzes.submit_attempt(quizzes.start_attempt(quiz, failed, NOW), NOW)  # nothing answered: 0 %
    db.session.commit()
    assert remind_closing_soon(NOW) == 0  # more than a day ahead
    assert remind_closing_soon(NOW + timedelta(hours=7)) == 2
    assert remind_closing_soon(NOW + timedelta(hours=8)) == 0  # never twice
    assert reminded() == sorted([failed.user_id, idle.user_id])
    assert remind_closing_soon(NOW + timedelta(hours=31)) == 0  # closed


def test_the_reminder_says_when_in_the_learners_language(quiz_world, client, login, frozen_clock):
    course, quiz, enrollment = quiz_world
    quiz.closes_at = NOW + timedelta(hours=10)
    enrollment.user.timezone = "Asia/Baku"
    db.session.commit()
    remind_closing_soon(NOW)
    db.session.commit()
    frozen_clock(NOW)
    login(enrollment.user)
    page = client.get("/notifications/", headers={"Accept-Language": "ru"}).text
    assert "«Check» закрывается 23 ноября 2026\u202fг., 22:00" in page
    assert f'href="http://localhost/quizzes/{quiz.id}/"' in page
