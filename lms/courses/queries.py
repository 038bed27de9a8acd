"""Read models for course pages, the catalogue and progress; every figure is computed in SQL."""
from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import g
from sqlalchemy import Select, and_, bindparam, func, inspect, or_, select, type_coerce, union_all
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.sql import ColumnElement, Subquery

from lms.auth.models import User
from lms.courses.models import (
    Course,
    CourseDay,
    CourseMessage,
    CourseRole,
    CourseStatus,
    Enrollment,
    Module,
    ModuleKind,
    ModuleProgress,
)
from lms.extensions import db
from lms.types import UTCDateTime


class ModuleState(enum.StrEnum):
    NOT_STARTED = "not_started"
    VIEWED = "viewed"
    COMPLETED = "completed"


@dataclass(frozen=True)
class CourseProgress:
    """How many of a course's required modules a learner has completed."""

    completed: int
    required: int

    @property
    def percent(self) -> int:
        """Whole percent, rounded down so that 100 means everything is done."""
        return 100 if self.required == 0 else self.completed * 100 // self.required


def published_courses(now: datetime) -> list[Course]:
    """Published courses: those running or coming first (soonest first), then the ended ones (latest
    first), with their translations and days loaded in two more queries."""
    courses = db.session.scalars(
        select(Course)
        .where(Course.status == CourseStatus.PUBLISHED)
        .options(selectinload(Course.translations), selectinload(Course.days))
        .order_by(Course.starts_on, Course.slug)
    ).all()
    ended = {course.id for course in courses if course.has_ended(now)}
    current = [course for course in courses if course.id not in ended]
    return current + sorted((c for c in courses if c.id in ended), key=lambda c: c.ends_on, reverse=True)


def course_outline(slug: str) -> Course | None:
    """A course with its days, modules and every translation, in a fixed number of queries."""
    days = selectinload(Course.days)
    return db.session.scalar(
        select(Course)
        .where(Course.slug == slug)
        .options(
            selectinload(Course.translations),
            days.selectinload(CourseDay.translations),
            days.selectinload(CourseDay.modules).selectinload(Module.translations),
            days.selectinload(CourseDay.modules).selectinload(Module.live_session),
        )
    )


# The statements every learner's page runs, built once: SQLAlchemy reuses their compiled form.
def enrolled(user_id: Any, course_id: Any) -> ColumnElement[bool]:
    """The condition on Enrollment that `enrollment_of` asks, for a query that reads an enrolment along."""
    # a withdrawn person is not enrolled until enrolled again
    return and_(Enrollment.user_id == user_id, Enrollment.course_id == course_id, Enrollment.withdrawn_at.is_(None))


_ENROLLED = select(Enrollment).where(enrolled(bindparam("user_id"), bindparam("course_id")))
_STATES = select(ModuleProgress.module_id, ModuleProgress.completed_at).where(
    ModuleProgress.enrollment_id == bindparam("enrollment_id"))
_ENROLLED_WITH_STATES = (
    _ENROLLED.add_columns(ModuleProgress.module_id, ModuleProgress.completed_at)
    .outerjoin(ModuleProgress, ModuleProgress.enrollment_id == Enrollment.id))


def enrollment_of(user, course: Course) -> Enrollment | None:
    """The user's enrolment in the course, or None (also when withdrawn).

    A request asks this several times (its rights, then its page or service): an enrolment found is kept
    for the rest of the request and asked again only if it has since been withdrawn or deleted. "Not
    enrolled" is never kept, so that an enrolment made during the request is found.
    """
    if not user.is_authenticated:
        return None
    kept = g.get("enrollments", {}).get((user.id, course.id))
    if kept is not None and not inspect(kept).was_deleted and kept.withdrawn_at is None:
        return kept
    enrollment = db.session.scalar(_ENROLLED, {"user_id": user.id, "course_id": course.id})
    keep_enrollment(user, course.id, enrollment)
    return enrollment


def keep_enrollment(user, course_id: int, enrollment: Enrollment | None) -> None:
    """Keep an enrolment read along with something else for `enrollment_of` (not "not enrolled")."""
    if enrollment is not None:
        g.setdefault("enrollments", {})[(user.id, course_id)] = enrollment


def enrollment_in(course: Course, user_id: int) -> Enrollment | None:
    """The person's enrolment in the course, withdrawn or not."""
    return db.session.scalar(select(Enrollment).where(Enrollment.course_id == course.id,
                                                      Enrollment.user_id == user_id))


