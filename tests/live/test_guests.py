"""Guests without an account: invited by a trainer, mailed a personal link in their language, let into
one session's meeting inside its window, shown in the register, and shut out once the link is withdrawn."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from sqlalchemy import select

from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.live import guests, services
from lms.live.models import GuestInvite
from lms.notifications.models import MailState, Notification

START = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 10:00 in Baku
BEFORE, DURING, AFTER = START - timedelta(days=1), START + timedelta(minutes=5), START + timedelta(hours=2)


@pytest.fixture()
def ceremony(make_course, make_user, frozen_clock):
    frozen_clock(BEFORE)
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["Lesson"]], trainer=trainer, slug="key-concepts")
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE,
                                texts={"en": {"title": "Opening ceremony", "body": ""},
                                       "ru": {"title": "Церемония открытия", "body": ""}})
    session = services.schedule(module, START, START + timedelta(hours=1))
    db.session.commit()
    return course, module, session, trainer


def _invite(client, course, module, **fields):
    data = {"name": "Guest Speaker", "email": "speaker@agency.example", "organisation": "State Migration Service",
            "locale": "ru", **fields}
    return client.post(f"/courses/{course.slug}/manage/live/{module.id}/guests", data=data,
                       headers={"Accept-Language": "en"})


def _link(message) -> str:
    text = message.get_body(("plain",)).get_content()
    return re.search(r"http://localhost(/live/\d+/guest/\S+)", text).group(1)


def _jwt(app, page: str) -> dict:
    token = re.search(r'data-jwt="([^"]+)"', page).group(1)
    return jwt.decode(token, app.extensions["jitsi"].app_secret, algorithms=["HS256"], audience="jitsi",
                      options={"verify_exp": False, "verify_nbf": False, "verify_iat": False})


def test_a_trainer_invites_a_guest_who_gets_a_link_in_their_language_and_joins_in_their_name(
        app, client, login, ceremony, mailbox, frozen_clock):
    course, module, session, trainer = ceremony
    login(trainer)
    response = _invite(client, course, module, moderator="y")
    assert response.status_code == 302
    delivered = mailbox.deliver()
    row = db.session.scalar(select(Notification))
    assert row.mail_state is MailState.SENT, (row.mail_state, row.last_error)
    (message,) = delivered
    assert message["To"].addresses[0].addr_spec == "speaker@agency.example"
    assert message["Subject"] == "Приглашение: «Церемония открытия»"
    text = message.get_body(("plain",)).get_content()
    assert "Здравствуйте, Guest Speaker" in text and "Вы входите как модератор." in text
    assert "23 ноября 2026\u202fг., 10:00–11:00 (время — Asia/Baku)" in text  # the course's own time
    assert "List-Unsubscribe" not in message  # nothing to unsubscribe from: one invitation, no account
    link = _link(message)

    client.post("/auth/logout")
    early = client.get(link)
    assert early.status_code == 403 and "23 ноября 2026\u202fг., 09:45" in early.text and "Asia/Baku" in early.text

    frozen_clock(DURING)
    page = client.get(link)
    assert page.status_code == 200 and 'lang="ru"' in page.text
    assert "Добро пожаловать, Guest Speaker. Вы — гость этого занятия." in page.text
    claims = _jwt(app, page.text)
    assert claims["context"]["user"]["name"] == "Guest Speaker" and claims["context"]["user"]["id"].startswith("guest-")
    assert claims["moderator"] is True and claims["exp"] <= int((START + timedelta(hours=1, minutes=31)).timestamp())
    guest = db.session.scalar(select(GuestInvite))
    assert guest.joins == 1 and guest.first_joined_at == DURING

    frozen_clock(AFTER)
    assert client.get(link).status_code == 403  # the window has closed


def test_the_link_opens_nothing_else_and_the_register_shows_the_guest(client, login, ceremony, frozen_clock):
    course, module, session, trainer = ceremony
    guest = guests.invite(session, name="Expert", email="expert@un.example", organisation="IOM", locale="en",
                          moderator=False, by=trainer, now=START)
    db.session.commit()
    link = f"/live/{session.id}/guest/{guests.link_token(guest)}"
    frozen_clock(DURING)
    assert client.get(link).status_code == 200
    assert client.get(f"/live/{session.id}/").status_code == 302  # the learners' page wants a sign-in
    assert client.get(f"/live/{session.id}/join").status_code == 302
    other = services.schedule(courses.add_module(course.days[0], kind=ModuleKind.LIVE,
                                                 texts={"en": {"title": "Panel", "body": ""}}),
                              START, START + timedelta(hours=1))
    db.session.commit()
    assert client.get(f"/live/{other.id}/guest/{guests.link_token(guest)}").status_code == 404  # not this session
    assert client.get(link[:-3] + "abc").status_code == 404  # tampered

    login(trainer)
    register = client.get(f"/courses/{course.slug}/manage/live/{module.id}/attendance",
                          headers={"Accept-Language": "en"}).text
    assert "Expert" in register and "guest" in register and "joined 1 time" in register


def test_a_withdrawn_link_is_refused_at_the_next_request_and_its_unsent_mail_is_cancelled(
        client, login, ceremony, mailbox, frozen_clock, make_user):
    course, module, session, trainer = ceremony
    login(trainer)
    _invite(client, course, module)
    guest = db.session.scalar(select(GuestInvite))
    link = f"/live/{session.id}/guest/{guests.link_token(guest)}"
    frozen_clock(DURING)
    assert client.get(link).status_code == 200
    revoked = client.post(f"/courses/{course.slug}/manage/live/{module.id}/guests/{guest.id}/revoke")
    assert revoked.status_code == 302
    refused = client.get(link, headers={"Accept-Language": "az"})
    assert refused.status_code == 404 and "Bu link sessiyanı açmır" in refused.text
    assert mailbox.deliver() == []  # revoked before the worker ran: no link goes out
    assert db.session.scalar(select(Notification.mail_state)) is MailState.CANCELLED
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {AuditAction.GUEST_INVITED, AuditAction.GUEST_REVOKED} <= actions
    client.post("/auth/logout")
    login(make_user(Role.ADMIN))
    log = client.get("/admin/audit", headers={"Accept-Language": "en"}).text
    assert "Guest invited to a live session" in log and "E-mail: speaker@agency.example" in log
    assert "Live session: Opening ceremony" in log and "Guest's link withdrawn" in log and "Moderator: no" in log
    client.post("/auth/logout")
    login(trainer)
    again = _invite(client, course, module)  # invited anew: a new link, the old one stays dead
    assert again.status_code == 302 and client.get(link).status_code == 404


def test_bad_invitations_are_refused_with_a_clear_message(client, login, ceremony, frozen_clock):
    course, module, session, trainer = ceremony
    login(trainer)
    assert _invite(client, course, module).status_code == 302
    twice = _invite(client, course, module, email="SPEAKER@agency.example")
    assert twice.status_code == 400 and "speaker@agency.example is already invited to this session." in twice.text
    no_address = _invite(client, course, module, email="not an address")
    assert no_address.status_code == 400
    bad_language = _invite(client, course, module, email="b@x.example", locale="fr")
    assert bad_language.status_code == 400
    frozen_clock(AFTER)
    over = _invite(client, course, module, email="late@x.example")
    assert over.status_code == 400 and "This session is over" in over.text
    assert db.session.query(GuestInvite).count() == 1


def test_only_the_courses_editors_invite_or_withdraw(client, login, ceremony, make_user):
    course, module, session, trainer = ceremony
    guest = guests.invite(session, name="Expert", email="expert@un.example", organisation="", locale="en",
                          moderator=False, by=trainer, now=START)
    learner = make_user()
    courses.enrol(learner, course)
    other_trainer = make_user(Role.TRAINER)
    db.session.commit()
    for person in (learner, other_trainer):
        login(person)
        assert _invite(client, course, module, email="x@y.example").status_code == 403
        revoke = f"/courses/{course.slug}/manage/live/{module.id}/guests/{guest.id}/revoke"
        assert client.post(revoke).status_code == 403
    trainer.role = Role.LEARNER  # the trainer's right is taken away: gone at the next request
    db.session.commit()
    login(trainer)
    assert _invite(client, course, module, email="x@y.example").status_code == 403
    db.session.refresh(guest)
    assert guest.revoked_at is None and db.session.query(GuestInvite).count() == 1
