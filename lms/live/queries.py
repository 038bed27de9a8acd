"""Read models over live sessions for the later features' reports and rules."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.sql import Subquery

from lms.courses.models import CourseDay, Module
from lms.live.models import Attendance, LiveSession


def attendance_counts(course_id: int) -> Subquery:
    """A subquery of (user_id, count): how many of the course's live sessions each person attended."""
    return (
        select(Attendance.user_id, func.count().label("count"))
        .join(LiveSession, LiveSession.id == Attendance.session_id)
        .join(Module, Module.id == LiveSession.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course_id)
        .group_by(Attendance.user_id)
        .subquery()
    )
