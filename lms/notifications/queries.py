"""Reading the outbox: my notifications on the site, delivery per person (the unread count: unread.py)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from lms.auth.models import User
from lms.extensions import db
from lms.notifications.kinds import KINDS
from lms.notifications.models import MailState, Notification

PAGE = 30


def shown_kinds() -> list[str]:
    """The kinds of notification shown on the site (not the mails that carry a secret link)."""
    return [name for name, kind in KINDS.items() if kind.on_site]


def on_site(user_id, now, kinds) -> tuple:
    """Conditions of a user's notifications shown on the site by `now`."""
    return (Notification.recipient_id == user_id, Notification.due_at <= now, Notification.kind.in_(kinds),
            Notification.mail_state != MailState.CANCELLED)


def my_notifications(user: User, now: datetime) -> list[Notification]:
    """The latest notifications shown on the site, unread first, newest first."""
    return list(db.session.scalars(
        select(Notification).where(*on_site(user.id, now, shown_kinds()))
        .order_by(Notification.read_at.is_not(None), Notification.due_at.desc(), Notification.id.desc())
        .limit(PAGE)))


def delivery_of(kind: str, about_id: int) -> list[Notification]:
    """Every person's copy of one message, with its mail state, by name."""
    return list(db.session.scalars(
        select(Notification).join(Notification.recipient)
        .where(Notification.kind == kind, Notification.about_id == about_id).order_by(User.name, User.id)))


def delivery_counts(kind: str, about_ids: list[int]) -> dict[int, dict[str, int]]:
    """For each object, how many of its notifications are in each mail state ({12: {"sent": 30}})."""
    counts: dict[int, dict[str, int]] = {about_id: {} for about_id in about_ids}
    rows = db.session.execute(
        select(Notification.about_id, Notification.mail_state, func.count())
        .where(Notification.kind == kind, Notification.about_id.in_(about_ids))
        .group_by(Notification.about_id, Notification.mail_state))
    for about_id, state, count in rows:
        counts[about_id][MailState(state).value] = count
    return counts
