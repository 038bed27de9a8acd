"""Read models for account pages."""
from __future__ import annotations

from sqlalchemy import select

from lms.auth.models import Organisation
from lms.extensions import db


def organisation_choices() -> list[tuple[int, str]]:
    """(id, name) of every organisation, by name, for a select box."""
    rows = db.session.execute(select(Organisation.id, Organisation.name).order_by(Organisation.name))
    return [(row.id, row.name) for row in rows]


def organisations_by_name() -> dict[str, Organisation]:
    """Every organisation by its case-folded name (folded in Python: SQLite lowers only ASCII letters)."""
    return {organisation.name.casefold(): organisation for organisation in db.session.scalars(select(Organisation))}
