"""Assignments (one per assignment module) and each learner's submission with its grade and feedback."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.courses.models import Module
from lms.extensions import db
from lms.files.models import StoredFile
from lms.types import UTCDateTime, enum_column, utcnow


class CompletesOn(enum.StrEnum):
    PASSING_GRADE = "passing_grade"  # returned with a grade at or above the pass mark
    SUBMISSION = "submission"  # handed in


class Resubmission(enum.StrEnum):
    UNTIL_GRADED = "until_graded"  # a learner may hand in again until a trainer has graded it
    UNTIL_DUE = "until_due"  # ... and only before the due date
    NEVER = "never"


class SubmissionStatus(enum.StrEnum):
    DRAFT = "draft"  # kept, not handed in
    SUBMITTED = "submitted"  # waiting for grading
    GRADED = "graded"  # a grade is saved; the learner does not see it yet
    RETURNED = "returned"  # grade and feedback returned to the learner


class FilePurpose(enum.StrEnum):
    WORK = "work"  # handed in by the learner
    FEEDBACK = "feedback"  # attached by the trainer who graded it


class Assignment(db.Model):
    """What an assignment module asks for: its instructions are the module's text; here the dates and rules."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), unique=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cut_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # nothing is taken after it
    late_allowed: Mapped[bool] = mapped_column(default=True)  # after the due date, marked late
    max_points: Mapped[int] = mapped_column(default=100)
    pass_mark: Mapped[int] = mapped_column(default=50)  # percent of max_points
    completes_on: Mapped[CompletesOn] = mapped_column(enum_column(CompletesOn, length=16),
                                                      default=CompletesOn.PASSING_GRADE)
    resubmission: Mapped[Resubmission] = mapped_column(enum_column(Resubmission, length=16),
                                                       default=Resubmission.UNTIL_GRADED)
    takes_text: Mapped[bool] = mapped_column(default=True)  # a written answer on the page
    takes_files: Mapped[bool] = mapped_column(default=False)  # files handed in with (or instead of) it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    module: Mapped[Module] = relationship()
    criteria: Mapped[list[RubricCriterion]] = relationship(
        back_populates="assignment", order_by="RubricCriterion.position", cascade="all, delete-orphan")


class RubricCriterion(db.Model):
    """One row of an assignment's rubric: what is judged, and its levels from lowest to highest.

    `texts` is {locale: {"title": ..., "levels": [a description per level]}}; `points` has one number
    per level, the same in every language.
    """

    __tablename__ = "rubric_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    texts: Mapped[dict] = mapped_column(JSON, default=dict)
    points: Mapped[list] = mapped_column(JSON, default=list)

    assignment: Mapped[Assignment] = relationship(back_populates="criteria")

    @property
    def top_points(self) -> int:
        return max(self.points, default=0)

    def titles(self) -> dict[str, str]:
        return {locale: text["title"] for locale, text in self.texts.items() if text.get("title")}

    def levels_in(self, locale: str) -> list[str]:
        return list(self.texts.get(locale, {}).get("levels") or [])


class Submission(db.Model):
    """A learner's work on an assignment: a draft until handed in, then graded and returned."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id", name="uq_submissions_assignment_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[SubmissionStatus] = mapped_column(enum_column(SubmissionStatus), default=SubmissionStatus.DRAFT)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    late: Mapped[bool] = mapped_column(default=False)
    points: Mapped[float | None]
    comment: Mapped[str] = mapped_column(Text, default="")
    graded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    assignment: Mapped[Assignment] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])
    files: Mapped[list[SubmissionFile]] = relationship(back_populates="submission", order_by="SubmissionFile.id",
                                                       cascade="all, delete-orphan")

    levels: Mapped[list[RubricChoice]] = relationship(cascade="all, delete-orphan")

    @property
    def chosen_levels(self) -> dict[int, int]:
        """{criterion id: level} of the rubric grading this work was given (empty without one)."""
        return {choice.criterion_id: choice.level for choice in self.levels}

    def files_for(self, purpose: FilePurpose | str) -> list[SubmissionFile]:
        return [each for each in self.files if each.purpose == purpose]

    @property
    def percent(self) -> float | None:
        if self.points is None or not self.assignment.max_points:
            return None
        return self.points * 100 / self.assignment.max_points


class SubmissionFile(db.Model):
    """A file of a submission: the learner's work, or the trainer's feedback (the bytes are a stored file)."""

    __tablename__ = "submission_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"), unique=True)
    purpose: Mapped[FilePurpose] = mapped_column(enum_column(FilePurpose, length=16))
    filename: Mapped[str] = mapped_column(String(255))  # as uploaded, made safe
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="files")
    file: Mapped[StoredFile] = relationship(lazy="joined")


class RubricChoice(db.Model):
    """The level a grader chose for one criterion of the rubric, on one submission."""

    __tablename__ = "rubric_choices"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("rubric_criteria.id", ondelete="CASCADE"),
                                              primary_key=True, index=True)
    level: Mapped[int]  # the level's place in the criterion's list, 0 the lowest


class CourseGrading(db.Model):
    """How a course's trainers grade: with names hidden in the grading queue and on grading pages, or not."""

    __tablename__ = "course_grading"

    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True)
    anonymous: Mapped[bool] = mapped_column(default=False)
