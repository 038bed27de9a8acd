"""Every POST the site takes, sent by a learner who failed the quiz, missed the live session and left the survey, for
every kind of module: nothing completes that should not, and no certificate is issued.

The defect this guards: "mark complete" completed any module, so such a learner certified herself.
The routes are read from the app, so a new POST route is tried here as soon as it exists.
"""
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lms.assignments import services as assignments
from lms.certificates.models import Certificate
from lms.courses import services as courses
from lms.courses.models import ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live import services as live
from lms.live.models import Attendance
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Question
from lms.surveys import services as surveys
from lms.surveys.models import SurveyReceipt

STARTS = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
AFTER_THE_SESSION = STARTS + timedelta(hours=3)


@pytest.fixture()
def failed_learner(make_user, make_course, frozen_clock):
    """A course of a lesson, a quiz (pass mark 60 %), a live session and a survey; the learner scored 50 %, was
    absent and has not answered."""
    frozen_clock(STARTS)
    course = make_course(days=[["Reading"]], starts_on=date(2026, 11, 23))
    day = course.days[0]
    quiz_module = courses.add_module(day, kind=ModuleKind.QUIZ, texts={"en": {"title": "Check", "body": ""}})
    live_module = courses.add_module(day, kind=ModuleKind.LIVE, texts={"en": {"title": "Talk", "body": ""}})
    session = live.schedule(live_module, STARTS, STARTS + timedelta(hours=1))
    assignment_module = courses.add_module(day, kind=ModuleKind.ASSIGNMENT,
                                           texts={"en": {"title": "Action plan", "body": ""}})
    assignment = assignments.assignment_for(assignment_module)
    survey_module = courses.add_module(day, kind=ModuleKind.SURVEY, texts={"en": {"title": "Feedback", "body": ""}})
    survey = surveys.survey_for(survey_module)
    surveys.start_from(survey, "end_of_day")
    question_import.import_questions(course, "::A::Refugees? {=Yes ~No}\n\n::B::Tourists? {~Yes =No}", "gift")
    quiz = quizzes.quiz_for(quiz_module)
    quizzes.set_questions(quiz, list(db.session.scalars(select(Question.id).where(Question.course_id == course.id))))
    learner = make_user()
    enrollment = courses.enrol(learner, course)
    attempt = quizzes.start_attempt(quiz, enrollment, STARTS)
    first, second = (db.session.get(Question, entry["question"]) for entry in attempt.layout)
    quizzes.save_answer(attempt, first.id, {"choice": max(first.choices, key=lambda c: c.credit).id}, STARTS)
    quizzes.save_answer(attempt, second.id, {"choice": min(second.choices, key=lambda c: c.credit).id}, STARTS)
    quizzes.submit_attempt(attempt, STARTS)
    db.session.commit()
    assert attempt.percent == 50
    frozen_clock(AFTER_THE_SESSION)
    return dict(course=course, enrollment=enrollment, learner=learner, quiz=quiz, attempt=attempt, session=session,
                survey=survey, assignment=assignment,
                modules={"lesson": day.modules[0].id, "quiz": quiz_module.id, "live": live_module.id,
                         "survey": survey_module.id, "assignment": assignment_module.id})


def _addresses(app, world, module_id):
    """Every POST route, with its parts filled from the world (the module of the kind being tried)."""
    values = {"slug": world["course"].slug, "module_id": module_id, "quiz_module_id": module_id,
              "live_module_id": module_id, "survey_module_id": module_id, "survey_id": world["survey"].id,
              "assignment_module_id": module_id, "assignment_id": world["assignment"].id, "submission_id": 1,
              "survey_question_id": world["survey"].questions[0].id, "quiz_id": world["quiz"].id,
              "attempt_id": world["attempt"].id,
              "session_id": world["session"].id, "user_id": world["learner"].id, "number": 1,
              "question_id": 1, "organisation_id": 1, "attachment_id": 1, "token": "not-a-token",
              "code": "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ", "message_id": 1, "guest_id": 1,
              "course_id": world["course"].id, "quota_id": 1, "kind": "courses", "criterion_id": 1,
              # their own answer: grading it is a trainer's, never theirs
              "answer_id": world["attempt"].answers[0].id, "submission_file_id": 1,
              "answer_file_id": 1}
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and not rule.rule.startswith("/static"):
            yield rule.rule, rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1]


@pytest.mark.parametrize("kind", ["lesson", "quiz", "live", "survey", "assignment"])
def test_nothing_a_failed_absent_learner_posts_completes_a_quiz_or_a_session(app, client, login, failed_learner,
                                                                             kind):
    world = failed_learner
    login(world["learner"])
    tried = []
    for rule, address in _addresses(app, world, world["modules"][kind]):
        if rule in ("/auth/logout", "/auth/profile/password"):
            continue  # signing out or changing the password would only end this test's session
        for payload in ({"data": {"event": "joined", "status": "published", "complete": "y"}},
                        {"json": {"event": "joined", "question": 1, "fields": {}}}):
            response = client.post(address, **payload)
            assert response.status_code != 500, (address, response.status_code)
            tried.append(address)
    assert len(tried) > 40

    enrollment_id = world["enrollment"].id
    completed = set(db.session.scalars(select(ModuleProgress.module_id).where(
        ModuleProgress.enrollment_id == enrollment_id, ModuleProgress.completed_at.is_not(None))))
    assert world["modules"]["quiz"] not in completed
    assert world["modules"]["live"] not in completed
    assert world["modules"]["survey"] not in completed  # no answers sent, no receipt
    assert world["modules"]["assignment"] not in completed  # nothing graded
    assert db.session.scalar(select(func.count(SurveyReceipt.id))) == 0
    assert db.session.scalar(select(func.count(Attendance.id))) == 0
    assert db.session.scalar(select(func.count(Certificate.id))) == 0
