"""Throwaway test databases: a SQLite file, or a uniquely named PostgreSQL database."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# Where to create PostgreSQL test databases (trust auth on this machine and in CI).
PG_SERVER_URL = os.environ.get("LMS_TEST_PG_URL", "postgresql+psycopg://127.0.0.1:5432/postgres")


def backend() -> str:
    """The database the suite runs on: "sqlite" (default) or "postgresql" (LMS_TEST_DB)."""
    return os.environ.get("LMS_TEST_DB", "sqlite")


@contextmanager
def throwaway_database(tmp_dir: Path) -> Iterator[str]:
    """Yield the URL of a new empty database, and drop it afterwards."""
    if backend() == "sqlite":
        yield f"sqlite:///{tmp_dir / 'test.sqlite3'}"
        return
    name = f"lms_test_{uuid.uuid4().hex[:12]}"
    server = create_engine(PG_SERVER_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_SERVER_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()
