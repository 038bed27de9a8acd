"""Notifications: the outbox every feature writes to, its delivery by a worker, and what people see.

A feature registers its kinds (what a message says, whether people may turn it off) and writes a row
with `services.notify` in the same transaction as the event; the worker mails it (`delivery`), and
the site lists it with an unread count in the header.
"""
from __future__ import annotations

from flask import Flask, request
from flask_login import current_user

from lms import clock
from lms.auth.permissions import can_author_courses
from lms.auth.personal_data import add_section
from lms.notifications import (
    account_mail,
    delivery,  # noqa: F401  (declares the sending job)
    services,
    unread,
    views,
)
from lms.notifications.forms import mail_choices_form
from lms.notifications.kinds import choosable
from lms.notifications.personal_data import notifications_of
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """The notification pages, the header's unread count, the account mails and the profile's choices."""
    app.register_blueprint(feature_blueprint("notifications", views))
    account_mail.register()
    unread.register(app)
    app.context_processor(_unread)
    # The profile (an `auth` page) shows the e-mail choices, which are this feature's.
    app.template_context_processors.setdefault("auth", []).append(_profile_choices)
    add_section("notifications", notifications_of)  # the person's own data download


def _unread() -> dict:
    if not current_user.is_authenticated:
        return {}
    return {"unread_notifications": unread.unread_count(current_user, clock.now())}


def _profile_choices() -> dict:
    if request.endpoint != "auth.profile":
        return {}
    kinds = choosable(can_author_courses(current_user))
    return {"mail_choices": mail_choices_form(kinds, services.mail_turned_off(current_user))}
