"""A learner answers a quiz in Azerbaijani, loses the connection, reloads, submits and reviews."""
import re

import pytest
from playwright.sync_api import Browser, expect

from lms.extensions import db
from tests.conftest import PASSWORD
from tests.quizzes.conftest import quiz_world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.browser


def test_answers_survive_a_lost_connection_and_a_reload(browser: Browser, live_server: str, quiz_world):  # noqa: F811
    _, quiz, enrollment = quiz_world
    enrollment.user.locale = "az"
    quiz.shuffle_questions = False
    db.session.commit()
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server}/lang/az?next=/auth/login")
    page.get_by_label("E-poçt").fill(enrollment.user.email)
    page.get_by_label("Parol").fill(PASSWORD)
    page.get_by_role("button", name="Daxil ol").click()

    page.goto(f"{live_server}/quizzes/{quiz.id}/")
    page.get_by_role("button", name="Testə başla").click()
    first = page.locator("fieldset.question").nth(0)
    second = page.locator("fieldset.question").nth(1)
    first.get_by_label("Refugees").check()
    expect(first.locator("[data-save-state]")).to_have_text("Saxlanıldı")

    context.set_offline(True)
    second.get_by_label("Yanlış").check()
    expect(second.locator("[data-save-state]")).to_have_text("Hələ saxlanılmayıb — yenidən göndərilir")
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(second.locator("[data-save-state]")).to_have_text("Saxlanıldı")

    page.reload()
    expect(page.locator("fieldset.question").nth(0).get_by_label("Refugees")).to_be_checked()
    expect(page.locator("fieldset.question").nth(1).get_by_label("Yanlış")).to_be_checked()

    page.get_by_role("button", name=re.compile("Növbəti səhifə")).click()
    # The second page's questions are typed answers: wait for it, or the first page may be filled as it goes.
    expect(page.locator("fieldset.question").nth(1).get_by_role("textbox")).to_be_visible()
    page.locator("fieldset.question").nth(0).get_by_role("textbox").fill("person")
    page.locator("fieldset.question").nth(1).get_by_role("textbox").fill("281,5")
    expect(page.locator("fieldset.question").nth(1).locator("[data-save-state]")).to_have_text("Saxlanıldı")
    page.get_by_role("button", name="Cəhdi bitir…").click()
    expect(page.get_by_text("4 sualdan 4 cavablandırılıb.")).to_be_visible()
    page.get_by_role("button", name="Hamısını təqdim et və bitir").click()
    expect(page.get_by_role("status")).to_have_text("Cəhdiniz təqdim olundu.")
    expect(page.get_by_text("Bal: 4 baldan 4 (100%)")).to_be_visible()
    expect(page.get_by_text("Keçildi.")).to_be_visible()
