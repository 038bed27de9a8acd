"""Running what a request put on the job queue, as the worker would, inside a test."""
from __future__ import annotations

from flask import Flask

from lms.extensions import jobs


def run_queued_jobs(app: Flask) -> int:
    """Take each job off the app's queue and run it (in its own app context and unit of work)."""
    huey, ran = jobs.huey(app), 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        ran += 1
    return ran