def withdrawn_people(course: Course) -> list[tuple[User, Enrollment]]:
    """The course's withdrawn learners, by name, with their enrolments (kept, with their records)."""
    return [(user, enrollment) for user, enrollment in db.session.execute(
        select(User, Enrollment).join(Enrollment, Enrollment.user_id == User.id)
        .where(Enrollment.course_id == course.id, Enrollment.withdrawn_at.is_not(None))
        .order_by(func.lower(User.name)))]


def module_states(enrollment: Enrollment | None) -> dict[int, ModuleState]:
    """Module id → what the learner has done with it (absent: not started)."""
    if enrollment is None:
        return {}
    return _states(db.session.execute(_STATES, {"enrollment_id": enrollment.id}))


def enrollment_with_states(user, course: Course) -> tuple[Enrollment | None, dict[int, ModuleState]]:
    """`enrollment_of` and its `module_states` in one query, for the course page that shows both."""
    if not user.is_authenticated:
        return None, {}
    rows = db.session.execute(_ENROLLED_WITH_STATES, {"user_id": user.id, "course_id": course.id}).all()
    if not rows:
        return None, {}
    enrollment = rows[0][0]
    keep_enrollment(user, course.id, enrollment)
    progress = [(module_id, completed_at) for _, module_id, completed_at in rows if module_id is not None]
    return enrollment, _states(progress)


def _states(rows: Iterable[tuple[int, datetime | None]]) -> dict[int, ModuleState]:
    return {
        module_id: ModuleState.COMPLETED if completed_at else ModuleState.VIEWED
        for module_id, completed_at in rows
    }


def progress_of(enrollment_ids: list[int]) -> dict[int, CourseProgress]:
    """Enrollment id → completed and required module counts, in one query."""
    if not enrollment_ids:
        return {}
    required, done = required_totals(), required_done()
    rows = db.session.execute(
        select(Enrollment.id, func.coalesce(done.c.required, 0), func.coalesce(required.c.count, 0))
        .outerjoin(required, required.c.course_id == Enrollment.course_id)
        .outerjoin(done, done.c.enrollment_id == Enrollment.id)
        .where(Enrollment.id.in_(enrollment_ids))
    )
    return {enrollment_id: CourseProgress(completed, total) for enrollment_id, completed, total in rows}


# --- facts that pages and reports compose (each is one subquery or select, written once) ------------

def required_totals() -> Subquery:
    """(course_id, count): how many required modules each course has."""
    return (
        select(CourseDay.course_id, func.count(Module.id).label("count"))
        .join(Module, Module.day_id == CourseDay.id)
        .where(Module.required)
        .group_by(CourseDay.course_id)
        .subquery()
    )


def required_done(course_id: int | None = None) -> Subquery:
    """(enrollment_id, required, quizzes): the required modules each enrolment has completed, and how
    many of them are quizzes; only one course's enrolments when `course_id` is given."""
    query = (
        select(ModuleProgress.enrollment_id, func.count().label("required"),
               func.count().filter(Module.kind == ModuleKind.QUIZ).label("quizzes"))
        .join(Module, Module.id == ModuleProgress.module_id)
        .where(Module.required, ModuleProgress.completed_at.is_not(None))
        .group_by(ModuleProgress.enrollment_id)
    )
    if course_id is not None:
        query = query.join(CourseDay, CourseDay.id == Module.day_id).where(CourseDay.course_id == course_id)
    return query.subquery()


def progress_events(course_id: int) -> Select:
    """(user_id, at): each moment a learner viewed or completed one of the course's modules (its
    completion if any, else its first view: one row per module)."""
    return (
        select(Enrollment.user_id.label("user_id"),
               func.coalesce(ModuleProgress.completed_at, ModuleProgress.first_viewed_at).label("at"))
        .join(Enrollment, Enrollment.id == ModuleProgress.enrollment_id)
        .where(Enrollment.course_id == course_id)
    )


def last_activity(*events: Select) -> Subquery:
    """(user_id, at): each person's latest moment among `events` (selects of user_id and at, from
    `progress_events` and the activity of later features: attempts, attendance)."""
    every = union_all(*events).subquery()
    return (
        select(every.c.user_id, type_coerce(func.max(every.c.at), UTCDateTime).label("at"))
        .group_by(every.c.user_id)
        .subquery()
    )


