"""Mail about an account: set-password links (an admin's, an import's, "Forgot your password?") and the
note to an owner whose address someone tried to register again. Never turned off, never on the site."""
from __future__ import annotations

import secrets

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from lms import signals
from lms.auth import services as accounts
from lms.auth.models import User
from lms.links import absolute_url
from lms.notifications import services
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.mail import mail_configured
from lms.notifications.models import Notification

PASSWORD_LINK = "password_link"  # noqa: S105  (a kind of notification, not a password)  # nosec B105
ADDRESS_TAKEN = "address_taken"


def set_password_link(user: User) -> str:
    """The full address at which `user` chooses a password, once."""
    return absolute_url("auth.set_password", token=accounts.password_link_token(user))


def queue_password_link(user: User) -> bool:
    """Put a set-password mail in the outbox; False when the site sends no mail (show the link instead)."""
    if not mail_configured():
        return False
    # Each request is its own message; the link is made when it is sent, so its hours start then.
    services.notify(user, PASSWORD_LINK, f"{user.id}:{secrets.token_hex(8)}")
    return True


def _password_link(notification: Notification) -> Message:
    user = notification.recipient
    return Message(subject=_("Set your password for Təlim LMS"),
                   paragraphs=(_("Open this link to choose your password. The link works once."),),
                   link=set_password_link(user), link_label=_("Choose a password"))


def _address_taken(notification: Notification) -> Message:
    return Message(
        subject=_("Someone tried to create an account with your address"),
        paragraphs=(_("Someone (perhaps you) tried to create a new Təlim LMS account with this address, which "
                      "already has one. If it was you, sign in; if you forgot your password, choose a new one "
                      "here: %(forgot)s", forgot=absolute_url("auth.forgot_password")),
                    _("If it was not you, you need do nothing.")),
        link=absolute_url("auth.login"), link_label=_("Sign in"))


def _on_password_link_requested(user: User, **_kwargs) -> None:
    queue_password_link(user)


def _on_registration_with_taken_address(owner: User, **_kwargs) -> None:
    if mail_configured():
        services.notify(owner, ADDRESS_TAKEN, f"{owner.id}:{secrets.token_hex(8)}")


def register() -> None:
    register_kind(Kind(PASSWORD_LINK, _l("Set-password links"), _password_link, optional=False,
                       on_site=False))
    register_kind(Kind(ADDRESS_TAKEN, _l("Registration attempts with my address"), _address_taken,
                       optional=False, on_site=False))
    signals.password_link_requested.connect(_on_password_link_requested)
    signals.registration_with_taken_address.connect(_on_registration_with_taken_address)
