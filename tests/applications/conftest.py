"""A course of the next edition that takes applications, partner agencies in two countries, their
coordinators, and the centre's admin."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from lms.applications import services as applications
from lms.applications.services import ApplicantDetails
from lms.auth.models import Organisation, Role, User
from lms.courses.models import Course, EnrolmentMode
from lms.extensions import db

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass
class Intake:
    admin: User
    course: Course
    azerbaijan: Organisation
    georgia: Organisation
    coordinator: User  # of the Azerbaijani agency


@pytest.fixture()
def intake(make_user, make_course, make_organisation, frozen_clock) -> Intake:
    frozen_clock(NOW)
    admin = make_user(Role.ADMIN, locale="en")
    azerbaijan = make_organisation("State Migration Service", "AZ")
    georgia = make_organisation("Public Service Development Agency", "GE")
    course = make_course(slug="key-concepts-2", starts_on=date(2027, 2, 8), enrolment=EnrolmentMode.APPLICATION)
    coordinator = make_user(Role.COORDINATOR, email="coordinator1@example.org", name="Aysel Coordinator",
                            organisation=azerbaijan, locale="en")
    return Intake(admin, course, azerbaijan, georgia, coordinator)


def details(name: str, email: str, *, organisation: Organisation | None = None, locale: str = "en",
            country: str | None = None) -> ApplicantDetails:
    return ApplicantDetails(name=name, email=email, locale=locale,
                            organisation_id=organisation.id if organisation else None,
                            country=country or (organisation.country if organisation else None),
                            position="Inspector", motivation="I work on migration statistics.")


def applied(world: Intake, name: str, email: str, organisation: Organisation | None = None, **kwargs):
    """An application by someone without an account, committed."""
    application = applications.apply(world.course, details(name, email, organisation=organisation, **kwargs),
                                     user=None, now=NOW)
    db.session.commit()
    return application
