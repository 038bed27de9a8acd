"""Read models of programmes: the catalogue by series, a programme's courses, a learner's standing in them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.courses.models import Course, CourseStatus, Enrollment
from lms.courses.queries import CourseProgress, required_done, required_totals
from lms.extensions import db
from lms.programmes import rules
from lms.programmes.models import Programme, ProgrammeCourse, ProgrammeEnrolment

# Which of these courses a person holds a valid certificate of: given by `certificates`, a later
# feature, in its register() (programmes never import it).
CertifiedCourses = Callable[[int, list[int]], set[int]]
_certified_sources: list[CertifiedCourses] = []


def add_certified_source(source: CertifiedCourses) -> None:
    if source not in _certified_sources:
        _certified_sources.append(source)


def certified_courses(user_id: int, course_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for source in _certified_sources:
        found |= source(user_id, course_ids)
    return found


def programme_by_slug(slug: str) -> Programme | None:
    return db.session.scalar(
        select(Programme).where(Programme.slug == slug)
        .options(selectinload(Programme.translations),
                 selectinload(Programme.courses).selectinload(ProgrammeCourse.course).options(
                     selectinload(Course.translations), selectinload(Course.days))))


def span(programme: Programme) -> tuple[date, date] | None:
    """The first course's start and the last course's end (None without courses)."""
    courses = [item.course for item in programme.courses]
    if not courses:
        return None
    return min(course.starts_on for course in courses), max(course.ends_on for course in courses)


@dataclass(frozen=True)
class Edition:
    programme: Programme
    starts_on: date | None
    ends_on: date | None

    def is_over(self, today: date) -> bool:
        return self.ends_on is not None and self.ends_on < today


@dataclass(frozen=True)
class Series:
    """One programme's editions: the current and coming ones first (soonest first), then the archive."""

    current: list[Edition]
    archive: list[Edition]

    @property
    def lead(self) -> Edition:
        return (self.current or self.archive)[0]


def catalogue(today: date, *, include_drafts: bool = False) -> list[Series]:
    """Published programmes (every one for authors) grouped by series, the series with a current
    edition first."""
    query = (select(Programme).options(
        selectinload(Programme.translations),
        selectinload(Programme.courses).selectinload(ProgrammeCourse.course).selectinload(Course.days))
        .order_by(Programme.series, Programme.edition))
    if not include_drafts:
        query = query.where(Programme.status == CourseStatus.PUBLISHED)
    by_series: dict[str, list[Edition]] = {}
    for programme in db.session.scalars(query):
        dates = span(programme)
        by_series.setdefault(programme.series, []).append(Edition(programme, *(dates or (None, None))))
    groups = []
    for editions in by_series.values():
        current = sorted((e for e in editions if not e.is_over(today)), key=lambda e: (e.starts_on or today))
        archive = sorted((e for e in editions if e.is_over(today)), key=lambda e: e.ends_on, reverse=True)
        groups.append(Series(current, archive))
    return sorted(groups, key=lambda group: (not group.current, group.lead.starts_on or today))


def catalogue_of_series(series: str, *, include_drafts: bool = False) -> list[Programme]:
    """Every edition of one programme, newest first (for its page's list of editions)."""
    query = (select(Programme).where(Programme.series == series).options(selectinload(Programme.translations))
             .order_by(Programme.edition.desc(), Programme.id.desc()))
    if not include_drafts:
        query = query.where(Programme.status != CourseStatus.DRAFT)
    return list(db.session.scalars(query))


def enrolment_of(programme: Programme, user: User) -> ProgrammeEnrolment | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(select(ProgrammeEnrolment).where(ProgrammeEnrolment.programme_id == programme.id,
                                                              ProgrammeEnrolment.user_id == user.id))


@dataclass(frozen=True)
class CourseStanding:
    """One course of a programme as a learner stands in it."""

    item: ProgrammeCourse
    progress: CourseProgress | None  # None: not enrolled (any more)
    completed: bool
    certified: bool

    @property
    def done(self) -> bool:
        return self.completed or self.certified


