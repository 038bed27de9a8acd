"""Values read once per database transaction: kept in the session until the transaction that read them ends.

A page asks some facts several times (the content version) or gets them early, with another query (the
unread count, read with the signed-in user). Kept in `session.info` beside the transaction they were
read in, they are never taken for true in a later transaction: each request commits or rolls back its
own, so nothing kept here outlives the request that read it. What the transaction itself changes
renews or forgets a kept value: `flush_changes` tells a `before_flush` listener when.
"""
from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy.orm import Session

MISSING: Any = object()  # what `recall` gives when nothing is kept for this transaction


def remember(session: Session, key: str, value: Any) -> None:
    """Keep `value` under `key` for the rest of the session's current transaction."""
    session.info[key] = (session.get_transaction(), value)


def recall(session: Session, key: str) -> Any:
    """What was remembered under `key` in the session's current transaction, else MISSING."""
    kept = session.info.get(key)
    transaction = session.get_transaction()
    if kept is None or transaction is None or kept[0] is not transaction:
        return MISSING
    return kept[1]


def forget(session: Session, key: str) -> None:
    """Drop what is kept under `key` (this transaction has changed what it was read from)."""
    session.info.pop(key, None)


def flush_changes(session: Session, models: tuple[type, ...]) -> bool:
    """Whether the flush about to run (`before_flush`) adds, changes or deletes a row of these models."""
    return any(isinstance(instance, models) for instance in chain(session.new, session.dirty, session.deleted))
