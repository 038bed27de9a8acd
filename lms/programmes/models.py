"""Programmes: ordered sets of courses (some required, some optional), run in editions, and who is enrolled."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.courses.models import Course, CourseStatus, EnrolmentMode
from lms.extensions import db
from lms.types import UTCDateTime, enum_column, utcnow


class Programme(db.Model):
    """A programme such as the six-month "Migration School"; each edition is a row of its own, and the
    editions of one programme share a `series` (the first edition's slug)."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    original_locale: Mapped[str] = mapped_column(String(5))
    status: Mapped[CourseStatus] = mapped_column(enum_column(CourseStatus), default=CourseStatus.DRAFT)
    enrolment: Mapped[EnrolmentMode] = mapped_column(enum_column(EnrolmentMode), default=EnrolmentMode.ADMIN)
    series: Mapped[str] = mapped_column(String(80), index=True)
    edition: Mapped[int] = mapped_column(default=1)
    previous_edition_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    translations: Mapped[list[ProgrammeTranslation]] = relationship(
        back_populates="programme", cascade="all, delete-orphan")
    courses: Mapped[list[ProgrammeCourse]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="ProgrammeCourse.position")

    def __repr__(self) -> str:
        return f"<Programme {self.slug!r}>"


class ProgrammeTranslation(db.Model):
    """A programme's title and summary in one language."""

    __tablename__ = "programme_translations"
    __table_args__ = (UniqueConstraint("programme_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="translations")


class ProgrammeCourse(db.Model):
    """A course in a programme, at its place in the order; a required one counts towards the certificate."""

    __tablename__ = "programme_courses"
    __table_args__ = (UniqueConstraint("programme_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    required: Mapped[bool] = mapped_column(default=True)

    programme: Mapped[Programme] = relationship(back_populates="courses")
    course: Mapped[Course] = relationship()


class ProgrammeEnrolment(db.Model):
    """A learner's place in a programme: enrolling enrols them in each of its courses."""

    __tablename__ = "programme_enrolments"
    __table_args__ = (UniqueConstraint("programme_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    programme: Mapped[Programme] = relationship()
    user: Mapped[User] = relationship()
