"""Signed unsubscribe links: whoever holds one may stop one kind of mail to one person, nothing else."""
from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from lms.links import absolute_url


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="unsubscribe")


def unsubscribe_url(user_id: int, kind: str) -> str:
    return absolute_url("notifications.unsubscribe", token=_serializer().dumps([user_id, kind]))


def read_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from a link this site made, or None for anything else."""
    try:
        user_id, kind = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    return (user_id, kind) if isinstance(user_id, int) and isinstance(kind, str) else None
