"""Courses, their days and modules (with texts in several languages), enrolments and progress."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint, and_, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.courses import rules
from lms.extensions import db
from lms.files.models import StoredFile
from lms.types import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from lms.live.models import LiveSession


class CourseStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class EnrolmentMode(enum.StrEnum):
    OPEN = "open"  # anyone signed in may enrol
    KEY = "key"  # whoever knows the course's enrolment key
    ADMIN = "admin"  # only an admin enrols people
    APPLICATION = "application"  # people apply (or are nominated); the centre selects


class ModuleKind(enum.StrEnum):
    LESSON = "lesson"
    QUIZ = "quiz"
    LIVE = "live"
    SURVEY = "survey"
    ASSIGNMENT = "assignment"


class CourseRole(enum.StrEnum):
    LEARNER = "learner"
    TRAINER = "trainer"


class Course(db.Model):
    """A training course, such as a 3-day online course or a six-month school."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    original_locale: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    starts_on: Mapped[date]
    status: Mapped[CourseStatus] = mapped_column(enum_column(CourseStatus), default=CourseStatus.DRAFT)
    enrolment: Mapped[EnrolmentMode] = mapped_column(enum_column(EnrolmentMode), default=EnrolmentMode.OPEN)
    enrolment_key: Mapped[str | None] = mapped_column(String(64))
    # Learners are told (on the site and by mail) when each day that has an opening time opens.
    announce_days: Mapped[bool] = mapped_column(default=True, server_default=true())
    # Editions: every run of one course shares a series (the first edition's slug) and has a number.
    series: Mapped[str] = mapped_column(String(80), index=True)
    edition: Mapped[int] = mapped_column(default=1, server_default="1")
    previous_edition_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    translations: Mapped[list[CourseTranslation]] = relationship(
        back_populates="course", cascade="all, delete-orphan"
    )
    days: Mapped[list[CourseDay]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="CourseDay.number"
    )

    @property
    def ends_on(self) -> date:
        """The last day's date: days need not be consecutive, so it is not the start plus their number."""
        return rules.last_day(self.starts_on, [day.date for day in self.days])

    def has_ended(self, now: datetime) -> bool:
        """Whether the course's last day is over in its own time zone (enrolment then closes)."""
        return rules.has_ended(self.ends_on, self.timezone, now)

    def self_enrolment(self, now: datetime | None) -> rules.SelfEnrolment:
        """What the course offers someone who would enrol themselves (`now` None: whatever the date)."""
        return rules.self_enrolment(self.status, self.enrolment, now is not None and self.has_ended(now))

    def __repr__(self) -> str:
        return f"<Course {self.slug!r}>"


class CourseTranslation(db.Model):
    """A course's title and summary in one language."""

    __tablename__ = "course_translations"
    __table_args__ = (UniqueConstraint("course_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")

    course: Mapped[Course] = relationship(back_populates="translations")


class CourseDay(db.Model):
    """One day of a course, on its own date (a school may meet twice a week); its modules open at
    `opens_at` (immediately when unset). Days are numbered in date order."""

    __tablename__ = "course_days"
    __table_args__ = (UniqueConstraint("course_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    date: Mapped[date] = mapped_column(Date)  # in the course's time zone
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    course: Mapped[Course] = relationship(back_populates="days")
    translations: Mapped[list[CourseDayTranslation]] = relationship(
        back_populates="day", cascade="all, delete-orphan"
    )
    modules: Mapped[list[Module]] = relationship(
        back_populates="day", cascade="all, delete-orphan", order_by="Module.position"
    )

    @property
    def original_locale(self) -> str:
        return self.course.original_locale

    def is_open(self, now: datetime) -> bool:
        return rules.day_is_open(self.opens_at, now)


class CourseDayTranslation(db.Model):
    __tablename__ = "course_day_translations"
    __table_args__ = (UniqueConstraint("day_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("course_days.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))

    day: Mapped[CourseDay] = relationship(back_populates="translations")


class Module(db.Model):
    """A lesson, quiz, live session, survey or assignment inside a day, in the order the trainer set."""

    __tablename__ = "modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("course_days.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[ModuleKind] = mapped_column(enum_column(ModuleKind), default=ModuleKind.LESSON)
    required: Mapped[bool] = mapped_column(default=True)
    estimated_minutes: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    day: Mapped[CourseDay] = relationship(back_populates="modules")
    translations: Mapped[list[ModuleTranslation]] = relationship(
        back_populates="module", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="module", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    # Named by string: courses never imports the live feature, which defines the class.
    live_session: Mapped[LiveSession | None] = relationship("LiveSession", viewonly=True)

    @property
    def course(self) -> Course:
        return self.day.course

    @property
    def original_locale(self) -> str:
        return self.day.course.original_locale


class ModuleTranslation(db.Model):
    """A module's title and Markdown body in one language."""

    __tablename__ = "module_translations"
    __table_args__ = (UniqueConstraint("module_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")

    module: Mapped[Module] = relationship(back_populates="translations")


class Attachment(db.Model):
    """A file given with a module (slides, a PDF, an image); its bytes are a stored file in the database."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"), unique=True)
    filename: Mapped[str] = mapped_column(String(255))  # as the trainer named it, made safe
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    module: Mapped[Module] = relationship(back_populates="attachments")
    file: Mapped[StoredFile] = relationship(lazy="joined")

    @property
    def size(self) -> int:
        return self.file.size

    @property
    def content_type(self) -> str:
        return self.file.content_type


class Enrollment(db.Model):
    """A person's place in a course, as a learner or as one of its trainers."""

    __tablename__ = "enrollments"
    __table_args__ = (UniqueConstraint("user_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    role: Mapped[CourseRole] = mapped_column(enum_column(CourseRole), default=CourseRole.LEARNER)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Withdrawn by an admin: the records stay, the person is no longer one of the course's people
    # (not counted, no access) until enrolled again.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
    course: Mapped[Course] = relationship()

    @classmethod
    def is_active_learner(cls):
        """SQL: a learner of the course who has not been withdrawn."""
        return and_(cls.role == CourseRole.LEARNER, cls.withdrawn_at.is_(None))


class ModuleProgress(db.Model):
    """When a learner first opened a module and when they completed it."""

    __tablename__ = "module_progress"
    __table_args__ = (UniqueConstraint("enrollment_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id", ondelete="CASCADE"), index=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    first_viewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# What learners' pages may cache until one of these rows changes (lms/courses/content_cache.py).


class CourseMessage(db.Model):
    """What an admin or a trainer wrote to a course's learners, in up to three languages."""

    __tablename__ = "course_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    subjects: Mapped[dict] = mapped_column(JSON)  # {"az": "...", "ru": "..."}: the languages it was written in
    bodies: Mapped[dict] = mapped_column(JSON)
    audience: Mapped[dict] = mapped_column(JSON, default=dict)  # the filter it was sent with
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    course: Mapped[Course] = relationship()
    author: Mapped[User | None] = relationship()

    def locale_for(self, wanted: str) -> str:
        """The language to show a reader who wants `wanted`: it, else the course's, else the first written."""
        for locale in (wanted, self.course.original_locale):
            if locale in self.subjects:
                return locale
        return next(iter(self.subjects))
