"""A trainer's quiz settings over a course: saved unchanged, changed, and changed again after learners took it.

The defect this guards: a second save of a quiz with questions answered 500 (the question rows were
inserted before the old ones were deleted), so no time limit or pass mark could change mid-course.
"""
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import CourseRole
from lms.extensions import db
from lms.quizzes import services as quizzes
from lms.quizzes.models import Attempt, QuizQuestion, ReviewPolicy
from tests.forms import changed, form_fields
from tests.quizzes.conftest import NOW, right_answers


def _settings_url(course, quiz):
    return f"/courses/{course.slug}/manage/quizzes/{quiz.module_id}"


def _save(client, course, quiz, **values):
    page = client.get(_settings_url(course, quiz), headers={"Accept-Language": "en"})
    assert page.status_code == 200
    fields = changed(form_fields(page.text), **values)
    return client.post(_settings_url(course, quiz), data=MultiDict(fields))


def _slots(quiz):
    return list(db.session.scalars(select(QuizQuestion.question_id).where(QuizQuestion.quiz_id == quiz.id)
                                   .order_by(QuizQuestion.position)))


def _trainer_signed_in(make_user, login, course):
    trainer = make_user(Role.TRAINER)
    courses.enrol(trainer, course, by_admin=True, role=CourseRole.TRAINER)
    db.session.commit()
    login(trainer)
    return trainer


def test_saving_unchanged_twice_keeps_every_question_and_setting(client, login, make_user, quiz_world, frozen_clock):
    frozen_clock(NOW)
    course, quiz, _ = quiz_world
    _trainer_signed_in(make_user, login, course)
    questions = _slots(quiz)
    assert len(questions) == 4
    for _ in range(2):
        response = _save(client, course, quiz)
        assert response.status_code == 302, response.text
        assert _slots(quiz) == questions
    db.session.refresh(quiz)
    assert (quiz.pass_mark, quiz.questions_per_page, quiz.review_policy) == (60, 2, ReviewPolicy.AFTER_LAST)


def test_changing_settings_and_questions_after_learners_took_the_quiz(client, login, make_user, quiz_world,
                                                                      frozen_clock):
    frozen_clock(NOW)
    course, quiz, enrollment = quiz_world
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    for question_id, response in right_answers(attempt).items():
        quizzes.save_answer(attempt, question_id, response, NOW)
    quizzes.submit_attempt(attempt, NOW)
    db.session.commit()

    _trainer_signed_in(make_user, login, course)
    first, second, third, fourth = _slots(quiz)
    response = _save(client, course, quiz, pass_mark="75", time_limit_minutes="20",
                     closes_at="2026-11-30T18:00", question=None)
    assert response.status_code == 302
    # the checkboxes the trainer leaves ticked, in a new order, one dropped
    page = client.get(_settings_url(course, quiz))
    fields = [(n, v) for n, v in form_fields(page.text) if n != "question"]
    fields += [("question", str(fourth)), ("question", str(first)), ("question", str(second))]
    assert client.post(_settings_url(course, quiz), data=MultiDict(fields)).status_code == 302

    db.session.refresh(quiz)
    assert (quiz.pass_mark, quiz.time_limit_minutes) == (75, 20)
    assert quiz.closes_at.isoformat() == "2026-11-30T14:00:00+00:00"  # 18:00 in Baku
    assert _slots(quiz) == [fourth, first, second]
    assert third not in _slots(quiz)
    kept = db.session.get(Attempt, attempt.id)  # the learner's attempt and its answers are untouched
    assert kept.score == 4 and len(kept.answers) == 4


def test_question_boxes_with_odd_values_are_ignored_not_a_500(client, login, make_user, quiz_world):
    course, quiz, _ = quiz_world
    _trainer_signed_in(make_user, login, course)
    page = client.get(_settings_url(course, quiz))
    fields = [(n, v) for n, v in form_fields(page.text) if n != "question"]
    fields += [("question", "²"), ("question", "9" * 30), ("question", "-1"), ("question", str(_slots(quiz)[0]))]
    assert client.post(_settings_url(course, quiz), data=MultiDict(fields)).status_code == 302
    assert len(_slots(quiz)) == 1


def test_a_learner_cannot_save_quiz_settings(client, login, quiz_world):
    course, quiz, enrollment = quiz_world
    login(enrollment.user)
    assert client.post(_settings_url(course, quiz), data={"pass_mark": "0"}).status_code == 403
    db.session.refresh(quiz)
    assert quiz.pass_mark == 60
