"""A person downloads everything the site keeps about them, and nothing about anyone else."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from lms.auth.models import Role
from lms.certificates import services as certificates
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.notifications import services as notifications
from lms.programmes import services as programmes
from lms.quizzes import question_import
from lms.quizzes import services as quizzes

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_my_data_holds_my_profile_courses_answers_attendance_certificates_and_notices(
        client, login, make_user, make_course, make_organisation, frozen_clock):
    frozen_clock(NOW)
    organisation = make_organisation("Dövlət Miqrasiya Xidməti", "AZ")
    me = make_user(name="Nigar Əliyeva", organisation=organisation, locale="ru")
    other = make_user(name="Someone Else", email="someone.else@example.org")
    course = make_course(days=[["Terms"]], slug="key-concepts")
    quiz_module = courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Check"}})
    live_module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Opening"}})
    session = live.schedule(live_module, NOW, NOW + timedelta(hours=1))
    question = question_import.import_questions(course, "::Q1::Who is protected? {=Refugees ~Tourists}", "gift")[0]
    quiz = quizzes.quiz_for(quiz_module)
    quizzes.set_questions(quiz, [question.id])
    programme = programmes.create_programme(slug="school", original_locale="en", texts={"en": {"title": "School"}})
    programmes.add_course(programme, course)
    for person in (me, other):
        programmes.enrol(person, programme, by_admin=True)
    enrollment = courses.enrol(me, course)
    courses.complete_by_hand(enrollment, course.days[0].modules[0], NOW)
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    quizzes.save_answer(attempt, question.id, {"choice": question.choices[0].id}, NOW)
    quizzes.submit_attempt(attempt, NOW + timedelta(minutes=1))
    live.record_join(session, me, enrollment, NOW + timedelta(minutes=2))
    certificates.issue_by_hand(make_user(Role.ADMIN), enrollment, NOW)
    notifications.turn_off_mail(me, "day_opens")
    db.session.commit()

    login(me)
    response = client.get("/auth/profile/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.data)
    assert data["format"] == "telim-personal-data" and data["profile"]["email"] == me.email
    assert data["profile"]["organisation"] == "Dövlət Miqrasiya Xidməti" and data["profile"]["language"] == "ru"
    (mine,) = data["courses"]
    assert mine["course"] == "key-concepts" and mine["title"] == "Основы миграции"  # in my language
    assert [m["completed_at"] is not None for m in mine["modules"]][:1] == [True]
    (taken,) = data["quiz_attempts"]
    assert taken["state"] == "submitted" and taken["score"] == taken["max_score"] == 1.0
    assert taken["answers"][0]["question"] == "Q1" and taken["answers"][0]["response"] == {
        "choice": question.choices[0].id}
    assert data["live_sessions"][0]["joins"] == 1
    assert [c["for"] for c in data["certificates"]] == ["Основы миграции", "School"]  # the course and the programme
    assert data["programmes"][0]["programme"] == "school"
    assert "enrolled" in {n["kind"] for n in data["notifications"]["messages"]}
    assert data["notifications"]["not_by_mail"] == ["day_opens"]
    assert "someone.else@example.org" not in response.text and "Someone Else" not in response.text

    profile = client.get("/auth/profile").text
    assert "Скачать мои данные (JSON)" in profile


def test_my_data_needs_a_sign_in(client):
    response = client.get("/auth/profile/data.json")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
