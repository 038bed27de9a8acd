"""Every write to live sessions: scheduling them, and recording who joined."""
from __future__ import annotations

import secrets
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from lms.auth.models import User
from lms.courses import services as courses
from lms.courses.models import CourseRole, Enrollment, Module, ModuleKind
from lms.errors import DomainError
from lms.extensions import db
from lms.live.models import Attendance, LiveSession


def session_for(module: Module) -> LiveSession | None:
    """The live session of a live module, if it has been scheduled."""
    return db.session.scalar(select(LiveSession).where(LiveSession.module_id == module.id))


def schedule(module: Module, starts_at: datetime, ends_at: datetime, recording_url: str | None = None) -> LiveSession:
    """Set (or move) the time of a live module's session; its room stays the same."""
    if module.kind is not ModuleKind.LIVE:
        raise DomainError(_("This module is not a live session."), 404)
    if ends_at <= starts_at:
        raise DomainError(_("A session must end after it starts."))
    session = session_for(module)
    if session is None:
        session = LiveSession(module=module, room_secret=secrets.token_urlsafe(32), starts_at=starts_at,
                              ends_at=ends_at)
        db.session.add(session)
    session.starts_at, session.ends_at = starts_at, ends_at
    session.recording_url = (recording_url or "").strip() or None
    db.session.flush()
    return session


def record_join(session: LiveSession, user: User, enrollment: Enrollment | None, now: datetime) -> None:
    """Note that a learner joined (first time, latest time, how often); that completes the module."""
    if enrollment is None or enrollment.role is not CourseRole.LEARNER:
        return
    attendance = db.session.scalar(select(Attendance).where(Attendance.session_id == session.id,
                                                            Attendance.user_id == user.id))
    if attendance is None:
        db.session.add(Attendance(session_id=session.id, user_id=user.id, first_joined_at=now, last_joined_at=now))
    else:
        attendance.last_joined_at, attendance.joins = now, attendance.joins + 1
    db.session.flush()
    courses.complete_module(enrollment, session.module, now)
