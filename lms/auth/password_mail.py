"""Set-password links by e-mail: the one an admin hands out and the one "Forgot your password?" sends."""
from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

from lms.auth import services as accounts
from lms.auth.models import User
from lms.links import absolute_url
from lms.mail import send_mail


def set_password_link(user: User) -> str:
    """The full address at which `user` chooses a password, once."""
    return absolute_url("auth.set_password", token=accounts.password_link_token(user))


def mail_password_link(user: User, link: str) -> bool:
    """Mail the link in the person's language; False when the site sends no mail."""
    with force_locale(user.locale or "az"):
        subject = _("Set your password for Təlim LMS")
        body = _("Hello %(name)s,\n\nopen this link to choose your password:\n%(link)s\n\n"
                 "The link works once.", name=user.name, link=link)
    return send_mail(user.email, subject, body)


def send_reset_link(email: str) -> None:
    """Mail a set-password link to the active account with this address, if there is one.

    The caller answers the same whatever happened here, so that nobody learns which addresses
    have accounts.
    """
    user = accounts.find_user_by_email(email)
    if user is not None and user.active:
        mail_password_link(user, set_password_link(user))
