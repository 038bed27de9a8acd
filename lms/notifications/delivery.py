"""The worker's side of the outbox: take due messages one by one, mail each, record what happened.

Each message is taken (claimed for NOTIFICATION_LEASE_SECONDS, committed) before it is handed to the
SMTP server, and marked sent (committed) as soon as the server has accepted it. A worker killed in
between leaves the claim to run out, after which another worker sends the message: nothing is lost.
A message the server has not accepted is not counted as sent, so it is not doubled either; the one
window left is between the server's "accepted" and our commit (milliseconds), and the Message-ID,
made from the row's unique key, lets a receiving server recognise a repeat.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, g, render_template
from flask_babel import force_locale
from huey import crontab
from sqlalchemy import or_, select, update

from lms import clock
from lms.auth.models import User
from lms.extensions import db, jobs
from lms.jobs import in_own_transaction
from lms.notifications import mail
from lms.notifications.kinds import Message, kind_of
from lms.notifications.models import Addressee, MailState, Notification, OptOut
from lms.notifications.unsubscribe import unsubscribe_url

BATCH = 200
RETRY_MINUTES = (1, 5, 15, 60, 180, 360, 720)
DEVELOPMENT_URL = "http://127.0.0.1:5000"  # `make run`'s address


@jobs.periodic(crontab(minute="*"))
def send_due_notifications() -> int:
    """Send every message that is due (also run at once after an event writes some); returns how many."""
    return deliver_due(clock.now())


def deliver_due(now: datetime) -> int:
    """Mail each due message in its own transactions; returns how many the SMTP server accepted."""
    due = db.session.scalars(
        select(Notification.id).where(
            Notification.mail_state == MailState.WAITING, Notification.due_at <= now,
            or_(Notification.claimed_until.is_(None), Notification.claimed_until < now))
        .order_by(Notification.due_at, Notification.id).limit(BATCH)).all()
    db.session.rollback()  # end the read before the first claim
    return sum(1 for notification_id in due if deliver(notification_id) is MailState.SENT)


def deliver(notification_id: int) -> MailState | None:
    """Take one message and mail it; None when another worker has it or it is no longer waiting."""
    if not in_own_transaction(_claim, notification_id, clock.now()):
        return None
    notification = db.session.get(Notification, notification_id)
    try:
        with _as_recipient(notification.addressee):
            outcome = _mail(notification)
    except Exception as error:  # noqa: BLE001  (any failure is this message's, recorded on it; the rest go on)
        db.session.rollback()
        return in_own_transaction(_failed, notification_id, f"{type(error).__name__}: {error}"[:2000])
    return in_own_transaction(_finished, notification_id, outcome)


@contextmanager
def _as_recipient(recipient: User | Addressee) -> Iterator[None]:
    """A page context for composing outside a request: the site's address (PUBLIC_URL, or the
    development server's when it is not set) and the recipient as the current user, so that dates
    are in their time zone."""
    with current_app.test_request_context("/", base_url=current_app.config["PUBLIC_URL"] or DEVELOPMENT_URL):
        if isinstance(recipient, Addressee):  # no account: an anonymous visitor in the addressee's zone
            g._login_user, g.page_timezone = current_app.login_manager.anonymous_user(), recipient.timezone
        else:
            g._login_user = recipient  # Flask-Login's place for the request's user; nobody is signed in
        yield


def _claim(notification_id: int, now: datetime) -> bool:
    lease = timedelta(seconds=current_app.config["NOTIFICATION_LEASE_SECONDS"])
    taken = db.session.execute(
        update(Notification).where(
            Notification.id == notification_id, Notification.mail_state == MailState.WAITING,
            or_(Notification.claimed_until.is_(None), Notification.claimed_until < now))
        .values(claimed_until=now + lease, tries=Notification.tries + 1))
    return taken.rowcount == 1


def _mail(notification: Notification) -> MailState:
    """Compose the message in its recipient's language and hand it to the SMTP server."""
    recipient, kind = notification.addressee, kind_of(notification.kind)
    has_account = notification.recipient_id is not None  # only an account can turn a kind off
    if not mail.mail_configured() or not recipient.active or (
            has_account and kind.optional and db.session.get(OptOut, (recipient.id, notification.kind))):
        return MailState.NOT_MAILED
    with force_locale(recipient.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        message = kind.compose(notification)
        if message is None:
            return MailState.CANCELLED
        unsubscribe = unsubscribe_url(recipient.id, notification.kind) if has_account and kind.optional else None
        context = {"message": message, "recipient": recipient, "unsubscribe": unsubscribe}
        email = _email(notification, message, render_template("notifications/mail.txt", **context),
                       render_template("notifications/mail.html", **context), unsubscribe)
    mail.send(email)
    return MailState.SENT


def _email(notification: Notification, message: Message, text: str, html: str,
           unsubscribe: str | None) -> EmailMessage:
    email = EmailMessage()
    email["To"] = Address(notification.addressee.name, addr_spec=notification.addressee.email)
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(idstring=notification.unique_key.replace(":", "."), domain="telim.lms")
    if unsubscribe:
        email["List-Unsubscribe"] = f"<{unsubscribe}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email.set_content(text)
    email.add_alternative(html, subtype="html")
    return email


def _finished(notification_id: int, state: MailState) -> MailState:
    notification = db.session.get(Notification, notification_id)
    notification.mail_state, notification.claimed_until, notification.last_error = state, None, None
    if state is MailState.SENT:
        notification.sent_at = clock.now()
    return state


def _failed(notification_id: int, error: str) -> MailState:
    """Record the error; try again after a growing pause, or give up after NOTIFICATION_MAX_TRIES."""
    notification = db.session.get(Notification, notification_id)
    notification.last_error, notification.claimed_until = error, None
    if notification.tries >= current_app.config["NOTIFICATION_MAX_TRIES"]:
        notification.mail_state = MailState.FAILED
    else:
        pause = RETRY_MINUTES[min(notification.tries, len(RETRY_MINUTES)) - 1]
        notification.due_at = clock.now() + timedelta(minutes=pause)
    return notification.mail_state

