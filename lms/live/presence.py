"""Time in a meeting from the embedded meeting's reports: pure arithmetic, no Flask, no database.

The page reports "joined", then a heartbeat each minute while the person is in the meeting, and
"left". Each report credits the time since the previous one, inside the session's own hours and
never more than a gap a heartbeat can explain: a closed laptop or a lost connection earns nothing.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

# The longest gap between two reports still counted as present: the page beats each minute, so this
# allows a late heartbeat or a reload.
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

