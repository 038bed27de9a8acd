"""Issuing, revoking and approving certificates; the course's completion rule."""
from __future__ import annotations

import base64
import secrets
from dataclasses import asdict
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from lms.audit.models import AuditAction
from lms.audit.services import changes_between, record
from lms.auth.models import User
from lms.certificates import notices, queries
from lms.certificates.models import Approval, Certificate, CompletionRule
from lms.certificates.rules import unmet_conditions
from lms.courses.models import Course, CourseRole, Enrollment
from lms.errors import DomainError
from lms.extensions import db
from lms.programmes import queries as programme_queries
from lms.programmes import services as programmes
from lms.programmes.models import ProgrammeEnrolment
from lms.unique_rows import add_once

CODE_GROUPS = 6  # 6 × 4 base32 characters: 120 bits, far beyond guessing


def new_code() -> str:
    """A verification code such as "K7QZ-M2XP-…": 24 base32 letters and digits, no look-alike 0/1/8."""
    letters = base64.b32encode(secrets.token_bytes(15)).decode()
    return "-".join(letters[i:i + 4] for i in range(0, 4 * CODE_GROUPS, 4))


def normalise_code(code: str) -> str | None:
    """The canonical form of a code someone typed, or None when it cannot be one."""
    letters = code.strip().upper().replace("-", "").replace(" ", "")
    if len(letters) != 4 * CODE_GROUPS or any(char not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for char in letters):
        return None
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


def set_rule(course: Course, *, all_required_modules: bool, required_quizzes_passed: bool,
             min_attendance_percent: int | None, manual_approval: bool,
             min_presence_percent: int | None = None, final_survey_answered: bool = False,
             actor: User | None = None) -> None:
    """Save the course's completion rule (it applies to certificates issued from now on); a
    trainer's change is in the audit log."""
    for percent in (min_attendance_percent, min_presence_percent):
        if percent is not None and not 0 <= percent <= 100:
            raise DomainError(_("The attendance must be between 0 and 100 %."))
    if min_presence_percent is not None and min_attendance_percent is None:
        raise DomainError(_("Give the share of sessions to attend as well: time in a session says "
                            "what counts as attending it."))
    rule = db.session.scalar(select(CompletionRule).where(CompletionRule.course_id == course.id))
    if rule is None:
        rule = CompletionRule(course=course)
        db.session.add(rule)
    wanted = {"all_required_modules": all_required_modules, "required_quizzes_passed": required_quizzes_passed,
              "min_attendance_percent": min_attendance_percent, "min_presence_percent": min_presence_percent,
              "manual_approval": manual_approval, "final_survey_answered": final_survey_answered}
    changes = changes_between(asdict(queries.rule_of(course)), wanted)
    for name, value in wanted.items():
        setattr(rule, name, value)
    if actor is not None and changes:
        record(actor, AuditAction.COMPLETION_RULE, course.slug, course=course.slug, changes=changes)
    db.session.flush()


def issue_if_earned(enrollment: Enrollment, now: datetime) -> Certificate | None:
    """Issue the learner's certificate when they meet the course's rule; idempotent."""
    if enrollment.role is not CourseRole.LEARNER:
        return None
    existing = _certificate_of(enrollment)
    if existing is not None:
        return existing  # issued once; a revoked one is not issued again by itself
    rule = queries.rule_of(enrollment.course)
    record_ = queries.records(enrollment.course, [enrollment.id], rule).get(enrollment.id)
    if record_ is None or unmet_conditions(rule, record_):
        return None
    return _create(enrollment, now, issued_by=None)


def issue_by_hand(actor: User, enrollment: Enrollment, now: datetime) -> Certificate:
    """An admin issues the certificate whatever the rule says, or reinstates a revoked one."""
    if enrollment.role is not CourseRole.LEARNER:
        raise DomainError(_("Only learners receive certificates."))
    certificate = _certificate_of(enrollment)
    if certificate is None:
        certificate = _create(enrollment, now, issued_by=actor)
    elif certificate.revoked:
        certificate.revoked_at = certificate.revoked_by_id = certificate.revoke_reason = None
    else:
        return certificate
    record(actor, AuditAction.CERTIFICATE_ISSUED, _label(enrollment), course=enrollment.course.slug,
           code=certificate.code)
    db.session.flush()
    return certificate


