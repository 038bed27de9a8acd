"""Sign-ins the server can end: started at sign-in, looked up on every request, ended on sign-out.

The cookie holds a random token; the database holds only its SHA-256, so a copy of the table
signs nobody in. Lifetimes run on the real time (`utcnow`), not the app's clock, which tests move
about to open course days.

Every signed-in page pays the user's query, so later features may have it read a value of theirs
along (`read_along`): the course content's version, the header's unread count. A value read along
costs a column of that query instead of a statement of its own (those two took a course page from
12.87 to 12.06 M instructions, `make instructions`).
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Select, bindparam, select, update
from sqlalchemy.sql.elements import ColumnElement

from lms.auth.models import SignIn, User
from lms.extensions import db
from lms.types import utcnow


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(user: User, *, remember: bool) -> str:
    """Record a new sign-in of `user` and return its token (for Flask-Login's `get_id`)."""
    config, now = current_app.config, utcnow()
    lifetime = config["REMEMBER_COOKIE_DURATION"] if remember else timedelta(hours=config["SIGN_IN_HOURS"])
    token = secrets.token_urlsafe(32)
    db.session.execute(  # the user's finished sign-ins are of no further use
        SignIn.__table__.delete().where(SignIn.user_id == user.id, SignIn.expires_at < now))
    db.session.add(SignIn(user_id=user.id, token_hash=_digest(token), remember=remember, created_at=now,
                          expires_at=now + lifetime))
    db.session.flush()
    user.sign_in_token = token
    return token


@dataclass(frozen=True)
class ReadAlong:
    """A value a later feature reads in the signed-in user's query instead of in a statement of its own."""

    column: Callable[[], ColumnElement[Any]]  # a scalar subquery (correlated to `users` when about the user),
    # the same object at each call while its shape is the same: the user's query is built once per shape
    parameters: Callable[[], dict[str, Any]]  # the values of its bound parameters for this request
    keep: Callable[[User, Any], None]  # given the user found and the value read
    wanted: Callable[[], bool] = lambda: True  # whether this request reads it (a JSON save needs no header)


_READ_ALONG = "sign_in_read_along"


def read_along(app: Flask, read: ReadAlong) -> None:
    """Have every request's user query of `app` read `read.column` too, and hand its value to `read.keep`."""
    app.extensions.setdefault(_READ_ALONG, []).append(read)


# Built once per set of columns read along: every signed-in request runs it, and SQLAlchemy then reuses
# its compiled form without building and walking a new statement each time (about 0.3 ms of a page).
# Keyed by the columns' ids; the query holds its columns, so no id is reused while it is kept.
_user_queries: dict[tuple[int, ...], Select] = {}


def _user_query(columns: Sequence[ColumnElement[Any]]) -> Select:
    key = tuple(map(id, columns))
    query = _user_queries.get(key)
    if query is None:
        query = _user_queries[key] = (
            select(User, *columns).join(SignIn, SignIn.user_id == User.id)
            .where(SignIn.token_hash == bindparam("digest"), SignIn.ended_at.is_(None),
                   SignIn.expires_at > bindparam("now"), User.active.is_(True)))
    return query


def user_for(token: str) -> User | None:
    """The active user of a sign-in that has not ended nor expired, or None: one query."""
    reads = [read for read in current_app.extensions.get(_READ_ALONG, ()) if read.wanted()]
    parameters = {"digest": _digest(token), "now": utcnow()}
    for read in reads:
        parameters.update(read.parameters())
    row = db.session.execute(_user_query([read.column() for read in reads]), parameters).first()
    if row is None:
        return None
    user, *values = row
    user.sign_in_token = token
    for read, value in zip(reads, values, strict=True):
        read.keep(user, value)
    return user


def end(token: str | None) -> None:
    """End one sign-in (signing out): its cookies, and every copy of them, stop working."""
    if token:
        db.session.execute(update(SignIn).where(SignIn.token_hash == _digest(token), SignIn.ended_at.is_(None))
                           .values(ended_at=utcnow()))


def end_all(user: User, *, keep: str | None = None) -> int:
    """End every sign-in of `user` but the one whose token is `keep`; returns how many ended."""
    query = update(SignIn).where(SignIn.user_id == user.id, SignIn.ended_at.is_(None))
    if keep:
        query = query.where(SignIn.token_hash != _digest(keep))
    return db.session.execute(query.values(ended_at=utcnow()).execution_options(synchronize_session=False)).rowcount
