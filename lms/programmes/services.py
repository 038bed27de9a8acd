"""Every write to programmes: authoring them, their courses, enrolling people, completing, next editions."""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from lms.auth import services as accounts
from lms.auth.models import User
from lms.courses import editions
from lms.courses import services as courses
from lms.courses.models import Course, CourseStatus, Enrollment, EnrolmentMode
from lms.errors import DomainError
from lms.extensions import db
from lms.programmes import rules
from lms.programmes.models import Programme, ProgrammeCourse, ProgrammeEnrolment, ProgrammeTranslation
from lms.unique_rows import add_once

Texts = Mapping[str, Mapping[str, str]]


def create_programme(*, slug: str, original_locale: str, texts: Texts,
                     enrolment: EnrolmentMode = EnrolmentMode.ADMIN, edition: int = 1) -> Programme:
    """A new draft programme, the first edition of its own series here (`edition`: its number, for a
    programme that ran before it came to the platform)."""
    _check_slug(slug)
    if not 1 <= edition <= 999:
        raise DomainError(_("Enter a number from %(min)s to %(max)s.", min=1, max=999))
    programme = Programme(slug=slug, series=slug, edition=edition)
    _set_settings(programme, original_locale, texts, enrolment)
    db.session.add(programme)
    db.session.flush()
    return programme


def update_programme(programme: Programme, *, original_locale: str, texts: Texts, enrolment: EnrolmentMode) -> None:
    """Change a programme's texts and how people enrol (its slug and courses stay)."""
    _set_settings(programme, original_locale, texts, enrolment)
    db.session.flush()


def set_status(programme: Programme, status: CourseStatus) -> None:
    """Publish, unpublish or archive; a programme is published only with at least one required course."""
    if status is CourseStatus.PUBLISHED and not any(item.required for item in programme.courses):
        raise DomainError(_("Add at least one required course before publishing the programme."))
    programme.status = status
    db.session.flush()


def add_course(programme: Programme, course: Course, *, required: bool = True) -> ProgrammeCourse:
    """Put a course at the end of the programme; the programme's learners are enrolled in it."""
    if any(item.course_id == course.id for item in programme.courses):
        raise DomainError(_("This course is already part of the programme."), 409)
    item = ProgrammeCourse(course=course, required=required, position=len(programme.courses) + 1)
    programme.courses.append(item)
    for enrolment in _enrolments(programme):
        courses.enrol(enrolment.user, course, by_admin=True)
    db.session.flush()
    return item


def update_course(programme: Programme, course: Course, *, required: bool) -> None:
    _item(programme, course).required = required
    db.session.flush()


def remove_course(programme: Programme, course: Course) -> None:
    """Take a course out of the programme (its enrolments and records stay, in the course)."""
    programme.courses.remove(_item(programme, course))
    for position, item in enumerate(programme.courses, start=1):
        item.position = position
    db.session.flush()


def move_course(programme: Programme, course: Course, offset: int) -> None:
    """Move a course up (-1) or down (+1) in the programme's order; at either end nothing moves."""
    items = programme.courses
    index = items.index(_item(programme, course))
    other = index + offset
    if 0 <= other < len(items):
        items[index].position, items[other].position = items[other].position, items[index].position
        items.sort(key=lambda item: item.position)
    db.session.flush()


def enrol(user: User, programme: Programme, *, by_admin: bool = False) -> ProgrammeEnrolment:
    """Enrol `user` in the programme and each of its courses; idempotent. People enrol themselves
    only in a published programme open to them."""
    open_to_all = programme.status is CourseStatus.PUBLISHED and programme.enrolment is EnrolmentMode.OPEN
    if not by_admin and not open_to_all:
        raise DomainError(_("The training centre enrols people in this programme."), 403)
    enrolment = add_once(ProgrammeEnrolment(programme_id=programme.id, user_id=user.id),
                         lambda: _enrolment_of(programme, user))
    for item in programme.courses:
        courses.enrol(user, item.course, by_admin=True)  # the programme admits them to its courses
    db.session.flush()
    return enrolment


def withdraw(actor: User, programme: Programme, user: User, now: datetime) -> None:
    """Take someone out of a programme they gave their place back in: withdrawn from each of its courses
    (their records stay), and no longer enrolled in it. A completed programme is not withdrawn from."""
    enrolment = _enrolment_of(programme, user)
    if enrolment is None:
        return
    if enrolment.completed_at is not None:
        raise DomainError(_("%(name)s has completed this programme: it cannot be withdrawn from.", name=user.name),
                          409)
    for item in programme.courses:
        enrollment = db.session.scalar(select(Enrollment).where(Enrollment.course_id == item.course_id,
                                                                Enrollment.user_id == user.id))
        if enrollment is not None and enrollment.withdrawn_at is None:
            courses.withdraw(actor, enrollment, now)
    db.session.delete(enrolment)
    db.session.flush()


