"""How the site writes dates and times: one Babel format for each kind, in the reader's language and
time zone, never with seconds or a zone name in running text (CLDR's "medium" and "full" have both).

- a date:            2 dekabr 2026 · 2 декабря 2026 г. · December 2, 2026
- a date and time:   2 dekabr 2026, 09:00 · 2 декабря 2026 г., 09:00
- a time:            09:00
- a time range:      2 декабря 2026 г., 09:00–10:30
- a day with its weekday (headings): Çərşənbə, 2 dekabr 2026 · Среда, 2 декабря 2026 г.
"""
from __future__ import annotations

from datetime import date, datetime

from flask_babel import format_date, format_datetime, format_time, to_user_timezone


def date_text(value: date | datetime) -> str:
    return format_date(value, "long")


def time_text(value: datetime) -> str:
    return format_time(value, "HH:mm")


def datetime_text(value: datetime) -> str:
    return f"{date_text(value)}, {time_text(value)}"


def time_range_text(start: datetime, end: datetime) -> str:
    """A span on one day shows the date once; a span over midnight shows both."""
    if to_user_timezone(start).date() == to_user_timezone(end).date():
        return f"{datetime_text(start)}–{time_text(end)}"
    return f"{datetime_text(start)} – {datetime_text(end)}"


def weekday_date_text(value: date | datetime) -> str:
    """The weekday and the date, for headings; CLDR writes weekdays in lower case in az and ru."""
    weekday = format_datetime(value, "EEEE") if isinstance(value, datetime) else format_date(value, "EEEE")
    return f"{weekday[:1].upper()}{weekday[1:]}, {date_text(value)}"
