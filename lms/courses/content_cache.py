"""Course content cached in each process as immutable data, dropped whenever any content row changes.

A course's outline and its questions are read on every learner's page but change only when someone
authors them. Each feature names its content models with `track(...)` in its `register(app)`. Every flush that adds,
changes or deletes a row of a tracked model writes a new random token into the one-row
`content_versions` table, in the same transaction. A page reads the token (a column of the signed-in
user's query, else one small query of its own) and reuses what this process built under that token; a
new token empties the cache.

The token is random rather than a counter so that a database emptied and filled again (the tests, a
restore) can never bring back a token an old entry was stored under. What is cached must be plain,
immutable data (frozen dataclasses, tuples), never ORM objects: entries outlive the session that
loaded them and are shared by the threads of a process.
"""
from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

from flask import Flask, current_app, has_request_context
from flask_login import current_user
from sqlalchemy import String, event, insert, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from lms.auth.sign_ins import ReadAlong, read_along
from lms.extensions import db
from lms.per_transaction import MISSING, flush_changes, recall, remember

T = TypeVar("T")
MAX_ENTRIES = 4096  # outlines and questions; past this the cache starts again empty
_tracked: tuple[type, ...] = ()


class ContentVersion(db.Model):
    """The one row whose token changes with every change of course content."""

    __tablename__ = "content_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


def track(*models: type) -> None:
    """Count changes to rows of these models as changes of course content."""
    global _tracked
    _tracked = (*_tracked, *(model for model in models if model not in _tracked))


@event.listens_for(Session, "before_flush")
def _new_token_on_content_change(session: Session, _context, _instances) -> None:
    if not flush_changes(session, _tracked):
        return
    token = secrets.token_hex(16)
    stored = session.execute(update(ContentVersion).values(token=token)
                             .execution_options(synchronize_session=False)).rowcount
    if not stored:  # the row is made by the migration; an emptied database gets it back here
        session.execute(insert(ContentVersion).values(id=1, token=token))
    remember(session, READ_KEY, token)


_TOKEN = select(ContentVersion.token).where(ContentVersion.id == 1)  # built once: every page asks it
_TOKEN_COLUMN = _TOKEN.scalar_subquery()  # the same, as a column of the signed-in user's query
READ_KEY = "content_version_read"  # lms/per_transaction.py: the version this transaction has read


def current_token() -> str | None:
    """The token of the content as this transaction sees it (None: no change recorded yet).

    Read once per transaction, with the signed-in user when there is one: a page that reads a course,
    a quiz and its questions asks the database at most once, and this transaction's own content
    changes write the new token here (above).
    """
    session = db.session()
    if session.autoflush:
        session.flush()  # as the query would: a change not yet flushed writes its new token first
    if has_request_context():
        current_user._get_current_object()  # loads the signed-in user, if not yet, which reads the token along
    token = recall(session, READ_KEY)
    if token is MISSING:
        token = session.scalar(_TOKEN)
        remember(session, READ_KEY, token)
    return token


class ContentCache:
    """Entries built under one token; a lock because a process may serve requests in threads."""

    def __init__(self) -> None:
        self._token: str | None = None
        self._entries: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def found(self, token: str, keys: Iterable[Hashable]) -> dict[Hashable, Any]:
        with self._lock:
            if token != self._token:
                self._token, self._entries = token, {}
            return {key: self._entries[key] for key in keys if key in self._entries}

    def store(self, token: str, entries: Mapping[Hashable, Any]) -> None:
        with self._lock:
            if token != self._token:
                return  # built under a token that is no longer the newest seen: keep nothing
            if len(self._entries) + len(entries) > MAX_ENTRIES:
                self._entries = {}
            self._entries.update(entries)


def init_app(app: Flask) -> None:
    app.extensions["content_cache"] = ContentCache()
    read_along(app, ReadAlong(column=lambda: _TOKEN_COLUMN, parameters=dict,
                              keep=lambda _user, token: remember(db.session(), READ_KEY, token)))


def cached_many(keys: Iterable[Hashable], build: Callable[[list[Hashable]], Mapping[Hashable, T]]) -> dict[Hashable, T]:
    """The entries for `keys`; `build(missing keys)` makes those this process has not kept yet."""
    keys = list(keys)
    token = current_token()
    if token is None:
        return dict(build(keys))
    cache: ContentCache = current_app.extensions["content_cache"]
    found = cache.found(token, keys)
    missing = [key for key in keys if key not in found]
    if missing:
        built = build(missing)
        cache.store(token, built)
        found.update(built)
    return found


def cached(key: Hashable, build: Callable[[], T]) -> T:
    """`build()`'s result for `key`, kept in this process until course content changes."""
    return cached_many([key], lambda _missing: {key: build()})[key]
