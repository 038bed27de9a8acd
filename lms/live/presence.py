"""Time in a meeting from the embedded meeting's reports: pure arithmetic, no Flask, no database.

The page reports "joined", then a heartbeat each minute while the person is in the meeting, and
"left". Each report credits the time since the previous one, inside the session's own hours and
never more than a gap a heartbeat can explain: a closed laptop or a lost connection earns nothing.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

HEARTBEAT = timedelta(minutes=1)
# The longest gap between two reports still counted as present (a late heartbeat, a reload).
MAX_GAP = timedelta(seconds=150)


class PresenceEvent(StrEnum):
    JOINED = "joined"
    HEARTBEAT = "heartbeat"
    LEFT = "left"


def credited_seconds(last_seen: datetime | None, now: datetime, starts_at: datetime, ends_at: datetime) -> int:
    """Seconds of presence between the previous report and this one, within the session's hours."""
    if last_seen is None or now <= last_seen or now - last_seen > MAX_GAP:
        return 0
    begin, end = max(last_seen, starts_at), min(now, ends_at)
    return max(0, int((end - begin).total_seconds()))


def presence_percent(seconds_present: int, starts_at: datetime, ends_at: datetime) -> float:
    """The share of the session's length a person was in it."""
    length = (ends_at - starts_at).total_seconds()
    return 100.0 if length <= 0 else min(100.0, seconds_present * 100 / length)
