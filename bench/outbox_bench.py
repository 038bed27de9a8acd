"""Benchmark: how fast one worker empties the outbox into a real SMTP server on this machine.

Writes N "enrolled" notifications (one course, N learners) in a throwaway SQLite file and again in
a throwaway PostgreSQL database, then times `deliver_due` — what the worker's job runs: each message
claimed and committed, composed in its reader's language, handed to aiosmtpd, marked sent and
committed. Prints messages per second and the time per message.

    python -m bench.outbox_bench [--messages 300]
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from config import TestConfig
from lms import create_app
from lms.auth import services as accounts
from lms.courses import services as courses
from lms.extensions import db
from lms.notifications.delivery import deliver_due
from lms.schema import upgrade
from tests.database import throwaway_database
from tests.mailbox import smtp_server


def run(backend: str, messages: int) -> tuple[float, int]:
    os.environ["LMS_TEST_DB"] = backend
    with tempfile.TemporaryDirectory() as folder, throwaway_database(Path(folder)) as url, \
            smtp_server() as (port, received):
        app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url, MAIL_SERVER="127.0.0.1", MAIL_PORT=port,
                         MAIL_USE_TLS=False, PUBLIC_URL="https://lms.example.org")
        with app.app_context():
            upgrade()
            course = courses.create_course(slug="bench", original_locale="en", timezone="Asia/Baku",
                                           starts_on=date(2026, 11, 23), days=3,
                                           texts={"en": {"title": "Key Concepts and Trends in Migration"}})
            for n in range(messages):
                learner = accounts.create_user(email=f"l{n}@example.org", name=f"Learner {n}", password=None,
                                               locale=("az", "en", "ru")[n % 3])
                courses.enrol(learner, course, by_admin=True)
            db.session.commit()
            started = time.perf_counter()
            sent = sum(deliver_due(datetime.now(UTC)) for _ in range(-(-messages // 200)))
            elapsed = time.perf_counter() - started
            db.session.remove()
            db.engine.dispose()
        assert sent == messages == len(received), (sent, len(received))
    return elapsed, sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    messages = parser.parse_args().messages
    print(f"{'database':<12}{'messages':>10}{'seconds':>10}{'per second':>12}{'ms each':>10}")
    for backend in ("sqlite", "postgresql"):
        elapsed, sent = run(backend, messages)
        print(f"{backend:<12}{sent:>10}{elapsed:>10.2f}{sent / elapsed:>12.1f}{1000 * elapsed / sent:>10.1f}")


if __name__ == "__main__":
    main()
