"""Reading the outbox: my notifications on the site, the unread count, delivery per person."""
from __future__ import annotations

import functools
from datetime import datetime

from sqlalchemy import bindparam, func, select

from lms.auth.models import User
from lms.extensions import db
from lms.notifications.kinds import KINDS
from lms.notifications.models import MailState, Notification

PAGE = 30


def _shown_kinds() -> list[str]:
    return [name for name, kind in KINDS.items() if kind.on_site]


def _on_site(user_id, now, kinds):
    return (Notification.recipient_id == user_id, Notification.due_at <= now, Notification.kind.in_(kinds),
            Notification.mail_state != MailState.CANCELLED)


@functools.cache
def _unread(kinds: tuple[str, ...]):
    """Every signed-in page's header asks this: built once, SQLAlchemy reuses its compiled form. One bound
    parameter per kind (not one list expanded at each execution, which cost a page 5% of its work)."""
    return select(func.count()).select_from(Notification).where(
        *_on_site(bindparam("user_id"), bindparam("now"),
                  [bindparam(f"kind_{number}", kind) for number, kind in enumerate(kinds)]),
        Notification.read_at.is_(None))


def unread_count(user: User, now: datetime) -> int:
    return db.session.scalar(_unread(tuple(_shown_kinds())), {"user_id": user.id, "now": now}) or 0


def my_notifications(user: User, now: datetime) -> list[Notification]:
    """The latest notifications shown on the site, unread first, newest first."""
    return list(db.session.scalars(
        select(Notification).where(*_on_site(user.id, now, _shown_kinds()))
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
