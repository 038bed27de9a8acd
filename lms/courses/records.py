"""What learners have recorded in a module, as each feature that keeps records counts it.

A module that holds learners' records is never deleted (its attempts, answers and attendance would
go with it). `courses` counts its own progress rows; quizzes and live sessions add their counters
in their `register(app)`, so that courses imports neither.
"""
from __future__ import annotations

from collections.abc import Callable

from flask_babel import ngettext
from sqlalchemy import func, select

from lms.courses.models import Module, ModuleProgress
from lms.extensions import db

# Each returns a translated sentence ("3 quiz attempts have been made.") or None when it counts none.
RecordCounter = Callable[[Module], str | None]
counters: list[RecordCounter] = []


def add_counter(counter: RecordCounter) -> None:
    """Count a feature's records too (once, however many apps are made)."""
    if counter not in counters:
        counters.append(counter)


def records_in(module: Module) -> list[str]:
    """One sentence for each kind of learner record the module holds; empty when it holds none."""
    return [sentence for counter in (_progress, *counters) if (sentence := counter(module))]


def _progress(module: Module) -> str | None:
    count = db.session.scalar(select(func.count(ModuleProgress.id)).where(ModuleProgress.module_id == module.id))
    if not count:
        return None
    return ngettext("%(num)d learner has opened this module.", "%(num)d learners have opened this module.", count)
