"""A row added once (under a savepoint) goes with the request's rollback, on SQLite as on PostgreSQL.

The defect this guards: on SQLite a savepoint that was a request's first write was the outermost
transaction, so releasing it committed; a refusal later in the request (and its rollback) left the row.
"""
from __future__ import annotations

from sqlalchemy import func, select

from lms.auth.models import Organisation
from lms.extensions import db
from lms.unique_rows import add_once, insert_once


def _organisations() -> int:
    return db.session.scalar(select(func.count(Organisation.id)))


def test_a_row_added_once_goes_with_a_rollback(app):
    db.session.commit()  # a fresh transaction, nothing written yet
    add_once(Organisation(name="Border Guard Service", country="GE"), lambda: None)
    db.session.rollback()
    assert _organisations() == 0


def test_and_stays_with_a_commit(app):
    add_once(Organisation(name="Border Guard Service", country="GE"), lambda: None)
    db.session.commit()
    assert _organisations() == 1


def test_a_row_inserted_once_goes_with_a_rollback_and_its_twin_gets_the_first(app):
    db.session.commit()
    first = insert_once(Organisation, {"name": "Border Guard Service", "country": "GE"}, ("name",),
                        lambda: None)
    assert first.id is not None and first.name == "Border Guard Service"
    named = select(Organisation).where(Organisation.name == "Border Guard Service")
    twin = insert_once(Organisation, {"name": "Border Guard Service", "country": "AZ"}, ("name",),
                       lambda: db.session.scalar(named))
    assert twin is first and twin.country == "GE"  # the second insert did nothing
    db.session.rollback()
    assert _organisations() == 0
