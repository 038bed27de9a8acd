"""Every write to courses: authoring days and modules, enrolling, and recording progress."""
from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from lms import signals
from lms.audit import services as audit
from lms.audit.models import AuditAction
from lms.auth.models import Organisation, User
from lms.courses import notices, scheduling
from lms.courses.models import (
    Course,
    CourseDay,
    CourseDayTranslation,
    CourseRole,
    CourseStatus,
    CourseTranslation,
    Enrollment,
    EnrolmentMode,
    Module,
    ModuleKind,
    ModuleProgress,
    ModuleTranslation,
)
from lms.courses.queries import enrollment_in
from lms.courses.records import records_in
from lms.courses.rules import SelfEnrolment
from lms.errors import DomainError
from lms.extensions import db
from lms.files import services as files
from lms.i18n import LANGUAGES, localized
from lms.unique_rows import add_once

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
RESERVED_SLUGS = {"new", "manage", "import"}
MAX_DAYS = 200

# Texts of one object: {locale: {field: value}}; a locale whose title is empty has no translation.
Texts = Mapping[str, Mapping[str, str]]

# --- courses -------------------------------------------------------------------------------

def create_course(
    *,
    slug: str,
    original_locale: str,
    timezone: str,
    starts_on: date,
    texts: Texts,
    days: int = 1,
    status: CourseStatus = CourseStatus.DRAFT,
    enrolment: EnrolmentMode = EnrolmentMode.OPEN,
    enrolment_key: str | None = None,
    trainer: User | None = None,
    announce_days: bool = True,
) -> Course:
    """A new course with `days` empty days on consecutive dates; `trainer` becomes its first trainer."""
    _check_slug(slug)
    course = Course(slug=slug, timezone=timezone, starts_on=starts_on, status=status, announce_days=announce_days,
                    series=slug)
    _set_course_settings(course, original_locale, texts, enrolment, enrolment_key)
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(_("A course has between 1 and %(max)d days.", max=MAX_DAYS))
    course.days = [CourseDay(number=number, date=starts_on + timedelta(days=number - 1))
                   for number in range(1, days + 1)]
    db.session.add(course)
    db.session.flush()
    if trainer is not None:
        enrol(trainer, course, role=CourseRole.TRAINER, by_admin=True)
    return course


def update_course(
    course: Course,
    *,
    original_locale: str,
    timezone: str,
    starts_on: date,
    texts: Texts,
    enrolment: EnrolmentMode,
    enrolment_key: str | None,
    announce_days: bool | None = None,
) -> None:
    """Change a course's texts and settings (its slug stays; a new start date moves every day with
    it); None leaves a setting as it is."""
    if announce_days is not None:
        course.announce_days = announce_days
    course.timezone = timezone
    scheduling.move_start(course, starts_on)
    _set_course_settings(course, original_locale, texts, enrolment, enrolment_key)
    db.session.flush()


def set_status(course: Course, status: CourseStatus) -> None:
    """Publish, unpublish or archive; a course is published only with at least one module."""
    if status is CourseStatus.PUBLISHED and not any(day.modules for day in course.days):
        raise DomainError(_("Add at least one module before publishing the course."))
    course.status = status
    db.session.flush()


def _set_course_settings(course: Course, original_locale: str, texts: Texts,
                         enrolment: EnrolmentMode, enrolment_key: str | None) -> None:
    if not (texts.get(original_locale) or {}).get("title", "").strip():
        raise DomainError(_("A course needs a title in its original language."))
    if enrolment is EnrolmentMode.KEY and not (enrolment_key or "").strip():
        raise DomainError(_("Set an enrolment key, or choose another way to enrol."))
    course.original_locale = original_locale
    course.enrolment = enrolment
    course.enrolment_key = enrolment_key.strip() if enrolment is EnrolmentMode.KEY and enrolment_key else None
    apply_texts(course.translations, CourseTranslation, texts, ("title", "summary"))


