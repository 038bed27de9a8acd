"""Guests of a live session without an account: inviting them, their personal links, revoking, their joins."""
from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from lms.audit.models import AuditAction
from lms.audit.services import record
from lms.auth.models import User
from lms.dates import datetime_text, time_range_text
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES, localized
from lms.links import absolute_url
from lms.live import jitsi
from lms.live.models import GuestInvite, LiveSession
from lms.live.settings import jitsi_config
from lms.notifications import services as notifications
from lms.notifications.kinds import Message
from lms.notifications.models import Addressee, Notification

GUEST_INVITED = "guest_invited"


def invite(session: LiveSession, *, name: str, email: str, organisation: str, locale: str, moderator: bool,
           by: User, now: datetime) -> GuestInvite:
    """Invite a guest to a session that is not over at `now`: their personal link goes out by mail in
    their language."""
    name, email = name.strip(), email.strip().lower()
    if not name or not email:
        raise DomainError(_("A guest needs a name and an e-mail address."))
    if locale not in LANGUAGES:
        raise DomainError(_("Choose the guest's language."))
    if now >= session.ends_at:
        raise DomainError(_("This session is over: nobody can be invited to it any more."))
    if db.session.scalar(select(GuestInvite.id).where(GuestInvite.session_id == session.id,
                                                      GuestInvite.email == email,
                                                      GuestInvite.revoked_at.is_(None))):
        raise DomainError(_("%(email)s is already invited to this session.", email=email), 409)
    guest = GuestInvite(session=session, name=name, email=email, organisation=organisation.strip(), locale=locale,
                        moderator=moderator, link_key=secrets.token_urlsafe(24), invited_by_id=by.id, created_at=now)
    db.session.add(guest)
    db.session.flush()
    _mail_link(guest)
    record(by, AuditAction.GUEST_INVITED, name, course=session.module.day.course.slug,
           session=localized(session.module, "title"), email=email, moderator=moderator)
    return guest


def revoke(guest: GuestInvite, by: User, now: datetime) -> None:
    """End a guest's link at once (a second revoke changes nothing)."""
    if guest.revoked_at is None:
        guest.revoked_at = now
        record(by, AuditAction.GUEST_REVOKED, guest.name, course=guest.session.module.day.course.slug,
               email=guest.email)
    db.session.flush()


def link_token(guest: GuestInvite) -> str:
    """The signed token of a guest's personal link."""
    return _serializer().dumps([guest.id, guest.link_key])


def guest_for(session_id: int, token: str) -> GuestInvite | None:
    """The invite a link belongs to, if the site signed it for this session and it is not revoked."""
    try:
        guest_id, link_key = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    guest = db.session.get(GuestInvite, guest_id) if isinstance(guest_id, int) else None
    if guest is None or guest.session_id != session_id or guest.revoked_at is not None:
        return None
    return guest if hmac.compare_digest(guest.link_key, str(link_key)) else None


def record_join(guest: GuestInvite, now: datetime) -> None:
    """Note that the guest opened the meeting (first time, latest time, how often)."""
    guest.first_joined_at = guest.first_joined_at or now
    guest.last_joined_at = now
    guest.joins += 1
    db.session.flush()


def guests_of(session: LiveSession) -> list[GuestInvite]:
    """Everyone invited to a session, in the order they were invited (revoked ones too, marked)."""
    return list(db.session.scalars(select(GuestInvite).where(GuestInvite.session_id == session.id)
                                   .order_by(GuestInvite.created_at, GuestInvite.id)))


def compose_invitation(notification: Notification) -> Message | None:
    """The invitation with the guest's personal link, in the guest's language (None once revoked)."""
    guest = db.session.get(GuestInvite, notification.about_id)
    if guest is None or guest.revoked_at is not None:
        return None
    session = guest.session
    title, course = localized(session.module, "title"), localized(session.module.day.course, "title")
    paragraphs = [
        _("You are invited to the live session “%(title)s” of the course “%(course)s”.", title=title, course=course),
        _("It takes place on %(when)s (time in %(zone)s). Your personal link opens the meeting from "
          "%(opens)s until the session ends; no account is needed.", when=time_range_text(session.starts_at,
          session.ends_at), zone=session.module.day.course.timezone, opens=datetime_text(window_opens(session))),
        _("The link is yours alone: please do not pass it on."),
    ]
    if guest.moderator:
        paragraphs.insert(1, _("You join as a moderator."))
    return Message(subject=_("Invitation: “%(title)s”", title=title), paragraphs=tuple(paragraphs),
                   link=absolute_url("live.guest_entry", session_id=session.id, token=link_token(guest)),
                   link_label=_("Open my personal link"))


def window_opens(session: LiveSession) -> datetime:
    """When the session's room may be entered."""
    return jitsi.Window(session.starts_at, session.ends_at).opens_at(jitsi_config())


def _mail_link(guest: GuestInvite) -> None:
    course = guest.session.module.day.course
    notifications.notify_address(Addressee(guest.name, guest.email, guest.locale, course.timezone), GUEST_INVITED,
                                 f"{guest.id}:{guest.link_key}", about_id=guest.id, due_at=guest.created_at)


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="live-guest")
