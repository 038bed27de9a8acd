"""Results as a trainer reads them: nothing until three answers, distributions and means, free texts
in no telling order, breakdowns without small groups; CSV and XLSX with the same cells."""
from __future__ import annotations

import csv
import io

import openpyxl

from lms.auth.models import Role
from lms.extensions import db
from lms.surveys import services as surveys
from tests.surveys.conftest import answer_all


def _results(client, world, suffix=""):
    return client.get(f"/courses/{world.course.slug}/manage/surveys/{world.module.id}/results{suffix}")


def test_under_three_responses_nothing_is_shown(survey_world, client, login):
    world = survey_world
    answer_all(world, world.learners[:2], rating=5)
    login(world.trainer)
    page = _results(client, world)
    assert page.status_code == 200
    assert "2 answers so far: results appear from 3 answers" in page.text
    assert "More cases, please." not in page.text
    rows = list(csv.reader(io.StringIO(_results(client, world, ".csv").text)))
    assert not any("More cases, please." in cell for row in rows for cell in row)


def test_results_show_distributions_means_texts_and_safe_breakdowns(survey_world, client, login):
    world = survey_world
    answer_all(world, world.learners[:5], rating=5)  # AZ × 4, GE × 1
    answer_all(world, world.learners[5:], rating=3)  # GE × 2, UZ × 1
    login(world.trainer)
    page = _results(client, world).text
    assert "8" in page and "Overall, how satisfied are you with the course?" in page
    assert "4.25" in page  # (5 × 5 + 3 × 3) / 8
    assert "Leyla Trainer" in page and "Seminar" in page
    assert page.count("More cases, please.") == 16  # two free-text questions, eight answers each
    # by country: AZ (4) alone; GE (3) joins UZ (1) so that UZ's one answer is not given away
    assert "Azerbaijan" in page and "Others together" in page and "Uzbekistan" not in page
    assert "Georgia" not in page

    rows = list(csv.reader(io.StringIO(_results(client, world, ".csv").text)))
    overall = [row for row in rows if row[:1] == ["Overall, how satisfied are you with the course?"]]
    assert ["Overall, how satisfied are you with the course?", "All answers", "8", "4.25"] in overall
    assert ["Azerbaijan", "4", "5.0", "5.0", "5.0", "9.0"] in rows
    assert not any(learner.name in cell for learner in world.learners for row in rows for cell in row)
    sheet = openpyxl.load_workbook(io.BytesIO(_results(client, world, ".xlsx").data)).active
    values = [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["Overall, how satisfied are you with the course?", "All answers", 8, 4.25] in values


def test_a_named_survey_lists_each_persons_answers_in_the_download(survey_world, client, login):
    world = survey_world
    surveys.configure(world.survey, anonymous=False, purpose=world.survey.purpose)
    db.session.commit()
    answer_all(world, world.learners[:3], rating=4)
    login(world.trainer)
    text = _results(client, world, ".csv").text
    assert all(learner.name in text for learner in world.learners[:3])


def test_results_are_for_the_course_trainers_and_admins(survey_world, client, login, make_user):
    world = survey_world
    login(world.learners[0])
    assert _results(client, world).status_code == 403
    assert _results(client, world, ".csv").status_code == 403
    client.post("/auth/logout")
    login(make_user(Role.TRAINER))  # a trainer of another course
    assert _results(client, world).status_code == 403
    client.post("/auth/logout")
    login(make_user(Role.ADMIN))
    assert _results(client, world, ".xlsx").status_code == 200


def test_results_read_in_russian(survey_world, client, login):
    world = survey_world
    answer_all(world, world.learners[:3])
    world.trainer.locale = "ru"
    db.session.commit()
    login(world.trainer)
    page = _results(client, world).text
    assert "Насколько вы в целом довольны курсом?" in page
