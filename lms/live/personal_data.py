"""A person's attendance at live sessions, for their own data download."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.courses.models import Module
from lms.extensions import db
from lms.i18n import localized
from lms.live.models import Attendance, LiveSession


def attendance_of(user: User) -> list[dict[str, Any]]:
    """Each session the person was in (or marked present at), with when and how long."""
    rows = db.session.execute(
        select(Attendance, LiveSession).join(LiveSession, LiveSession.id == Attendance.session_id)
        .where(Attendance.user_id == user.id).order_by(LiveSession.starts_at)
        .options(selectinload(LiveSession.module).selectinload(Module.translations))).all()
    return [{"session": localized(session.module, "title"), "starts_at": session.starts_at,
             "first_joined_at": record.first_joined_at, "last_joined_at": record.last_joined_at,
             "joins": record.joins, "minutes_present": record.seconds_present // 60} for record, session in rows]
