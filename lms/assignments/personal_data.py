"""A person's assignments for their own data download: what they wrote, when, and the grade returned."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from lms.assignments.models import FilePurpose, Submission, SubmissionStatus
from lms.assignments.rubric import levels_of, title_of
from lms.auth.models import User
from lms.extensions import db
from lms.i18n import localized


def submissions_of(user: User) -> list[dict[str, Any]]:
    submissions = db.session.scalars(select(Submission).where(Submission.user_id == user.id).order_by(Submission.id))
    # a grade the trainers have not returned yet is theirs until they do
    return [{"assignment": localized(s.assignment.module, "title"), "status": s.status.value, "text": s.text,
             "files": [each.filename for each in s.files_for(FilePurpose.WORK)],
             "submitted_at": s.submitted_at, "late": s.late,
             **(_grade(s) if s.status is SubmissionStatus.RETURNED else {"points": None, "comment": None})}
            for s in submissions]


def _grade(submission: Submission) -> dict[str, Any]:
    chosen = submission.chosen_levels
    rubric = []
    for criterion in submission.assignment.criteria:
        if criterion.id in chosen:
            points, description = levels_of(criterion)[chosen[criterion.id]]
            rubric.append({"criterion": title_of(criterion), "level": description, "points": points})
    return {"points": submission.points, "comment": submission.comment, "rubric": rubric}
