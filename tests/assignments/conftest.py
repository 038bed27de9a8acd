"""A course whose day 2 has an assignment (due on 25 November, cut-off on the 27th), a trainer and two learners."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from lms.assignments import services as assignments
from lms.assignments.models import Assignment, CompletesOn, Resubmission
from lms.auth.models import Role, User
from lms.courses import services as courses
from lms.courses.models import Course, Enrollment, ModuleKind
from lms.extensions import db

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
DUE = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
CUT_OFF = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)


@dataclass
class World:
    course: Course
    trainer: User
    learners: list[User]
    enrollments: list[Enrollment]
    assignment: Assignment


@pytest.fixture()
def assignment_world(make_course, make_user, frozen_clock) -> World:
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER, name="Leyla Trainer", locale="en")
    course = make_course(days=[["Lesson 1"], ["Lesson 2"]], trainer=trainer, starts_on=date(2026, 11, 23))
    module = courses.add_module(course.days[1], kind=ModuleKind.ASSIGNMENT, texts={
        "en": {"title": "Action plan", "body": "Write a one-page **action plan** for your unit."},
        "ru": {"title": "План действий", "body": "Напишите **план действий** для своего отдела на одну страницу."}})
    assignment = assignments.assignment_for(module)
    assignments.update_settings(assignment, due_at=DUE, cut_off_at=CUT_OFF, late_allowed=True, max_points=20,
                                pass_mark=50, completes_on=CompletesOn.PASSING_GRADE,
                                resubmission=Resubmission.UNTIL_GRADED)
    learners = [make_user(name=name, locale="en") for name in ("Aysel Learner", "Giorgi Learner")]
    enrollments = [courses.enrol(learner, course) for learner in learners]
    db.session.commit()
    return World(course, trainer, learners, enrollments, assignment)
