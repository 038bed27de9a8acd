"""A programme's evaluation report: its learners' participation across the programme (enrolled,
completed, certified, mean attendance of its courses' live sessions) and each course's outcomes,
knowledge gain and satisfaction side by side."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, select

from lms.admin.evaluation import Outcomes, Participation, counted, participation
from lms.auth.models import Organisation, User
from lms.certificates.models import Certificate
from lms.certificates.queries import records
from lms.courses.models import Course, Enrollment
from lms.extensions import db
from lms.programmes.models import Programme, ProgrammeEnrolment
from lms.quizzes.gain import Means
from lms.quizzes.knowledge import knowledge_gain
from lms.surveys.queries import end_of_course_survey, results


@dataclass(frozen=True)
class CourseEvaluation:
    course: Course
    required: bool
    outcomes: Outcomes
    gain: Means
    satisfaction: float | None  # every 1–5 rating of its end-of-course survey together; None under 3 answers
    responses: int


@dataclass(frozen=True)
class ProgrammeEvaluation:
    participation: Participation
    courses: list[CourseEvaluation]


def programme_evaluation(programme: Programme) -> ProgrammeEvaluation:
    """The programme's report: a few queries per course, whatever the number of learners."""
    parts = [(part.course, part.required) for part in programme.courses]
    courses = []
    for course, required in parts:
        final = end_of_course_survey(course.id)
        satisfaction = results(final) if final else None
        courses.append(CourseEvaluation(course, required, participation(course).total, knowledge_gain(course).overall,
                                        satisfaction.rating_mean if satisfaction else None,
                                        satisfaction.responses if satisfaction else 0))
    return ProgrammeEvaluation(_programme_participation(programme, [course for course, _r in parts]), courses)


def _programme_participation(programme: Programme, courses: list[Course]) -> Participation:
    """Each learner of the programme once; attendance is the mean of their courses' attendance."""
    attended: dict[int, list[float]] = defaultdict(list)
    for course in courses:
        percents = {enrollment_id: record.attendance_percent for enrollment_id, record in records(course).items()}
        for enrollment_id, user_id in db.session.execute(
                select(Enrollment.id, Enrollment.user_id).where(Enrollment.id.in_(list(percents)))):
            attended[user_id].append(percents[enrollment_id])
    rows = db.session.execute(
        select(User.gender, User.country, Organisation.name, ProgrammeEnrolment.completed_at, Certificate.id, User.id)
        .join(ProgrammeEnrolment, ProgrammeEnrolment.user_id == User.id)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .outerjoin(Certificate, and_(Certificate.programme_enrolment_id == ProgrammeEnrolment.id,
                                     Certificate.revoked_at.is_(None)))
        .where(ProgrammeEnrolment.programme_id == programme.id)).all()
    return counted((gender, country, organisation, completed_at, certificate,
                    sum(attended[user_id]) / len(attended[user_id]) if attended[user_id] else 0.0)
                   for gender, country, organisation, completed_at, certificate, user_id in rows)
