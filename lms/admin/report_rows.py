"""What the course progress report shows: learner rows, totals, groups, and the filter that picks rows."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from lms.courses.models import CourseDay
from lms.quizzes.models import Quiz

ACTIVE_DAYS = 7


class LearnerStatus(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class CertificateStatus(enum.StrEnum):
    NONE = "none"
    ISSUED = "issued"
    REVOKED = "revoked"


class SortKey(enum.StrEnum):
    NAME = "name"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    PROGRESS = "progress"
    QUIZ = "quiz"
    ATTENDED = "attended"
    ACTIVITY = "activity"


@dataclass(frozen=True)
class ReportFilter:
    """Which learners the report shows and in what order; empty fields do not filter."""

    country: str | None = None
    organisation_id: int | None = None
    status: LearnerStatus | None = None
    sort: SortKey = SortKey.NAME
    descending: bool = False


@dataclass(frozen=True)
class DayColumn:
    day: CourseDay
    modules: int


@dataclass(frozen=True)
class CourseStructure:
    """What the report's columns are made of: days, quizzes, live sessions, required modules."""

    days: list[DayColumn]
    quizzes: list[Quiz]
    live_sessions: int
    required_modules: int


@dataclass(frozen=True)
class LearnerRow:
    user_id: int
    name: str
    email: str
    organisation: str | None
    country: str | None
    completed: int  # required modules completed
    percent: int
    per_day: list[int]  # modules completed, in the order of the structure's days
    quiz_best: list[float | None]  # best percent, in the order of the structure's quizzes
    attended: int
    last_activity: datetime | None
    completed_at: datetime | None
    certificate_issued_at: datetime | None = None
    certificate_revoked_at: datetime | None = None

    @property
    def certificate(self) -> CertificateStatus:
        if self.certificate_issued_at is None:
            return CertificateStatus.NONE
        return CertificateStatus.REVOKED if self.certificate_revoked_at else CertificateStatus.ISSUED

    @property
    def status(self) -> LearnerStatus:
        if self.completed_at is not None:
            return LearnerStatus.COMPLETED
        return LearnerStatus.IN_PROGRESS if self.last_activity is not None else LearnerStatus.NOT_STARTED


@dataclass(frozen=True)
class Totals:
    learners: int
    completed: int
    certificates: int
    average_percent: float | None
    average_quiz: float | None
    attendance_rate: float | None  # share of (learner, live session) pairs attended


@dataclass(frozen=True)
class GroupRow:
    """One country or organisation of the cohort."""

    key: str | None  # ISO country code or organisation name
    enrolled: int
    active: int  # active in the last ACTIVE_DAYS days
    completed: int
    average_quiz: float | None
    attendance_rate: float | None


@dataclass(frozen=True)
class ReportPage:
    rows: list[LearnerRow]
    totals: Totals
    page: int
    pages: int
