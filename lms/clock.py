"""The time the app acts on; tests replace `now` to freeze it."""
from __future__ import annotations

from datetime import datetime

from lms.types import utcnow


def now() -> datetime:
    """The current aware UTC time."""
    return utcnow()
