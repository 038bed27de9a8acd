"""Converting between a place's wall-clock time and the UTC the database keeps."""
from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def local_to_utc(wall_clock: datetime, zone: str) -> datetime:
    """A naive wall-clock time in `zone` (as a form gives it) as an aware UTC datetime."""
    return wall_clock.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def utc_to_local(moment: datetime, zone: str) -> datetime:
    """An aware datetime as the naive wall-clock time in `zone` (to fill a form)."""
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
