"""Mail about an account: set-password links (from an admin, or "Forgot your password?") and the note
to an owner whose address someone tried to register again."""
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


def mail_account_exists(user: User) -> bool:
    """Tell the owner that someone tried to register their address, and how to get in; False without mail.

    The registration page answers the same for a new address and a taken one: only the owner learns.
    """
    with force_locale(user.locale or "az"):
        subject = _("Someone tried to create an account with your address")
        body = _("Hello %(name)s,\n\nsomeone (perhaps you) tried to create a new Təlim LMS account with this "
                 "address, which already has one. If it was you, sign in:\n%(login)s\n\nForgot your password? "
                 "Choose a new one here:\n%(forgot)s\n\nIf it was not you, you need do nothing.",
                 name=user.name, login=absolute_url("auth.login"), forgot=absolute_url("auth.forgot_password"))
    return send_mail(user.email, subject, body)
