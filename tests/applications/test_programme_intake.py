"""The six-month school takes applications as a course does: applied for on the programme's page,
decided in the programme's review, an approval enrols in the programme and each of its courses, and a
place given back is withdrawn from all of them and offered to the next in line."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lms.applications import intake as settings
from lms.applications import services
from lms.applications.links import link_token
from lms.applications.models import Application, ApplicationStatus
from lms.courses.models import CourseStatus, Enrollment, EnrolmentMode
from lms.extensions import db
from lms.programmes import services as programmes
from lms.programmes.models import ProgrammeEnrolment
from tests.applications.conftest import NOW, details


@pytest.fixture()
def school(intake, make_course):
    law = make_course(slug="law", starts_on=date(2027, 2, 2))
    data = make_course(slug="data", starts_on=date(2027, 4, 6))
    programme = programmes.create_programme(slug="migration-school-5", original_locale="en",
                                            texts={"en": {"title": "Migration School"},
                                                   "ru": {"title": "Школа миграции"}},
                                            enrolment=EnrolmentMode.APPLICATION)
    programmes.add_course(programme, law)
    programmes.add_course(programme, data)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    db.session.commit()
    return programme


def test_applying_for_a_programme_and_being_approved_enrols_in_each_course(client, login, intake, school,
                                                                           mailbox):
    client.get("/lang/en")
    assert "/programmes/migration-school-5/apply" in client.get("/programmes/migration-school-5/").text
    response = client.post("/programmes/migration-school-5/apply", data={
        "name": "Tamar Kapanadze", "email": "tamar@example.org", "organisation": str(intake.georgia.id),
        "country": "GE", "position": "Analyst", "motivation": "Our agency builds a migration profile.",
        "locale": "ru"})
    assert response.status_code == 302
    application = db.session.scalar(select(Application))
    assert (application.programme_id, application.course_id) == (school.id, None)
    login(intake.admin)
    assert "Tamar Kapanadze" in client.get("/admin/programmes/migration-school-5/applications/").text
    decided = client.post("/admin/programmes/migration-school-5/applications/decide",
                          data={"applications": [application.id], "decision": "approved"})
    assert decided.status_code == 302
    db.session.expire_all()
    user = application.user
    assert db.session.scalar(select(ProgrammeEnrolment).where(ProgrammeEnrolment.user_id == user.id))
    assert db.session.query(Enrollment).filter_by(user_id=user.id).count() == 2
    approval = next(m for m in mailbox.deliver() if m["Subject"] == "Заявка одобрена: «Школа миграции»")
    assert "/auth/password/" in approval.get_body(("plain",)).get_content()  # a new account: choose a password
    assert "tamar@example.org" in client.get("/admin/programmes/migration-school-5/applications.csv").text


def test_a_place_in_the_programme_given_back_goes_to_the_next_in_line(client, intake, school):
    settings.set_seats(intake.admin, school, 1, 48, NOW)
    first = services.apply(school, details("First", "first@example.org", organisation=intake.azerbaijan),
                           user=None, now=NOW)
    second = services.apply(school, details("Second", "second@example.org", organisation=intake.georgia),
                            user=None, now=NOW)
    services.decide(intake.admin, school, [first, second], ApplicationStatus.APPROVED, "", NOW)
    assert second.status is ApplicationStatus.SUBMITTED  # the one seat went to the first
    services.decide(intake.admin, school, [second], ApplicationStatus.WAITLISTED, "", NOW)
    db.session.commit()
    with client.application.test_request_context():
        token = link_token(first)
    assert client.post(f"/applications/{token}/withdraw").status_code == 302
    db.session.expire_all()
    assert first.status is ApplicationStatus.WITHDRAWN
    assert db.session.scalar(select(ProgrammeEnrolment).where(ProgrammeEnrolment.user_id == first.user_id)) is None
    kept = db.session.scalars(select(Enrollment).where(Enrollment.user_id == first.user_id)).all()
    assert len(kept) == 2 and all(e.withdrawn_at is not None for e in kept)  # records stay, no longer counted
    assert second.has_open_offer(NOW)


def test_a_programme_not_taking_applications_and_a_draft_one(client, intake, school):
    school.enrolment = EnrolmentMode.ADMIN
    db.session.commit()
    assert client.post("/programmes/migration-school-5/apply", data={}).status_code == 403
    programmes.set_status(school, CourseStatus.DRAFT)
    db.session.commit()
    assert client.get("/programmes/migration-school-5/apply").status_code == 404
    assert client.get("/programmes/no-such/apply").status_code == 404
