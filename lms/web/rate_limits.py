"""Rate limits as Flask-Limiter takes them: read from the config at request time, counting what matters."""
from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app


def setting(name: str) -> Callable[[], str]:
    """The limit in config `name` ("5 per 15 minutes"), read per request so that tests and deployments set it."""
    return lambda: current_app.config[name]


def answered(*statuses: int) -> Callable[[Response], bool]:
    """Count a request only when it was answered with one of `statuses` (a failed try, not every try)."""
    return lambda response: response.status_code in statuses
