"""When a learner may hand in, and whether it is late: pure functions of the assignment's dates and rules."""
from __future__ import annotations

import enum
from datetime import datetime

from lms.assignments.models import Resubmission, SubmissionStatus


class Refusal(enum.StrEnum):
    CLOSED = "closed"  # past the cut-off
    LATE_NOT_ALLOWED = "late_not_allowed"  # past the due date, and late work is not taken
    ALREADY_GRADED = "already_graded"
    NO_RESUBMISSION = "no_resubmission"
    EMPTY = "empty"


def is_late(now: datetime, due_at: datetime | None) -> bool:
    return due_at is not None and now > due_at


def may_hand_in(now: datetime, *, due_at: datetime | None, cut_off_at: datetime | None, late_allowed: bool,
                status: SubmissionStatus | None, resubmission: Resubmission) -> Refusal | None:
    """None when the learner may hand in (again) now; otherwise why not."""
    if cut_off_at is not None and now > cut_off_at:
        return Refusal.CLOSED
    if is_late(now, due_at) and not late_allowed:
        return Refusal.LATE_NOT_ALLOWED
    if status in (SubmissionStatus.GRADED, SubmissionStatus.RETURNED):
        return Refusal.ALREADY_GRADED
    if status is SubmissionStatus.SUBMITTED:
        if resubmission is Resubmission.NEVER:
            return Refusal.NO_RESUBMISSION
        if resubmission is Resubmission.UNTIL_DUE and is_late(now, due_at):
            return Refusal.NO_RESUBMISSION
    return None


def may_keep_draft(now: datetime, cut_off_at: datetime | None, status: SubmissionStatus | None) -> bool:
    """A draft is kept until the work is handed in, and not after the cut-off."""
    return status in (None, SubmissionStatus.DRAFT) and (cut_off_at is None or now <= cut_off_at)


def passes(points: float, max_points: int, pass_mark: int) -> bool:
    return max_points == 0 or points * 100 >= pass_mark * max_points
