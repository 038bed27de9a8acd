"""Certificates whose enrolment no longer meets its course's rule, counted from the records themselves.

A quiz module counts as done only with a submitted attempt at the pass mark, a live module only with
recorded attendance, a survey module only with a receipt of its answers, an assignment only with its
work handed in and, unless handing in is enough, returned with a passing grade; a completion without that
record (such as one a learner once claimed by hand) does not count. `flask lms check-certificates`
lists what this finds; admins decide, nothing is revoked here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import selectinload

from lms.assignments.models import Assignment, CompletesOn, Submission, SubmissionStatus
from lms.certificates import queries
from lms.certificates.models import Certificate
from lms.certificates.rules import Unmet, unmet_conditions
from lms.courses.models import Course, CourseDay, Enrollment, Module, ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live.models import Attendance, LiveSession
from lms.quizzes.models import Attempt, AttemptState, Quiz
from lms.surveys.models import Survey, SurveyReceipt


@dataclass(frozen=True)
class Doubt:
    """A standing certificate, the conditions its learner does not meet, and the completions without record."""

    certificate: Certificate
    unmet: list[Unmet]
    unsupported: list[Module]


def certificates_in_doubt() -> list[Doubt]:
    """Every standing certificate whose learner does not meet the rule once unsupported completions are left out."""
    certificates = db.session.scalars(
        select(Certificate).where(Certificate.revoked_at.is_(None))
        .options(selectinload(Certificate.enrollment).selectinload(Enrollment.user),
                 selectinload(Certificate.enrollment).selectinload(Enrollment.course))
        .order_by(Certificate.issued_at, Certificate.id)
    ).all()
    unsupported = _unsupported_completions([c.enrollment_id for c in certificates])
    by_course: dict[int, list[Certificate]] = defaultdict(list)
    for certificate in certificates:
        by_course[certificate.enrollment.course_id].append(certificate)
    doubts = []
    for group in by_course.values():
        course: Course = group[0].enrollment.course
        rule = queries.rule_of(course)
        records = queries.records(course, [c.enrollment_id for c in group], rule)
        for certificate in group:
            missing = unsupported.get(certificate.enrollment_id, [])
            record = records.get(certificate.enrollment_id)
            if record is None:  # no longer a learner of the course
                doubts.append(Doubt(certificate, list(Unmet), missing))
                continue
            required = [m for m in missing if m.required]
            record = replace(record, required_done=record.required_done - len(required),
                             quizzes_passed=record.quizzes_passed - sum(m.kind is ModuleKind.QUIZ for m in required))
            unmet = unmet_conditions(rule, record)
            if unmet:
                doubts.append(Doubt(certificate, unmet, missing))
    return doubts


def _unsupported_completions(enrollment_ids: list[int]) -> dict[int, list[Module]]:
    """Enrollment id → its quiz, live, survey and assignment modules marked complete without their record."""
    if not enrollment_ids:
        return {}
    passed = exists().where(
        Quiz.module_id == Module.id, Attempt.quiz_id == Quiz.id, Attempt.user_id == Enrollment.user_id,
        Attempt.state == AttemptState.SUBMITTED, Attempt.score.is_not(None),  # not waiting for a trainer
        # percent ≥ pass mark, as quizzes grade it (an attempt worth 0 points counts as 100 %)
        or_(Attempt.max_score == 0, Attempt.score * 100 >= Quiz.pass_mark * Attempt.max_score - 1e-6))
    attended = exists().where(LiveSession.module_id == Module.id, Attendance.session_id == LiveSession.id,
                              Attendance.user_id == Enrollment.user_id)
    answered = exists().where(Survey.module_id == Module.id, SurveyReceipt.survey_id == Survey.id,
                              SurveyReceipt.user_id == Enrollment.user_id)
    handed_in = exists().where(
        Assignment.module_id == Module.id, Submission.assignment_id == Assignment.id,
        Submission.user_id == Enrollment.user_id,
        or_(and_(Assignment.completes_on == CompletesOn.SUBMISSION, Submission.submitted_at.is_not(None)),
            and_(Submission.status == SubmissionStatus.RETURNED,
                 Submission.points * 100 >= Assignment.pass_mark * Assignment.max_points)))
    rows = db.session.execute(
        select(ModuleProgress.enrollment_id, Module)
        .join(Enrollment, Enrollment.id == ModuleProgress.enrollment_id)
        .join(Module, Module.id == ModuleProgress.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(ModuleProgress.enrollment_id.in_(enrollment_ids), ModuleProgress.completed_at.is_not(None),
               or_(and_(Module.kind == ModuleKind.QUIZ, ~passed), and_(Module.kind == ModuleKind.LIVE, ~attended),
                   and_(Module.kind == ModuleKind.SURVEY, ~answered),
                   and_(Module.kind == ModuleKind.ASSIGNMENT, ~handed_in)))
        .order_by(CourseDay.number, Module.position)
    )
    found: dict[int, list[Module]] = defaultdict(list)
    for enrollment_id, module in rows:
        found[enrollment_id].append(module)
    return found
