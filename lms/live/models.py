"""Live sessions (one per live module) and who attended them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.courses.models import Module
from lms.extensions import db
from lms.types import UTCDateTime, utcnow


class LiveSession(db.Model):
    """A meeting on Jitsi at a set time; its room name comes from a random secret."""

    __tablename__ = "live_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), unique=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    room_secret: Mapped[str] = mapped_column(String(64))
    recording_url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    module: Mapped[Module] = relationship()


class Attendance(db.Model):
    """A person's presence at a session: when they first and last joined, and how often."""

    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    first_joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    joins: Mapped[int] = mapped_column(default=1)  # 0: marked present by a trainer
    # Time in the meeting, as the embedded meeting reports it (joined, a heartbeat each minute, left)
    seconds_present: Mapped[int] = mapped_column(default=0, server_default="0")
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: not in the meeting now

