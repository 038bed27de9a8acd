"""Every write to applications: applying and nominating, the centre's decisions against the quotas, giving
a seat back, offering it to the next in line, and forgetting closed applications after a while."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from lms.applications import notices, rules, targets
from lms.applications.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    Intake,
)
from lms.applications.queries import intake_of, limits_of, seats_taken, waitlist
from lms.applications.targets import Target, columns_for, is_target
from lms.audit import services as audit
from lms.audit.models import AuditAction
from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.auth.queries import organisations_by_name
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES, country_name, is_country_code

NAME_LENGTH, TEXT_LENGTH, ANSWER_LENGTH = 120, 200, 4000


@dataclass(frozen=True)
class ApplicantDetails:
    """What the application form asks of everyone (the course's own questions come in `answers`)."""

    name: str
    email: str
    locale: str
    organisation_id: int | None = None
    organisation_name: str = ""
    country: str | None = None
    position: str = ""
    motivation: str = ""
    answers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Decisions:
    """What a decision about several applications did: those changed, and those refused with the reason."""

    changed: list[Application] = field(default_factory=list)
    refused: list[tuple[Application, str]] = field(default_factory=list)


# --- applying ------------------------------------------------------------------------------

def takes_applications(target: Target, now: datetime) -> bool:
    """Whether the course's (or programme's) page offers the application form at `now`."""
    return targets.takes_applications(target, now)


def apply(target: Target, details: ApplicantDetails, *, user: User | None, now: datetime,
          nominated_by: User | None = None) -> Application:
    """Submit an application (by the person, signed in or not, or by their coordinator) and mail it received."""
    if not takes_applications(target, now):
        raise DomainError(_("Applications are not taken now."), 403)
    email = accounts.normalise_email(user.email if user is not None else details.email)
    _check_details(details, email)
    _check_answers(intake_of(target), details.answers)
    if user is None:
        user = accounts.find_user_by_email(email)
        if user is not None and nominated_by is None:
            raise DomainError(_("An account uses this e-mail address: sign in to apply."), 409)
    if nominated_by is not None:
        _check_nominee(nominated_by, user)
    if user is not None and targets.has_place(target, user):
        raise DomainError(_("%(email)s already has a place here.", email=email), 409)
    application = db.session.scalar(select(Application).where(is_target(Application, target),
                                                              Application.email == email))
    if application is not None and application.status is not ApplicationStatus.WITHDRAWN:
        raise DomainError(_("%(email)s has already applied.", email=email), 409)
    if application is None:
        application = Application(**columns_for(target), email=email, changes=0, answers={})
    with db.session.no_autoflush:  # a new row is complete only once filled
        _fill(application, details, user=user, nominated_by=nominated_by, now=now)
    db.session.add(application)
    db.session.flush()
    notices.tell(application, notices.RECEIVED)
    return application


def nominate_many(coordinator: User, target: Target, people: Iterable[ApplicantDetails],
                  now: datetime) -> list[Application]:
    """Nominate several people of the coordinator's organisation at once: all of them, or none."""
    nominated = []
    for line, details in enumerate(people, start=2):  # line 1 of a file is its header
        try:
            nominated.append(apply(target, details, user=None, now=now, nominated_by=coordinator))
        except DomainError as error:
            raise DomainError(_("Line %(line)d: %(message)s", line=line, message=error.message), error.status) from None
    return nominated


def _fill(application: Application, details: ApplicantDetails, *, user: User | None, nominated_by: User | None,
          now: datetime) -> None:
    organisation = nominated_by.organisation if nominated_by is not None else (
        db.session.get(Organisation, details.organisation_id) if details.organisation_id else None)
    application.user = user
    application.nominated_by = nominated_by
    application.name = details.name.strip()
    application.organisation = organisation
    application.organisation_name = "" if organisation else details.organisation_name.strip()
    application.country = organisation.country if organisation else (details.country or None)
    application.position = details.position.strip()
    application.motivation = details.motivation.strip()
    application.locale = details.locale
    application.answers = {key: value.strip() for key, value in details.answers.items() if value.strip()}
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.waitlisted_at = application.decided_at = application.closed_at = None
    application.offered_at = application.offer_expires_at = None
    application.decided_by = None
    application.message = ""
    application.changes += 1


def _check_details(details: ApplicantDetails, email: str) -> None:
    if not details.name.strip():
        raise DomainError(_("Please give your name."))
    if len(details.name.strip()) > NAME_LENGTH:
        raise DomainError(_("The name is longer than %(count)d characters.", count=NAME_LENGTH))
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        raise DomainError(_("“%(email)s” is not a valid e-mail address.", email=email)) from None
    if details.locale not in LANGUAGES:
        raise DomainError(_("The language must be az, en or ru."))
    if details.country and not is_country_code(details.country):
        raise DomainError(_("“%(code)s” is not an ISO 3166 country code (such as AZ, GE or KZ).",
                            code=details.country))
    if max(len(details.position), len(details.organisation_name)) > TEXT_LENGTH:
        raise DomainError(_("A field is longer than %(count)d characters.", count=TEXT_LENGTH))


def _check_answers(intake: Intake | None, answers: Mapping[str, str]) -> None:
    questions = intake.questions if intake is not None else []
    for question in questions:
        answer = answers.get(str(question["id"]), "").strip()
        if question.get("required") and not answer:
            raise DomainError(_("Please answer every question marked as required."))
        if len(answer) > ANSWER_LENGTH:
            raise DomainError(_("An answer is longer than %(count)d characters.", count=ANSWER_LENGTH))


def _check_nominee(coordinator: User, user: User | None) -> None:
    if coordinator.role is not Role.COORDINATOR or coordinator.organisation is None:
        raise DomainError(_("Only a coordinator of an organisation nominates people."), 403)
    if user is not None and user.organisation_id != coordinator.organisation_id:
        raise DomainError(_("%(email)s belongs to another organisation.", email=user.email), 409)


# --- the centre's decisions ----------------------------------------------------------------

def decide(actor: User, target: Target, applications: Iterable[Application], status: ApplicationStatus,
           message: str, now: datetime) -> Decisions:
    """Approve, waitlist or decline applications to `target` in order; an approval past a quota is refused."""
    if status not in (ApplicationStatus.APPROVED, ApplicationStatus.WAITLISTED, ApplicationStatus.DECLINED):
        raise DomainError(_("Choose approve, waitlist or decline."))
    intake = lock_intake(target)
    outcome = Decisions()
    for application in applications:
        if application.target is not target:
            continue
        reason = _refusal(intake, application, status, now)
        if reason:
            outcome.refused.append((application, reason))
            continue
        _change(application, status, actor=actor, message=message.strip(), now=now)
        outcome.changed.append(application)
    db.session.flush()
    return outcome


def lock_intake(target: Target) -> Intake:
    """The target's intake, written first so that decisions about one target's seats take turns.

    On PostgreSQL the UPDATE holds the row until commit; on SQLite it takes the write lock before any
    seat is counted, so a count never misses a concurrent approval.
    """
    intake = intake_for(target)
    db.session.execute(update(Intake).where(Intake.id == intake.id).values(revision=Intake.revision + 1))
    db.session.refresh(intake)
    return intake


def _refusal(intake: Intake, application: Application, status: ApplicationStatus, now: datetime) -> str | None:
    if application.status is status:
        return _("Already so.")
    if application.status not in OPEN_STATUSES:
        return _("Only a submitted or waitlisted application can be decided.")
    if status is ApplicationStatus.APPROVED:
        full = rules.full_quota(limits_of(intake), seats_taken(intake, now, besides=application.id),
                                place_of(application))
        if full is not None:
            return quota_full_message(full)
    return None


def quota_full_message(full: rules.FullQuota) -> str:
    """Why an approval is refused, naming the quota that is full."""
    if full.scope == "organisation":
        organisation = db.session.get(Organisation, full.key)
        return _("No seat is left in the quota of %(name)s.", name=organisation.name if organisation else "?")
    if full.scope == "country":
        return _("No seat is left in the quota of %(country)s.", country=country_name(str(full.key)))
    return _("Every seat is taken.")


def place_of(application: Application) -> rules.Place:
    """The quotas an application's seat counts against."""
    return rules.Place(application.country, application.organisation_id)


def _change(application: Application, status: ApplicationStatus, *, actor: User | None, message: str,
            now: datetime, kind: str | None = None) -> None:
    before = application.status
    application.status = status
    application.changes += 1
    application.offered_at = application.offer_expires_at = None
    if actor is not None or status is not ApplicationStatus.WITHDRAWN:
        application.decided_at, application.decided_by, application.message = now, actor, message
    if status is ApplicationStatus.WAITLISTED:
        application.waitlisted_at = application.waitlisted_at or now
    if status in CLOSED_STATUSES:
        application.closed_at = now
    if status is ApplicationStatus.APPROVED:
        _admit(application)
    target = application.target
    audit.record(actor or application.user, AuditAction.APPLICATION_DECIDED,
                 f"{application.name} <{application.email}>",
                 **{targets.kind_of(target): target.slug, "from": before.value, "to": status.value})
    notices.tell(application, kind or notices.STATUS_KINDS[status])


def _admit(application: Application) -> None:
    """Give the approved applicant an account (when they have none) and a place in the course."""
    user = application.user or accounts.find_user_by_email(application.email)
    if user is None:
        user = accounts.create_user(email=application.email, name=application.name, password=None,
                                    locale=application.locale, country=application.country,
                                    organisation=application.organisation or _organisation_named(application))
    application.user = user
    targets.admit(user, application.target)


def _organisation_named(application: Application) -> Organisation | None:
    """The organisation a new account is put in: the one the applicant wrote, added when new."""
    name = application.organisation_name.strip()
    if not name or not application.country:
        return None
    organisation = organisations_by_name().get(name.casefold())
    if organisation is None:
        organisation = Organisation(name=name, country=application.country)
        db.session.add(organisation)
    return organisation


# --- giving a seat back, and the waitlist's offers -----------------------------------------

def withdraw(application: Application, by: User | None, now: datetime) -> None:
    """The applicant withdraws (an approved one gives up their place, which is offered to the next in line)."""
    if application.status in CLOSED_STATUSES:
        return
    was_approved = application.status is ApplicationStatus.APPROVED
    target = application.target
    lock_intake(target)
    _change(application, ApplicationStatus.WITHDRAWN, actor=None, message="", now=now)
    if was_approved and application.user is not None:
        targets.release(by or application.user, application.user, target, now)
    if by is not None and by.id != (application.user_id or -1):
        audit.record(by, AuditAction.APPLICATION_DECIDED, f"{application.name} <{application.email}>",
                     **{targets.kind_of(target): target.slug, "to": ApplicationStatus.WITHDRAWN.value})
    if was_approved:
        offer_freed_seats(target, now, freed=place_of(application))
    db.session.flush()


def accept_offer(application: Application, now: datetime) -> None:
    """Take the seat offered from the waitlist, if the offer still holds."""
    intake = lock_intake(application.target)
    db.session.refresh(application)
    if application.status is ApplicationStatus.APPROVED:  # a second tab, a second click
        return
    if not application.has_open_offer(now):
        raise DomainError(_("This offer has lapsed: the seat has gone to the next person in line."), 409)
    full = rules.full_quota(limits_of(intake), seats_taken(intake, now, besides=application.id),
                            place_of(application))
    if full is not None:  # a quota made smaller since the offer
        raise DomainError(quota_full_message(full), 409)
    _change(application, ApplicationStatus.APPROVED, actor=None, message="", now=now)
    db.session.flush()


def offer_freed_seats(target: Target, now: datetime, freed: rules.Place | None = None) -> list[Application]:
    """Offer every seat that is free to the next in line (the freed seat's quota first), each by mail
    with a deadline; returns the new offers."""
    intake = intake_of(target)
    if intake is None or not takes_applications(target, now):
        return []
    limits, offers = limits_of(intake), []
    taken = seats_taken(intake, now)
    line = [(application.id, place_of(application)) for application in waitlist(target, now)]
    while line:
        chosen = rules.next_in_line(line, freed or rules.Place(None, None), limits, taken)
        if chosen is None:
            break
        application = db.session.get(Application, chosen)
        application.offered_at = now
        application.offer_expires_at = now + timedelta(hours=intake.offer_hours)
        application.changes += 1
        notices.tell(application, notices.OFFERED)
        taken.add(place_of(application))
        line = [item for item in line if item[0] != chosen]
        offers.append(application)
    db.session.flush()
    return offers


def lapse_offers(now: datetime) -> int:
    """Offers not taken in time: the applicant loses the place in line and the seat goes to the next."""
    lapsed = db.session.scalars(select(Application).where(
        Application.status == ApplicationStatus.WAITLISTED, Application.offer_expires_at <= now)).all()
    for application in lapsed:
        lock_intake(application.target)
        expired = application.offer_expires_at
        _change(application, ApplicationStatus.DECLINED, actor=None, message="", now=now, kind=notices.LAPSED)
        application.offer_expires_at = expired  # what the status page says: the offer was not taken in time
        offer_freed_seats(application.target, now, freed=place_of(application))
    db.session.flush()
    return len(lapsed)


def on_learner_withdrawn(enrollment, now: datetime, **_kwargs) -> None:
    """An admin withdrew a learner who came in by application: their seat is free for the next in line."""
    application = db.session.scalar(select(Application).where(
        Application.course_id == enrollment.course_id, Application.user_id == enrollment.user_id,
        Application.status == ApplicationStatus.APPROVED))
    if application is not None:
        withdraw(application, None, now)


# --- personal data -------------------------------------------------------------------------

def forget_closed(now: datetime, keep_days: int) -> int:
    """Delete declined and withdrawn applications closed more than `keep_days` ago; returns how many."""
    result = db.session.execute(delete(Application).where(
        Application.status.in_(CLOSED_STATUSES), Application.closed_at <= now - timedelta(days=keep_days)))
    return result.rowcount or 0


def intake_for(target: Target) -> Intake:
    """The target's intake, made (no limits, no questions) the first time it is asked for."""
    intake = intake_of(target)
    if intake is None:
        intake = Intake(**columns_for(target), questions=[], offer_hours=72, revision=0)
        db.session.add(intake)
        db.session.flush()
    return intake
