"""The outbox: a row per message written with its event, mailed once by the worker, retried, in each
person's language, turned off by the person, and shown on the site."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db
from lms.notifications import services
from lms.notifications.delivery import deliver_due
from lms.notifications.models import MailState, Notification, OptOut
from tests.mailbox import _free_port

NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)


def rows(kind: str | None = None) -> list[Notification]:
    query = select(Notification).order_by(Notification.id)
    return list(db.session.scalars(query.where(Notification.kind == kind) if kind else query))


def ticked(page: str, box_id: str) -> bool:
    return " checked" in re.search(rf'<input[^>]*id="{box_id}"[^>]*>', page).group(0)


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_an_enrolment_writes_one_row_and_the_worker_mails_it_once(make_user, make_course, mailbox):
    learner = make_user(locale="ru", name="Olga")
    course = make_course(slug="key-concepts")
    courses.enrol(learner, course, by_admin=True)
    courses.enrol(learner, course, by_admin=True)  # enrolled twice: told once
    db.session.commit()
    assert [row.mail_state for row in rows("enrolled")] == [MailState.WAITING]
    (message,) = mailbox.deliver()
    assert message["Subject"] == "Вы записаны на курс «Основы миграции»"
    assert "Здравствуйте, Olga" in plain(message)
    assert "http://localhost/courses/key-concepts/" in plain(message)
    html = message.get_body(("html",)).get_content()
    assert 'lang="ru"' in html and 'href="http://localhost/courses/key-concepts/"' in html
    assert message["List-Unsubscribe"].startswith("<http://localhost/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    db.session.expire_all()
    (row,) = rows("enrolled")
    assert row.mail_state is MailState.SENT and row.sent_at is not None and row.tries == 1
    assert deliver_due(datetime.now(UTC)) == 0 and len(mailbox) == 1  # never twice


def test_a_server_that_refuses_is_tried_again_later_and_then_given_up(app, make_user, make_course, frozen_clock):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port(), MAIL_USE_TLS=False,
                      NOTIFICATION_MAX_TRIES=3)  # nothing listens on that port
    frozen_clock(NOW)
    courses.enrol(make_user(), make_course(), by_admin=True)
    db.session.commit()
    assert deliver_due(NOW) == 0
    db.session.expire_all()
    (row,) = rows("enrolled")
    assert row.mail_state is MailState.WAITING and row.tries == 1 and "ConnectionRefusedError" in row.last_error
    assert row.due_at == NOW + timedelta(minutes=1) and row.claimed_until is None
    assert deliver_due(NOW + timedelta(seconds=30)) == 0 and row.tries == 1  # not due yet
    for minutes in (1, 6):
        frozen_clock(NOW + timedelta(minutes=minutes))
        deliver_due(NOW + timedelta(minutes=minutes))
    db.session.expire_all()
    assert row.mail_state is MailState.FAILED and row.tries == 3


def test_a_message_taken_by_a_worker_is_left_alone_until_its_claim_runs_out(app, make_user, make_course, mailbox):
    courses.enrol(make_user(), make_course(), by_admin=True)
    db.session.commit()
    (row,) = rows("enrolled")
    row.claimed_until = datetime.now(UTC) + timedelta(minutes=5)  # another worker has it
    db.session.commit()
    assert mailbox.deliver() == []
    row.claimed_until = datetime.now(UTC) - timedelta(seconds=1)  # ... and died
    db.session.commit()
    assert len(mailbox.deliver()) == 0  # the request's job has run; the next periodic run sends it
    assert deliver_due(datetime.now(UTC)) == 1 and len(mailbox) == 1


def test_without_a_mail_server_people_read_it_on_the_site(client, login, make_user, make_course):
    learner = make_user(locale="ru")
    courses.enrol(learner, make_course(slug="key-concepts"), by_admin=True)
    db.session.commit()
    deliver_due(datetime.now(UTC))
    db.session.expire_all()
    assert rows("enrolled")[0].mail_state is MailState.NOT_MAILED
    login(learner)
    home = client.get("/", headers={"Accept-Language": "ru"}).text
    assert re.search(r"Уведомления <span class=\"badge\" aria-label=\"1 непрочитанное\">1</span>", home)
    page = client.get("/notifications/", headers={"Accept-Language": "ru"}).text
    assert "Вы записаны на курс «Основы миграции»" in page and 'href="http://localhost/courses/key-concepts/"' in page
    client.post("/notifications/read", data={})
    assert 'class="badge"' not in client.get("/notifications/").text.split("<main")[0]


def test_the_badge_counts_what_the_site_shows_and_not_account_mail(client, login, make_user, make_course):
    learner = make_user(locale="en")
    courses.enrol(learner, make_course(), by_admin=True)  # shown on the site
    services.notify(learner, "password_link", "reset")  # mail only: a link is never left on a page
    db.session.commit()
    login(learner)
    header = client.get("/").text.split("<main")[0]
    assert re.search(r'<span class="badge" aria-label="1 unread">1</span>', header)
    assert client.get("/notifications/").text.count('class="notification-title"') == 1


def test_mark_one_read_touches_only_my_own(client, login, make_user, make_course):
    mine, other = make_user(), make_user()
    course = make_course()
    courses.enrol(mine, course, by_admin=True)
    courses.enrol(other, course, by_admin=True)
    db.session.commit()
    my_row, other_row = rows("enrolled")
    login(mine)
    client.post("/notifications/read", data={"notification": str(other_row.id)})
    client.post("/notifications/read", data={"notification": "x" * 40})
    db.session.expire_all()
    assert my_row.read_at is None and other_row.read_at is None
    client.post("/notifications/read", data={"notification": str(my_row.id)})
    db.session.expire_all()
    assert my_row.read_at is not None and other_row.read_at is None


def test_the_unsubscribe_link_stops_that_kind_of_mail_only(client, make_user, make_course, mailbox):
    learner = make_user(locale="az")
    courses.enrol(learner, make_course(), by_admin=True)
    db.session.commit()
    (message,) = mailbox.deliver()
    link = message["List-Unsubscribe"].strip("<>").removeprefix("http://localhost")
    page = client.get(link, headers={"Accept-Language": "ru"})
    assert page.status_code == 200 and "Запись на курс" in page.text
    assert db.session.scalar(select(func.count()).select_from(OptOut)) == 0  # a GET (a mail scanner) changes nothing
    assert client.post(link).status_code == 200  # one click, from the mail program: no form, no CSRF token
    assert client.post(link).status_code == 200  # twice changes nothing
    assert services.mail_turned_off(learner) == {"enrolled"}
    courses.enrol(learner, make_course(), by_admin=True)
    db.session.commit()
    assert len(mailbox.deliver()) == 1
    db.session.expire_all()
    assert [row.mail_state for row in rows("enrolled")] == [MailState.SENT, MailState.NOT_MAILED]


@pytest.mark.parametrize("token", ["nonsense", "WzEsICJlbnJvbGxlZCJd.forged"])
def test_a_forged_unsubscribe_link_is_unknown(client, token):
    assert client.get(f"/unsubscribe/{token}").status_code == 404
    assert client.post(f"/unsubscribe/{token}").status_code == 404


def test_account_mail_has_no_unsubscribe_link(app, client, make_user):
    from lms.notifications.unsubscribe import unsubscribe_url
    with app.test_request_context():
        link = unsubscribe_url(make_user().id, "password_link")
    assert client.post(link.removeprefix("http://localhost")).status_code == 404


def test_the_profile_saves_the_choices_and_saving_again_keeps_them(client, login, make_user):
    learner = make_user()
    login(learner)
    page = client.get("/auth/profile", headers={"Accept-Language": "ru"}).text
    assert "Напоминания за час до онлайн-занятий" in page and "Ежедневная сводка" not in page  # not for learners
    boxes = {"kind_enrolled": "y", "kind_course_message": "y", "kind_quiz_closing": "y", "kind_day_opens": "y",
             "kind_certificate_issued": "y", "kind_survey_reminder": "y", "kind_assignment_received": "y",
             "kind_assignment_returned": "y", "kind_assignment_due": "y",
             "kind_quiz_attempt_graded": "y"}  # live reminders left unticked
    assert client.post("/notifications/choices", data=boxes).status_code == 302
    assert services.mail_turned_off(learner) == {"live_soon"}
    client.post("/notifications/choices", data=boxes)  # unchanged
    assert services.mail_turned_off(learner) == {"live_soon"}
    client.post("/notifications/choices", data={**boxes, "kind_live_soon": "y", "kind_enrolled": ""})
    assert services.mail_turned_off(learner) == {"enrolled"}
    page = client.get("/auth/profile").text
    assert ticked(page, "kind_live_soon") and not ticked(page, "kind_enrolled")


def test_notification_pages_need_a_sign_in(client):
    assert client.get("/notifications/").status_code == 302
    assert client.post("/notifications/read").status_code == 302
    assert client.post("/notifications/choices").status_code == 302


def test_a_removed_person_gets_nothing_more(make_user, make_course, mailbox):
    learner = make_user()
    courses.enrol(learner, make_course(), by_admin=True)
    learner.active = False
    db.session.commit()
    assert mailbox.deliver() == []
    db.session.expire_all()
    assert rows("enrolled")[0].mail_state is MailState.NOT_MAILED


def test_trainers_enrolled_as_trainers_get_no_learner_notice(make_user, make_course):
    make_course(trainer=make_user(Role.TRAINER))
    assert rows("enrolled") == []


def test_the_enrolment_mail_gives_the_persons_private_calendar_address(make_user, make_course, mailbox):
    from lms.auth import services as accounts
    learner = make_user(locale="en")
    token = accounts.calendar_token(learner)
    courses.enrol(learner, make_course(), by_admin=True)
    db.session.commit()
    (message,) = mailbox.deliver()
    assert f"http://localhost/calendar/{token}.ics" in plain(message)
    assert "The course runs from November 23, 2026 to November 24, 2026." in plain(message)
