"""Intake by application: a course's (or a programme's) seats and quotas, the questions it asks, and each
application. Either target is named by its own column; exactly one is set."""
from __future__ import annotations

import enum
import secrets
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import Organisation, User
from lms.courses.models import Course
from lms.extensions import db
from lms.programmes.models import Programme
from lms.types import UTCDateTime, enum_column, utcnow


class ApplicationStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    WAITLISTED = "waitlisted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the applicant (or their enrolment was withdrawn)


# What the centre may still change; an approved place is given up by withdrawing.
OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED)
CLOSED_STATUSES = (ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN)


ONE_TARGET = "(course_id IS NULL) <> (programme_id IS NULL)"


class Intake(db.Model):
    """How a course or a programme takes applications: its seats in total, how long an offered seat waits,
    extra questions.

    Every decision about seats first updates this row (`revision`), so two decisions about one target
    are taken one after the other on every database.
    """

    __tablename__ = "intakes"
    __table_args__ = (CheckConstraint(ONE_TARGET, name="one_target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), unique=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), unique=True)
    seats: Mapped[int | None]  # None: no limit in total
    offer_hours: Mapped[int] = mapped_column(default=72)
    # [{"id": 1, "labels": {"en": "...", "az": "..."}, "required": true}, ...]: asked after the usual fields.
    questions: Mapped[list] = mapped_column(JSON, default=list)
    revision: Mapped[int] = mapped_column(default=0)

    course: Mapped[Course | None] = relationship()
    programme: Mapped[Programme | None] = relationship()
    quotas: Mapped[list[Quota]] = relationship(back_populates="intake", cascade="all, delete-orphan",
                                               order_by="Quota.id")


class Quota(db.Model):
    """Seats kept for one country or one organisation in a course."""

    __tablename__ = "quotas"
    __table_args__ = (
        UniqueConstraint("intake_id", "country", name="uq_quotas_country"),
        UniqueConstraint("intake_id", "organisation_id", name="uq_quotas_organisation"),
        CheckConstraint("(country IS NULL) <> (organisation_id IS NULL)", name="one_scope"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    intake_id: Mapped[int] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    seats: Mapped[int]

    intake: Mapped[Intake] = relationship(back_populates="quotas")
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")  # every quota line shows its name


class Application(db.Model):
    """Someone's request for a seat in a course, made by them or by their organisation's coordinator."""

    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("course_id", "email", name="uq_applications_course_email"),
                      UniqueConstraint("programme_id", "email", name="uq_applications_programme_email"),
                      CheckConstraint(ONE_TARGET, name="one_target"))

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    nominated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                        index=True)
    organisation_name: Mapped[str] = mapped_column(String(200), default="")  # as written, when not in the list
    country: Mapped[str | None] = mapped_column(String(2))
    position: Mapped[str] = mapped_column(String(200), default="")
    motivation: Mapped[str] = mapped_column(Text, default="")
    locale: Mapped[str] = mapped_column(String(5))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)  # {"<question id>": "answer"}
    status: Mapped[ApplicationStatus] = mapped_column(enum_column(ApplicationStatus),
                                                      default=ApplicationStatus.SUBMITTED)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    waitlisted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # its place in the line
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text, default="")  # the centre's words with its last decision
    # A seat offered from the waitlist: accepted by `offer_expires_at` or it passes to the next.
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # declined or withdrawn: deleted later
    changes: Mapped[int] = mapped_column(default=0)  # each status change mails once
    # The secret in the applicant's own link to this application (they may have no account).
    link_key: Mapped[str] = mapped_column(String(32), default=lambda: secrets.token_urlsafe(16))

    course: Mapped[Course | None] = relationship()
    programme: Mapped[Programme | None] = relationship()
    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    nominated_by: Mapped[User | None] = relationship(foreign_keys=[nominated_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    organisation: Mapped[Organisation | None] = relationship()

    @property
    def target(self) -> Course | Programme:
        """What the application is for: a course or a programme."""
        return self.course or self.programme

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation else self.organisation_name

    def has_open_offer(self, now: datetime) -> bool:
        """Offered a seat that is still held for them at `now`."""
        return (self.status is ApplicationStatus.WAITLISTED and self.offer_expires_at is not None
                and now < self.offer_expires_at)
