"""Editions of a course: the next run copies the content with a new schedule, and nobody is enrolled yet."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select

from lms.auth.models import User
from lms.courses import queries, services, transfer
from lms.courses.models import Course, CourseRole
from lms.extensions import db


def next_edition(course: Course, *, slug: str, starts_on: date, actor: User) -> Course:
    """A new draft edition of `course`: its days, modules, quizzes and live sessions (through the
    course file, so exactly what an export carries), moved to start on `starts_on`, with the same
    trainers and the next edition number of its series."""
    copy = transfer.import_course(transfer.export_course(course), slug=slug, starts_on=starts_on)
    copy.series, copy.previous_edition_id = course.series, course.id
    copy.edition = next_number(course)
    for trainer in {*queries.course_people(course, CourseRole.TRAINER), actor}:
        services.enrol(trainer, copy, by_admin=True, role=CourseRole.TRAINER)
    db.session.flush()
    return copy


def next_slug(slug: str, number: int) -> str:
    """The address offered for edition `number`: "migration-school-3" → "migration-school-4"."""
    return f"{re.sub(r'-[0-9]+$', '', slug)[:74]}-{number}"


def next_number(course: Course) -> int:
    return (db.session.scalar(select(func.max(Course.edition)).where(Course.series == course.series)) or 0) + 1


def editions_of(course: Course) -> list[Course]:
    """Every edition of the course's series, newest first."""
    return list(db.session.scalars(select(Course).where(Course.series == course.series)
                                   .order_by(Course.edition.desc(), Course.id.desc())))
