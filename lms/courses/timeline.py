"""The day-by-day view of a course: pure functions over a loaded course outline."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from lms.courses.models import Course, CourseDay, Module
from lms.courses.queries import ModuleState


@dataclass(frozen=True)
class ModuleItem:
    module: Module
    state: ModuleState
    live_over: bool = False  # a live session that has ended: nothing to join any more


@dataclass(frozen=True)
class DayItem:
    day: CourseDay
    is_open: bool
    is_today: bool
    modules: list[ModuleItem]


@dataclass(frozen=True)
class Timeline:
    days: list[DayItem]
    next_module: Module | None  # the first open module not yet completed


def build_timeline(course: Course, states: dict[int, ModuleState], now: datetime) -> Timeline:
    """Each day with whether it is open, whether it is today (in the course's time zone), and
    each module's state for this learner."""
    today = now.astimezone(ZoneInfo(course.timezone)).date()
    days = [
        DayItem(
            day=day,
            is_open=day.is_open(now),
            is_today=day.date == today,
            modules=[ModuleItem(m, states.get(m.id, ModuleState.NOT_STARTED), _live_over(m, now)) for m in day.modules],
        )
        for day in course.days
    ]
    upcoming = (item.module for day in days if day.is_open for item in day.modules
                if item.state is not ModuleState.COMPLETED)
    return Timeline(days, next(upcoming, None))


def _live_over(module: Module, now: datetime) -> bool:
    session = getattr(module, "live_session", None)  # named by string: courses never imports live
    return session is not None and now >= session.ends_at


def neighbours(course: Course, module: Module) -> tuple[Module | None, Module | None]:
    """The modules before and after `module` in the course's order, across days."""
    ordered = [m for day in course.days for m in day.modules]
    index = ordered.index(module)
    before = ordered[index - 1] if index > 0 else None
    after = ordered[index + 1] if index + 1 < len(ordered) else None
    return before, after
