"""The header's count of unread notifications: read with the signed-in user, asked again only after a change.

Every signed-in page shows it, so it is a column of the user's query (lms/auth/sign_ins.py) rather than
a statement of its own. What was read there holds for the rest of the request's transaction unless
the transaction itself writes notifications (a message to the reader, one marked read): then the count
is asked again, so a page never shows a count that its own request has changed.
"""
from __future__ import annotations

import functools
from datetime import datetime

from flask import Flask, request
from sqlalchemy import Select, bindparam, event, func, literal_column, select
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.elements import ColumnElement

from lms import clock
from lms.auth.models import User
from lms.auth.sign_ins import ReadAlong, read_along
from lms.extensions import db
from lms.notifications.models import Notification
from lms.notifications.queries import on_site, shown_kinds
from lms.per_transaction import MISSING, flush_changes, forget, recall, remember

_KEY = "unread_notifications"  # lms/per_transaction.py: (whose count, the count) in this transaction


def register(app: Flask) -> None:
    """Read the count with every signed-in user."""
    read_along(app, ReadAlong(column=_column, parameters=lambda: {"unread_now": clock.now()},
                              keep=lambda user, count: remember(db.session(), _KEY, (user.id, count)),
                              wanted=_draws_a_page))


def _draws_a_page() -> bool:
    # A POST answers with a redirect or JSON, without the header: it would read the count for nothing.
    # (A form sent back with its errors draws the header, and asks the count then.)
    return request.method in ("GET", "HEAD")


def unread_count(user: User, now: datetime) -> int:
    """How many notifications shown on the site `user` has not read: the count read along, else a query."""
    session = db.session()
    if session.autoflush:
        session.flush()  # as the query would: a notification not yet flushed forgets the count (below)
    kept = recall(session, _KEY)
    if kept is MISSING or kept[0] != user.id:
        kept = (user.id, session.scalar(_count_of_one_user(_column()), {"user_id": user.id, "unread_now": now}))
        remember(session, _KEY, kept)
    return kept[1] or 0


def _column() -> ColumnElement[int]:
    return _unread_column(tuple(shown_kinds()))


@functools.cache
def _unread_column(kinds: tuple[str, ...]) -> ColumnElement[int]:
    """The count for the `users` row of the query it is a column of, built once per set of kinds shown.

    The kinds are written into the statement as constants: a list expanded at each execution cost a page
    5% of its work, and twenty bound parameters still 1%. They are the code's own names, never a person's
    input; the check keeps it so.
    """
    if not all(kind.isidentifier() for kind in kinds):
        raise ValueError(f"notification kinds must be plain names: {kinds}")
    return (select(func.count()).select_from(Notification)
            .where(*on_site(User.id, bindparam("unread_now"), [literal_column(f"'{kind}'") for kind in kinds]),
                   Notification.read_at.is_(None))
            .scalar_subquery())


@functools.cache
def _count_of_one_user(column: ColumnElement[int]) -> Select:
    return select(column).where(User.id == bindparam("user_id"))


@event.listens_for(Session, "before_flush")
def _forget_on_flushed_change(session: Session, _context, _instances) -> None:
    if flush_changes(session, (Notification,)):
        forget(session, _KEY)


@event.listens_for(Session, "do_orm_execute")
def _forget_on_statement(state: ORMExecuteState) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and _writes_notifications(state):
        forget(state.session, _KEY)


def _writes_notifications(state: ORMExecuteState) -> bool:
    mapper = state.bind_mapper
    return mapper is not None and mapper.class_ is Notification
