"""Building iCalendar (RFC 5545) documents with the icalendar library (imported by the feed alone: 3 MB a worker)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

PRODUCT = "-//Telim LMS//Course calendar//EN"


@dataclass(frozen=True)
class DayEntry:
    uid: str
    title: str
    day: date
    url: str


@dataclass(frozen=True)
class SessionEntry:
    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str  # the course's: events carry it (with a VTIMEZONE) so clients show local times
    url: str


def calendar(name: str, days: list[DayEntry], sessions: list[SessionEntry], stamp: datetime) -> bytes:
    """An iCalendar document with all-day course days and timed live sessions."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for entry in days:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.title)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
        event.add("url", entry.url)
        event.add("transp", "TRANSPARENT")  # a course day does not make the person busy all day
        cal.add_component(event)
    for entry in sessions:
        zone = ZoneInfo(entry.timezone)
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.title)
        event.add("dtstart", entry.starts_at.astimezone(zone))
        event.add("dtend", entry.ends_at.astimezone(zone))
        event.add("url", entry.url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
