"""Converting between a place's wall-clock time and the UTC the database keeps."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


def local_to_utc(wall_clock: datetime, zone: str) -> datetime:
    """A naive wall-clock time in `zone` (as a form gives it) as an aware UTC datetime."""
    return wall_clock.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def utc_to_local(moment: datetime, zone: str) -> datetime:
    """An aware datetime as the naive wall-clock time in `zone` (to fill a form)."""
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def same_wall_clock_later(moment: datetime, zone: str, days: int) -> datetime:
    """The same wall-clock time in `zone`, `days` days later (or earlier): across a daylight-saving
    change 10:00 stays 10:00, where adding days to the UTC time would not."""
    return local_to_utc(utc_to_local(moment, zone) + timedelta(days=days), zone)
