"""Rubrics: a trainer writes criteria with levels and points in three languages; the assignment is graded out
of the rubric's total; a grader chooses a level of each criterion and the learner reads them; once work is
graded with the rubric only its wording may change."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

from sqlalchemy import func, select

from lms.assignments import rubric
from lms.assignments import services as assignments
from lms.assignments.models import RubricChoice, RubricCriterion, Submission, SubmissionStatus
from lms.courses import transfer
from lms.courses.models import ModuleKind, ModuleProgress
from lms.extensions import db
from tests.assignments.conftest import DUE

CLARITY = {"title_en": "Clarity", "levels_en": "Hard to follow\nMostly clear\nClear throughout",
           "title_az": "Aydınlıq", "levels_az": "Çətin başa düşülür\nƏsasən aydındır\nTamamilə aydındır",
           "title_ru": "Ясность", "levels_ru": "Трудно понять\nВ основном ясно\nЯсно от начала до конца",
           "points": "0, 2, 4"}
ACTIONS = {"title_en": "Concrete actions", "levels_en": "None\nSome\nEach with a date and an owner",
           "title_ru": "Конкретные действия", "levels_ru": "Нет\nНекоторые\nКаждое со сроком и ответственным",
           "points": "0,3,6"}


def _manage(world) -> str:
    return f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/"


def _criteria(world) -> list[RubricCriterion]:
    db.session.expire_all()
    return list(db.session.scalars(select(RubricCriterion).where(
        RubricCriterion.assignment_id == world.assignment.id).order_by(RubricCriterion.position)))


def _with_rubric(world, client) -> list[RubricCriterion]:
    for criterion in (CLARITY, ACTIONS):
        assert client.post(_manage(world) + "rubric/new", data=criterion).status_code == 302
    return _criteria(world)


def test_a_rubric_is_written_in_three_languages_and_sets_the_points(assignment_world, client, login):
    world = assignment_world
    login(world.trainer)
    clarity, actions = _with_rubric(world, client)
    assert clarity.points == [0, 2, 4] and clarity.texts["az"]["levels"][2] == "Tamamilə aydındır"
    assert set(actions.texts) == {"en", "ru"}  # written in two languages: shown in English to Azerbaijani readers
    assert world.assignment.max_points == 10
    overview = client.get(_manage(world)).text
    assert "Graded out of 10 points: the rubric's total." in overview and 'name="max_points"' not in overview
    settings = {"due_at": "2026-11-25T18:00", "cut_off_at": "2026-11-27T18:00", "late_allowed": "y",
                "takes_text": "y", "pass_mark": "60", "completes_on": "passing_grade", "resubmission": "until_graded"}
    assert client.post(_manage(world), data=settings).status_code == 302  # saved without a points field
    assert (world.assignment.max_points, world.assignment.pass_mark) == (10, 60)
    assert client.post(_manage(world), data={**settings, "max_points": "500"}).status_code == 302
    assert world.assignment.max_points == 10  # the rubric's total, whatever is posted

    edit = client.get(_manage(world) + f"rubric/{clarity.id}").text
    assert "Mostly clear" in edit and "0, 2, 4" in edit
    edit_url = _manage(world) + f"rubric/{clarity.id}"
    assert client.post(edit_url, data={**CLARITY, "points": "0, 2, 5"}).status_code == 302
    assert world.assignment.max_points == 11
    assert client.post(edit_url, data={**CLARITY, "points": "0, 2, 5"}).status_code == 302  # saved unchanged
    client.post(_manage(world) + f"rubric/{actions.id}/remove")
    assert [c.id for c in _criteria(world)] == [clarity.id] and world.assignment.max_points == 5


def test_a_criterion_that_does_not_add_up_is_refused_with_a_clear_message(assignment_world, client, login):
    world = assignment_world
    login(world.trainer)
    cases = [({**CLARITY, "levels_ru": "Трудно понять\nЯсно"}, "Describe each of the 3 levels, one per line"),
             ({**CLARITY, "points": "0, two, 4"}, "Give the points as numbers separated by commas"),
             ({**CLARITY, "points": "4"}, "Give the points as numbers separated by commas"),
             ({**CLARITY, "points": "0, 0, 0"}, "the best more than 0"),
             ({**CLARITY, "title_ru": ""}, "Name the criterion in every language its levels are written in."),
             ({"points": "0, 1"}, "Write the criterion in at least one language.")]
    for data, message in cases:
        refused = client.post(_manage(world) + "rubric/new", data=data)
        assert refused.status_code == 400 and message in refused.text, message
    assert _criteria(world) == [] and world.assignment.max_points == 20


def test_grading_with_the_rubric_and_what_the_learner_reads(assignment_world, client, login):
    world = assignment_world
    login(world.trainer)
    clarity, actions = _with_rubric(world, client)
    client.post("/auth/logout")

    world.learners[0].locale = "ru"
    db.session.commit()
    login(world.learners[0])
    client.get("/lang/ru")
    page = client.get(f"/assignments/{world.assignment.id}/").text
    assert "Ясность" in page and "Каждое со сроком и ответственным" in page
    client.post(f"/assignments/{world.assignment.id}/", data={"text": "План", "hand_in": "y"})
    work = db.session.scalar(select(Submission))
    client.post("/auth/logout")

    login(world.trainer)
    client.get("/lang/en")
    url = _manage(world) + f"submissions/{work.id}"
    form = client.get(url).text
    assert f'name="level-{clarity.id}"' in form and 'name="points"' not in form
    missing = client.post(url, data={f"level-{clarity.id}": "1", "give_back": "y"})
    assert missing.status_code == 400 and "Choose a level for “Concrete actions”." in missing.text
    junk = client.post(url, data={f"level-{clarity.id}": "1", f"level-{actions.id}": "9", "give_back": "y"})
    assert junk.status_code == 400 and work.status is SubmissionStatus.SUBMITTED
    assert client.post(url, data={f"level-{clarity.id}": "1", f"level-{actions.id}": "2", "comment": "Хорошо",
                                  "save": "y"}).status_code == 302
    assert work.points == 8 and work.status is SubmissionStatus.GRADED
    regraded = client.post(url, data={f"level-{clarity.id}": "2", f"level-{actions.id}": "1", "comment": "Хорошо",
                                      "give_back": "y"})
    assert regraded.status_code == 302 and work.points == 7  # 4 + 3: the choices replaced
    assert db.session.scalar(select(func.count()).select_from(RubricChoice)) == 2
    assert db.session.scalar(select(func.count(ModuleProgress.id)).where(
        ModuleProgress.completed_at.is_not(None), ModuleProgress.module_id == world.assignment.module_id)) == 1
    rows = list(csv.reader(io.StringIO(client.get(_manage(world) + "grades.csv").text)))
    assert rows[0][-2:] == ["Clarity", "Concrete actions"] and rows[1][-2:] == ["4", "3"]
    client.post("/auth/logout")

    login(world.learners[0])
    client.get("/lang/ru")
    page = client.get(f"/assignments/{world.assignment.id}/").text
    assert "Уровень по каждому критерию" in page
    chosen = page.split('class="rubric-chosen"')
    assert "Ясно от начала до конца" in chosen[1] and "Некоторые" in chosen[2]
    [entry] = client.get("/auth/profile/data.json").get_json()["assignments"]
    assert entry["points"] == 7 and [(r["criterion"], r["points"]) for r in entry["rubric"]] == [
        ("Ясность", 4), ("Конкретные действия", 3)]


def test_once_work_is_graded_the_rubric_is_only_reworded(assignment_world, client, login):
    world = assignment_world
    login(world.trainer)
    clarity, actions = _with_rubric(world, client)
    work = assignments.hand_in(world.assignment, world.enrollments[0], "Plan", DUE)
    assignments.grade(world.trainer, work, points=None, levels={clarity.id: 2, actions.id: 2}, comment="",
                      give_back=True, now=DUE)
    db.session.commit()
    changed = client.post(_manage(world) + f"rubric/{clarity.id}", data={**CLARITY, "points": "0, 1, 2"})
    assert changed.status_code == 400 and "Work has been graded with this rubric" in changed.text
    reworded = client.post(_manage(world) + f"rubric/{clarity.id}", data={**CLARITY, "title_en": "Clear writing"})
    assert reworded.status_code == 302 and _criteria(world)[0].texts["en"]["title"] == "Clear writing"
    assert client.post(_manage(world) + "rubric/new", data=CLARITY).status_code == 400
    removed = client.post(_manage(world) + f"rubric/{actions.id}/remove", follow_redirects=True)
    assert "Work has been graded with this rubric" in removed.text and len(_criteria(world)) == 2
    assert world.assignment.max_points == 10 and work.points == 10


def test_a_course_file_carries_the_rubric(assignment_world, client, login):
    world = assignment_world
    login(world.trainer)
    _with_rubric(world, client)
    document = json.loads(json.dumps(transfer.export_course(world.course)))
    copy = transfer.import_course(document, slug="next-cohort", starts_on=date(2026, 12, 7))
    db.session.commit()
    module = next(m for day in copy.days for m in day.modules if m.kind is ModuleKind.ASSIGNMENT)
    moved = assignments.existing_assignment(module)
    assert [c.points for c in moved.criteria] == [[0, 2, 4], [0, 3, 6]] and moved.max_points == 10
    assert moved.criteria[1].texts["ru"]["title"] == "Конкретные действия"
    assert rubric.is_used(moved) is False
