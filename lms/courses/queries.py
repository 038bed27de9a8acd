"""Read models for course listings."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.courses.models import Course, CourseStatus
from lms.extensions import db


def published_courses() -> list[Course]:
    """Published courses, soonest first, with their translations loaded in one more query."""
    return list(
        db.session.scalars(
            select(Course)
            .where(Course.status == CourseStatus.PUBLISHED)
            .options(selectinload(Course.translations))
            .order_by(Course.starts_on, Course.slug)
        )
    )
