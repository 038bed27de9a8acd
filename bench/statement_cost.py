"""Benchmark: what one statement costs at each layer — psycopg alone, SQLAlchemy Core, the ORM.

On the load test's PostgreSQL database (seeded as bench/load/seed.py does), in one process, reads one
attempt by its id again and again: with psycopg's cursor, with a Core `select` of the table, with an ORM
`select` of the entity and with `session.get`. The ORM's reads start from an empty session each time,
as a request does. Prints the best of 5 rounds (µs a read, the round trip to PostgreSQL included), so
that the layers compare within one run: what moving a hot read from the ORM to Core rows would save.

    .venv/bin/python -m bench.statement_cost [--reads 3000]
"""
from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from sqlalchemy import bindparam, select

from bench.load.run import app_environment, fresh_database
from bench.profile_pages import signed_in_client

ROUNDS = 5


def best_of_rounds(read: Callable[[], object], reads: int) -> float:
    """The fastest round's µs a read, after a warm-up (psycopg prepares a statement on its 5th use)."""
    for _ in range(200):
        read()
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(reads):
            read()
        rounds.append((time.perf_counter() - started) / reads * 1e6)
    return min(rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=3000)
    reads = parser.parse_args().reads
    os.environ.update(app_environment(fresh_database()))
    from bench.load.seed import seed
    from bench.load.wsgi_load import app
    from lms.extensions import db
    from lms.quizzes.models import Attempt

    with app.app_context():
        facts = seed(2)
    _, attempt_url = signed_in_client(app, facts)  # one attempt, started as a learner starts it
    attempt_id = int(attempt_url.rstrip("/").rsplit("/", 1)[1])
    table = Attempt.__table__
    core = select(table).where(table.c.id == bindparam("id"))
    orm = select(Attempt).where(Attempt.id == bindparam("id"))

    with app.app_context():
        cursor = db.session.connection().connection.dbapi_connection.cursor()

        def psycopg_alone():
            cursor.execute("SELECT * FROM attempts WHERE id = %s", (attempt_id,))
            return cursor.fetchone()

        def orm_select():
            found = db.session.scalar(orm, {"id": attempt_id})
            db.session.expunge_all()
            return found

        def orm_get():
            found = db.session.get(Attempt, attempt_id)
            db.session.expunge_all()
            return found

        layers = {
            "psycopg alone": psycopg_alone,
            "SQLAlchemy Core select": lambda: db.session.connection().execute(core, {"id": attempt_id}).first(),
            "ORM select of the entity": orm_select,
            "ORM session.get": orm_get,
        }
        for name, read in layers.items():
            print(f"{name:26} {best_of_rounds(read, reads):6.0f} µs a read")


if __name__ == "__main__":
    main()
