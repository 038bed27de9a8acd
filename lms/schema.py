"""The schema's migrations (Alembic, through Flask-Migrate), loaded only where a database is built or changed.

Alembic and Mako cost a process 11 MB and no request uses them, so a web worker goes without:
the app made for a command line (`flask db upgrade`) has them, and so has whoever calls
`upgrade` or `downgrade` below (tests, benchmarks, the load seed).
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, current_app

from lms.extensions import db

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def made_for_a_command() -> bool:
    """True when `flask …` made the app: Flask's command line says so before it loads the app."""
    return os.environ.get("FLASK_RUN_FROM_CLI") == "true"


def enable_migrations(app: Flask) -> None:
    """Give `app` its migrations and the `flask db` commands, once."""
    if "migrate" in app.extensions:
        return
    from flask_migrate import Migrate  # here, not at the top: see the module's docstring

    Migrate(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)


def upgrade(revision: str = "head") -> None:
    """Migrate the current app's database up to `revision` (the newest by default)."""
    enable_migrations(current_app)
    import flask_migrate

    flask_migrate.upgrade(revision=revision)


def downgrade(revision: str) -> None:
    """Migrate the current app's database down to `revision`."""
    enable_migrations(current_app)
    import flask_migrate

    flask_migrate.downgrade(revision=revision)
