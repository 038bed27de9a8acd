"""A trainer builds a survey: from a template in three languages or question by question; what people
have answered stays answerable (options keep their number, answered questions stay, anonymity stays)."""
from __future__ import annotations

import json

from sqlalchemy import select

from lms.courses import services as courses
from lms.courses import transfer
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.surveys import services as surveys
from lms.surveys.models import QuestionKind, Survey, SurveyPurpose
from tests.surveys.conftest import answer_all, question_of


def _edit(world):
    return f"/courses/{world.course.slug}/manage/surveys/{world.module.id}/"


def test_a_trainer_adds_a_survey_module_and_starts_it_from_a_template(survey_world, client, login):
    world = survey_world
    login(world.trainer)
    added = client.post(f"/courses/{world.course.slug}/manage/days/1/modules/new",
                        data={"kind": "survey", "title_en": "How was day 1?", "required_module": "y"})
    assert added.status_code == 302
    module = world.course.days[0].modules[-1]
    assert module.kind is ModuleKind.SURVEY
    assert "Questions and results" in client.get(f"/courses/{world.course.slug}/manage/").text
    page = client.get(f"/courses/{world.course.slug}/manage/surveys/{module.id}/")
    assert "No questions yet" in page.text
    started = client.post(f"/courses/{world.course.slug}/manage/surveys/{module.id}/template",
                          data={"starter": "end_of_day"})
    assert started.status_code == 302
    survey = db.session.scalar(select(Survey).where(Survey.module_id == module.id))
    assert survey.purpose is SurveyPurpose.END_OF_DAY and len(survey.questions) == 5
    first = survey.questions[0].texts
    assert first["en"]["prompt"] == "How satisfied are you with today?"
    assert first["ru"]["prompt"] != first["en"]["prompt"] and first["az"]["prompt"] != first["en"]["prompt"]
    again = client.post(f"/courses/{world.course.slug}/manage/surveys/{module.id}/template",
                        data={"starter": "end_of_course"}, follow_redirects=True)
    assert "can only start an empty survey" in again.text
    assert len(survey.questions) == 5


def test_a_question_is_added_edited_saved_unchanged_and_saved_again_after_answers(survey_world, client, login):
    world = survey_world
    login(world.trainer)
    added = client.post(_edit(world) + "questions", data={
        "kind": "single", "must_answer": "y", "prompt_en": "Which format suits you?",
        "options_en": "Online\nIn person\nBoth", "prompt_ru": "Какой формат вам подходит?",
        "options_ru": "Онлайн\nОчно\nОба"})
    assert added.status_code == 302
    question = world.survey.questions[-1]
    assert question.kind is QuestionKind.SINGLE and question.option_count == 3
    uneven = client.post(_edit(world) + "questions", data={
        "kind": "single", "prompt_en": "A?", "options_en": "One\nTwo", "prompt_ru": "А?", "options_ru": "Один"})
    assert uneven.status_code == 400 and "same number of options in every language" in uneven.text

    url = _edit(world) + f"questions/{question.id}"
    form = client.get(url)
    assert "In person" in form.text and "Очно" in form.text
    unchanged = {"must_answer": "y", "prompt_en": "Which format suits you?", "options_en": "Online\nIn person\nBoth",
                 "prompt_ru": "Какой формат вам подходит?", "options_ru": "Онлайн\nОчно\nОба",
                 "prompt_az": "", "options_az": ""}
    assert client.post(url, data=unchanged).status_code == 302
    assert question.texts["ru"]["options"] == ["Онлайн", "Очно", "Оба"]

    answer_all(world, world.learners[:1])  # the new question was answered ("1": In person)
    assert client.post(url, data=unchanged).status_code == 302  # saved again, unchanged, after an answer
    reworded = dict(unchanged, options_en="Online\nFace to face\nBoth")
    assert client.post(url, data=reworded).status_code == 302
    fewer = dict(unchanged, options_en="Online\nBoth", options_ru="Онлайн\nОба")
    refused = client.post(url, data=fewer)
    assert refused.status_code == 400 and "keep its 3 options" in refused.text
    db.session.refresh(question)
    assert question.options("en") == ["Online", "Face to face", "Both"]

    removed = client.post(_edit(world) + f"questions/{question.id}/remove", follow_redirects=True)
    assert "can be reworded but not removed" in removed.text
    assert question in world.survey.questions


def test_an_unanswered_question_is_removed_and_the_rest_renumbered(survey_world, client, login):
    world = survey_world
    login(world.trainer)
    first = world.survey.questions[0]
    assert client.post(_edit(world) + f"questions/{first.id}/remove").status_code == 302
    db.session.expire_all()
    assert [q.position for q in world.survey.questions] == list(range(1, 10))


def test_anonymity_is_fixed_once_someone_has_answered(survey_world, client, login):
    world = survey_world
    login(world.trainer)
    named = client.post(_edit(world), data={"purpose": "end_of_course"})  # unticked: named
    assert named.status_code == 302 and world.survey.anonymous is False
    assert client.post(_edit(world), data={"purpose": "end_of_course", "anonymous": "y"}).status_code == 302
    answer_all(world, world.learners[:1])
    refused = client.post(_edit(world), data={"purpose": "end_of_course"})
    assert refused.status_code == 400 and "can no longer change" in refused.text
    db.session.refresh(world.survey)
    assert world.survey.anonymous is True
    assert client.post(_edit(world), data={"purpose": "end_of_course", "anonymous": "y"}).status_code == 302


def test_a_course_has_one_end_of_course_survey(survey_world):
    world = survey_world
    other = courses.add_module(world.course.days[1], kind=ModuleKind.SURVEY, texts={"en": {"title": "Another"}})
    second = surveys.survey_for(other)
    surveys.configure(second, anonymous=True, purpose=SurveyPurpose.END_OF_COURSE)
    db.session.commit()
    db.session.refresh(world.survey)
    assert world.survey.purpose is SurveyPurpose.OTHER and second.purpose is SurveyPurpose.END_OF_COURSE


def test_a_course_file_carries_its_surveys_without_their_answers(survey_world, make_user):
    world = survey_world
    answer_all(world, world.learners[:3])
    document = json.loads(json.dumps(transfer.export_course(world.course)))
    copy = transfer.import_course(document, slug="evaluation-copy")
    db.session.commit()
    module = next(m for day in copy.days for m in day.modules if m.kind is ModuleKind.SURVEY)
    survey = surveys.survey_for(module)
    assert survey.purpose is SurveyPurpose.END_OF_COURSE and survey.anonymous
    assert [q.kind for q in survey.questions] == [q.kind for q in world.survey.questions]
    assert question_of(survey, QuestionKind.SINGLE).texts == question_of(world.survey, QuestionKind.SINGLE).texts
    assert not surveys.has_responses(survey)
