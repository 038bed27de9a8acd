"""A partner agency's coordinator: nominates people of their organisation (one by one or from a file),
follows them, sees nobody of another organisation, and loses all of it with the role."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from lms.admin import services as admin
from lms.applications import services
from lms.applications.models import Application, ApplicationStatus
from lms.auth.models import Role
from lms.courses import services as courses
from lms.errors import DomainError
from lms.extensions import db
from tests.applications.conftest import NOW, applied

NOMINEE = {"name": "Elvin Quliyev", "email": "elvin@example.org", "position": "Border officer",
           "motivation": "He leads our new data unit.", "locale": "az"}


def test_a_coordinator_nominates_one_person_and_the_nominee_is_told(client, intake, login, mailbox):
    login(intake.coordinator)
    page = client.get(f"/courses/{intake.course.slug}/apply")
    assert "Nominate for" in page.text and 'name="country"' not in page.text  # the organisation's own country
    assert client.post(f"/courses/{intake.course.slug}/apply", data=NOMINEE).status_code == 302
    application = db.session.scalar(select(Application))
    assert (application.nominated_by_id, application.organisation_id, application.country) == (
        intake.coordinator.id, intake.azerbaijan.id, "AZ")
    (message,) = mailbox.deliver()
    assert "Aysel Coordinator" in message.get_body(("plain",)).get_content()


def test_a_coordinator_nominates_from_a_file_all_or_nothing(client, intake, login, make_user):
    make_user(email="outsider@example.org", organisation=intake.georgia)
    login(intake.coordinator)
    good = ("email;firstname;lastname;lang;position\n"
            "n1@example.org;Nərgiz;Əliyeva;ru;Analyst\nn2@example.org;Orxan;Həsənli;;Inspector\n")
    bad = good + "outsider@example.org;Outside;Person;en;Officer\n"
    response = client.post(f"/courses/{intake.course.slug}/apply/file", data={
        "file": (io.BytesIO(bad.encode()), "nominees.csv")}, content_type="multipart/form-data",
        follow_redirects=True)
    assert "Line 4: outsider@example.org belongs to another organisation." in response.text
    assert db.session.query(Application).count() == 0
    response = client.post(f"/courses/{intake.course.slug}/apply/file", data={
        "file": (io.BytesIO(good.encode()), "nominees.csv")}, content_type="multipart/form-data",
        follow_redirects=True)
    assert "2 people are nominated." in response.text
    assert [(a.name, a.locale) for a in db.session.scalars(select(Application).order_by(Application.id))] == [
        ("Nərgiz Əliyeva", "ru"), ("Orxan Həsənli", "en")]


def test_a_coordinator_sees_their_organisation_only(client, intake, login, make_user):
    ours = applied(intake, "Ours", "ours@example.org", intake.azerbaijan)
    applied(intake, "Theirs", "theirs@example.org", intake.georgia)
    services.decide(intake.admin, intake.course, [ours], ApplicationStatus.APPROVED, "", NOW)
    other_learner = make_user(email="georgian@example.org", organisation=intake.georgia)
    courses.enrol(other_learner, intake.course, by_admin=True)
    db.session.commit()
    login(intake.coordinator)
    mine = client.get("/applications/")
    assert "ours@example.org" in mine.text and "theirs@example.org" not in mine.text
    report = client.get("/progress/organisation")
    assert report.status_code == 200 and "ours@example.org" in report.text
    assert "georgian@example.org" not in report.text
    assert client.get(f"/admin/courses/{intake.course.slug}/applications/").status_code == 403


def test_the_role_taken_away_takes_the_nominations_with_it(client, intake, login):
    login(intake.coordinator)
    assert client.get("/progress/organisation").status_code == 200
    admin.change_role(intake.admin, intake.coordinator, Role.LEARNER)
    db.session.commit()
    assert client.get("/progress/organisation").status_code in (302, 401)  # signed out by the role change
    login(intake.coordinator)
    assert client.get("/progress/organisation").status_code == 403
    page = client.get(f"/courses/{intake.course.slug}/apply")
    assert "Apply for" in page.text and "Nominate" not in page.text
    assert client.post(f"/courses/{intake.course.slug}/apply/file").status_code in (400, 403)


def test_a_coordinator_needs_an_organisation(intake, make_user):

    learner = make_user()
    with pytest.raises(DomainError, match="belongs to an organisation"):
        admin.change_role(intake.admin, learner, Role.COORDINATOR)
