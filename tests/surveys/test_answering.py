"""A learner answers a survey once, through the page; nobody else can, and the answer keeps no name."""
from __future__ import annotations

from sqlalchemy import func, inspect, select

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import ModuleProgress
from lms.extensions import db
from lms.surveys import services as surveys
from lms.surveys.models import QuestionKind, SurveyAnswer, SurveyReceipt, SurveyResponse
from tests.surveys.conftest import enrollment_of, full_answers, question_of


def _page(survey):
    return f"/surveys/{survey.id}/"


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_learner_answers_once_and_the_response_keeps_no_name(survey_world, client, login):
    world = survey_world
    learner = world.learners[0]
    login(learner)
    page = client.get(f"/courses/{world.course.slug}/modules/{world.module.id}")
    assert "This module is completed when you answer its survey." in page.text
    assert "Mark as complete" not in page.text
    form = client.get(_page(world.survey))
    assert "This survey is anonymous" in form.text
    assert "Leyla Trainer" in form.text and "Seminar" in form.text  # rated one by one
    assert "Overall, how satisfied are you with the course?" in form.text

    answers = full_answers(world.survey, 5, trainer_id=world.trainer.id, session_id=world.session_id)
    sent = client.post(_page(world.survey), data=answers)
    assert sent.status_code == 302
    assert "Thank you" in client.get(sent.location).text

    response = db.session.scalar(select(SurveyResponse))
    assert response.user_id is None and response.country == "AZ"
    assert len(response.id) == 32  # a random key, not a counter that pairs it with the receipt
    assert not {"submitted_at", "created_at", "answered_at"} & {c.name for c in inspect(SurveyResponse).columns}
    assert db.session.scalar(select(SurveyReceipt.user_id)) == learner.id
    done = db.session.scalar(select(ModuleProgress.completed_at).where(ModuleProgress.module_id == world.module.id))
    assert done is not None

    again = client.post(_page(world.survey), data=answers)
    assert again.status_code == 409
    assert "You have already answered this survey." in again.text
    assert _count(SurveyResponse) == 1 and _count(SurveyReceipt) == 1
    assert "You have answered this survey. Thank you!" in client.get(_page(world.survey)).text


def test_missing_and_malformed_answers_are_named_and_nothing_is_kept(survey_world, client, login):
    world = survey_world
    login(world.learners[0])
    overall = question_of(world.survey, QuestionKind.RATING)
    answers = full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id)
    del answers[f"q{overall.id}"]
    answers["q" + str(question_of(world.survey, QuestionKind.TEXT).id)] = ["Keep the case studies"]
    missing = client.post(_page(world.survey), data=answers)
    assert missing.status_code == 400
    assert "Please answer this question." in missing.text
    assert "Keep the case studies" in missing.text  # what was written is still there
    for field, value in ((f"q{overall.id}", "9"), (f"q{overall.id}", "five"),
                         (f"q{question_of(world.survey, QuestionKind.SINGLE).id}", "7"),
                         (f"q{question_of(world.survey, QuestionKind.RECOMMEND).id}", "11"),
                         (f"q{question_of(world.survey, QuestionKind.TRAINERS).id}-{world.trainer.id}", "0")):
        bad = dict(full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id))
        bad[field] = [value]
        refused = client.post(_page(world.survey), data=bad)
        assert refused.status_code == 400, field
        assert "Please choose one of the answers offered." in refused.text
    too_long = full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id)
    too_long[f"q{question_of(world.survey, QuestionKind.TEXT).id}"] = ["x" * 4001]
    assert client.post(_page(world.survey), data=too_long).status_code == 400
    assert _count(SurveyResponse) == 0 and _count(SurveyReceipt) == 0 and _count(SurveyAnswer) == 0


def test_only_the_course_learners_answer(survey_world, client, login, make_user):
    world = survey_world
    answers = full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id)
    login(world.trainer)
    preview = client.get(_page(world.survey))
    assert preview.status_code == 200 and "You are previewing this survey" in preview.text
    assert client.post(_page(world.survey), data=answers).status_code == 403
    client.post("/auth/logout")
    login(make_user(Role.ADMIN))
    assert client.post(_page(world.survey), data=answers).status_code == 403
    client.post("/auth/logout")
    login(make_user())  # not enrolled
    assert client.get(_page(world.survey)).status_code == 403
    assert client.post(_page(world.survey), data=answers).status_code == 403
    assert _count(SurveyReceipt) == 0


def test_a_withdrawn_learner_can_no_longer_answer(survey_world, client, login, make_user):
    world = survey_world
    learner = world.learners[1]
    login(learner)
    assert client.get(_page(world.survey)).status_code == 200
    courses.withdraw(make_user(Role.ADMIN), enrollment_of(world, learner), world.enrollments[1].enrolled_at)
    db.session.commit()
    answers = full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id)
    assert client.post(_page(world.survey), data=answers).status_code == 403
    assert _count(SurveyReceipt) == 0


def test_a_survey_module_is_not_completed_by_hand(survey_world, client, login):
    world = survey_world
    login(world.learners[0])
    response = client.post(f"/courses/{world.course.slug}/modules/{world.module.id}/complete")
    assert response.status_code == 403
    assert db.session.scalar(select(func.count(ModuleProgress.completed_at))) == 0


def test_a_survey_of_a_day_not_open_yet_waits(survey_world, client, login, frozen_clock):
    from datetime import UTC, datetime
    world = survey_world
    day = world.module.day
    courses.update_day(day, titles={"en": "Day 3"}, opens_at=datetime(2026, 11, 25, 5, 0, tzinfo=UTC))
    db.session.commit()
    frozen_clock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))  # day 1: the survey is on day 3
    login(world.learners[0])
    assert client.get(_page(world.survey)).status_code == 403
    answers = full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id)
    assert client.post(_page(world.survey), data=answers).status_code == 403
    assert _count(SurveyReceipt) == 0


def test_a_named_survey_says_so_and_keeps_the_author(survey_world, client, login):
    world = survey_world
    surveys.configure(world.survey, anonymous=False, purpose=world.survey.purpose)
    db.session.commit()
    login(world.learners[0])
    assert "This survey is named" in client.get(_page(world.survey)).text
    client.post(_page(world.survey), data=full_answers(world.survey, trainer_id=world.trainer.id,
                                                       session_id=world.session_id))
    assert db.session.scalar(select(SurveyResponse.user_id)) == world.learners[0].id


def test_the_day_sessions_question_rates_only_that_days_sessions(survey_world):
    from lms.surveys.queries import subjects_of
    world = survey_world
    surveys.add_question(world.survey, kind=QuestionKind.DAY_SESSIONS, required=False,
                         texts={"en": ("Today's sessions?", [])})
    db.session.commit()
    subjects = subjects_of(world.survey)
    assert [s[0] for s in subjects[QuestionKind.DAY_SESSIONS]] == [world.session_id]
    assert [s[0] for s in subjects[QuestionKind.TRAINERS]] == [world.trainer.id]


def test_the_persons_own_data_says_which_surveys_they_answered_and_no_anonymous_answers(survey_world, client,
                                                                                         login):
    world = survey_world
    login(world.learners[0])
    client.post(_page(world.survey), data=full_answers(world.survey, trainer_id=world.trainer.id,
                                                       session_id=world.session_id))
    [entry] = client.get("/auth/profile/data.json").get_json()["surveys"]
    assert entry["survey"] == "Course evaluation" and entry["anonymous"] is True
    assert entry["answers"] is None  # an anonymous response has no author, so it is nobody's to download
