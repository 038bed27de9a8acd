"""A trainer writes and publishes a lesson; a learner finds it, reads it and completes it — in Russian."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from lms.auth.models import Role
from lms.courses.models import CourseStatus
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/lang/ru?next=/auth/login")
    page.get_by_label("Электронная почта").fill(email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()


def test_trainer_publishes_a_lesson_and_a_learner_completes_it(browser: Browser, live_server: str, make_user,
                                                               make_course):
    trainer = make_user(Role.TRAINER, locale="ru", email="trainer@example.org")
    make_user(locale="ru", email="learner@example.org", name="Олена Коваленко")
    today_in_baku = datetime.now(ZoneInfo("Asia/Baku")).date()  # the live server runs on the real clock
    course = make_course(days=[[]], status=CourseStatus.DRAFT, trainer=trainer, starts_on=today_in_baku)

    trainer_page = browser.new_context().new_page()
    sign_in(trainer_page, live_server, "trainer@example.org")
    trainer_page.goto(f"{live_server}/courses/{course.slug}/manage/")
    trainer_page.get_by_role("link", name="+ Урок").click()
    trainer_page.get_by_label("Название (English)").fill("Who is a migrant?")
    trainer_page.get_by_label("Текст в Markdown (English)").fill("A migrant moves away from their usual residence.")
    trainer_page.get_by_label("Название (Русский)").fill("Кто такой мигрант?")
    trainer_page.get_by_label("Текст в Markdown (Русский)").fill(
        "## Определение\n\n**Мигрант** покидает место обычного проживания.\n\n<script>alert(1)</script>")
    trainer_page.get_by_role("button", name="Добавить модуль").click()
    expect(trainer_page.get_by_role("status")).to_have_text("Модуль добавлен.")
    trainer_page.get_by_role("button", name="Опубликовать").click()
    expect(trainer_page.get_by_role("status")).to_have_text("Курс опубликован: слушатели видят его и могут записаться.")

    learner_page = browser.new_context().new_page()
    dialogs = []
    learner_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(learner_page, live_server, "learner@example.org")
    learner_page.get_by_role("link", name="Основы миграции").click()
    learner_page.get_by_role("button", name="Записаться на курс").click()
    expect(learner_page.get_by_role("status")).to_have_text("Вы записаны на курс «Основы миграции».")
    learner_page.get_by_role("link", name="Кто такой мигрант?").first.click()
    expect(learner_page.get_by_role("heading", level=2, name="Определение")).to_be_visible()
    expect(learner_page.locator(".prose strong")).to_have_text("Мигрант")
    learner_page.get_by_role("button", name="Отметить как завершённый").click()
    expect(learner_page.get_by_role("status")).to_have_text("«Кто такой мигрант?» завершён.")
    expect(learner_page.get_by_text("Выполнено: 1 из 1 обязательного модуля · 100 %")).to_be_visible()
    expect(learner_page.locator(".module-row .badge-ok")).to_have_text("Завершено")
    assert dialogs == []  # the <script> in the lesson never ran
