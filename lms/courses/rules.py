"""Rules about one course that both the model and its cached outline answer: pure functions of its fields."""
from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo


class SelfEnrolment(enum.StrEnum):
    """Whether, and how, a signed-in person may enrol themselves now."""

    OPEN = "open"  # a button
    WITH_KEY = "with_key"  # a button and the key the trainer gives out
    NOT_PUBLISHED = "not_published"
    ENDED = "ended"
    BY_ADMIN = "by_admin"  # the training centre enrols people
    BY_APPLICATION = "by_application"  # an application form; the centre selects

    @property
    def by_form(self) -> bool:
        """Whether a signed-in person not yet enrolled enrols with the course page's form."""
        return self in (SelfEnrolment.OPEN, SelfEnrolment.WITH_KEY)


def last_day(starts_on: date, day_dates: Sequence[date]) -> date:
    """The date of a course's last day (its start while it has no day)."""
    return max(day_dates, default=starts_on)


def has_ended(ends_on: date, timezone: str, now: datetime) -> bool:
    """Whether the course's last day is over in its own time zone (enrolment then closes)."""
    return now.astimezone(ZoneInfo(timezone)).date() > ends_on


def self_enrolment(status: str, mode: str, ended: bool) -> SelfEnrolment:
    """What a course with this status and enrolment mode offers someone who would enrol themselves."""
    if status != "published":
        return SelfEnrolment.NOT_PUBLISHED
    if ended:
        return SelfEnrolment.ENDED
    if mode == "admin":
        return SelfEnrolment.BY_ADMIN
    if mode == "application":
        return SelfEnrolment.BY_APPLICATION
    return SelfEnrolment.WITH_KEY if mode == "key" else SelfEnrolment.OPEN


def day_is_open(opens_at: datetime | None, now: datetime) -> bool:
    """A day with no opening time is open from the start."""
    return opens_at is None or now >= opens_at
