"""The centre's settings of a course's or a programme's intake: seats in total, quotas per country or
organisation, how long an offered seat waits, and its own questions. A seat added goes to the next in line."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from flask_babel import gettext as _

from lms.applications import services
from lms.applications.models import Quota
from lms.applications.targets import Target
from lms.audit import services as audit
from lms.audit.models import AuditAction
from lms.auth.models import Organisation, User
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES, is_country_code

MAX_QUESTIONS = 10


def set_seats(actor: User, target: Target, seats: int | None, offer_hours: int, now: datetime) -> None:
    """Set the seats in total (None: no limit) and how many hours an offered seat waits."""
    intake = services.lock_intake(target)
    before = {"seats": intake.seats, "offer_hours": intake.offer_hours}
    intake.seats, intake.offer_hours = seats, offer_hours
    _changed(actor, target, before, {"seats": seats, "offer_hours": offer_hours}, now)


def set_quota(actor: User, target: Target, *, country: str | None, organisation: Organisation | None, seats: int,
              now: datetime) -> Quota:
    """Keep `seats` for one country or one organisation (a second call for the same one changes its number)."""
    if (country is None) == (organisation is None):
        raise DomainError(_("Choose a country or an organisation, not both."))
    if country is not None and not is_country_code(country):
        raise DomainError(_("“%(code)s” is not an ISO 3166 country code (such as AZ, GE or KZ).", code=country))
    intake = services.lock_intake(target)
    quota = next((quota for quota in intake.quotas if (country and quota.country == country)
                  or (organisation and quota.organisation_id == organisation.id)), None)
    before = {"quota": quota.seats if quota else None}
    if quota is None:
        quota = Quota(intake=intake, country=country, organisation=organisation, seats=seats)
        db.session.add(quota)
    quota.seats = seats
    _changed(actor, target, before, {"quota": seats}, now, scope=country or organisation.name)
    return quota


def remove_quota(actor: User, target: Target, quota_id: int, now: datetime) -> None:
    """Stop keeping seats for a country or an organisation (its people then count against the total only)."""
    intake = services.lock_intake(target)
    quota = next((quota for quota in intake.quotas if quota.id == quota_id), None)
    if quota is None:
        raise DomainError(_("There is no such quota."), 404)
    scope = quota.country or quota.organisation.name
    intake.quotas.remove(quota)
    _changed(actor, target, {"quota": quota.seats}, {"quota": None}, now, scope=scope)


def add_question(actor: User, target: Target, labels: Mapping[str, str], required: bool) -> None:
    """Ask applicants one more question of the course's own (written in one or more languages)."""
    labels = {code: text.strip() for code, text in labels.items() if code in LANGUAGES and text.strip()}
    if not labels:
        raise DomainError(_("Write the question in at least one language."))
    intake = services.intake_for(target)
    if len(intake.questions) >= MAX_QUESTIONS:
        raise DomainError(_("A course asks at most %(count)d questions of its own.", count=MAX_QUESTIONS))
    number = max((question["id"] for question in intake.questions), default=0) + 1
    intake.questions = [*intake.questions, {"id": number, "labels": labels, "required": required}]
    audit.record(actor, AuditAction.INTAKE_CHANGED, target.slug, question=labels, required=required)
    db.session.flush()


def remove_question(actor: User, target: Target, question_id: int) -> None:
    """Stop asking a question (answers already given stay with their applications)."""
    intake = services.intake_for(target)
    kept = [question for question in intake.questions if question["id"] != question_id]
    if len(kept) == len(intake.questions):
        raise DomainError(_("There is no such question."), 404)
    intake.questions = kept
    audit.record(actor, AuditAction.INTAKE_CHANGED, target.slug, removed_question=question_id)
    db.session.flush()


def _changed(actor: User, target: Target, before: dict, after: dict, now: datetime, **details) -> None:
    if before != after:
        audit.record(actor, AuditAction.INTAKE_CHANGED, target.slug, **details,
                     **audit.changes_between(before, after))
    db.session.flush()
    services.offer_freed_seats(target, now)  # seats added go to the next in line
