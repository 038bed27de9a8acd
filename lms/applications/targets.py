"""What an intake is for — a course or a programme — and the few things that differ between the two:
which column names it, whether it takes applications now, its zone and page, admitting and releasing."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import ColumnElement

from lms.auth.models import User
from lms.courses import services as courses
from lms.courses.models import Course, CourseStatus, EnrolmentMode
from lms.courses.queries import enrollment_in
from lms.extensions import db
from lms.programmes import queries as programme_queries
from lms.programmes import services as programmes
from lms.programmes.models import Programme

Target = Course | Programme
KINDS = {"courses": Course, "programmes": Programme}  # the URL segment of each kind
TARGET_KIND = "<any(courses, programmes):kind>"  # that segment in a route


def kind_of(target: Target) -> str:
    """The URL segment that names the target's kind ("courses" or "programmes")."""
    return "courses" if isinstance(target, Course) else "programmes"


def is_target(model, target: Target) -> ColumnElement[bool]:
    """SQL: a row of `model` (an application, an intake) that belongs to `target`."""
    if isinstance(target, Course):
        return model.course_id == target.id
    return model.programme_id == target.id


def columns_for(target: Target) -> dict[str, int]:
    """The column values that tie a new row to `target`."""
    return {"course_id": target.id} if isinstance(target, Course) else {"programme_id": target.id}


def timezone_of(target: Target) -> str:
    """The zone its dates are in: the course's own, or the programme's first course's."""
    if isinstance(target, Course):
        return target.timezone
    first = next((item.course for item in target.courses), None)
    return first.timezone if first is not None else current_app.config["BABEL_DEFAULT_TIMEZONE"]


def takes_applications(target: Target, now: datetime) -> bool:
    """Published, enrolling by application, and not over in its own zone."""
    if target.enrolment is not EnrolmentMode.APPLICATION or target.status is not CourseStatus.PUBLISHED:
        return False
    if isinstance(target, Course):
        return not target.has_ended(now)
    span = programme_queries.span(target)
    return span is None or now.astimezone(ZoneInfo(timezone_of(target))).date() <= span[1]


def dates_of(target: Target) -> tuple[date, date] | None:
    """Its first and last day (a programme's: its first course's start, its last course's end)."""
    if isinstance(target, Course):
        return target.starts_on, target.ends_on
    return programme_queries.span(target)


def page_endpoint(target: Target) -> tuple[str, dict[str, str]]:
    """The target's public page, for links."""
    if isinstance(target, Course):
        return "courses.course", {"slug": target.slug}
    return "programmes.programme", {"slug": target.slug}


def has_place(target: Target, user: User) -> bool:
    """Whether the person already has a place: enrolled in the course, or in the programme."""
    if isinstance(target, Course):
        enrollment = enrollment_in(target, user.id)
        return enrollment is not None and enrollment.withdrawn_at is None
    return programme_queries.enrolment_of(target, user) is not None


def admit(user: User, target: Target) -> None:
    """Enrol an approved applicant (a programme enrols them in each of its courses); the approval mail
    says it, so the course's own enrolment mail is not sent."""
    if isinstance(target, Course):
        courses.enrol(user, target, by_admin=True, tell=False)
    else:
        programmes.enrol(user, target, by_admin=True)


def release(actor: User, user: User, target: Target, now: datetime) -> None:
    """Withdraw someone who gave their place back: from the course, or from each of the programme's."""
    if isinstance(target, Programme):
        programmes.withdraw(actor, target, user, now)
        return
    enrollment = enrollment_in(target, user.id)
    if enrollment is not None and enrollment.withdrawn_at is None:
        courses.withdraw(actor, enrollment, now)


def target_by_slug(kind: str, slug: str) -> Target | None:
    model = KINDS.get(kind)
    return db.session.scalar(db.select(model).where(model.slug == slug)) if model is not None else None