def enrol_addresses(programme: Programme, text: str) -> tuple[int, list[str]]:
    """Enrol the accounts of the e-mail addresses in `text` (separated by spaces, commas, semicolons
    or lines); returns how many were enrolled and the addresses no account has."""
    addresses = dict.fromkeys(address for address in re.split(r"[\s,;]+", text.strip().lower()) if address)
    found = {address: accounts.find_user_by_email(address) for address in addresses}
    for user in found.values():
        if user is not None:
            enrol(user, programme, by_admin=True)
    return sum(1 for user in found.values() if user is not None), [a for a, user in found.items() if user is None]


def complete_if_met(enrolment: ProgrammeEnrolment, certified_course_ids: Collection[int], now: datetime) -> bool:
    """Mark the programme complete for its learner when the rule is met (once); True when it is complete."""
    if enrolment.completed_at is not None:
        return True
    items = enrolment.programme.courses
    completed = set(db.session.scalars(select(Enrollment.course_id).where(
        Enrollment.user_id == enrolment.user_id, Enrollment.completed_at.is_not(None),
        Enrollment.course_id.in_([item.course_id for item in items]))))
    if rules.programme_complete([item.course_id for item in items if item.required], completed, certified_course_ids):
        enrolment.completed_at = now
        db.session.flush()
        return True
    return False


def next_edition(programme: Programme, *, slug: str, starts_on: date, actor: User) -> Programme:
    """A new draft edition: the same texts and the next editions of its courses, moved so that the
    first course starts on `starts_on` (the gaps between courses stay); nobody is enrolled."""
    _check_slug(slug)
    first = min((item.course.starts_on for item in programme.courses), default=starts_on)
    shift = starts_on - first
    copy = Programme(slug=slug, original_locale=programme.original_locale, enrolment=programme.enrolment,
                     series=programme.series, edition=next_number(programme), previous_edition_id=programme.id)
    copy.translations = [ProgrammeTranslation(locale=row.locale, title=row.title, summary=row.summary)
                         for row in programme.translations]
    db.session.add(copy)
    db.session.flush()
    for item in programme.courses:
        course = editions.next_edition(item.course, slug=_free_slug(editions.next_slug(item.course.slug,
                                                                                       copy.edition)),
                                       starts_on=item.course.starts_on + shift, actor=actor)
        copy.courses.append(ProgrammeCourse(course=course, required=item.required, position=item.position))
    db.session.flush()
    return copy


def next_number(programme: Programme) -> int:
    """The number the programme's next edition gets."""
    latest = db.session.scalar(select(func.max(Programme.edition)).where(Programme.series == programme.series))
    return (latest or 0) + 1


def _free_slug(wanted: str) -> str:
    slug, number = wanted[:80], 2
    while db.session.scalar(select(Course.id).where(Course.slug == slug)) is not None:
        slug, number = f"{wanted[:76]}-{number}", number + 1
    return slug


def _enrolments(programme: Programme) -> list[ProgrammeEnrolment]:
    return list(db.session.scalars(select(ProgrammeEnrolment).where(ProgrammeEnrolment.programme_id == programme.id)))


def _enrolment_of(programme: Programme, user: User) -> ProgrammeEnrolment | None:
    return db.session.scalar(select(ProgrammeEnrolment).where(ProgrammeEnrolment.programme_id == programme.id,
                                                              ProgrammeEnrolment.user_id == user.id))


def _item(programme: Programme, course: Course) -> ProgrammeCourse:
    for item in programme.courses:
        if item.course_id == course.id:
            return item
    raise DomainError(_("This course is not part of the programme."), 404)


def _set_settings(programme: Programme, original_locale: str, texts: Texts, enrolment: EnrolmentMode) -> None:
    if not (texts.get(original_locale) or {}).get("title", "").strip():
        raise DomainError(_("A programme needs a title in its original language."))
    if enrolment is EnrolmentMode.KEY:
        raise DomainError(_("People enrol in a programme themselves or through the training centre."))
    programme.original_locale, programme.enrolment = original_locale, enrolment
    courses.apply_texts(programme.translations, ProgrammeTranslation, texts, ("title", "summary"))


def _check_slug(slug: str) -> None:
    if not courses.SLUG_PATTERN.match(slug) or slug in courses.RESERVED_SLUGS:
        raise DomainError(_("Use lowercase Latin letters, digits and hyphens for the address."))
    if db.session.scalar(select(Programme.id).where(Programme.slug == slug)) is not None:
        raise DomainError(_("This address is already used by another programme."), 409)
