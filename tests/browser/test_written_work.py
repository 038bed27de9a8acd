"""Written work in Chromium: a learner reading Russian writes an essay in a quiz (saved as she types, words
counted) and hands in an assignment with a file; a trainer reading Azerbaijani grades both from the grading
queue, the assignment with its rubric; the learner reads the grades and comments."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from lms.assignments import rubric
from lms.assignments import services as assignments
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Answer
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser
RUSSIAN = ("Электронная почта", "Пароль", "Войти")
AZERBAIJANI = ("E-poçt", "Parol", "Daxil ol")
ESSAY = "Сезонные рабочие едут весной на юг на автобусах, часто без договора и без страховки."


def _course(make_course, make_user):
    trainer = make_user(Role.TRAINER, locale="az", name="Leyla Hüseynova")
    course = make_course(days=[["Dərs"]], trainer=trainer, slug="written-work")
    quiz = quizzes.quiz_for(courses.add_module(course.days[0], kind=ModuleKind.QUIZ,
                                               texts={"en": {"title": "Final quiz"}, "ru": {"title": "Итоговый тест"}}))
    [essay] = question_import.import_questions(course, "::E::Describe a migration route. {}", "gift")
    question_import.import_translations(course, "::E::Опишите миграционный маршрут. {}", "gift", "ru")
    essay.min_words, essay.takes_file = 5, True
    quizzes.set_questions(quiz, [essay.id])
    plan = courses.add_module(course.days[0], kind=ModuleKind.ASSIGNMENT, texts={
        "en": {"title": "Action plan", "body": "Write a plan."},
        "ru": {"title": "План действий", "body": "Напишите план."}})
    assignment = assignments.assignment_for(plan)
    assignment.takes_files = True
    rubric.add_criterion(assignment, points=[0, 10, 20], texts={
        "en": ("A clear aim", ["None", "Broad", "Clear"]), "ru": ("Чёткая цель", ["Нет", "Широкая", "Чёткая"]),
        "az": ("Aydın məqsəd", ["Yoxdur", "Geniş", "Aydın"])})
    learner = make_user(locale="ru", name="Айгерим Садыкова")
    courses.enrol(learner, course)
    db.session.commit()
    return trainer, learner, quiz, assignment


def test_an_essay_and_an_assignment_written_in_russian_graded_in_azerbaijani(page: Page, live_server: str,
                                                                            make_course, make_user):
    trainer, learner, quiz, assignment = _course(make_course, make_user)

    sign_in(page, live_server, learner.email, "ru", RUSSIAN)
    page.goto(f"{live_server}/quizzes/{quiz.id}/")
    page.locator(f"form[action$='/quizzes/{quiz.id}/start'] [type=submit]").click()
    box = page.locator("textarea")
    expect(page.get_by_text("Напишите не меньше 5 слов.")).to_be_visible()
    box.fill(ESSAY)
    expect(page.locator("[id$='-words']")).to_have_text("14")  # counted as she types
    expect(page.get_by_text("Сохранено")).to_be_visible()  # saved without leaving the page
    page.reload()
    expect(page.locator("textarea")).to_have_value(ESSAY)
    page.get_by_label("Файл к ответу (по желанию)").set_input_files(
        {"name": "Карта маршрута.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 map"})
    page.get_by_role("button", name="Сохранить файл").click()
    expect(page.get_by_role("link", name="Карта маршрута.pdf")).to_be_visible()
    expect(page.locator("textarea")).to_have_value(ESSAY)  # the text stays with the file
    page.get_by_role("button", name="Завершить попытку…").click()
    page.get_by_role("button", name="Отправить всё и завершить").click()
    expect(page.get_by_text("Ожидает оценки").first).to_be_visible()

    page.goto(f"{live_server}/assignments/{assignment.id}/")
    expect(page.get_by_role("heading", name="Как оценивается ваша работа")).to_be_visible()
    page.locator("textarea").fill("Цель: единый чек-лист на границе.")
    page.locator("input[type=file]").set_input_files(
        {"name": "План.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 plan"})
    page.get_by_role("button", name="Сдать").click()
    expect(page.get_by_role("link", name="План.pdf").first).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, trainer.email, "az", AZERBAIJANI)
    page.goto(f"{live_server}/courses/written-work/manage/grading")
    expect(page.get_by_text("2 iş gözləyir")).to_be_visible()
    page.get_by_role("link", name="Qiymətləndirməyə başlayın").click()  # the oldest first: the essay
    expect(page.get_by_text(ESSAY)).to_be_visible()
    expect(page.get_by_role("link", name="Карта маршрута.pdf")).to_be_visible()
    page.get_by_label("Bal").fill("1")
    page.get_by_label("Dinləyiciyə şərh").fill("Маршрут понятен, риск назван.")
    page.get_by_role("button", name="Qiyməti saxla").click()
    expect(page.get_by_role("link", name="План.pdf").first).to_be_visible()  # the next one opened: the plan
    page.get_by_label(re.compile("Aydın")).check()
    page.get_by_role("button", name=re.compile("qaytar")).click()
    expect(page.get_by_text("Qiymətləndirmə gözləyən iş yoxdur.")).to_be_visible()
    assert db.session.scalar(select(Answer.comment)) == "Маршрут понятен, риск назван."

    page.context.clear_cookies()
    sign_in(page, live_server, learner.email, "ru", RUSSIAN)
    page.goto(f"{live_server}/assignments/{assignment.id}/")
    expect(page.get_by_text(re.compile("20 из 20 баллов"))).to_be_visible()
    expect(page.locator(".rubric-chosen")).to_contain_text("Чёткая")
    page.goto(f"{live_server}/quizzes/{quiz.id}/")
    page.get_by_role("link", name=re.compile("Просмотр|Посмотреть")).first.click()
    expect(page.get_by_text("Маршрут понятен, риск назван.")).to_be_visible()
