"""A learner reading Russian is told an hour before a live session: on the site (the header's count, the
list) and by mail, and both links lead into the session."""
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.live.notices import remind_starting_soon
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_the_session_in_an_hour_notice_on_the_site_and_by_mail(page: Page, live_server: str, app, mailbox,
                                                               make_course, make_user):
    app.config["PUBLIC_URL"] = live_server  # the worker builds links to the served site
    learner = make_user(locale="ru", name="Олена Коваленко", timezone="Asia/Baku")
    course = make_course(days=[["Lesson"]])
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE,
                                texts={"en": {"title": "Opening", "body": ""}, "ru": {"title": "Открытие", "body": ""}})
    now = datetime.now(UTC)  # the served app runs on the real clock
    session = live.schedule(module, now + timedelta(minutes=50), now + timedelta(minutes=110))
    courses.enrol(learner, course)
    db.session.commit()
    assert remind_starting_soon(now) == 1  # the worker's minute run
    db.session.commit()
    mails = [m for m in mailbox.deliver() if m["Subject"].startswith("«Открытие» начинается")]
    assert len(mails) == 1
    text = mails[0].get_body(("plain",)).get_content()
    assert "Здравствуйте, Олена Коваленко!" in text and "Онлайн-занятие «Открытие»" in text
    mailed_link = re.search(rf"{re.escape(live_server)}/live/\d+/", text).group(0)

    page.goto(f"{live_server}/lang/ru?next=/auth/login")
    page.get_by_label("Электронная почта").fill(learner.email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    notifications = page.get_by_role("link", name=re.compile(r"^Уведомления"))
    expect(notifications.locator(".badge")).to_have_text("2")  # enrolled, and the session
    notifications.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Уведомления")
    notice = page.get_by_role("link", name=re.compile(r"^«Открытие» начинается"))
    expect(notice).to_be_visible()
    notice.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Открытие")
    assert page.url == f"{live_server}/live/{session.id}/"

    page.goto(mailed_link)  # the mail's link opens the same page
    expect(page.get_by_role("heading", level=1)).to_have_text("Открытие")
    page.goto(f"{live_server}/notifications/")
    page.get_by_role("button", name="Отметить все как прочитанные").click()
    expect(page.get_by_role("link", name=re.compile(r"^Уведомления")).locator(".badge")).to_have_count(0)
