"""A course's schedule as a rule ("every Tuesday and Thursday from 3 March to 28 August, not on
these dates", "5 consecutive days") and what applying it would do to the course's days: pure
functions over dates, no Flask.

The dates come from python-dateutil's rrule, so the rule means what an iCalendar RRULE means.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice

from dateutil.rrule import DAILY, WEEKLY, rrule


@dataclass(frozen=True)
class Pattern:
    """Which dates a course meets on.

    `weekdays` (0 is Monday) empty means every day. The dates stop at `until` or after `count`
    dates, whichever comes first; a skipped date does not count.
    """

    first: date
    weekdays: tuple[int, ...] = ()
    until: date | None = None
    count: int | None = None
    skip: frozenset[date] = frozenset()


class TooManyDates(ValueError):
    """The pattern gives more dates than a course may have days."""


def dates_of(pattern: Pattern, limit: int) -> list[date]:
    """The pattern's dates in order; TooManyDates past `limit`."""
    if pattern.until is None and pattern.count is None:
        raise ValueError("a pattern needs an end: `until` or `count`")
    rule = rrule(
        WEEKLY if pattern.weekdays else DAILY,
        dtstart=datetime.combine(pattern.first, datetime.min.time()),
        until=datetime.combine(pattern.until, datetime.min.time()) if pattern.until else None,
        byweekday=pattern.weekdays or None,
    )
    wanted = limit + 1 if pattern.count is None else min(pattern.count, limit + 1)
    found = list(islice((moment.date() for moment in rule if moment.date() not in pattern.skip), wanted))
    if len(found) > limit:
        raise TooManyDates(len(found))
    return found


@dataclass(frozen=True)
class DayChange:
    number: int
    old: date | None  # None: the day is added
    new: date | None  # None: the day is removed


@dataclass(frozen=True)
class Plan:
    """What a schedule does to the days: each day's old and new date, in day order."""

    changes: tuple[DayChange, ...]
    kept_with_content: tuple[int, ...]  # days the schedule has no date for but which hold modules

    @property
    def added(self) -> int:
        return sum(1 for change in self.changes if change.old is None)

    @property
    def removed(self) -> int:
        return sum(1 for change in self.changes if change.new is None)

    @property
    def moved(self) -> int:
        return sum(1 for change in self.changes if None not in (change.old, change.new) and change.old != change.new)

    @property
    def can_apply(self) -> bool:
        return bool(self.changes) and not self.kept_with_content and any(c.new for c in self.changes)


def plan(days: Sequence[tuple[int, date]], dates: Sequence[date], days_with_modules: Collection[int]) -> Plan:
    """Day 1 takes the first date, day 2 the second, ...; days beyond the dates are removed (only
    when empty: modules are never deleted by a schedule), dates beyond the days become new days."""
    changes = [DayChange(number, old, dates[index] if index < len(dates) else None)
               for index, (number, old) in enumerate(days)]
    changes += [DayChange(len(days) + offset, None, new)
                for offset, new in enumerate(dates[len(days):], start=1)]
    blocked = tuple(change.number for change in changes
                    if change.new is None and change.number in days_with_modules)
    return Plan(tuple(changes), blocked)
