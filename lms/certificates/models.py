"""A course's completion rule, trainers' approvals, and the certificates issued."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.courses.models import Course, Enrollment
from lms.extensions import db
from lms.programmes.models import Programme, ProgrammeEnrolment
from lms.types import UTCDateTime, utcnow


class CompletionRule(db.Model):
    """What a learner must do to earn the course's certificate; a course without one needs every
    required module complete."""

    __tablename__ = "completion_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), unique=True)
    all_required_modules: Mapped[bool] = mapped_column(default=True)
    required_quizzes_passed: Mapped[bool] = mapped_column(default=False)
    min_attendance_percent: Mapped[int | None]  # of the course's live sessions; None: not a condition
    # A session counts as attended when the learner was in it this share of its length (or marked
    # present by a trainer); None: joining counts
    min_presence_percent: Mapped[int | None]
    manual_approval: Mapped[bool] = mapped_column(default=False)
    # the course's end-of-course survey answered (a course without one does not hold anyone back)
    final_survey_answered: Mapped[bool] = mapped_column(default=False, server_default=false())

    course: Mapped[Course] = relationship()


class Approval(db.Model):
    """A trainer's approval of a learner for the certificate (when the rule asks for one)."""

    __tablename__ = "certificate_approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id", ondelete="CASCADE"), unique=True)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Certificate(db.Model):
    """One per course enrolment or programme enrolment at most (exactly one of the two is set).
    Revoking keeps the row, so that the check says "revoked"."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id", ondelete="CASCADE"), unique=True)
    programme_enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_enrolments.id", ondelete="CASCADE"), unique=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    locale: Mapped[str] = mapped_column(String(5))  # the learner's language when it was issued
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))  # None: automatic
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoke_reason: Mapped[str | None] = mapped_column(String(500))

    enrollment: Mapped[Enrollment | None] = relationship()
    programme_enrolment: Mapped[ProgrammeEnrolment | None] = relationship()
    issued_by: Mapped[User | None] = relationship(foreign_keys=[issued_by_id])

    @property
    def holder(self) -> User:
        return self.enrollment.user if self.enrollment is not None else self.programme_enrolment.user

    @property
    def awarded_for(self) -> Course | Programme:
        """The course or programme it certifies (both have a slug and translated titles)."""
        return self.enrollment.course if self.enrollment is not None else self.programme_enrolment.programme

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None
