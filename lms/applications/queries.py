"""Read models of intake: a course's limits and seats taken, its waitlist, the review list with its
filters, one person's applications, and an organisation's."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import selectinload

from lms.applications import rules
from lms.applications.models import Application, ApplicationStatus, Intake
from lms.applications.targets import Target, is_target
from lms.auth.models import Organisation, User
from lms.courses.models import Course
from lms.extensions import db
from lms.i18n import country_name
from lms.programmes.models import Programme


def intake_of(target: Target) -> Intake | None:
    """The target's intake settings, if the centre has set any."""
    return db.session.scalar(select(Intake).where(is_target(Intake, target)))


def limits_of(intake: Intake) -> rules.Limits:
    """The intake's seats as the pure rules read them."""
    return rules.Limits(
        total=intake.seats,
        by_country={quota.country: quota.seats for quota in intake.quotas if quota.country},
        by_organisation={quota.organisation_id: quota.seats for quota in intake.quotas
                         if quota.organisation_id is not None})


def _holding_a_seat(now: datetime):
    """SQL: approved, or offered a seat that is still held for them."""
    return or_(Application.status == ApplicationStatus.APPROVED,
               and_(Application.status == ApplicationStatus.WAITLISTED, Application.offer_expires_at > now))


def seats_taken(intake: Intake, now: datetime, besides: int | None = None) -> rules.Taken:
    """The course's seats given or held at `now`, leaving out application `besides` (the one being decided)."""
    query = select(Application.country, Application.organisation_id).where(
        is_target(Application, intake.course or intake.programme), _holding_a_seat(now))
    if besides is not None:
        query = query.where(Application.id != besides)
    return rules.Taken.of(rules.Place(country, organisation) for country, organisation in db.session.execute(query))


def waitlist(target: Target, now: datetime) -> list[Application]:
    """Waitlisted applications not holding an offer, first come first."""
    return list(db.session.scalars(select(Application).where(
        is_target(Application, target), Application.status == ApplicationStatus.WAITLISTED,
        or_(Application.offer_expires_at.is_(None), Application.offer_expires_at <= now))
        .order_by(Application.waitlisted_at, Application.id)))


@dataclass(frozen=True)
class QuotaUse:
    """One line of the review's seat table: a quota (or the total), its seats, how many are taken."""

    label: str
    seats: int | None
    taken: int
    waiting: int  # submitted or waitlisted and in this quota

    @property
    def free(self) -> int | None:
        return None if self.seats is None else max(self.seats - self.taken, 0)


def quota_use(target: Target, now: datetime) -> list[QuotaUse]:
    """The total and each quota with seats taken and applications waiting: two queries."""
    intake = intake_of(target)
    if intake is None:
        return []
    taken = seats_taken(intake, now)
    waiting = rules.Taken.of(rules.Place(country, organisation) for country, organisation in db.session.execute(
        select(Application.country, Application.organisation_id).where(
            is_target(Application, target),
            Application.status.in_([ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED]))))
    rows = [QuotaUse("", intake.seats, taken.total, waiting.total)]
    for quota in intake.quotas:
        if quota.country:
            rows.append(QuotaUse(country_name(quota.country), quota.seats, taken.by_country[quota.country],
                                 waiting.by_country[quota.country]))
        else:
            rows.append(QuotaUse(quota.organisation.name, quota.seats, taken.by_organisation[quota.organisation_id],
                                 waiting.by_organisation[quota.organisation_id]))
    return rows


@dataclass(frozen=True)
class Filters:
    status: str = ""
    country: str = ""
    organisation_id: int | None = None


def review_list(target: Target, filters: Filters) -> list[Application]:
    """The target's applications for the centre's review, filtered, oldest first: one query."""
    query = _for_target(target)
    if filters.status:
        query = query.where(Application.status == filters.status)
    if filters.country:
        query = query.where(Application.country == filters.country)
    if filters.organisation_id:
        query = query.where(Application.organisation_id == filters.organisation_id)
    return list(db.session.scalars(query))


def _for_target(target: Target) -> Select:
    return (select(Application).where(is_target(Application, target))
            .options(selectinload(Application.organisation), selectinload(Application.nominated_by),
                     selectinload(Application.decided_by))
            .order_by(Application.submitted_at, Application.id))


def applications_by_id(target: Target, ids: Sequence[int]) -> list[Application]:
    """The target's applications among `ids` (another's are left out)."""
    return list(db.session.scalars(_for_target(target).where(Application.id.in_(ids)))) if ids else []


def countries_and_organisations(target: Target) -> tuple[list[str], list[tuple[int, str]]]:
    """The countries and organisations the target's applicants come from, for the review's filters."""
    countries = sorted(db.session.scalars(select(Application.country).distinct().where(
        is_target(Application, target), Application.country.is_not(None))))
    organisations = list(db.session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(
            select(Application.organisation_id).where(is_target(Application, target))))
        .order_by(Organisation.name)))
    return countries, [(row.id, row.name) for row in organisations]


def applications_of(user: User) -> list[Application]:
    """A person's own applications, newest first (made with their address before they had an account too)."""
    return list(db.session.scalars(
        select(Application).where(or_(Application.user_id == user.id, Application.email == user.email))
        .options(selectinload(Application.course).selectinload(Course.translations),
                 selectinload(Application.programme).selectinload(Programme.translations))
        .order_by(Application.submitted_at.desc(), Application.id.desc())))


def applications_of_organisation(organisation_id: int) -> list[Application]:
    """Every application from one organisation (a coordinator's nominees and those who applied themselves)."""
    return list(db.session.scalars(
        select(Application).where(Application.organisation_id == organisation_id)
        .options(selectinload(Application.course).selectinload(Course.translations),
                 selectinload(Application.programme).selectinload(Programme.translations),
                 selectinload(Application.nominated_by))
        .order_by(Application.submitted_at.desc(), Application.id.desc())))


def count_by_status(target: Target) -> dict[str, int]:
    """How many of the target's applications are in each status: one query."""
    return {status: count for status, count in db.session.execute(
        select(Application.status, func.count()).where(is_target(Application, target))
        .group_by(Application.status))}
