"""The grading queue of a course: every piece of work waiting for a trainer, oldest first — assignments
handed in and not graded, and essay answers of submitted quiz attempts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from lms.assignments.models import Assignment, CourseGrading, Submission, SubmissionStatus
from lms.auth.models import User
from lms.courses.models import Course, CourseDay, Enrollment, Module
from lms.extensions import db
from lms.quizzes.grading import GRADED_BY_HAND
from lms.quizzes.models import Answer, Attempt, AttemptState, Question, Quiz


@dataclass(frozen=True)
class Waiting:
    """Work waiting for a grade, and under which name the grader sees its author."""

    learner: User
    participant: int  # the learner's enrolment number: the name shown when grading is anonymous
    module: Module
    handed_in_at: datetime
    late: bool = False
    submission: Submission | None = None  # an assignment's work ...
    answer: Answer | None = None  # ... or an essay answer in a quiz attempt

    def grading_url(self, course: Course) -> str:
        if self.submission is not None:
            return url_for("assignments.grade", slug=course.slug, assignment_module_id=self.module.id,
                           submission_id=self.submission.id, queue=1)
        return url_for("assignments.grade_essay", slug=course.slug, answer_id=self.answer.id)


def waiting_in(course: Course) -> list[Waiting]:
    """What the course's learners (not withdrawn) have handed in and no trainer has graded yet, oldest first."""
    return sorted(_submissions_waiting(course) + _essays_waiting(course),
                  key=lambda item: (item.handed_in_at, item.learner.id))


def next_url(course: Course) -> str:
    """The grading page of the oldest work still waiting, or the queue when nothing is."""
    waiting = waiting_in(course)
    return waiting[0].grading_url(course) if waiting else url_for("assignments.queue", slug=course.slug)


def _submissions_waiting(course: Course) -> list[Waiting]:
    rows = db.session.execute(
        select(Submission, Enrollment.id)
        .join(Assignment, Assignment.id == Submission.assignment_id)
        .join(Module, Module.id == Assignment.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .join(Enrollment, (Enrollment.course_id == CourseDay.course_id) & (Enrollment.user_id == Submission.user_id))
        .where(CourseDay.course_id == course.id, Submission.status == SubmissionStatus.SUBMITTED,
               Enrollment.withdrawn_at.is_(None))
        .options(joinedload(Submission.user), joinedload(Submission.assignment).joinedload(Assignment.module)))
    return [Waiting(submission.user, participant, submission.assignment.module, submission.submitted_at,
                    late=submission.late, submission=submission) for submission, participant in rows]


def _essays_waiting(course: Course) -> list[Waiting]:
    rows = db.session.execute(
        _essay_answers(course).add_columns(Module)
        .where(Answer.credit.is_(None), Enrollment.withdrawn_at.is_(None)).options(joinedload(Attempt.user)))
    return [Waiting(attempt.user, participant, module, attempt.submitted_at, answer=answer)
            for answer, attempt, _question, participant, module in rows]


def essay_of(course: Course, answer_id: int) -> tuple[Answer, Attempt, Question, int] | None:
    """An essay answer of one of the course's quiz attempts, with its attempt, question and author's number."""
    row = db.session.execute(_essay_answers(course).where(Answer.id == answer_id)).first()
    return tuple(row) if row else None


def _essay_answers(course: Course) -> Select:
    """(answer, attempt, question, the author's enrolment number) of every essay in the course's submitted attempts."""
    return (select(Answer, Attempt, Question, Enrollment.id)
            .join(Attempt, Attempt.id == Answer.attempt_id).join(Quiz, Quiz.id == Attempt.quiz_id)
            .join(Question, Question.id == Answer.question_id)
            .join(Module, Module.id == Quiz.module_id).join(CourseDay, CourseDay.id == Module.day_id)
            .join(Enrollment, (Enrollment.course_id == CourseDay.course_id) & (Enrollment.user_id == Attempt.user_id))
            .where(CourseDay.course_id == course.id, Question.kind.in_(GRADED_BY_HAND),
                   Attempt.state == AttemptState.SUBMITTED))


def participant_of(submission: Submission) -> int:
    """The enrolment number under which an anonymous grader sees the submission's author."""
    course_id = submission.assignment.module.day.course_id
    return db.session.scalar(select(Enrollment.id).where(Enrollment.course_id == course_id,
                                                         Enrollment.user_id == submission.user_id)) or 0


def shown_name(learner: User, participant: int, anonymous: bool) -> str:
    return _("Participant %(number)d", number=participant) if anonymous else learner.name


def grades_anonymously(course: Course) -> bool:
    return bool(db.session.scalar(select(CourseGrading.anonymous).where(CourseGrading.course_id == course.id)))
