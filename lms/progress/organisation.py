"""A coordinator's report: the people of one organisation in each course, their progress, completion and
certificate, in three queries whatever their number."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from lms.auth.models import User
from lms.certificates.queries import certified_pairs
from lms.courses.models import Course, Enrollment
from lms.courses.queries import CourseProgress, progress_of
from lms.extensions import db


@dataclass(frozen=True)
class MemberRow:
    person: User
    progress: CourseProgress
    completed_at: datetime | None
    certified: bool


@dataclass(frozen=True)
class CourseRows:
    course: Course
    members: list[MemberRow]


def organisation_report(organisation_id: int) -> list[CourseRows]:
    """Each course the organisation's people are learners of (latest first), with a row per person."""
    enrollments = db.session.scalars(
        select(Enrollment).join(Enrollment.user).join(Enrollment.course)
        .where(User.organisation_id == organisation_id, Enrollment.is_active_learner())
        .options(contains_eager(Enrollment.user), contains_eager(Enrollment.course)
                 .selectinload(Course.translations))
        .order_by(Course.starts_on.desc(), Course.id, User.name)).all()
    progress = progress_of([enrollment.id for enrollment in enrollments])
    certified = certified_pairs(list({e.user_id for e in enrollments}), list({e.course_id for e in enrollments}))
    report: dict[int, CourseRows] = {}
    for enrollment in enrollments:
        rows = report.setdefault(enrollment.course_id, CourseRows(enrollment.course, []))
        rows.members.append(MemberRow(enrollment.user, progress.get(enrollment.id, CourseProgress(0, 0)),
                                      enrollment.completed_at,
                                      (enrollment.user_id, enrollment.course_id) in certified))
    return list(report.values())
