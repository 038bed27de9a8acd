"""A course's outline as immutable data: what the course page shows, built once per process and content change.

A declared read model, not the ORM rows: frozen dataclasses that the templates, `localized()` and the
timeline read by the same field names as the models (`course.days`, `day.modules`, `translations`),
and whose rules (has the course ended? is a day open?) are lms/courses/rules.py, as the models' are.
See lms/courses/content_cache.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from lms.courses import content_cache, rules
from lms.courses.models import Course, CourseStatus, EnrolmentMode, ModuleKind
from lms.courses.queries import CourseProgress, ModuleState, course_outline


@dataclass(frozen=True)
class Text:
    """One language's texts of a course, day or module."""

    locale: str
    title: str = ""
    summary: str = ""


@dataclass(frozen=True)
class LiveTime:
    id: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class OutlineModule:
    id: int
    position: int
    kind: ModuleKind
    required: bool
    estimated_minutes: int | None
    original_locale: str
    translations: tuple[Text, ...]
    live_session: LiveTime | None


@dataclass(frozen=True)
class OutlineDay:
    id: int
    number: int
    date: date
    opens_at: datetime | None
    original_locale: str
    translations: tuple[Text, ...]
    modules: tuple[OutlineModule, ...]

    def is_open(self, now: datetime) -> bool:
        return rules.day_is_open(self.opens_at, now)


@dataclass(frozen=True)
class CourseOutline:
    id: int
    slug: str
    original_locale: str
    timezone: str
    starts_on: date
    status: CourseStatus
    enrolment: EnrolmentMode
    translations: tuple[Text, ...]
    days: tuple[OutlineDay, ...]

    @property
    def ends_on(self) -> date:
        return rules.last_day(self.starts_on, [day.date for day in self.days])

    def has_ended(self, now: datetime) -> bool:
        return rules.has_ended(self.ends_on, self.timezone, now)

    def self_enrolment(self, now: datetime) -> rules.SelfEnrolment:
        return rules.self_enrolment(self.status, self.enrolment, self.has_ended(now))

    def progress(self, states: dict[int, ModuleState]) -> CourseProgress:
        """How many of the required modules a learner with these module states has completed."""
        required = [module.id for day in self.days for module in day.modules if module.required]
        done = sum(1 for module_id in required if states.get(module_id) is ModuleState.COMPLETED)
        return CourseProgress(done, len(required))


def cached_outline(slug: str) -> CourseOutline | None:
    """The course's outline, from this process's cache while no course content has changed."""
    return content_cache.cached(("outline", slug), lambda: _outline(slug))


def _outline(slug: str) -> CourseOutline | None:
    course = course_outline(slug)
    return None if course is None else outline_of(course)


def outline_of(course: Course) -> CourseOutline:
    """The outline of a course loaded with its days, modules, live sessions and translations."""
    locale = course.original_locale
    return CourseOutline(
        id=course.id, slug=course.slug, original_locale=locale, timezone=course.timezone,
        starts_on=course.starts_on, status=course.status, enrolment=course.enrolment,
        translations=tuple(Text(row.locale, title=row.title, summary=row.summary) for row in course.translations),
        days=tuple(
            OutlineDay(
                id=day.id, number=day.number, date=day.date, opens_at=day.opens_at, original_locale=locale,
                translations=tuple(Text(row.locale, title=row.title) for row in day.translations),
                modules=tuple(_module(module, locale) for module in day.modules),
            )
            for day in course.days
        ),
    )


def _module(module, locale: str) -> OutlineModule:
    live = module.live_session
    return OutlineModule(
        id=module.id, position=module.position, kind=module.kind, required=module.required,
        estimated_minutes=module.estimated_minutes, original_locale=locale,
        translations=tuple(Text(row.locale, title=row.title) for row in module.translations),
        live_session=LiveTime(live.id, live.starts_at, live.ends_at) if live is not None else None,
    )
