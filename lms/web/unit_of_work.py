"""One unit of work per request: the view's writes are committed once, when it returns normally.

The habit of indico's `RH.process`. Views and services never commit: a view that returns commits
everything its services flushed; an exception anywhere rolls all of it back before the error page
is drawn. A service's `DomainError` either reaches the error handler (a translated 4xx page, or a
JSON body) or is caught by one of the two helpers below, which roll the work back and show the
message on the form, or flash it.

A GET changes nothing unless its view says it does, with `@writes_on_get`: the first view of a lesson,
the language chosen. The tests run with `REFUSE_UNDECLARED_GET_WRITES`, so a GET that writes without
saying so fails there instead of passing unnoticed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from flask import Flask, current_app, flash, request
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from lms.errors import DomainError
from lms.extensions import db

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WROTE = "lms.unit_of_work.wrote"
_AFTER_COMMIT = "lms.unit_of_work.after_commit"
View = TypeVar("View", bound=Callable[..., Any])


class UndeclaredWrite(RuntimeError):
    """A GET request wrote to the database, and its view does not say `@writes_on_get`."""


def writes_on_get(view: View) -> View:
    """Mark a view whose GET writes on purpose (a first view recorded, a token made on first visit)."""
    view.writes_on_get = True  # type: ignore[attr-defined]
    return view


class UnitOfWorkFlask(Flask):
    """Flask, with each view run as one unit of work."""

    def dispatch_request(self):  # type: ignore[override]
        db.session.info.pop(_WROTE, None)
        try:
            response = super().dispatch_request()
            if request.method in SAFE_METHODS and _has_written() and not _declared_writer():
                _undeclared_write()
        except BaseException:
            db.session.rollback()
            raise
        session = db.session()
        # What runs after the view (a streamed export, after-request hooks) reads the rows as the view
        # left them, instead of reloading each from a session that a stream no longer has.
        session.expire_on_commit = False
        session.commit()
        return response


@contextmanager
def service_errors_on(target: Any) -> Iterator[None]:
    """Roll the request's work back and show a service's `DomainError` on a form (or one field).

        with service_errors_on(form):
            services.update_course(...)
            flash(...)
            return redirect(...)
        return render_template(..., form=form), 400
    """
    try:
        yield
    except DomainError as error:
        db.session.rollback()
        errors = target.form_errors if hasattr(target, "form_errors") else target.errors
        errors.append(error.message)


@contextmanager
def service_errors_flashed() -> Iterator[None]:
    """Roll the request's work back and flash a service's `DomainError`, for actions without a form."""
    try:
        yield
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")


def after_commit(action: Callable[..., object], *args: object) -> None:
    """Do `action(*args)` once the request's work is committed (never if it is rolled back): what
    the database cannot undo, such as removing a file, waits for the rows that referred to it."""
    db.session.info.setdefault(_AFTER_COMMIT, []).append((action, args))


def watch_session() -> None:
    """Note every write the session makes (so that a GET's writes can be told from its reads), and run
    the `after_commit` actions when it commits."""
    if not event.contains(db.session, "after_flush", _flushed):  # once, however many apps are made
        event.listen(db.session, "after_flush", _flushed)
        event.listen(db.session, "do_orm_execute", _executed)
        event.listen(db.session, "after_commit", _committed)
        event.listen(db.session, "after_rollback", _rolled_back)


def _committed(session: Session) -> None:
    for action, args in session.info.pop(_AFTER_COMMIT, []):
        action(*args)


def _rolled_back(session: Session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


def _flushed(session: Session, _transaction: UOWTransaction) -> None:
    session.info[_WROTE] = True


def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


def _has_written() -> bool:
    session = db.session
    return bool(session.info.get(_WROTE) or session.new or session.deleted
                or any(session.is_modified(each) for each in session.dirty))


def _declared_writer() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(getattr(view, "writes_on_get", False))


def _undeclared_write() -> None:
    message = f"GET {request.path} wrote to the database; mark its view @writes_on_get if it means to"
    if current_app.config.get("REFUSE_UNDECLARED_GET_WRITES"):
        raise UndeclaredWrite(message)
    current_app.logger.warning(message)  # production keeps the write: losing it would be worse
