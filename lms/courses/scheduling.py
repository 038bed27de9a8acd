"""Moving a course's days: a new start date, one day's date, or a whole schedule.

A day that moves takes its opening time and its live sessions with it (the same wall-clock time,
as many days later), so that a trainer who reschedules never leaves a session on the old date.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _

from lms import signals
from lms.courses import schedule
from lms.courses.models import Course, CourseDay
from lms.dates import date_text
from lms.errors import DomainError
from lms.extensions import db
from lms.timezones import local_to_utc, same_wall_clock_later


def move_start(course: Course, starts_on: date) -> None:
    """Move every day by as many days as the start moves: the schedule keeps its shape."""
    shift = (starts_on - course.starts_on).days
    if shift:
        for day in course.days:
            _move(day, shift)
    course.starts_on = starts_on


def move_day(day: CourseDay, new_date: date) -> None:
    """Put one day on another date between its neighbours (days stay in date order)."""
    days = day.course.days
    index = days.index(day)
    before = days[index - 1] if index > 0 else None
    after = days[index + 1] if index + 1 < len(days) else None
    if before is not None and new_date <= before.date:
        raise DomainError(_("Day %(number)d must come after day %(other)d, which is on %(date)s.",
                            number=day.number, other=before.number, date=date_text(before.date)))
    if after is not None and new_date >= after.date:
        raise DomainError(_("Day %(number)d must come before day %(other)d, which is on %(date)s.",
                            number=day.number, other=after.number, date=date_text(after.date)))
    _move(day, (new_date - day.date).days)
    day.course.starts_on = days[0].date


def dates_for(pattern: schedule.Pattern, limit: int) -> list[date]:
    """The pattern's dates, refused with a clear message when there is none or more than a course may have."""
    try:
        dates = schedule.dates_of(pattern, limit)
    except schedule.TooManyDates:
        raise DomainError(_("The schedule gives more than %(max)d dates, and a course has at most %(max)d days. "
                            "Set an earlier last date or a number of days.", max=limit)) from None
    if not dates:
        raise DomainError(_("The schedule gives no date. Check the first date, the weekdays and the end."))
    return dates


def preview(course: Course, dates: Sequence[date]) -> schedule.Plan:
    """What applying these dates would do to the course's days."""
    return schedule.plan([(day.number, day.date) for day in course.days], dates,
                         {day.number for day in course.days if day.modules})


def apply_schedule(course: Course, dates: Sequence[date], opens_at: time | None) -> schedule.Plan:
    """Give the days these dates in order, adding days or removing empty ones at the end; with
    `opens_at`, every day opens at that time of its date."""
    if not dates:
        raise DomainError(_("The schedule gives no date. Check the first date, the weekdays and the end."))
    plan = preview(course, dates)
    if plan.kept_with_content:
        raise DomainError(_("The schedule has fewer dates than the course has days, and day %(number)d "
                            "has modules. Move or delete them first, or add dates.",
                            number=plan.kept_with_content[0]))
    by_number = {day.number: day for day in course.days}
    for change in plan.changes:
        if change.new is None:
            course.days.remove(by_number[change.number])
        elif change.old is None:
            course.days.append(CourseDay(number=change.number, date=change.new))
        else:
            _move(by_number[change.number], (change.new - change.old).days)
    if opens_at is not None:
        for day in course.days:
            day.opens_at = local_to_utc(datetime.combine(day.date, opens_at), course.timezone)
    course.starts_on = dates[0]
    db.session.flush()
    return plan


def _move(day: CourseDay, shift: int) -> None:
    if not shift:
        return
    day.date += timedelta(days=shift)
    if day.opens_at is not None:
        day.opens_at = same_wall_clock_later(day.opens_at, day.course.timezone, shift)
    signals.course_day_moved.send(day, days=shift)
