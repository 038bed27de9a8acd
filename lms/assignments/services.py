"""Every write to assignments: their settings, a learner's draft and hand-in, a trainer's grade."""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select, update

from lms.assignments import notices, rubric, rules
from lms.assignments.files import Upload, change_files
from lms.assignments.models import (
    Assignment,
    CompletesOn,
    CourseGrading,
    FilePurpose,
    Resubmission,
    Submission,
    SubmissionStatus,
)
from lms.auth.models import User
from lms.courses import services as courses
from lms.courses.models import Course, CourseRole, Enrollment, Module, ModuleKind
from lms.errors import DomainError
from lms.extensions import db
from lms.unique_rows import add_once

TEXT_LIMIT = 50_000  # characters: a policy brief, not a book
REFUSALS = {
    rules.Refusal.CLOSED: lambda: _("This assignment no longer takes submissions: its cut-off date has passed."),
    rules.Refusal.LATE_NOT_ALLOWED: lambda: _("The due date has passed and this assignment takes no late work."),
    rules.Refusal.ALREADY_GRADED: lambda: _("Your work has been graded: it can no longer be changed."),
    rules.Refusal.NO_RESUBMISSION: lambda: _("You have handed in your work; this assignment takes it only once."),
    rules.Refusal.EMPTY: lambda: _("Write your answer before handing it in."),
}


def assignment_for(module: Module) -> Assignment:
    """The assignment of an assignment module, made with default rules the first time it is asked for."""
    if module.kind is not ModuleKind.ASSIGNMENT:
        raise DomainError(_("This module is not an assignment."), 404)
    assignment = existing_assignment(module)
    if assignment is None:
        assignment = Assignment(module=module)
        db.session.add(assignment)
        db.session.flush()
    return assignment


def existing_assignment(module: Module) -> Assignment | None:
    return db.session.scalar(select(Assignment).where(Assignment.module_id == module.id))


def update_settings(assignment: Assignment, *, due_at: datetime | None, cut_off_at: datetime | None,
                    late_allowed: bool, max_points: int, pass_mark: int, completes_on: CompletesOn,
                    resubmission: Resubmission, takes_text: bool = True, takes_files: bool = False) -> None:
    """Change the dates and rules; points already given are not rescaled, work handed in is kept."""
    if due_at and cut_off_at and cut_off_at < due_at:
        raise DomainError(_("The cut-off date cannot be before the due date."))
    if not takes_text and not takes_files:
        raise DomainError(_("Take a written answer, files or both."))
    if assignment.criteria:  # graded with a rubric: out of its total
        max_points = sum(criterion.top_points for criterion in assignment.criteria)
    if not 1 <= max_points <= 1000 or not 0 <= pass_mark <= 100:
        raise DomainError(_("Give the points from 1 to 1000 and the pass mark from 0 to 100 %."))
    graded_above = db.session.scalar(select(func.max(Submission.points)).where(
        Submission.assignment_id == assignment.id))
    if graded_above is not None and graded_above > max_points:
        raise DomainError(_("A submission has been given %(points)s points: the maximum cannot be lower.",
                            points=f"{graded_above:g}"), 409)
    assignment.due_at, assignment.cut_off_at, assignment.late_allowed = due_at, cut_off_at, late_allowed
    assignment.max_points, assignment.pass_mark = max_points, pass_mark
    assignment.completes_on, assignment.resubmission = completes_on, resubmission
    assignment.takes_text, assignment.takes_files = takes_text, takes_files
    db.session.flush()


def submission_of(assignment: Assignment, user_id: int) -> Submission | None:
    return db.session.scalar(select(Submission).where(Submission.assignment_id == assignment.id,
                                                      Submission.user_id == user_id))


def save_draft(assignment: Assignment, enrollment: Enrollment | None, text: str, now: datetime, *,
               added: Sequence[Upload] = (), removed: Collection[int] = ()) -> Submission:
    """Keep the learner's text and files without handing them in (only while it is a draft)."""
    _check_learner(assignment, enrollment, now)
    existing = submission_of(assignment, enrollment.user_id)
    status = existing.status if existing else None
    if not rules.may_keep_draft(now, assignment.cut_off_at, status):
        refusal = rules.may_hand_in(now, due_at=assignment.due_at, cut_off_at=assignment.cut_off_at,
                                    late_allowed=True, status=status,
                                    resubmission=assignment.resubmission) or rules.Refusal.NO_RESUBMISSION
        raise DomainError(REFUSALS[refusal](), 409)
    submission = existing or _new_submission(assignment, enrollment, now)
    submission.text, submission.saved_at = _answer(assignment, text), now
    _change_work_files(assignment, submission, added, removed)
    return submission


