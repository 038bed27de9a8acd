"""A live module's time in a course's JSON export, moved with the new cohort's start date."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from lms.courses.models import Module, ModuleKind
from lms.courses.transfer import invalid
from lms.live import services
from lms.timezones import same_wall_clock_later


def export_session(module: Module) -> dict[str, Any] | None:
    session = services.session_for(module) if module.kind is ModuleKind.LIVE else None
    if session is None:
        return None
    return {"starts_at": session.starts_at.isoformat(),
            "minutes": int((session.ends_at - session.starts_at).total_seconds() // 60)}


def load_session(module: Module, data: Any, where: str, shift_days: int) -> None:
    """The same wall-clock time, as many days later as the course's start moved (a new room)."""
    zone = module.day.course.timezone
    try:
        old_start = datetime.fromisoformat(data["starts_at"])
        minutes = int(data["minutes"])
    except (TypeError, ValueError, KeyError):
        raise invalid(where) from None
    if old_start.tzinfo is None or not 1 <= minutes <= 24 * 60:
        raise invalid(where)
    starts_at = same_wall_clock_later(old_start, zone, shift_days)
    services.schedule(module, starts_at, starts_at + timedelta(minutes=minutes))

