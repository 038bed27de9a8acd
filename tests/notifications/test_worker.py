"""The real worker (`flask lms worker`) on the machine's Redis: a worker killed mid-send neither loses
nor doubles a message, and a job put on the queue by one app server runs once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from lms.courses import services as courses
from lms.extensions import db, jobs
from lms.notifications.delivery import send_due_notifications
from lms.notifications.models import MailState, Notification
from tests.jobs import run_queued_jobs
from tests.mailbox import slow_smtp_server, smtp_server

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"
LEASE_SECONDS = 2


def wait_until(condition, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out; the worker said:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.05)


def start_worker(database_url: str, queue_name: str, smtp_port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "FLASK_APP": "wsgi", "LMS_ENV": "testing", "TEST_DATABASE_URL": database_url,
           "TEST_QUEUE_URL": REDIS, "QUEUE_NAME": queue_name, "MAIL_SERVER": "127.0.0.1",
           "MAIL_PORT": str(smtp_port), "MAIL_USE_TLS": "no", "PUBLIC_URL": "http://lms.test",
           "NOTIFICATION_LEASE_SECONDS": str(LEASE_SECONDS)}
    with log.open("ab") as output:  # the child keeps its own copy of the file
        return subprocess.Popen([sys.executable, "-m", "flask", "lms", "worker", "--workers", "1"], cwd=ROOT,
                                env=env, stdout=output, stderr=subprocess.STDOUT)


@pytest.fixture()
def six_learners(make_user, make_course):
    course = make_course()
    learners = [make_user(email=f"learner{n}@example.org") for n in range(6)]
    for learner in learners:
        courses.enrol(learner, course, by_admin=True)
    db.session.commit()
    emails = [learner.email for learner in learners]
    db.session.remove()  # nothing of this test holds the database while the workers write
    return emails


def test_a_worker_killed_mid_send_neither_loses_nor_doubles_a_message(database_url, other_app, six_learners,
                                                                     tmp_path):
    log = tmp_path / "worker.log"
    queue_name = f"test-{uuid.uuid4().hex}"
    producer = other_app(QUEUE_URL=REDIS, QUEUE_NAME=queue_name)
    with slow_smtp_server(delay=0.4) as (port, server):
        first = start_worker(database_url, queue_name, port, log)
        try:
            with producer.app_context():
                jobs.enqueue(send_due_notifications)
            wait_until(lambda: server.started == 3, log)  # the third message is on the wire, not yet accepted
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        finally:
            first.kill()
        assert len(server.messages) == 2
        time.sleep(LEASE_SECONDS + 0.5)  # the dead worker's claim runs out
        second = start_worker(database_url, queue_name, port, log)
        try:
            with producer.app_context():
                jobs.enqueue(send_due_notifications)
            wait_until(lambda: len(server.messages) >= 6, log)
            time.sleep(0.5)  # anything doubled would arrive now
        finally:
            second.terminate()
            second.wait(10)
        received = sorted(message["To"].addresses[0].addr_spec for message in server.messages)
    assert received == sorted(six_learners)
    rows = db.session.scalars(select(Notification).where(Notification.kind == "enrolled")).all()
    assert {row.mail_state for row in rows} == {MailState.SENT}
    assert sorted(row.tries for row in rows) == [1, 1, 1, 1, 1, 2]  # the one in flight was sent again, once
    assert all("http://lms.test/courses/" in message.get_body(("plain",)).get_content()
               for message in server.messages)


def test_a_job_put_on_the_queue_by_one_app_server_runs_once(other_app, six_learners):
    queue_name = f"test-{uuid.uuid4().hex}"
    with smtp_server() as (port, messages):
        settings = {"QUEUE_URL": REDIS, "QUEUE_NAME": queue_name, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port,
                    "MAIL_USE_TLS": False}
        one, two = other_app(**settings), other_app(**settings)
        with one.app_context():
            jobs.enqueue(send_due_notifications)
        assert run_queued_jobs(two) == 1  # the other server's worker takes it
        assert run_queued_jobs(one) == 0  # and it is gone for everyone
        assert len(messages) == 6


def test_two_workers_sending_at_once_send_each_message_once(app, make_user, make_course):
    """Two worker threads, each with its own database session, work through the same due rows."""
    import threading

    from lms.notifications.delivery import deliver_due
    course = make_course()
    for n in range(20):
        courses.enrol(make_user(email=f"p{n}@example.org"), course, by_admin=True)
    db.session.commit()
    db.session.remove()
    with smtp_server() as (port, messages):
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False)
        sent: list[int] = []

        def worker() -> None:
            with app.app_context():
                sent.append(deliver_due(datetime.now(UTC)))
                db.session.remove()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sum(sent) == 20
        assert sorted(message["To"].addresses[0].addr_spec for message in messages) == sorted(
            f"p{n}@example.org" for n in range(20))