def hand_in(assignment: Assignment, enrollment: Enrollment | None, text: str, now: datetime, *,
            added: Sequence[Upload] = (), removed: Collection[int] = ()) -> Submission:
    """Hand the work in (again, where the rules allow), marked late after the due date."""
    _check_learner(assignment, enrollment, now)
    existing = submission_of(assignment, enrollment.user_id)
    refusal = rules.may_hand_in(now, due_at=assignment.due_at, cut_off_at=assignment.cut_off_at,
                                late_allowed=assignment.late_allowed, status=existing.status if existing else None,
                                resubmission=assignment.resubmission)
    if refusal is not None:
        raise DomainError(REFUSALS[refusal](), 409)
    submission = existing or _new_submission(assignment, enrollment, now)
    submission.text, submission.saved_at, submission.submitted_at = _answer(assignment, text), now, now
    _change_work_files(assignment, submission, added, removed)
    if not submission.text.strip() and not submission.files_for(FilePurpose.WORK):
        raise DomainError(_("Add a file or write your answer before handing it in.") if assignment.takes_files
                          else REFUSALS[rules.Refusal.EMPTY](), 400)
    submission.status, submission.late = SubmissionStatus.SUBMITTED, rules.is_late(now, assignment.due_at)
    db.session.flush()
    notices.tell_received(submission)
    if assignment.completes_on is CompletesOn.SUBMISSION:
        courses.complete_module(enrollment, assignment.module, now)
    return submission


def grade(actor: User, submission: Submission, *, points: float | None, comment: str, give_back: bool,
          now: datetime, added: Sequence[Upload] = (), removed: Collection[int] = (),
          levels: Mapping[int, int] | None = None) -> None:
    """Save a trainer's grade (the points, or a level of each rubric criterion), comment and feedback files;
    giving it back shows them to the learner and, at the pass mark, completes the module."""
    assignment = submission.assignment
    if submission.status is SubmissionStatus.DRAFT:
        raise DomainError(_("This work has not been handed in yet."), 409)
    # Two trainers grading the same work at once: the second waits here for the first, then replaces its grade.
    db.session.execute(update(Submission).where(Submission.id == submission.id)
                       .values(graded_at=now).execution_options(synchronize_session=False))
    if assignment.criteria:
        points = rubric.chosen_points(assignment, levels or {})
        rubric.keep_choices(submission, levels or {})
    if points is None:
        raise DomainError(_("Give the points."))
    if not 0 <= points <= assignment.max_points:
        raise DomainError(_("Give from 0 to %(max)d points.", max=assignment.max_points))
    submission.points, submission.comment = points, comment.strip()
    change_files(submission, FilePurpose.FEEDBACK, added=list(added), removed=removed,
                 max_bytes=current_app.config["MAX_ATTACHMENT_BYTES"])
    submission.graded_by_id, submission.graded_at = actor.id, now
    submission.status = SubmissionStatus.RETURNED if give_back else SubmissionStatus.GRADED
    if give_back:
        submission.returned_at = now
    db.session.flush()
    if give_back:
        notices.tell_returned(submission)
    enrollment = db.session.scalar(select(Enrollment).where(Enrollment.course_id == assignment.module.day.course_id,
                                                            Enrollment.user_id == submission.user_id))
    if (give_back and enrollment is not None and enrollment.withdrawn_at is None
            and rules.passes(points, assignment.max_points, assignment.pass_mark)):
        courses.complete_module(enrollment, assignment.module, now)


def _check_learner(assignment: Assignment, enrollment: Enrollment | None, now: datetime) -> None:
    if enrollment is None or enrollment.role is not CourseRole.LEARNER or enrollment.withdrawn_at is not None:
        raise DomainError(_("Only the course's learners hand in its assignments."), 403)
    if not assignment.module.day.is_open(now):
        raise DomainError(_("This module is not open yet."), 403)


def _new_submission(assignment: Assignment, enrollment: Enrollment, now: datetime) -> Submission:
    return add_once(
        Submission(assignment_id=assignment.id, user_id=enrollment.user_id, saved_at=now),
        lambda: submission_of(assignment, enrollment.user_id))  # two tabs at once: one submission


def _answer(assignment: Assignment, text: str) -> str:
    """The written answer as kept: none where the assignment takes only files."""
    if not assignment.takes_text:
        return ""
    if len(text) > TEXT_LIMIT:
        raise DomainError(_("Please keep your answer under %(count)d characters.", count=TEXT_LIMIT))
    return text.replace("\r\n", "\n")


def _change_work_files(assignment: Assignment, submission: Submission, added: Sequence[Upload],
                       removed: Collection[int]) -> None:
    if added and not assignment.takes_files:
        raise DomainError(_("This assignment takes a written answer, not files."), 400)
    change_files(submission, FilePurpose.WORK, added=list(added), removed=removed,
                 max_bytes=current_app.config["MAX_ATTACHMENT_BYTES"])


def submissions_recorded(module: Module) -> str | None:
    """How many learners have work on an assignment module (the module is then never deleted), or None."""
    count = db.session.scalar(select(func.count(Submission.id)).join(Assignment)
                              .where(Assignment.module_id == module.id))
    if not count:
        return None
    return ngettext("%(num)d learner has work on this assignment.", "%(num)d learners have work on this assignment.",
                    count)


def grade_anonymously(course: Course, anonymous: bool) -> None:
    """Hide (or show again) learners' names in the course's grading queue and on its grading pages."""
    setting = db.session.get(CourseGrading, course.id) or add_once(
        CourseGrading(course_id=course.id), lambda: db.session.get(CourseGrading, course.id))  # two saves at once
    setting.anonymous = anonymous
    db.session.flush()
