"""The trainers' grading digest: once a day, to the trainers of each course where work was handed in the
day before, delivered by mail in the trainer's language; nothing when nothing came in, nor twice a day."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from lms.assignments import services as assignments
from lms.assignments.digest import GRADING_DIGEST, write_grading_digests
from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db
from lms.notifications.models import Notification

HANDED_IN = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
NEXT_MORNING = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


def _digests() -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(Notification.kind == GRADING_DIGEST))


def test_the_trainers_hear_once_a_day_what_came_in_and_what_waits(assignment_world, make_user, mailbox,
                                                                    frozen_clock):
    world = assignment_world
    second_trainer = make_user(Role.TRAINER, name="Elnur Trainer", locale="ru")
    courses.enrol(second_trainer, world.course, by_admin=True, role=courses.CourseRole.TRAINER)
    assignments.hand_in(world.assignment, world.enrollments[0], "Plan", HANDED_IN)
    assignments.hand_in(world.assignment, world.enrollments[1], "Plan", HANDED_IN - timedelta(days=3))  # older
    db.session.commit()
    frozen_clock(NEXT_MORNING)
    assert write_grading_digests(NEXT_MORNING.replace(hour=4)) == 0  # before DIGEST_HOUR_UTC (5)
    assert write_grading_digests(NEXT_MORNING) == 2  # each trainer of the course
    assert write_grading_digests(NEXT_MORNING + timedelta(hours=3)) == 0  # once a day
    db.session.commit()
    mailbox.deliver()
    english = next(m for m in mailbox if world.trainer.email in m["To"])
    body = english.get_body(("plain",)).get_content()
    assert english["Subject"] == "Work to grade in “Migration basics”"
    assert "2 pieces of work wait for grading." in body and "“Action plan”: 1 handed in yesterday." in body
    assert f"/courses/{world.course.slug}/manage/grading" in body
    russian = next(m for m in mailbox if second_trainer.email in m["To"])
    assert "Работа на оценку" in russian["Subject"]

    assert write_grading_digests(NEXT_MORNING + timedelta(days=1)) == 0  # nothing came in on the 26th


def test_nothing_is_sent_once_everything_is_graded(assignment_world, mailbox, frozen_clock):
    world = assignment_world
    frozen_clock(NEXT_MORNING)
    work = assignments.hand_in(world.assignment, world.enrollments[0], "Plan", HANDED_IN)
    db.session.commit()
    assert write_grading_digests(NEXT_MORNING) == 1
    assignments.grade(world.trainer, work, points=15, comment="", give_back=True, now=NEXT_MORNING)
    db.session.commit()
    mailbox.deliver()
    assert not [m for m in mailbox if "Work to grade" in m["Subject"]]  # graded before the worker wrote it
