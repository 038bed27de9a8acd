"""The centre's decisions against seats and quotas, the waiting list's offers, and what each applicant is
told: the rules a training centre runs its intake by."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from lms.applications import intake as settings
from lms.applications import services
from lms.applications.links import link_token
from lms.applications.models import Application, ApplicationStatus
from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import User
from lms.auth.services import password_is_set
from lms.courses.queries import enrollment_in
from lms.extensions import db
from tests.applications.conftest import NOW, applied

APPROVED, WAITLISTED, DECLINED = ApplicationStatus.APPROVED, ApplicationStatus.WAITLISTED, ApplicationStatus.DECLINED


def _decide(world, applications, status, message="", now=NOW):
    outcome = services.decide(world.admin, world.course, applications, status, message, now)
    db.session.commit()
    return outcome


def test_approval_makes_the_account_and_the_enrolment_and_mails_a_set_password_link(intake, mailbox, client):
    application = applied(intake, "Rauf Məmmədov", "rauf@example.org", intake.azerbaijan, locale="az")
    outcome = _decide(intake, [application], APPROVED, "Welcome!")
    assert outcome.changed == [application] and not outcome.refused
    user = db.session.scalar(select(User).where(User.email == "rauf@example.org"))
    assert user.organisation_id == intake.azerbaijan.id and user.locale == "az" and not password_is_set(user)
    assert enrollment_in(intake.course, user.id) is not None
    approval = [m for m in mailbox.deliver() if "Welcome!" in m.get_body(("plain",)).get_content()]
    assert len(approval) == 1  # one approval mail (no separate "you are enrolled" one)
    link = re.search(r"http://localhost(/auth/password/\S+)", approval[0].get_body(("plain",)).get_content())
    assert link and client.get(link.group(1)).status_code == 200
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.APPLICATION_DECIDED))
    assert entry.actor_id == intake.admin.id
    assert (entry.details["from"], entry.details["to"]) == ("submitted", "approved")


def test_approving_past_a_quota_is_refused_with_the_quota_named(intake):
    settings.set_quota(intake.admin, intake.course, country="AZ", organisation=None, seats=1, now=NOW)
    settings.set_quota(intake.admin, intake.course, country=None, organisation=intake.georgia, seats=2, now=NOW)
    settings.set_seats(intake.admin, intake.course, 2, 72, NOW)
    first = applied(intake, "A1", "a1@example.org", intake.azerbaijan)
    second = applied(intake, "A2", "a2@example.org", intake.azerbaijan)
    georgian = applied(intake, "G1", "g1@example.org", intake.georgia)
    another = applied(intake, "G2", "g2@example.org", intake.georgia)
    outcome = _decide(intake, [first, second, georgian, another], APPROVED)
    assert outcome.changed == [first, georgian]
    reasons = dict((found.email, reason) for found, reason in outcome.refused)
    assert reasons["a2@example.org"] == "No seat is left in the quota of Azerbaijan."
    assert reasons["g2@example.org"] == "Every seat is taken."  # Georgia had room, the course not
    assert (second.status, another.status) == (ApplicationStatus.SUBMITTED, ApplicationStatus.SUBMITTED)


def test_a_freed_seat_is_offered_first_within_its_quota_then_passes_on_when_not_taken(intake, mailbox, client,
                                                                                      frozen_clock):
    settings.set_seats(intake.admin, intake.course, 2, 48, NOW)
    settings.set_quota(intake.admin, intake.course, country="AZ", organisation=None, seats=1, now=NOW)
    azerbaijani = applied(intake, "A1", "a1@example.org", intake.azerbaijan)
    georgian = applied(intake, "G1", "g1@example.org", intake.georgia)
    georgian_waiting = applied(intake, "G2", "g2@example.org", intake.georgia)
    azerbaijani_waiting = applied(intake, "A2", "a2@example.org", intake.azerbaijan)
    _decide(intake, [azerbaijani, georgian], APPROVED)
    _decide(intake, [georgian_waiting, azerbaijani_waiting], WAITLISTED)
    services.withdraw(azerbaijani, None, NOW + timedelta(hours=1))  # an Azerbaijani seat is free
    db.session.commit()
    # G2 is first in line, but the seat freed was in Azerbaijan's quota: A2 is offered it
    assert azerbaijani_waiting.has_open_offer(NOW + timedelta(hours=2))
    assert not georgian_waiting.has_open_offer(NOW + timedelta(hours=2))
    offer = [m for m in mailbox.deliver() if m["To"].addresses[0].addr_spec == "a2@example.org"
             and "offered" in m["Subject"]]
    assert len(offer) == 1 and "Accept it by" in offer[0].get_body(("plain",)).get_content()
    # not accepted in time: A2 loses the offer, the seat goes to G2
    later = NOW + timedelta(hours=50)
    assert services.lapse_offers(later) == 1
    db.session.commit()
    assert azerbaijani_waiting.status is DECLINED and georgian_waiting.has_open_offer(later)
    with client.application.test_request_context():
        lapsed_link, offer_link = link_token(azerbaijani_waiting), link_token(georgian_waiting)
    client.get("/lang/en")
    assert "not accepted in time" in client.get(f"/applications/{lapsed_link}").text
    frozen_clock(later)
    assert client.post(f"/applications/{lapsed_link}/offer", data={"accept": "1"}).status_code == 302
    db.session.expire_all()
    assert azerbaijani_waiting.status is DECLINED  # a lapsed offer cannot be taken
    client.post(f"/applications/{offer_link}/offer", data={"accept": "1"})
    db.session.expire_all()
    assert georgian_waiting.status is APPROVED and enrollment_in(intake.course, georgian_waiting.user_id)


def test_bulk_decline_mails_the_message_and_the_review_counts_and_filters(intake, login, client, mailbox):
    login(intake.admin)
    settings.set_quota(intake.admin, intake.course, country="GE", organisation=None, seats=3, now=NOW)
    db.session.commit()
    first = applied(intake, "A1", "a1@example.org", intake.azerbaijan)
    second = applied(intake, "G1", "g1@example.org", intake.georgia)
    page = client.get(f"/admin/courses/{intake.course.slug}/applications/")
    assert page.status_code == 200 and "A1" in page.text and "G1" in page.text
    filtered = client.get(f"/admin/courses/{intake.course.slug}/applications/?country=GE")
    assert "G1" in filtered.text and "a1@example.org" not in filtered.text
    response = client.post(f"/admin/courses/{intake.course.slug}/applications/decide", data={
        "applications": [first.id, second.id], "decision": "declined", "message": "The course is full this time."})
    assert response.status_code == 302
    db.session.expire_all()
    assert (first.status, second.status) == (DECLINED, DECLINED)
    declined = [m for m in mailbox.deliver() if "declined" in m["Subject"]]
    assert len(declined) == 2 and all("The course is full this time." in m.get_body(("plain",)).get_content()
                                      for m in declined)
    csv_text = client.get(f"/admin/courses/{intake.course.slug}/applications.csv").text
    assert csv_text.count("The course is full this time.") == 2 and "g1@example.org" in csv_text


def test_declined_and_withdrawn_applications_are_forgotten_after_the_retention_time(intake):
    kept, declined, withdrawn = (applied(intake, name, f"{name}@example.org") for name in ("kept", "no", "gone"))
    _decide(intake, [declined], DECLINED)
    services.withdraw(withdrawn, None, NOW)
    db.session.commit()
    assert services.forget_closed(NOW + timedelta(days=179), keep_days=180) == 0
    assert services.forget_closed(NOW + timedelta(days=181), keep_days=180) == 2
    db.session.commit()
    assert [found.email for found in db.session.scalars(select(Application))] == ["kept@example.org"]


def test_applications_are_in_the_persons_own_data(intake, client, login, make_user):
    learner = make_user(email="leyla@example.org")
    application = applied(intake, "Leyla", "other@example.org")
    application.user_id = learner.id
    db.session.commit()
    login(learner)
    data = client.get("/auth/profile/data.json").json
    assert [item["course"] for item in data["applications"]] == [intake.course.slug]
