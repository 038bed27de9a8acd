"""Read models of assignments: each learner's status on the trainers' page, in two queries."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select

from lms.assignments.models import Assignment, Submission, SubmissionStatus
from lms.auth.models import User
from lms.courses.models import CourseRole
from lms.courses.queries import course_people
from lms.extensions import db


class Standing(enum.StrEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LATE = "late"
    GRADED = "graded"
    RETURNED = "returned"


@dataclass(frozen=True)
class LearnerWork:
    learner: User
    submission: Submission | None

    @property
    def standing(self) -> Standing:
        found = self.submission
        if found is None:
            return Standing.NOT_STARTED
        if found.status is SubmissionStatus.SUBMITTED:
            return Standing.LATE if found.late else Standing.SUBMITTED
        return Standing(found.status.value)


def learners_work(assignment: Assignment) -> list[LearnerWork]:
    """Every active learner of the course, by name, with their submission if any."""
    learners = course_people(assignment.module.day.course, CourseRole.LEARNER)
    submissions = {s.user_id: s for s in db.session.scalars(
        select(Submission).where(Submission.assignment_id == assignment.id))}
    return [LearnerWork(learner, submissions.get(learner.id)) for learner in learners]
