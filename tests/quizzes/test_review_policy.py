"""When learners see the correct answers: by default only after their last attempt or once the quiz closed.

The defect this guards: with two attempts allowed, the default showed the correct answers after
attempt 1, so attempt 2 scored 100 %.
"""
from datetime import timedelta

import pytest

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import CourseRole
from lms.extensions import db
from lms.quizzes import services as quizzes
from lms.quizzes.models import ReviewPolicy
from lms.quizzes.review import what_learners_see
from tests.quizzes.conftest import NOW

ANSWERS_SHOWN = "\"badge badge-ok\">correct answer<"  # the badge beside each right choice on the review page


def _submit_one(quiz, enrollment, when=NOW):
    attempt = quizzes.start_attempt(quiz, enrollment, when)
    quizzes.submit_attempt(attempt, when)
    db.session.commit()
    return attempt


def _review(client, attempt):
    return client.get(f"/quizzes/attempts/{attempt.id}/review", headers={"Accept-Language": "en"}).text


def test_a_new_quiz_shows_answers_only_after_the_last_attempt(client, login, quiz_world, frozen_clock):
    frozen_clock(NOW)
    _, quiz, enrollment = quiz_world
    assert quiz.review_policy is ReviewPolicy.AFTER_LAST
    quiz.attempts_allowed = 2
    db.session.commit()
    login(enrollment.user)
    first = _submit_one(quiz, enrollment)
    page = _review(client, first)
    assert ANSWERS_SHOWN not in page
    assert "The correct answers will be shown once you have used your last attempt or the quiz has closed." in page
    second = _submit_one(quiz, enrollment)
    assert ANSWERS_SHOWN in _review(client, second)
    assert ANSWERS_SHOWN in _review(client, first)  # no attempt left: every review shows them


def test_unlimited_attempts_show_answers_once_the_quiz_has_closed(client, login, quiz_world, frozen_clock):
    frozen_clock(NOW)
    _, quiz, enrollment = quiz_world
    quiz.closes_at = NOW + timedelta(days=1)
    db.session.commit()
    login(enrollment.user)
    attempt = _submit_one(quiz, enrollment)
    assert ANSWERS_SHOWN not in _review(client, attempt)
    frozen_clock(NOW + timedelta(days=1))
    assert ANSWERS_SHOWN in _review(client, attempt)


def test_showing_answers_after_each_attempt_is_still_a_trainers_choice(client, login, quiz_world, frozen_clock):
    frozen_clock(NOW)
    _, quiz, enrollment = quiz_world
    quiz.review_policy, quiz.attempts_allowed = ReviewPolicy.ANSWERS, 3
    db.session.commit()
    login(enrollment.user)
    assert ANSWERS_SHOWN in _review(client, _submit_one(quiz, enrollment))


@pytest.mark.parametrize("policy, attempts, closes, sentence", [
    (ReviewPolicy.AFTER_LAST, 2, False, "once they have used their last attempt or the quiz has closed"),
    (ReviewPolicy.AFTER_LAST, None, False, "so they will not see the correct answers"),
    (ReviewPolicy.ANSWERS, 3, False, "can use them in their next attempt"),
    (ReviewPolicy.ANSWERS, 1, False, "right after their attempt"),
    (ReviewPolicy.AFTER_CLOSE, None, False, "until you set a closing time"),
    (ReviewPolicy.AFTER_CLOSE, None, True, "once the quiz has closed"),
    (ReviewPolicy.SCORE_ONLY, 1, True, "their score only"),
])
def test_the_settings_page_says_what_learners_will_see(app, quiz_world, policy, attempts, closes, sentence):
    _, quiz, _ = quiz_world
    quiz.review_policy, quiz.attempts_allowed = policy, attempts
    quiz.closes_at = NOW if closes else None
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert sentence in what_learners_see(quiz)


def test_the_settings_page_shows_the_sentence_in_russian(client, login, make_user, quiz_world):
    course, quiz, _ = quiz_world
    trainer = make_user(Role.TRAINER, locale="ru")
    courses.enrol(trainer, course, by_admin=True, role=CourseRole.TRAINER)
    quiz.attempts_allowed = 2
    db.session.commit()
    login(trainer)
    page = client.get(f"/courses/{course.slug}/manage/quizzes/{quiz.module_id}").text
    assert "Слушатели увидят правильные ответы, когда используют последнюю попытку или тест закроется." in page