def revoke(actor: User, certificate: Certificate, reason: str, now: datetime) -> None:
    """Withdraw a certificate; the public check then says it was revoked, and when."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for revoking the certificate."))
    if certificate.revoked:
        raise DomainError(_("This certificate has already been revoked."))
    certificate.revoked_at, certificate.revoked_by_id, certificate.revoke_reason = now, actor.id, reason[:500]
    holder = certificate.holder
    record(actor, AuditAction.CERTIFICATE_REVOKED, f"{holder.name} <{holder.email}>",
           course=certificate.awarded_for.slug, code=certificate.code, reason=reason[:500])
    db.session.flush()


def approve(actor: User, enrollment: Enrollment, now: datetime) -> Certificate | None:
    """A trainer approves the learner; the certificate follows if the rest of the rule is met."""
    if db.session.scalar(select(Approval).where(Approval.enrollment_id == enrollment.id)) is None:
        db.session.add(Approval(enrollment_id=enrollment.id, approved_by_id=actor.id, approved_at=now))
        record(actor, AuditAction.LEARNER_APPROVED, _label(enrollment), course=enrollment.course.slug)
        db.session.flush()
    return issue_if_earned(enrollment, now)


def issue_to_everyone_who_qualifies(course: Course, now: datetime) -> int:
    """After the rule changed: issue the certificates it now grants; returns how many were new."""
    issued = queries.certificates_of_course(course)
    rule = queries.rule_of(course)
    earned = [enrollment_id for enrollment_id, record_ in queries.records(course, rule=rule).items()
              if enrollment_id not in issued and not unmet_conditions(rule, record_)]
    for enrollment in db.session.scalars(select(Enrollment).where(Enrollment.id.in_(earned))):
        _create(enrollment, now, issued_by=None)
    return len(earned)


def _create(enrollment: Enrollment, now: datetime, issued_by: User | None) -> Certificate:
    certificate = Certificate(enrollment=enrollment, code=new_code(), issued_at=now,
                              issued_by_id=issued_by.id if issued_by else None,
                              locale=enrollment.user.locale or enrollment.course.original_locale)
    found = add_once(certificate, lambda: _certificate_of(enrollment))
    if found is not certificate:  # two requests finished the course at once: one certificate, told once
        return found
    notices.tell_issued(certificate)
    issue_programme_certificates(enrollment.user, enrollment.course_id, now)  # a course held may end a programme
    return certificate


def issue_programme_certificates(user: User, course_id: int, now: datetime) -> list[Certificate]:
    """Issue the certificate of each programme with this course whose rule the user now meets
    (every required course completed or certified); idempotent."""
    issued = []
    for enrolment in programme_queries.programmes_of_course(course_id, user.id):
        course_ids = [item.course_id for item in enrolment.programme.courses]
        certified = queries.certified_courses(user.id, course_ids)
        complete = programmes.complete_if_met(enrolment, certified, now)
        if complete and queries.programme_certificate_of(enrolment) is None:
            issued.append(_create_for_programme(enrolment, now))
    return issued


def _create_for_programme(enrolment: ProgrammeEnrolment, now: datetime) -> Certificate:
    certificate = Certificate(programme_enrolment=enrolment, code=new_code(), issued_at=now,
                              locale=enrolment.user.locale or enrolment.programme.original_locale)
    found = add_once(certificate, lambda: queries.programme_certificate_of(enrolment))
    if found is certificate:  # the last two courses finished at once: one certificate, told once
        notices.tell_issued(certificate)
    return found


def _certificate_of(enrollment: Enrollment) -> Certificate | None:
    return db.session.scalar(select(Certificate).where(Certificate.enrollment_id == enrollment.id))


def _label(enrollment: Enrollment) -> str:
    return f"{enrollment.user.name} <{enrollment.user.email}>"


def on_module_completed(enrollment: Enrollment, *, now: datetime, **_details: object) -> None:
    """`signals.module_completed`: a module completed may complete the course's rule, and with the
    course a programme."""
    issue_if_earned(enrollment, now)
    if enrollment.completed_at is not None:
        issue_programme_certificates(enrollment.user, enrollment.course_id, now)
