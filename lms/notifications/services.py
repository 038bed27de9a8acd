"""Writing notifications into the outbox, reading them on the site, choosing what comes by mail."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update

from lms import clock
from lms.auth.models import User
from lms.extensions import db, jobs
from lms.notifications.delivery import send_due_notifications
from lms.notifications.models import Addressee, MailState, Notification, OptOut
from lms.unique_rows import add_once
from lms.web.unit_of_work import after_commit

_KICK = "notifications_waiting"


def notify(recipient: User, kind: str, key: str, *, about_id: int | None = None,
           due_at: datetime | None = None) -> Notification:
    """Write a message for `recipient` in the caller's transaction, once per `key`; the worker sends it."""
    return _write(Notification(recipient=recipient, kind=kind, unique_key=f"{kind}:{key}", about_id=about_id,
                               due_at=due_at or clock.now()))


def notify_address(addressee: Addressee, kind: str, key: str, *, about_id: int | None = None,
                   due_at: datetime | None = None) -> Notification:
    """Write a message for someone without an account (mailed only), once per `key`."""
    return _write(Notification(to_name=addressee.name, to_email=addressee.email, to_locale=addressee.locale,
                               to_timezone=addressee.timezone, kind=kind, unique_key=f"{kind}:{key}",
                               about_id=about_id, due_at=due_at or clock.now(),
                               read_at=clock.now()))  # read: it is never on a page


def notify_each(recipients: Iterable[User], kind: str, key: str, *, about_id: int | None = None,
                due_at: datetime | None = None) -> int:
    """`notify` every recipient (key + ":" + their id) who has not had this one yet; returns how many are new."""
    wanted = {f"{kind}:{key}:{person.id}": person for person in recipients}
    if not wanted:
        return 0
    known = set(db.session.scalars(select(Notification.unique_key).where(Notification.unique_key.in_(wanted))))
    new = [person for unique_key, person in wanted.items() if unique_key not in known]
    for person in new:
        notify(person, kind, f"{key}:{person.id}", about_id=about_id, due_at=due_at)
    return len(new)


def _write(row: Notification) -> Notification:
    """Add the row once per unique key (a concurrent twin's row otherwise), and have it sent after commit."""
    key = row.unique_key
    found = add_once(row, lambda: db.session.scalar(select(Notification).where(Notification.unique_key == key)))
    _send_after_commit()
    return found


def _send_after_commit() -> None:
    """Once the rows are committed, ask a worker to send them now rather than at its next minute."""
    if not db.session.info.get(_KICK):
        db.session.info[_KICK] = True
        after_commit(_kick_worker)


def _kick_worker() -> None:
    db.session.info.pop(_KICK, None)
    jobs.enqueue(send_due_notifications)


def mark_read(user: User, notification_id: int | None = None) -> None:
    """Mark one of `user`'s notifications read, or all of them."""
    query = update(Notification).where(Notification.recipient_id == user.id, Notification.read_at.is_(None),
                                       Notification.due_at <= clock.now())
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    db.session.execute(query.values(read_at=clock.now()))


def mail_turned_off(user: User) -> set[str]:
    return set(db.session.scalars(select(OptOut.kind).where(OptOut.user_id == user.id)))


def choose_mail(user: User, turned_off: set[str]) -> None:
    """Keep exactly `turned_off` as the kinds `user` does not want by mail."""
    current = mail_turned_off(user)
    db.session.execute(delete(OptOut).where(OptOut.user_id == user.id, OptOut.kind.in_(current - turned_off)))
    db.session.add_all(OptOut(user_id=user.id, kind=kind) for kind in turned_off - current)
    db.session.flush()


def turn_off_mail(user: User, kind: str) -> None:
    """Stop mail of one kind to `user` (from an unsubscribe link); asking twice changes nothing."""
    choose_mail(user, mail_turned_off(user) | {kind})


def resend(notification: Notification) -> None:
    """Put a message back in the outbox, due now (a failed one, or one someone did not receive)."""
    notification.mail_state = MailState.WAITING
    notification.due_at = clock.now()
    notification.tries = 0
    notification.claimed_until = None
    db.session.flush()
    _send_after_commit()
