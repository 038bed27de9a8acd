"""A person's own data as one JSON document (`/auth/profile/data.json`): the profile here, and a section
from each feature that keeps something about them, registered in the feature's `register(app)`."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

from lms.auth.models import User

FORMAT, VERSION = "telim-personal-data", 1
Section = Callable[[User], Any]
_sections: dict[str, Section] = {}


def add_section(name: str, collect: Section) -> None:
    """Add what a feature keeps about a person, under `name` (a second app registers it again, the same)."""
    _sections[name] = collect


def personal_data(user: User, now: datetime) -> dict[str, Any]:
    """Everything the site keeps about `user`, as plain JSON values; nobody else's data."""
    document: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "exported_at": now,
        "profile": {
            "email": user.email, "name": user.name, "role": user.role, "language": user.locale,
            "timezone": user.timezone, "country": user.country, "gender": user.gender,
            "organisation": user.organisation.name if user.organisation else None,
            "active": user.active, "created_at": user.created_at, "last_login_at": user.last_login_at,
        },
    }
    document.update({name: collect(user) for name, collect in _sections.items()})
    return plain(document)


def plain(value: Any) -> Any:
    """`value` with dates as ISO 8601 text and enums as their values, ready for json.dumps."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value
