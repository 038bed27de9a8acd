"""The outbox: one row per message to one person, and the kinds of message each person turned off."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.extensions import db
from lms.types import UTCDateTime, enum_column, utcnow


class MailState(enum.Enum):
    WAITING = "waiting"  # due now or later; the worker sends it
    SENT = "sent"
    FAILED = "failed"  # given up after NOTIFICATION_MAX_TRIES; last_error says why
    NOT_MAILED = "not_mailed"  # turned off by its recipient, or the site sends no mail: on the site only
    CANCELLED = "cancelled"  # what it was about is gone (a deleted session): neither mailed nor shown


@dataclass(frozen=True)
class Addressee:
    """Someone without an account whom a message is mailed to (a guest speaker): read like a `User`
    where a message is composed (name, e-mail, language, time zone), never signed in."""

    name: str
    email: str
    locale: str
    timezone: str | None = None
    id: None = None
    active: bool = True


class Notification(db.Model):
    """A message to one person about one thing, written in the same transaction as the event.

    `unique_key` names the event and its recipient ("live_soon:12:345"): whoever writes the row twice
    (two workers, a job run again) gets one row, so nobody is told twice. A message to someone
    without an account has no recipient but an address (`to_*`): it is mailed, never shown on the site.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_mail_due", "mail_state", "due_at"),
        Index("ix_notifications_recipient_unread", "recipient_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    to_name: Mapped[str | None] = mapped_column(String(200))
    to_email: Mapped[str | None] = mapped_column(String(254))
    to_locale: Mapped[str | None] = mapped_column(String(5))
    to_timezone: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(40))
    about_id: Mapped[int | None]  # the object it is about; its table follows from the kind
    unique_key: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    mail_state: Mapped[MailState] = mapped_column(enum_column(MailState), default=MailState.WAITING)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tries: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    # A worker that takes the message holds it until then; if it dies, another takes it afterwards.
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    recipient: Mapped[User | None] = relationship()

    @property
    def addressee(self) -> User | Addressee:
        """Whom the message is mailed to: the account, or the address it was written for."""
        if self.recipient is not None:
            return self.recipient
        return Addressee(self.to_name or "", self.to_email or "", self.to_locale or "", self.to_timezone)


class OptOut(db.Model):
    """A kind of notification a person does not want by mail (they still see it on the site)."""

    __tablename__ = "notification_opt_outs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
