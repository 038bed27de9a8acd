"""The job queue: Huey, on SQLite under instance/ by default and on Redis when QUEUE_URL says so.

Features declare their jobs at import time (`@jobs.job`, `@jobs.periodic(crontab(...))`); each app
made by `create_app` gets its own Huey with every declared job bound to it, so a job runs in that
app's context as one unit of work: committed when it returns, rolled back when it fails. A job reads
the rows that say what to do, so a lost job is redone by the next periodic run and a job run twice
does nothing twice (DESIGN.md, "Jobs").
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Declared:
    function: Callable[..., Any]
    schedule: Callable[[Any], bool] | None  # a crontab for periodic jobs


class JobQueue:
    """The declared jobs, and each app's Huey that runs them."""

    def __init__(self) -> None:
        self._declared: dict[str, _Declared] = {}

    def job(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """Declare `function` a job; `jobs.enqueue(function, *args)` runs it on a worker."""
        self._declared[function.__name__] = _Declared(function, None)
        return function

    def periodic(self, schedule: Callable[[Any], bool]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Declare a job the worker runs on `schedule` (a huey `crontab`), instead of a cron line."""

        def declare(function: Callable[..., Any]) -> Callable[..., Any]:
            self._declared[function.__name__] = _Declared(function, schedule)
            return function

        return declare

    def init_app(self, app: Flask) -> None:
        """Give `app` its own Huey (from QUEUE_URL) with every declared job bound to the app."""
        huey = make_huey(app.config["QUEUE_URL"], app.config["QUEUE_NAME"], Path(app.instance_path))
        tasks: dict[str, TaskWrapper] = {}
        for name, declared in self._declared.items():
            bound = _in_unit_of_work(app, declared.function)
            if declared.schedule is None:
                tasks[name] = huey.task(name=name)(bound)
            else:
                tasks[name] = huey.periodic_task(declared.schedule, name=name)(bound)
        app.extensions["jobs"] = (huey, tasks)

    @staticmethod
    def huey(app: Flask | None = None) -> Huey:
        return (app or current_app).extensions["jobs"][0]

    def enqueue(self, function: Callable[..., Any], *args: Any) -> None:
        """Put a job on the queue; if the queue cannot be reached the periodic run does the work later."""
        task = current_app.extensions["jobs"][1][function.__name__]
        try:
            task(*args)
        except Exception:  # a queue that is down must not fail the request that asked for the job
            log.exception("could not enqueue %s; its periodic run will do the work", function.__name__)


def make_huey(queue_url: str, name: str, instance_path: Path) -> Huey:
    """Huey on the storage QUEUE_URL names: redis://…, memory:// (tests) or SQLite under instance/."""
    if queue_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=queue_url, utc=True)
    if queue_url.startswith("memory://"):
        return MemoryHuey(name, utc=True)
    filename = queue_url.removeprefix("sqlite:///") if queue_url else str(instance_path / "jobs.sqlite3")
    return SqliteHuey(name, filename=filename, utc=True)


def _in_unit_of_work(app: Flask, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def run(*args: Any) -> Any:
        with app.app_context():
            try:
                return in_own_transaction(function, *args)
            finally:
                app.extensions["sqlalchemy"].session.remove()

    return run


def in_own_transaction(function: Callable[..., Any], *args: Any) -> Any:
    """Run `function(*args)` and commit at once: a job that works through many rows keeps each one's
    outcome even if the worker is killed at the next (a notification marked sent stays sent)."""
    session = current_app.extensions["sqlalchemy"].session  # lms.extensions.db, which imports this module
    try:
        result = function(*args)
        session.commit()
        return result
    except BaseException:
        session.rollback()
        raise
