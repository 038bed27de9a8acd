"""A person's notifications and e-mail choices, for their own data download."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from lms.auth.models import User
from lms.extensions import db
from lms.notifications.models import Notification, OptOut


def notifications_of(user: User) -> dict[str, Any]:
    rows = db.session.scalars(select(Notification).where(Notification.recipient_id == user.id)
                              .order_by(Notification.created_at, Notification.id)).all()
    return {
        "messages": [{"kind": n.kind, "created_at": n.created_at, "due_at": n.due_at, "mail": n.mail_state,
                      "sent_at": n.sent_at, "read_at": n.read_at} for n in rows],
        "not_by_mail": sorted(db.session.scalars(select(OptOut.kind).where(OptOut.user_id == user.id))),
    }
