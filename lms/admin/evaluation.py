"""The facts of a course's evaluation report that donors ask for: who was enrolled, completed, was
certified and attended, disaggregated by gender, country and organisation; with the knowledge gain
and the satisfaction the report puts beside them."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, select

from lms.auth.models import Gender, Organisation, User
from lms.certificates.models import Certificate
from lms.certificates.queries import records
from lms.courses.models import Course, Enrollment
from lms.extensions import db
from lms.quizzes.knowledge import GainReport, knowledge_gain
from lms.surveys.queries import Results, end_of_course_survey, results


@dataclass
class Outcomes:
    """How many were enrolled, completed the course and hold its certificate, and their attendance."""

    enrolled: int = 0
    completed: int = 0
    certified: int = 0
    attendance_sum: float = 0.0  # of each learner's percent of live sessions attended

    @property
    def completion_share(self) -> float | None:
        return self.completed / self.enrolled if self.enrolled else None

    @property
    def attendance(self) -> float | None:
        """The learners' mean percent of live sessions attended."""
        return self.attendance_sum / self.enrolled if self.enrolled else None


@dataclass(frozen=True)
class Participation:
    total: Outcomes
    by_gender: list[tuple[Gender | None, Outcomes]]  # every answer in its order, then "not given"
    by_country: list[tuple[str, Outcomes]]
    by_organisation: list[tuple[str, Outcomes]]


def participation(course: Course) -> Participation:
    """The course's active learners counted three ways: one query, and the certificates' records (two)
    for attendance as the course's rule counts it."""
    attendance = {enrollment_id: record.attendance_percent for enrollment_id, record in records(course).items()}
    rows = db.session.execute(
        select(User.gender, User.country, Organisation.name, Enrollment.completed_at, Certificate.id, Enrollment.id)
        .join(Enrollment, Enrollment.user_id == User.id)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .outerjoin(Certificate, and_(Certificate.enrollment_id == Enrollment.id, Certificate.revoked_at.is_(None)))
        .where(Enrollment.course_id == course.id, Enrollment.is_active_learner())).all()
    return counted((gender, country, organisation, completed_at, certificate, attendance.get(enrollment_id, 0.0))
                   for gender, country, organisation, completed_at, certificate, enrollment_id in rows)


def counted(rows: Iterable[tuple]) -> Participation:
    """Participation from one row per learner: (gender, country, organisation, completed at, certificate
    id, percent of live sessions attended)."""
    total = Outcomes()
    genders: dict[Gender | None, Outcomes] = {gender: Outcomes() for gender in (*Gender, None)}
    countries: dict[str, Outcomes] = defaultdict(Outcomes)
    organisations: dict[str, Outcomes] = defaultdict(Outcomes)
    for gender, country, organisation, completed_at, certificate, attended in rows:
        for outcomes in (total, genders[gender], countries[country or ""], organisations[organisation or ""]):
            outcomes.enrolled += 1
            outcomes.completed += completed_at is not None
            outcomes.certified += certificate is not None
            outcomes.attendance_sum += attended
    return Participation(total, list(genders.items()), _largest_first(countries), _largest_first(organisations))


def _largest_first(groups: dict[str, Outcomes]) -> list[tuple[str, Outcomes]]:
    return sorted(groups.items(), key=lambda item: (-item[1].enrolled, item[0]))


@dataclass(frozen=True)
class EvaluationReport:
    """Everything the evaluation page, its XLSX and its PDF show (Kirkpatrick levels 1 and 2)."""

    participation: Participation
    gain: GainReport
    satisfaction: Results | None  # the end-of-course survey's results, when the course has one


def evaluation_report(course: Course) -> EvaluationReport:
    final = end_of_course_survey(course.id)
    return EvaluationReport(participation(course), knowledge_gain(course), results(final) if final else None)
