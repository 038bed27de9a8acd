"""Admin actions on people and organisations; each one lands in the audit log with the change."""
from __future__ import annotations

from flask_babel import gettext as _

from lms.audit.models import AuditAction
from lms.audit.services import record
from lms.auth import services as accounts
from lms.auth.models import Gender, Organisation, Role, User
from lms.auth.queries import organisations_by_name
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES
from lms.notifications.account_mail import queue_password_link, set_password_link


def create_user(actor: User, *, email: str, name: str, role: Role, organisation: Organisation | None,
                country: str | None, locale: str | None, gender: Gender | None = None) -> User:
    """A new account without a password: its owner sets one through a link."""
    _check_coordinator(role, organisation)
    user = accounts.create_user(email=email, name=name, password=None, role=role, locale=locale,
                                country=country, organisation=organisation, gender=gender)
    record(actor, AuditAction.USER_CREATED, _label(user), role=role.value)
    return user


def update_user(actor: User, user: User, *, email: str, name: str, role: Role,
                organisation: Organisation | None, country: str | None, locale: str | None,
                gender: Gender | None = None) -> None:
    """Change an account's details; the log keeps which fields changed, from what to what."""
    email = accounts.normalise_email(email)
    if email != user.email and accounts.find_user_by_email(email) is not None:
        raise DomainError(_("An account with this e-mail address already exists."), 409)
    _check_coordinator(role, organisation)
    before = _snapshot(user)
    accounts.set_role(actor, user, role)
    user.email, user.name = email, name.strip()
    user.organisation = organisation
    user.country = country or None
    user.locale = locale if locale in LANGUAGES else None
    user.gender = gender
    changes = {key: [before[key], value] for key, value in _snapshot(user).items() if before[key] != value}
    if changes:
        record(actor, AuditAction.USER_UPDATED, _label(user), changes=changes)
    db.session.flush()


def change_role(actor: User, user: User, role: Role) -> None:
    _check_coordinator(role, user.organisation)
    old = user.role
    accounts.set_role(actor, user, role)
    if old is not role:
        record(actor, AuditAction.USER_ROLE, _label(user), changes={"role": [old.value, role.value]})


def change_active(actor: User, user: User, active: bool) -> None:
    was = user.active
    accounts.set_active(actor, user, active)
    if was != active:
        record(actor, AuditAction.USER_REACTIVATED if active else AuditAction.USER_DEACTIVATED, _label(user))


def password_link(actor: User, user: User) -> tuple[str, bool]:
    """A one-time set-password link for `user`, and whether it was also mailed to them."""
    if not user.active:
        raise DomainError(_("Reactivate the account before making a set-password link."))
    link = set_password_link(user)
    mailed = queue_password_link(user)
    record(actor, AuditAction.PASSWORD_LINK, _label(user), mailed=mailed)
    return link, mailed


def create_organisation(actor: User, name: str, country: str) -> Organisation:
    _check_organisation_name(name)
    organisation = Organisation(name=name.strip(), country=country.upper())
    db.session.add(organisation)
    db.session.flush()
    record(actor, AuditAction.ORGANISATION_CREATED, organisation.name, country=organisation.country)
    return organisation


def update_organisation(actor: User, organisation: Organisation, name: str, country: str) -> None:
    _check_organisation_name(name, organisation)
    changes = {}
    if organisation.name != name.strip():
        changes["name"] = [organisation.name, name.strip()]
    if organisation.country != country.upper():
        changes["country"] = [organisation.country, country.upper()]
    organisation.name, organisation.country = name.strip(), country.upper()
    db.session.flush()
    if changes:
        record(actor, AuditAction.ORGANISATION_UPDATED, organisation.name, changes=changes)


def _check_organisation_name(name: str, current: Organisation | None = None) -> None:
    same_name = organisations_by_name().get(name.strip().casefold())
    if same_name is not None and same_name is not current:
        raise DomainError(_("An organisation with this name already exists."), 409)


def _check_coordinator(role: Role, organisation: Organisation | None) -> None:
    if role is Role.COORDINATOR and organisation is None:
        raise DomainError(_("A coordinator belongs to an organisation: choose it first."))


def _snapshot(user: User) -> dict[str, str | None]:
    return {"email": user.email, "name": user.name, "role": user.role.value, "country": user.country,
            "locale": user.locale, "organisation": user.organisation.name if user.organisation else None,
            "gender": user.gender.value if user.gender else None}


def _label(user: User) -> str:
    return f"{user.name} <{user.email}>"
