"""Writing to the audit log: any feature records its admin actions in the caller's transaction."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import User
from lms.extensions import db
from lms.types import utcnow


def record(actor: User, action: AuditAction, target: str = "", **details: Any) -> AuditEntry:
    """Add an entry to the log in the caller's transaction, so that it lands with the change or not at all."""
    entry = AuditEntry(actor=actor, action=action, target=target[:300], details=details, at=utcnow())
    db.session.add(entry)
    return entry


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for each field whose value differs, as JSON (dates as ISO text, enums as values)."""
    return {name: [_plain(before.get(name)), _plain(value)] for name, value in after.items()
            if before.get(name) != value}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value
