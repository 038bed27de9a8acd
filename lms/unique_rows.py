"""Adding a row that two requests may add at once (a double click, two tabs): the second gets the first's.

A unique constraint decides which request wins; the loser's INSERT fails inside a savepoint (or, in
`insert_once`, does nothing), so its transaction goes on and it answers with the row the winner made,
as if it had been there all along.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Insert, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from lms.extensions import db

Row = TypeVar("Row")


def add_once(row: Row, existing: Callable[[], Row | None]) -> Row:
    """Add and flush `row`, or return `existing()` when a concurrent request added its twin first."""
    try:
        with savepoint():
            db.session.add(row)
    except IntegrityError:
        found = existing()
        if found is None:  # another constraint failed: not the race this guards against
            raise
        return found
    return row


def insert_once(model: type[Row], values: dict[str, Any], unique: Sequence[str],
                existing: Callable[[], Row | None]) -> Row:
    """Insert `model`'s row in one statement, or return `existing()` when a concurrent request inserted its twin.

    INSERT … ON CONFLICT (`unique`) DO NOTHING RETURNING: one round trip where `add_once` takes three
    (savepoint, insert, release), for rows that a whole class makes at the same moment (starting a quiz).
    """
    statement = _insert_once(db.session.get_bind().dialect.name, model, tuple(unique), tuple(values))
    row = db.session.scalar(statement, values)
    if row is None:
        row = existing()
        if row is None:  # the conflict's winner is gone again: not the race this guards against
            raise IntegrityError(str(statement), values, Exception(f"{model.__name__} conflicted and vanished"))
    return row


@functools.cache  # built once for each kind of row: a class starting together would build it each
def _insert_once(dialect_name: str, model: type, unique: tuple[str, ...], columns: tuple[str, ...]) -> Insert:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return (dialect.insert(model).values({name: bindparam(name) for name in columns})
            .on_conflict_do_nothing(index_elements=list(unique)).returning(model))


@contextmanager
def savepoint() -> Iterator[None]:
    """A savepoint inside the request's transaction, on SQLite too.

    Python's sqlite3 (in its default transaction handling) begins a transaction only before a statement
    that changes data; a SAVEPOINT that comes first is then the outermost one, and releasing it commits.
    A rollback later in the request would keep what the savepoint wrote. Beginning first keeps the unit
    of work whole, as it is on PostgreSQL.
    """
    connection = db.session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")
    with db.session.begin_nested():
        yield
