"""A finished learner with an Azerbaijani name in a course with a Russian title."""
from datetime import UTC, date, datetime

import pytest

from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture()
def graduate(make_user, make_course, make_organisation, frozen_clock):
    """Gülşən İsmayılova (Azerbaijani letters ə ş ğ ı İ in her name and organisation) completes a course."""
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER, name="Rəşad Məmmədli")
    course = make_course(days=[["Migration terms"], ["Labour migration"]], trainer=trainer, slug="migration-school",
                         starts_on=date(2026, 11, 16))
    for day in course.days:
        for module in day.modules:
            module.estimated_minutes = 90
    organisation = make_organisation("Dövlət Miqrasiya Xidməti (Ağdaş şöbəsi)", "AZ")
    learner = make_user(name="Gülşən İsmayılova Ağaoğlu", organisation=organisation, locale="az")
    enrollment = courses.enrol(learner, course)
    for day in course.days:
        for module in day.modules:
            courses.complete_module(enrollment, module, NOW)
    db.session.commit()
    return learner, course, enrollment