def _check_slug(slug: str) -> None:
    if not SLUG_PATTERN.match(slug) or slug in RESERVED_SLUGS:
        raise DomainError(_("Use lowercase Latin letters, digits and hyphens for the address."))
    if db.session.scalar(select(Course.id).where(Course.slug == slug)) is not None:
        raise DomainError(_("This address is already used by another course."), 409)


def apply_texts(rows: list, row_class: type, texts: Texts, fields: tuple[str, ...]) -> None:
    """Make `rows` hold exactly the languages of `texts` whose title is filled in."""
    by_locale = {row.locale: row for row in rows}
    for locale in LANGUAGES:
        values = {field: (texts.get(locale) or {}).get(field, "").strip() for field in fields}
        row = by_locale.get(locale)
        if not values["title"]:
            if row is not None:
                rows.remove(row)
        elif row is None:
            rows.append(row_class(locale=locale, **values))
        else:
            for field, value in values.items():
                setattr(row, field, value)


# --- days ----------------------------------------------------------------------------------

def add_day(course: Course) -> CourseDay:
    """Append a day, on the date after the last one's."""
    if len(course.days) >= MAX_DAYS:
        raise DomainError(_("A course has between 1 and %(max)d days.", max=MAX_DAYS))
    day = CourseDay(number=len(course.days) + 1, date=course.ends_on + timedelta(days=1))
    course.days.append(day)
    db.session.flush()
    return day


def update_day(day: CourseDay, *, titles: Mapping[str, str], opens_at: datetime | None,
               on: date | None = None) -> None:
    """Set a day's titles, its date (`on`; None keeps it) and the moment its modules open (None: as
    soon as the course starts). A day put on another date takes its opening time and live sessions
    along, unless `opens_at` itself changes."""
    given = opens_at
    if on is not None and on != day.date:
        unchanged = opens_at == day.opens_at
        scheduling.move_day(day, on)
        given = day.opens_at if unchanged else opens_at
    day.opens_at = given
    apply_texts(day.translations, CourseDayTranslation,
                 {locale: {"title": title} for locale, title in titles.items()}, ("title",))
    db.session.flush()


def remove_last_day(course: Course) -> None:
    """Remove the last day, which must be empty (modules are never deleted by accident)."""
    if len(course.days) <= 1:
        raise DomainError(_("A course has between 1 and %(max)d days.", max=MAX_DAYS))
    if course.days[-1].modules:
        raise DomainError(_("Move or delete the modules of the last day first."))
    course.days.pop()
    db.session.flush()


# --- modules -------------------------------------------------------------------------------

def add_module(day: CourseDay, *, kind: ModuleKind, texts: Texts, required: bool = True,
               estimated_minutes: int | None = None) -> Module:
    """Add a module at the end of a day."""
    module = Module(kind=kind, required=required, estimated_minutes=estimated_minutes,
                    position=len(day.modules) + 1)
    day.modules.append(module)
    _set_module_texts(module, texts)
    db.session.flush()
    return module


def update_module(module: Module, *, texts: Texts, required: bool, estimated_minutes: int | None,
                  actor: User | None = None) -> None:
    """Change a module's texts and settings (its kind stays); making it required or optional
    changes who has completed the course, so that goes into the audit log."""
    if actor is not None and module.required != required:
        audit.record(actor, AuditAction.MODULE_REQUIRED, localized(module, "title"),
                     course=module.day.course.slug, changes={"required": [module.required, required]})
    module.required = required
    module.estimated_minutes = estimated_minutes
    _set_module_texts(module, texts)
    db.session.flush()


def move_module(module: Module, offset: int) -> None:
    """Move a module up (-1) or down (+1) within its day; at either end nothing moves."""
    day = module.day
    index = day.modules.index(module)
    other = index + offset
    if 0 <= other < len(day.modules):
        # Swap positions, not list items: replacing an item in the collection would orphan
        # (and so delete) the module it replaced.
        neighbour = day.modules[other]
        module.position, neighbour.position = neighbour.position, module.position
        db.session.flush()
        db.session.expire(day, ["modules"])  # reloaded in the new order when next read


