"""The applicant's own link to an application: signed by the site, so that it works without an account."""
from __future__ import annotations

import hmac

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from lms.applications.models import Application
from lms.extensions import db


def link_token(application: Application) -> str:
    """The signed token of the application's own page."""
    return _serializer().dumps([application.id, application.link_key])


def application_for(token: str) -> Application | None:
    """The application a token was signed for, or None when tampered with, unknown or deleted."""
    try:
        application_id, link_key = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    application = db.session.get(Application, application_id) if isinstance(application_id, int) else None
    if application is None or not hmac.compare_digest(application.link_key, str(link_key)):
        return None
    return application


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="application")
