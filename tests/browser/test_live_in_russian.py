"""A learner opens a live session page in Russian and finds the meeting embed configured."""
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.live import services as live
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_the_session_page_configures_the_jitsi_embed(page: Page, live_server: str, make_course, make_user):
    learner = make_user(locale="ru", name="Олена Коваленко")
    course = make_course(days=[["Lesson"]])
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE,
                                texts={"en": {"title": "Opening", "body": ""}, "ru": {"title": "Открытие", "body": ""}})
    now = datetime.now(UTC)  # the served app runs on the real clock
    session = live.schedule(module, now - timedelta(minutes=5), now + timedelta(minutes=55))
    courses.enrol(learner, course)
    db.session.commit()

    page.goto(f"{live_server}/lang/ru?next=/auth/login")
    page.get_by_label("Электронная почта").fill(learner.email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.goto(f"{live_server}/courses/{course.slug}/modules/{module.id}")
    page.get_by_role("link", name="Перейти к онлайн-занятию").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Открытие")
    meeting = page.locator("#jitsi-meeting")
    expect(meeting).to_have_attribute("data-domain", "meet.telim.example")
    expect(meeting).to_have_attribute("data-lang", "ru")
    expect(meeting).to_have_attribute("data-name", "Олена Коваленко")
    assert meeting.get_attribute("data-jwt").startswith("ey")
    assert meeting.get_attribute("data-room").startswith("telim-")
    # No Jitsi server is reachable from the tests: the page says so and keeps the link.
    expect(meeting).to_have_text("Не удалось загрузить встречу здесь. Воспользуйтесь ссылкой выше.")
    expect(page.get_by_role("link", name="Открыть встречу на отдельной странице")).to_have_attribute(
        "href", f"/live/{session.id}/join")


def test_before_the_session_a_countdown_in_russian(page: Page, live_server: str, make_course, make_user):
    learner = make_user(locale="ru")
    course = make_course(days=[["Lesson"]])
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Lecture", "body": ""}})
    now = datetime.now(UTC)
    session = live.schedule(module, now + timedelta(hours=3, minutes=15), now + timedelta(hours=4))
    courses.enrol(learner, course)
    db.session.commit()
    page.goto(f"{live_server}/lang/ru?next=/auth/login")
    page.get_by_label("Электронная почта").fill(learner.email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.goto(f"{live_server}/live/{session.id}/")
    expect(page.locator("[data-countdown]")).to_have_text("через 3 часа")  # opens 15 minutes early
    expect(page.locator("#jitsi-meeting")).to_have_count(0)
