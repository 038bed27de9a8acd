"""A module that holds learners' records is never deleted: not a lesson they opened, a quiz they
took, nor a live session they attended.

The defect this guards: deleting a quiz or live module said "No learner has opened this module yet"
and then deleted every attempt, answer and attendance.
"""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import Module, ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.live.models import Attendance
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Attempt, Question

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture()
def course_with_records(make_user, make_course, frozen_clock):
    """A lesson opened by two learners, a quiz one took, a live session one attended, and an untouched lesson."""
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["Opened", "Untouched"]], trainer=trainer)
    day = course.days[0]
    quiz_module = courses.add_module(day, kind=ModuleKind.QUIZ, texts={"en": {"title": "Check", "body": ""}})
    live_module = courses.add_module(day, kind=ModuleKind.LIVE, texts={"en": {"title": "Talk", "body": ""}})
    session = live.schedule(live_module, NOW - timedelta(hours=2), NOW - timedelta(hours=1))
    question_import.import_questions(course, "::Q::Refugees are protected by the 1951 Convention. {T}", "gift")
    quiz = quizzes.quiz_for(quiz_module)
    quizzes.set_questions(quiz, list(db.session.scalars(select(Question.id).where(Question.course_id == course.id))))
    first, second = (courses.enrol(make_user(), course) for _ in range(2))
    for enrollment in (first, second):
        courses.record_view(enrollment, day.modules[0], NOW)
    quizzes.submit_attempt(quizzes.start_attempt(quiz, first, NOW), NOW)
    # attendance recorded by the trainer's register; the learner never opened the module page
    db.session.add(Attendance(session_id=session.id, user_id=second.user_id, first_joined_at=NOW,
                              last_joined_at=NOW, joins=0))
    db.session.commit()
    modules = {"opened": day.modules[0], "untouched": day.modules[1], "quiz": quiz_module, "live": live_module}
    return course, trainer, modules


def _delete_url(course, module):
    return f"/courses/{course.slug}/manage/modules/{module.id}/delete"


@pytest.mark.parametrize("which, sentence", [
    ("opened", "2 слушателя уже открывали этот модуль."),
    ("quiz", "Сделана 1 попытка теста."),
    ("live", "Отмечено присутствие 1 человека."),
])
def test_the_page_says_what_the_module_holds_and_offers_no_delete(client, login, course_with_records, which,
                                                                  sentence):
    course, trainer, modules = course_with_records
    login(trainer)
    page = client.get(_delete_url(course, modules[which]), headers={"Accept-Language": "ru"}).text
    assert sentence in page
    assert "нельзя удалить" in page
    assert 'class="button button-danger"' not in page


@pytest.mark.parametrize("which", ["opened", "quiz", "live"])
def test_posting_the_delete_anyway_is_refused_and_keeps_every_record(client, login, course_with_records, which):
    course, trainer, modules = course_with_records
    login(trainer)
    counts = [db.session.scalar(select(func.count()).select_from(model)) for model in (Attempt, Attendance)]
    response = client.post(_delete_url(course, modules[which]))
    assert response.status_code == 409
    assert db.session.get(Module, modules[which].id) is not None
    assert [db.session.scalar(select(func.count()).select_from(model)) for model in (Attempt, Attendance)] == counts


def test_a_module_without_records_is_deleted(client, login, course_with_records):
    course, trainer, modules = course_with_records
    login(trainer)
    untouched_id, url = modules["untouched"].id, _delete_url(course, modules["untouched"])
    page = client.get(url, headers={"Accept-Language": "en"}).text
    assert "No learner has opened this module yet." in page
    assert client.post(url).status_code == 302
    assert db.session.scalar(select(Module).where(Module.id == untouched_id)) is None
