"""Applying as a visitor without an account and as a signed-in learner, what the applicant is told,
withdrawing, and what the course page offers."""
from __future__ import annotations

import re

from sqlalchemy import select

from lms.applications import intake as settings
from lms.applications import services
from lms.applications.links import link_token
from lms.applications.models import Application, ApplicationStatus
from lms.courses import services as courses
from lms.courses.models import EnrolmentMode
from lms.extensions import db
from tests.applications.conftest import NOW, applied


def _form(world, **overrides) -> dict:
    data = {"name": "Nigar Həsənova", "email": "nigar@example.org", "organisation": str(world.azerbaijan.id),
            "organisation_name": "", "country": "AZ", "position": "Senior inspector",
            "motivation": "Our service starts a labour migration unit.", "locale": "ru"}
    data.update(overrides)
    return data


def _body(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_a_visitor_applies_without_an_account_and_is_told_in_their_language(client, intake, mailbox):
    client.get("/lang/en")
    page = client.get(f"/courses/{intake.course.slug}/apply")
    assert page.status_code == 200 and "Apply for “Migration basics”" in page.text
    response = client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake))
    assert response.status_code == 302 and response.headers["Location"].startswith("/applications/")
    application = db.session.scalar(select(Application))
    assert (application.status, application.user_id, application.country, application.organisation_id) == (
        ApplicationStatus.SUBMITTED, None, "AZ", intake.azerbaijan.id)
    status_page = client.get(response.headers["Location"])
    assert "Nigar Həsənova" in status_page.text and "Withdraw my application" in status_page.text
    (message,) = mailbox.deliver()
    assert message["To"].addresses[0].addr_spec == "nigar@example.org"
    assert message["Subject"] == "Заявка получена: «Основы миграции»"
    link = re.search(r"http://localhost(/applications/\S+)", _body(message)).group(1)
    assert client.get(link).status_code == 200  # the mail's link opens the application without an account


def test_an_address_with_an_account_must_sign_in_and_a_second_application_is_refused(client, intake, login,
                                                                                      make_user):
    learner = make_user(email="leyla@example.org", locale="en")
    client.get("/lang/en")
    refused = client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake, email="leyla@example.org"))
    assert refused.status_code == 400 and "sign in to apply" in refused.text
    login(learner)
    # signed in, the account's own address is used whatever the form says
    client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake, email="someone-else@example.org"))
    application = db.session.scalar(select(Application))
    assert (application.email, application.user_id) == ("leyla@example.org", learner.id)
    again = client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake))
    assert again.status_code == 409 and "You applied on" in again.text  # the page shows the application
    assert db.session.query(Application).count() == 1
    assert "My applications" in client.get("/progress/").text
    assert "Migration basics" in client.get("/applications/").text


def test_bad_input_gets_a_translated_message_and_saves_nothing(client, intake):
    client.get("/lang/az")
    response = client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake, email="not-an-address",
                                                                              motivation=""))
    assert response.status_code == 400 and "Bu sahə məcburidir" in response.text
    assert db.session.query(Application).count() == 0


def test_the_course_page_offers_apply_and_self_enrolment_is_refused(client, intake, login, make_user):
    page = client.get(f"/courses/{intake.course.slug}/")
    assert f'href="/courses/{intake.course.slug}/apply"' in page.text
    login(make_user())
    assert client.post(f"/courses/{intake.course.slug}/enrol").status_code == 403


def test_a_course_that_does_not_take_applications_refuses_them(client, intake, make_course):
    open_course = make_course(slug="open-course", enrolment=EnrolmentMode.OPEN)
    client.get("/lang/en")
    assert "are not taken now" in client.get(f"/courses/{open_course.slug}/apply").text
    assert client.post(f"/courses/{open_course.slug}/apply", data=_form(intake)).status_code == 403
    assert db.session.query(Application).count() == 0
    assert client.get("/courses/no-such-course/apply").status_code == 404


def test_withdrawing_by_the_link_and_applying_again(client, intake, mailbox):
    client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake))
    page = client.get("/applications/" + db.session.scalar(select(Application)).link_key)
    assert page.status_code == 404  # the key alone is not the signed link
    application = db.session.scalar(select(Application))
    with client.application.test_request_context():
        token = link_token(application)
    assert client.post(f"/applications/{token}/withdraw").status_code == 302
    db.session.expire_all()
    assert application.status is ApplicationStatus.WITHDRAWN
    assert client.post(f"/courses/{intake.course.slug}/apply", data=_form(intake)).status_code == 302
    db.session.expire_all()
    assert application.status is ApplicationStatus.SUBMITTED  # the same row, submitted again
    subjects = [message["Subject"] for message in mailbox.deliver()]
    assert len(subjects) == 3  # received, withdrawn, received


def test_an_admin_withdrawing_an_approved_learner_frees_the_seat(intake, mailbox):
    settings.set_seats(intake.admin, intake.course, 1, 48, NOW)
    first, second = applied(intake, "A", "a@example.org"), applied(intake, "B", "b@example.org")
    services.decide(intake.admin, intake.course, [first], ApplicationStatus.APPROVED, "", NOW)
    services.decide(intake.admin, intake.course, [second], ApplicationStatus.WAITLISTED, "", NOW)
    db.session.commit()
    enrollment = courses.enrollment_in(intake.course, first.user_id)
    courses.withdraw(intake.admin, enrollment, NOW)
    db.session.commit()
    assert first.status is ApplicationStatus.WITHDRAWN
    assert second.has_open_offer(NOW)