def delete_module(module: Module) -> None:
    """Delete a module that holds no learner's record, with its attachments; close the gap in its day."""
    if records_in(module):
        raise DomainError(_("Learners have records in this module, so it cannot be deleted. "
                            "Make it optional instead: it then no longer counts towards completion."), 409)
    stored = [attachment.file for attachment in module.attachments]
    day = module.day
    day.modules.remove(module)
    db.session.delete(module)
    _renumber(day.modules)
    db.session.flush()
    for each in stored:  # after the attachments that point to them
        files.remove(each)


def _renumber(modules: list[Module]) -> None:
    for position, module in enumerate(modules, start=1):
        module.position = position


def _set_module_texts(module: Module, texts: Texts) -> None:
    original = module.day.course.original_locale
    if not (texts.get(original) or {}).get("title", "").strip():
        raise DomainError(_("A module needs a title in the course's original language."))
    apply_texts(module.translations, ModuleTranslation, texts, ("title", "body"))


# --- enrolment -----------------------------------------------------------------------------

def enrol(user: User, course: Course, *, key: str | None = None, by_admin: bool = False,
          role: CourseRole = CourseRole.LEARNER, now: datetime | None = None, tell: bool = True) -> Enrollment:
    """Enrol `user`; idempotent. Learners enrol themselves only as the course's mode allows, and,
    when the self-enrolment page gives `now`, only until the course's last day is over. `tell=False`
    when the caller's own mail says it (an approved application)."""
    enrollment = enrollment_in(course, user.id)
    if enrollment is not None:
        if enrollment.withdrawn_at is not None:  # enrolled again: the same records, counted again
            if not by_admin:
                _check_self_enrolment(course, key, now)
            enrollment.withdrawn_at = None
            if tell:
                notices.tell_enrolled(enrollment)
        if by_admin and role is CourseRole.TRAINER:
            enrollment.role = role
        db.session.flush()
        return enrollment
    if not by_admin:
        _check_self_enrolment(course, key, now)
    enrollment = add_once(Enrollment(user_id=user.id, course_id=course.id, role=role),
                          lambda: enrollment_in(course, user.id))
    if enrollment.role is CourseRole.LEARNER and tell:
        notices.tell_enrolled(enrollment)
    return enrollment


def withdraw(actor: User, enrollment: Enrollment, now: datetime) -> None:
    """An admin withdraws a learner: records stay, the person is no longer counted nor let in; they
    can be enrolled again."""
    if enrollment.role is not CourseRole.LEARNER:
        raise DomainError(_("Only learners are withdrawn; remove a trainer from the course instead."))
    if enrollment.withdrawn_at is None:
        enrollment.withdrawn_at = now
        audit.record(actor, AuditAction.LEARNER_WITHDRAWN, f"{enrollment.user.name} <{enrollment.user.email}>",
                     course=enrollment.course.slug)
        db.session.flush()
        signals.learner_withdrawn.send(enrollment, now=now)


def remove_trainer(course: Course, user: User) -> bool:
    """Take `user` off the course's trainers (their enrolment as trainer goes); False if they were not one."""
    enrollment = db.session.scalar(select(Enrollment).where(
        Enrollment.user_id == user.id, Enrollment.course_id == course.id, Enrollment.role == CourseRole.TRAINER))
    if enrollment is None:
        return False
    db.session.delete(enrollment)
    db.session.flush()
    return True


def enrol_organisation(course: Course, organisation: Organisation) -> int:
    """Enrol every active member of an organisation; returns how many were newly enrolled."""
    already = set(db.session.scalars(select(Enrollment.user_id).where(Enrollment.course_id == course.id)))
    members = db.session.scalars(
        select(User).where(User.organisation_id == organisation.id, User.active.is_(True))
    ).all()
    added = [member for member in members if member.id not in already]
    db.session.add_all(Enrollment(user=member, course=course) for member in added)
    db.session.flush()
    return len(added)


