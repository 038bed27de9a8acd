"""Whether a learner has earned the certificate: a pure function of the rule and the learner's record."""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Unmet(enum.StrEnum):
    """A condition of the rule the learner has not met yet."""

    REQUIRED_MODULES = "required_modules"
    REQUIRED_QUIZZES = "required_quizzes"
    ATTENDANCE = "attendance"
    APPROVAL = "approval"
    SURVEY = "survey"


@dataclass(frozen=True)
class Rule:
    all_required_modules: bool = True
    required_quizzes_passed: bool = False
    min_attendance_percent: int | None = None
    manual_approval: bool = False
    # what counts as attending a session: in it for this share of its length (None: having joined)
    min_presence_percent: int | None = None
    final_survey_answered: bool = False  # the course's end-of-course survey answered (when it has one)


@dataclass(frozen=True)
class Record:
    """What the learner has done in the course, counted."""

    required_done: int
    required_total: int
    quizzes_passed: int  # required quiz modules completed (a quiz completes at its pass mark)
    quizzes_total: int
    sessions_attended: int
    sessions_total: int
    approved: bool
    survey_answered: bool = True  # the end-of-course survey, or true for a course without one

    @property
    def attendance_percent(self) -> float:
        return 100.0 if self.sessions_total == 0 else self.sessions_attended * 100 / self.sessions_total


def unmet_conditions(rule: Rule, record: Record) -> list[Unmet]:
    """The rule's conditions the record does not meet, in a fixed order; empty means earned."""
    unmet = []
    if rule.all_required_modules and record.required_done < record.required_total:
        unmet.append(Unmet.REQUIRED_MODULES)
    if rule.required_quizzes_passed and record.quizzes_passed < record.quizzes_total:
        unmet.append(Unmet.REQUIRED_QUIZZES)
    if rule.min_attendance_percent is not None and record.attendance_percent < rule.min_attendance_percent:
        unmet.append(Unmet.ATTENDANCE)
    if rule.manual_approval and not record.approved:
        unmet.append(Unmet.APPROVAL)
    if rule.final_survey_answered and not record.survey_answered:
        unmet.append(Unmet.SURVEY)
    return unmet