def next_modules(enrollment_ids: list[int], now: datetime) -> dict[int, Module]:
    """Enrollment id → the first open module not yet completed ("continue where you left off")."""
    if not enrollment_ids:
        return {}
    order = func.row_number().over(partition_by=Enrollment.id, order_by=(CourseDay.number, Module.position))
    candidates = (
        select(Enrollment.id.label("enrollment_id"), Module.id.label("module_id"), order.label("rank"))
        .join(CourseDay, CourseDay.course_id == Enrollment.course_id)
        .join(Module, Module.day_id == CourseDay.id)
        .outerjoin(ModuleProgress, and_(ModuleProgress.enrollment_id == Enrollment.id,
                                        ModuleProgress.module_id == Module.id))
        .where(
            Enrollment.id.in_(enrollment_ids),
            ModuleProgress.completed_at.is_(None),
            or_(CourseDay.opens_at.is_(None), CourseDay.opens_at <= now),
        )
        .subquery()
    )
    rows = db.session.execute(
        select(candidates.c.enrollment_id, Module)
        .join(Module, Module.id == candidates.c.module_id)
        .where(candidates.c.rank == 1)
        .options(selectinload(Module.translations), joinedload(Module.day).joinedload(CourseDay.course))
    )
    return {enrollment_id: module for enrollment_id, module in rows}


@dataclass(frozen=True)
class MyCourse:
    enrollment: Enrollment
    progress: CourseProgress
    next_module: Module | None

    @property
    def as_learner(self) -> bool:
        """Learners see their progress here; trainers a link to manage the course."""
        return self.enrollment.role is CourseRole.LEARNER


def my_courses(user, now: datetime) -> list[MyCourse]:
    """The user's courses (newest start first) with progress and what to do next."""
    enrollments = list(
        db.session.scalars(
            select(Enrollment)
            .join(Course)
            .where(Enrollment.user_id == user.id, Enrollment.withdrawn_at.is_(None),
                   Course.status != CourseStatus.DRAFT)
            .options(joinedload(Enrollment.course).selectinload(Course.translations),
                     joinedload(Enrollment.course).selectinload(Course.days))  # the last day's date
            .order_by(Course.starts_on.desc(), Course.slug)
        )
    )
    ids = [enrollment.id for enrollment in enrollments]
    progress, upcoming = progress_of(ids), next_modules(ids, now)
    return [MyCourse(e, progress.get(e.id, CourseProgress(0, 0)), upcoming.get(e.id)) for e in enrollments]


def course_people(course: Course, role: CourseRole) -> list[User]:
    """The users enrolled in the course with `role`, by name."""
    return list(
        db.session.scalars(
            select(User).join(Enrollment, Enrollment.user_id == User.id)
            .where(Enrollment.course_id == course.id, Enrollment.role == role, Enrollment.withdrawn_at.is_(None))
            .order_by(func.lower(User.name))
        )
    )


def learner_count(course: Course) -> int:
    """How many learners the course has."""
    return db.session.scalar(
        select(func.count(Enrollment.id)).where(Enrollment.course_id == course.id, Enrollment.is_active_learner())
    ) or 0


def learners_for_message(course: Course, *, country: str | None, organisation_id: int | None,
                         status: str) -> list[User]:
    """The course's learners (not withdrawn) from `country` and `organisation_id` (when given) whose
    completion is `status` ("completed", "not_completed", or "" for all)."""
    query = (select(User).join(Enrollment, Enrollment.user_id == User.id)
             .where(Enrollment.course_id == course.id, Enrollment.is_active_learner(), User.active.is_(True)))
    if country:
        query = query.where(User.country == country)
    if organisation_id:
        query = query.where(User.organisation_id == organisation_id)
    if status == "completed":
        query = query.where(Enrollment.completed_at.is_not(None))
    elif status == "not_completed":
        query = query.where(Enrollment.completed_at.is_(None))
    return list(db.session.scalars(query.order_by(func.lower(User.name), User.id)))


def messages_of(course: Course) -> list[CourseMessage]:
    """The course's messages to its learners, newest first."""
    return list(db.session.scalars(select(CourseMessage).where(CourseMessage.course_id == course.id)
                                   .order_by(CourseMessage.created_at.desc(), CourseMessage.id.desc())))
