"""The grading queue of a course: every piece of work handed in and waiting for a grade, oldest first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from lms.assignments.models import Assignment, CourseGrading, Submission, SubmissionStatus
from lms.auth.models import User
from lms.courses.models import Course, CourseDay, Enrollment, Module
from lms.extensions import db


@dataclass(frozen=True)
class Waiting:
    """Work waiting for a grade, and under which name the grader sees its author."""

    submission: Submission
    learner: User
    participant: int  # the learner's enrolment number: the name shown when grading is anonymous

    @property
    def module(self) -> Module:
        return self.submission.assignment.module

    @property
    def handed_in_at(self) -> datetime:
        return self.submission.submitted_at


def waiting_in(course: Course) -> list[Waiting]:
    """Work handed in by the course's learners (not withdrawn) and not graded yet, oldest first."""
    rows = db.session.execute(
        select(Submission, Enrollment.id)
        .join(Assignment, Assignment.id == Submission.assignment_id)
        .join(Module, Module.id == Assignment.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .join(Enrollment, (Enrollment.course_id == CourseDay.course_id) & (Enrollment.user_id == Submission.user_id))
        .where(CourseDay.course_id == course.id, Submission.status == SubmissionStatus.SUBMITTED,
               Enrollment.withdrawn_at.is_(None))
        .options(joinedload(Submission.user), joinedload(Submission.assignment).joinedload(Assignment.module))
        .order_by(Submission.submitted_at, Submission.id))
    return [Waiting(submission, submission.user, participant) for submission, participant in rows]


def participant_of(submission: Submission) -> int:
    """The enrolment number under which an anonymous grader sees the submission's author."""
    course_id = submission.assignment.module.day.course_id
    return db.session.scalar(select(Enrollment.id).where(Enrollment.course_id == course_id,
                                                         Enrollment.user_id == submission.user_id)) or 0


def shown_name(learner: User, participant: int, anonymous: bool) -> str:
    return _("Participant %(number)d", number=participant) if anonymous else learner.name


def grades_anonymously(course: Course) -> bool:
    return bool(db.session.scalar(select(CourseGrading.anonymous).where(CourseGrading.course_id == course.id)))

