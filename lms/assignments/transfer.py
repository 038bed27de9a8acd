"""An assignment's rules in a course's JSON export, its dates moved with the new cohort's start (never the work)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from lms.assignments import rubric, services
from lms.assignments.models import CompletesOn, Resubmission
from lms.courses.models import Module, ModuleKind
from lms.courses.transfer import invalid
from lms.errors import DomainError
from lms.timezones import same_wall_clock_later


def export_assignment(module: Module) -> dict[str, Any] | None:
    assignment = services.existing_assignment(module) if module.kind is ModuleKind.ASSIGNMENT else None
    if assignment is None:
        return None
    return {"due_at": assignment.due_at.isoformat() if assignment.due_at else None,
            "cut_off_at": assignment.cut_off_at.isoformat() if assignment.cut_off_at else None,
            "late_allowed": assignment.late_allowed, "max_points": assignment.max_points,
            "pass_mark": assignment.pass_mark, "completes_on": assignment.completes_on.value,
            "resubmission": assignment.resubmission.value, "takes_text": assignment.takes_text,
            "takes_files": assignment.takes_files,
            "rubric": [{"texts": criterion.texts, "points": criterion.points} for criterion in assignment.criteria]}


def load_assignment(module: Module, data: Any, where: str, shift_days: int) -> None:
    zone = module.day.course.timezone

    def moved(text: str | None) -> datetime | None:
        if text is None:
            return None
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            raise ValueError(text)
        return same_wall_clock_later(moment, zone, shift_days)

    try:
        services.update_settings(
            services.assignment_for(module), due_at=moved(data["due_at"]), cut_off_at=moved(data["cut_off_at"]),
            late_allowed=bool(data["late_allowed"]), max_points=int(data["max_points"]),
            pass_mark=int(data["pass_mark"]), completes_on=CompletesOn(data["completes_on"]),
            resubmission=Resubmission(data["resubmission"]),
            # course files written before assignments took files have neither key
            takes_text=bool(data.get("takes_text", True)), takes_files=bool(data.get("takes_files", False)))
        for criterion in data.get("rubric") or []:
            rubric.add_criterion(services.assignment_for(module), points=[int(value) for value in criterion["points"]],
                                 texts={locale: (str(text["title"]), [str(level) for level in text["levels"]])
                                        for locale, text in criterion["texts"].items()})
    except (TypeError, ValueError, KeyError, AttributeError, DomainError):
        raise invalid(where) from None
