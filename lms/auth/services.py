"""Accounts: registering, signing in, changing one's profile and password, roles."""
from __future__ import annotations

import functools
import hashlib
import secrets

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from lms import signals
from lms.auth import sign_ins
from lms.auth.models import Gender, Organisation, Role, User
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES
from lms.types import utcnow

MIN_PASSWORD_LENGTH = 8


def normalise_email(email: str) -> str:
    """E-mail addresses compare case-insensitively and without surrounding spaces."""
    return email.strip().lower()


def hash_password(password: str) -> str:
    """A salted hash of `password` with the configured method (scrypt in production)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def find_user_by_email(email: str) -> User | None:
    """The user with this e-mail address, whatever its case."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    *,
    email: str,
    name: str,
    password: str | None,
    role: Role = Role.LEARNER,
    locale: str | None = None,
    timezone: str | None = None,
    country: str | None = None,
    organisation: Organisation | None = None,
    gender: Gender | None = None,
) -> User:
    """Add a new account; refuses an e-mail that is taken or a password that is too short.

    Without a password the account cannot be signed in to until its owner sets one through a link.
    """
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise DomainError(_("An account with this e-mail address already exists."), 409)
    if password is not None:
        _check_password_strength(password)
    user = User(
        email=email,
        name=name.strip(),
        password_hash=hash_password(password) if password is not None else unusable_password(),
        role=role,
        locale=locale if locale in LANGUAGES else None,
        timezone=timezone or None,
        country=country or (organisation.country if organisation else None),
        organisation=organisation,
        gender=gender,
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (never says which part was wrong)."""
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    user.last_login_at = utcnow()
    return user


@functools.cache
def _dummy_hash(method: str) -> str:
    """A hash made like real ones (same method and parameters), checked when the e-mail is unknown,
    so that an unknown address takes as long to refuse as a wrong password."""
    return generate_password_hash(secrets.token_hex(16), method=method)


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Set a new password after checking the current one; every other sign-in of the user ends."""
    if not check_password_hash(user.password_hash, current_password):
        raise DomainError(_("Your current password is not correct."))
    _check_password_strength(new_password)
    user.password_hash = hash_password(new_password)
    sign_ins.end_all(user, keep=user.sign_in_token)
    db.session.flush()


def update_profile(user: User, *, name: str, locale: str | None, timezone: str | None,
                   gender: Gender | None) -> None:
    """Save the user's name, language, time zone and (if they wish to say) gender."""
    user.name = name.strip()
    user.locale = locale if locale in LANGUAGES else None
    user.timezone = timezone or None
    user.gender = gender
    db.session.flush()


def set_role(actor: User, user: User, role: Role) -> None:
    """Give `user` a new site role; an admin cannot take away their own admin role."""
    if user.id == actor.id and role is not Role.ADMIN:
        raise DomainError(_("You cannot remove your own administrator role."))
    if role is not user.role:
        user.role = role
        sign_ins.end_all(user)  # rights follow the role: the person signs in again under the new one
    db.session.flush()


def set_active(actor: User, user: User, active: bool) -> None:
    """Deactivate (or reactivate) an account; records are kept, the person can no longer sign in."""
    if user.id == actor.id and not active:
        raise DomainError(_("You cannot deactivate your own account."))
    user.active = active
    if not active:
        sign_ins.end_all(user)
    db.session.flush()


def set_password(user: User, new_password: str) -> None:
    """Set a password without the old one (a set-password link or an admin's form proved the right).

    Every sign-in of the user ends: whoever knew the old password is out.
    """
    _check_password_strength(new_password)
    user.password_hash = hash_password(new_password)
    sign_ins.end_all(user)
    db.session.flush()


def request_password_link(email: str) -> None:
    """"Forgot your password?": a set-password link goes by mail to the active account with this
    address, if there is one. The caller answers the same whatever happened, so that nobody learns
    which addresses have accounts."""
    user = find_user_by_email(email)
    if user is not None and user.active:
        signals.password_link_requested.send(user)


def password_link_token(user: User) -> str:
    """A signed token that lets `user` set a password once: it dies when the password changes."""
    return _password_links().dumps({"user": user.id, "hash": _hash_fingerprint(user)})


def user_for_password_token(token: str) -> User | None:
    """The active user a set-password token was made for, or None if it is forged, used or too old."""
    max_age = current_app.config["PASSWORD_LINK_HOURS"] * 3600
    try:
        payload = _password_links().loads(token, max_age=max_age)
    except BadSignature:  # also SignatureExpired
        return None
    if not isinstance(payload, dict):
        return None
    user = db.session.get(User, payload.get("user") if isinstance(payload.get("user"), int) else 0)
    if user is None or not user.active or payload.get("hash") != _hash_fingerprint(user):
        return None
    return user


def _password_links() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="set-password")


def _hash_fingerprint(user: User) -> str:
    # Part of a digest of the current hash: setting a password changes it, so a link works once.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def password_is_set(user: User) -> bool:
    """Whether the owner has chosen a password (an account made for them waits for one)."""
    return not user.password_hash.startswith("!")


def unusable_password() -> str:
    """A stored hash that matches no password: the account waits for its owner to set one."""
    return "!" + secrets.token_hex(16)


def calendar_token(user: User, renew: bool = False) -> str:
    """The user's private calendar token, made on first use; `renew` replaces it (revoking the old)."""
    if renew or not user.calendar_token:
        user.calendar_token = secrets.token_urlsafe(24)
        db.session.flush()
    return user.calendar_token


def _check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            _("The password must be at least %(count)d characters long.", count=MIN_PASSWORD_LENGTH)
        )
