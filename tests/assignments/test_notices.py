"""Learners are told that their work arrived and that it was graded (each time), and a day before the
due date, those who have not handed in are reminded once; each message in the learner's language."""
from __future__ import annotations

from datetime import timedelta

from flask_babel import force_locale
from sqlalchemy import select

from lms.assignments import services as assignments
from lms.assignments.notices import remind_due_soon
from lms.extensions import db
from lms.notifications.kinds import kind_of
from lms.notifications.models import Notification
from tests.assignments.conftest import DUE


def _kinds(user_id: int) -> list[str]:
    return list(db.session.scalars(select(Notification.kind).where(Notification.recipient_id == user_id)
                                   .order_by(Notification.id)))


def test_received_and_returned_each_time(assignment_world, app):
    world = assignment_world
    learner, enrollment = world.learners[0], world.enrollments[0]
    work = assignments.hand_in(world.assignment, enrollment, "One", DUE - timedelta(hours=3))
    assignments.hand_in(world.assignment, enrollment, "Two", DUE - timedelta(hours=2))  # handed in again
    assignments.grade(world.trainer, work, points=8, comment="", give_back=False, now=DUE)  # saved, not returned
    assert _kinds(learner.id)[-2:] == ["assignment_received", "assignment_received"]
    assignments.grade(world.trainer, work, points=12, comment="Better.", give_back=True, now=DUE)
    db.session.commit()
    assert _kinds(learner.id)[-1] == "assignment_returned"
    returned = db.session.scalar(select(Notification).where(Notification.kind == "assignment_returned"))
    with app.test_request_context(), force_locale("en"):  # as the worker composes it, in the learner's language
        message = kind_of("assignment_returned").compose(returned)
    assert message.subject == "Your work on “Action plan” has been graded"
    assert message.paragraphs[0].startswith("You received 12 of 20 points.")


def test_a_day_before_the_due_date_those_without_work_are_reminded_once(assignment_world, client, login,
                                                                        frozen_clock):
    world = assignment_world
    assignments.hand_in(world.assignment, world.enrollments[0], "Done", DUE - timedelta(days=2))
    db.session.commit()
    assert remind_due_soon(DUE - timedelta(hours=25)) == 0
    assert remind_due_soon(DUE - timedelta(hours=20)) == 1  # Giorgi
    assert remind_due_soon(DUE - timedelta(hours=19)) == 0
    db.session.commit()
    giorgi = world.learners[1]
    giorgi.locale = "ru"
    db.session.commit()
    frozen_clock(DUE - timedelta(hours=19))
    login(giorgi)
    page = client.get("/notifications/").text
    assert "«План действий» нужно сдать до 25 ноября 2026\u202fг., 18:00" in page
