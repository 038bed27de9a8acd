"""Accounts: users, organisations, signing in, profiles and permissions."""
from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from lms.auth import cli, sign_ins, views
from lms.cli import add_commands
from lms.extensions import login_manager
from lms.web.routes import feature_blueprint

SIGN_IN_TO_CONTINUE = _l("Please sign in to open this page.")


def register(app: Flask) -> None:
    """Sign-in pages and profile, the user of each request from their sign-in, `flask lms create-admin`."""
    app.register_blueprint(feature_blueprint("auth", views))
    add_commands(app, *cli.COMMANDS)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    # Flask-Login's own message is English; ours is translated when it is flashed.
    login_manager.login_message = SIGN_IN_TO_CONTINUE
    login_manager.localize_callback = str
    login_manager.user_loader(sign_ins.user_for)