def _check_self_enrolment(course: Course, key: str | None, now: datetime | None) -> None:
    offer = course.self_enrolment(now)  # the rule the course page shows
    if offer is SelfEnrolment.NOT_PUBLISHED:
        raise DomainError(_("This course is not open for enrolment."), 403)
    if offer is SelfEnrolment.ENDED:
        raise DomainError(_("This course has ended: enrolment is closed."), 403)
    if offer is SelfEnrolment.BY_ADMIN:
        raise DomainError(_("Only an administrator can enrol you in this course."), 403)
    if offer is SelfEnrolment.BY_APPLICATION:
        raise DomainError(_("This course takes applications: apply, and the training centre will decide."), 403)
    if offer is SelfEnrolment.WITH_KEY and not secrets.compare_digest(
        (key or "").strip().encode(), (course.enrolment_key or "").encode()
    ):
        raise DomainError(_("The enrolment key is not correct."), 403)


# --- progress ------------------------------------------------------------------------------

def record_view(enrollment: Enrollment, module: Module, now: datetime) -> ModuleProgress:
    """Note that the learner opened the module (the first time counts)."""
    _check_open(module, now)
    progress = _progress(enrollment, module)
    if progress is None:
        progress = add_once(ModuleProgress(enrollment_id=enrollment.id, module_id=module.id, first_viewed_at=now),
                            lambda: _progress(enrollment, module))
    return progress


def complete_module(enrollment: Enrollment, module: Module, now: datetime) -> ModuleProgress:
    """Mark the module complete (once), and the course when every required module is complete.

    Lessons are completed by the learner; quizzes, live sessions and surveys call this when the quiz
    is passed, the attendance recorded or the survey answered.
    """
    progress = record_view(enrollment, module, now)
    if progress.completed_at is None:
        progress.completed_at = now
        db.session.flush()
        if enrollment.completed_at is None and _all_required_complete(enrollment):
            enrollment.completed_at = now
            db.session.flush()
        signals.module_completed.send(enrollment, module=module, now=now)  # certificates may issue one
    return progress


def complete_by_hand(enrollment: Enrollment, module: Module, now: datetime) -> ModuleProgress:
    """A learner's "Mark as complete": for lessons only.

    A quiz completes through a graded attempt at its pass mark, a live session through attendance:
    their own records are the evidence a certificate stands on, so no learner can claim them.
    """
    if module.kind is ModuleKind.QUIZ:
        raise DomainError(_("This module is completed when you pass its quiz."), 403)
    if module.kind is ModuleKind.LIVE:
        raise DomainError(_("This module is completed when your attendance at the live session is recorded."), 403)
    if module.kind is ModuleKind.SURVEY:
        raise DomainError(_("This module is completed when you answer its survey."), 403)
    if module.kind is ModuleKind.ASSIGNMENT:
        raise DomainError(_("This module is completed through your assignment's submission and grade."), 403)
    return complete_module(enrollment, module, now)


def _check_open(module: Module, now: datetime) -> None:
    if not module.day.is_open(now):
        raise DomainError(_("This module is not open yet."), 403)


def _progress(enrollment: Enrollment, module: Module) -> ModuleProgress | None:
    return db.session.scalar(
        select(ModuleProgress).where(ModuleProgress.enrollment_id == enrollment.id,
                                     ModuleProgress.module_id == module.id)
    )


def _all_required_complete(enrollment: Enrollment) -> bool:
    completed = select(ModuleProgress.module_id).where(
        ModuleProgress.enrollment_id == enrollment.id, ModuleProgress.completed_at.is_not(None)
    )
    missing = db.session.scalar(
        select(func.count(Module.id)).join(CourseDay).where(
            CourseDay.course_id == enrollment.course_id, Module.required, Module.id.not_in(completed)
        )
    )
    return missing == 0
