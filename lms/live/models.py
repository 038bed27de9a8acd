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



class GuestInvite(db.Model):
    """Someone without an account invited to one session (an official who opens a course, an expert):
    a personal link, signed with the site's key over the invite and its `link_key`, enters the
    meeting in their name inside the session's window. A new `link_key` or `revoked_at` ends the link."""

    __tablename__ = "guest_invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    locale: Mapped[str] = mapped_column(String(5))
    moderator: Mapped[bool] = mapped_column(default=False)
    link_key: Mapped[str] = mapped_column(String(64))
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    joins: Mapped[int] = mapped_column(default=0)

    session: Mapped[LiveSession] = relationship()
