"""Read models over live sessions for the later features' reports and rules."""
from __future__ import annotations

from sqlalchemy import Float, Select, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import Subquery
from sqlalchemy.sql.functions import FunctionElement

from lms.courses.models import CourseDay, Module
from lms.live.models import Attendance, LiveSession


class seconds_between(FunctionElement):  # noqa: N801  (reads as the SQL function it stands for)
    """SQL: the seconds from the first timestamp to the second, on PostgreSQL and on SQLite."""

    type = Float()
    inherit_cache = True


@compiles(seconds_between, "postgresql")
def _seconds_between_postgresql(element, compiler, **kw):
    start, end = (compiler.process(argument, **kw) for argument in element.clauses)
    return f"EXTRACT(EPOCH FROM ({end} - {start}))"


@compiles(seconds_between)
def _seconds_between_sqlite(element, compiler, **kw):
    start, end = (compiler.process(argument, **kw) for argument in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 86400.0)"


def attendance_events(course_id: int) -> Select:
    """(user_id, at): the last time each person joined each of the course's live sessions."""
    return (
        select(Attendance.user_id, Attendance.last_joined_at)
        .join(LiveSession, LiveSession.id == Attendance.session_id)
        .join(Module, Module.id == LiveSession.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course_id)
    )


def attendance_counts(course_id: int, min_presence_percent: int | None = None) -> Subquery:
    """A subquery of (user_id, count): how many of the course's live sessions each person attended.

    With `min_presence_percent`, a session counts only when the person was in the meeting for that
    share of its length, or a trainer marked them present.
    """
    query = (
        select(Attendance.user_id, func.count().label("count"))
        .join(LiveSession, LiveSession.id == Attendance.session_id)
        .join(Module, Module.id == LiveSession.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course_id)
        .group_by(Attendance.user_id)
    )
    if min_presence_percent is not None:
        query = query.where(or_(
            Attendance.joins == 0,
            Attendance.seconds_present * 100 >= min_presence_percent * seconds_between(LiveSession.starts_at,
                                                                                      LiveSession.ends_at)))
    return query.subquery()