@dataclass(frozen=True)
class Standing:
    courses: list[CourseStanding]

    @property
    def required_done(self) -> int:
        return sum(1 for c in self.courses if c.item.required and c.done)

    @property
    def required_total(self) -> int:
        return sum(1 for c in self.courses if c.item.required)

    @property
    def complete(self) -> bool:
        return rules.programme_complete([c.item.course_id for c in self.courses if c.item.required],
                                        [c.item.course_id for c in self.courses if c.completed],
                                        [c.item.course_id for c in self.courses if c.certified])


def standing(programme: Programme, user_id: int) -> Standing:
    """The learner's progress in each of the programme's courses, in three queries whatever their number."""
    course_ids = [item.course_id for item in programme.courses]
    rows = progress_by_course(user_id, course_ids)
    certified = certified_courses(user_id, course_ids)
    return Standing([
        CourseStanding(item, rows[item.course_id][0] if item.course_id in rows else None,
                       item.course_id in rows and rows[item.course_id][1], item.course_id in certified)
        for item in programme.courses])


def progress_by_course(user_id: int, course_ids: list[int]) -> dict[int, tuple[CourseProgress, bool]]:
    """course id → (required modules done of total, completed) for a learner's active enrolments."""
    return {course_id: cell for (_user, course_id), cell in progress_table([user_id], course_ids).items()}


def progress_table(user_ids: list[int], course_ids: list[int]) -> dict[tuple[int, int], tuple[CourseProgress, bool]]:
    """(user id, course id) → (required modules done of total, completed), for the active learner
    enrolments among them: one query whatever the number of people and courses."""
    if not course_ids or not user_ids:
        return {}
    required, done = required_totals(), required_done()
    rows = db.session.execute(
        select(Enrollment.user_id, Enrollment.course_id, func.coalesce(done.c.required, 0),
               func.coalesce(required.c.count, 0), Enrollment.completed_at)
        .outerjoin(required, required.c.course_id == Enrollment.course_id)
        .outerjoin(done, done.c.enrollment_id == Enrollment.id)
        .where(Enrollment.user_id.in_(user_ids), Enrollment.course_id.in_(course_ids),
               Enrollment.is_active_learner()))
    return {(user_id, course_id): (CourseProgress(count, total), completed_at is not None)
            for user_id, course_id, count, total, completed_at in rows}


def my_programmes(user: User) -> list[tuple[ProgrammeEnrolment, Standing]]:
    """The programmes a person is enrolled in (newest first), each with their standing."""
    enrolments = db.session.scalars(
        select(ProgrammeEnrolment).where(ProgrammeEnrolment.user_id == user.id)
        .options(selectinload(ProgrammeEnrolment.programme).options(
            selectinload(Programme.translations), selectinload(Programme.courses)))
        .order_by(ProgrammeEnrolment.enrolled_at.desc(), ProgrammeEnrolment.id.desc())).all()
    return [(enrolment, standing(enrolment.programme, user.id)) for enrolment in enrolments]


def learners(programme: Programme) -> list[ProgrammeEnrolment]:
    return list(db.session.scalars(
        select(ProgrammeEnrolment).where(ProgrammeEnrolment.programme_id == programme.id)
        .options(selectinload(ProgrammeEnrolment.user).selectinload(User.organisation))
        .join(User, User.id == ProgrammeEnrolment.user_id).order_by(User.name)))


def programmes_of_course(course_id: int, user_id: int) -> list[ProgrammeEnrolment]:
    """The user's enrolments in programmes that contain this course."""
    return list(db.session.scalars(
        select(ProgrammeEnrolment)
        .join(ProgrammeCourse, ProgrammeCourse.programme_id == ProgrammeEnrolment.programme_id)
        .where(ProgrammeCourse.course_id == course_id, ProgrammeEnrolment.user_id == user_id)))
