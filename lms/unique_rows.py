"""Adding a row that two requests may add at once (a double click, two tabs): the second gets the first's.

A unique constraint decides which request wins; the loser's INSERT fails inside a savepoint, so its
transaction goes on and it answers with the row the winner made, as if it had been there all along.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from lms.extensions import db

Row = TypeVar("Row")


def add_once(row: Row, existing: Callable[[], Row | None]) -> Row:
    """Add and flush `row`, or return `existing()` when a concurrent request added its twin first."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        found = existing()
        if found is None:  # another constraint failed: not the race this guards against
            raise
        return found
    return row
