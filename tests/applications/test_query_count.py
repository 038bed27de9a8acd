"""The review, a coordinator's pages and the evaluation report cost the same number of statements for
3 applicants or learners as for 30."""
from __future__ import annotations

from lms.applications import intake as settings
from lms.applications import services
from lms.applications.models import ApplicationStatus
from lms.extensions import db
from tests.applications.conftest import NOW, applied
from tests.courses.test_query_count import statements_for


def _grow(world, start: int, count: int) -> None:
    for number in range(start, start + count):
        organisation = world.azerbaijan if number % 2 else world.georgia
        application = applied(world, f"Applicant {number}", f"applicant{number}@example.org", organisation)
        if number % 3 == 1:  # the first round already approves one of the coordinator's (Azerbaijani) people
            services.decide(world.admin, world.course, [application], ApplicationStatus.APPROVED, "", NOW)
            db.session.commit()


def test_pages_cost_the_same_for_3_or_30_people(client, login, intake):
    settings.set_quota(intake.admin, intake.course, country="AZ", organisation=None, seats=100, now=NOW)
    settings.add_question(intake.admin, intake.course, {"en": "Unit?"}, required=False)
    db.session.commit()
    pages = {intake.admin: [f"/admin/courses/{intake.course.slug}/applications/",
                            f"/admin/courses/{intake.course.slug}/evaluation"],
             intake.coordinator: ["/applications/", "/progress/organisation"]}
    counts = {}
    for start, more in ((0, 3), (3, 27)):
        _grow(intake, start, more)
        for person, urls in pages.items():
            client.post("/auth/logout")
            login(person)
            for url in urls:
                counts.setdefault(url, []).append(statements_for(client, url))
    assert all(small == large for small, large in counts.values()), counts
