"""The grading queue: every piece of work waiting across a course's assignments, oldest first; grading one
opens the next; names can be hidden; nothing of another course, no drafts, nothing graded, no withdrawn."""
from __future__ import annotations

import re
from datetime import timedelta

from lms.assignments import services as assignments
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from tests.assignments.conftest import DUE


def _second_assignment(world):
    module = courses.add_module(world.course.days[0], kind=ModuleKind.ASSIGNMENT,
                                texts={"en": {"title": "Case analysis", "body": "Analyse the case."}})
    return assignments.assignment_for(module)


def _queue(world) -> str:
    return f"/courses/{world.course.slug}/manage/grading"


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("<tr>")[1:]]


def test_the_queue_lists_what_waits_oldest_first_and_grading_one_opens_the_next(
        assignment_world, client, login, make_user, make_course):
    world = assignment_world
    case = _second_assignment(world)
    aysel, giorgi = world.enrollments
    assignments.hand_in(world.assignment, giorgi, "Giorgi's plan", DUE + timedelta(hours=2))  # late
    assignments.hand_in(case, aysel, "Aysel's case", DUE - timedelta(days=1))
    assignments.hand_in(world.assignment, aysel, "Aysel's plan", DUE - timedelta(hours=1))
    withdrawn = make_user(name="Withdrawn Learner")
    assignments.hand_in(case, courses.enrol(withdrawn, world.course), "Left", DUE - timedelta(days=2))
    courses.withdraw(world.trainer, courses.enrol(withdrawn, world.course), DUE)
    other_trainer = make_user(Role.TRAINER)
    other = make_course(trainer=other_trainer, days=[["Lesson"]])
    other_module = courses.add_module(other.days[0], kind=ModuleKind.ASSIGNMENT, texts={"en": {"title": "Other"}})
    stranger = make_user(name="Stranger Learner")
    assignments.hand_in(assignments.assignment_for(other_module), courses.enrol(stranger, other), "x", DUE)
    db.session.commit()

    login(world.trainer)
    page = client.get(_queue(world))
    assert page.status_code == 200 and "3 pieces of work are waiting" in page.text
    rows = _rows(page.text)
    assert [row.split(" Grade")[0] for row in rows] == [
        "Case analysis Aysel Learner November 24, 2026, 18:00",
        "Action plan Aysel Learner November 25, 2026, 17:00",
        "Action plan Giorgi Learner November 25, 2026, 20:00 late"]
    assert "Withdrawn Learner" not in page.text and "Stranger Learner" not in page.text

    first = re.search(r'class="button" href="([^"]+)"', page.text).group(1).replace("&amp;", "&")
    assert "Aysel's case" in client.get(first).text.replace("&#39;", "'")
    saved = client.post(first, data={"points": "18", "comment": "Good", "give_back": "y"})
    second = saved.headers["Location"]
    assert "Aysel's plan" in client.get(second).text.replace("&#39;", "'")  # the next one opened
    third = client.post(second, data={"points": "12", "save": "y"}).headers["Location"]  # saved, not returned
    assert "Giorgi's plan" in client.get(third).text.replace("&#39;", "'")
    done = client.post(third, data={"points": "9", "give_back": "y"})
    assert done.headers["Location"].endswith(_queue(world))
    assert "Nothing is waiting for grading." in client.get(_queue(world)).text


def test_names_are_hidden_while_grading_anonymously(assignment_world, client, login):
    world = assignment_world
    work = assignments.hand_in(world.assignment, world.enrollments[0], "Plan", DUE)
    db.session.commit()
    login(world.trainer)
    assert client.post(_queue(world), data={"anonymous": "y"}).status_code == 302
    queue = client.get(_queue(world)).text
    number = world.enrollments[0].id
    assert f"Participant {number}" in queue and "Aysel Learner" not in queue
    grading = client.get(f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}"
                         f"/submissions/{work.id}?queue=1")
    assert f"Participant {number}" in grading.text and "Aysel Learner" not in grading.text
    saved = client.post(f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}"
                        f"/submissions/{work.id}?queue=1", data={"points": "15", "give_back": "y"},
                        follow_redirects=True)
    assert f"The grade for Participant {number} has been returned." in saved.text
    assert "Aysel Learner" not in saved.text
    assert client.post(_queue(world), data={"submit": "Save"}).status_code == 302  # unticked: names shown again
    assert client.post(_queue(world), data={"submit": "Save"}).status_code == 302  # saved unchanged
    assignments.hand_in(world.assignment, world.enrollments[1], "Plan", DUE)
    db.session.commit()
    assert "Giorgi Learner" in client.get(_queue(world)).text


def test_only_the_courses_trainers_and_admins_see_the_queue(assignment_world, client, login, make_user):
    world = assignment_world
    for person, status in ((world.learners[0], 403), (make_user(Role.TRAINER), 403), (make_user(Role.ADMIN), 200)):
        login(person)
        assert client.get(_queue(world)).status_code == status
        assert client.post(_queue(world), data={"anonymous": "y"}).status_code in (status, 302)
        client.post("/auth/logout")
    world.trainer.role = Role.LEARNER  # set back to learner on the site: the right is gone
    db.session.commit()
    login(world.trainer)
    assert client.get(_queue(world)).status_code == 403
