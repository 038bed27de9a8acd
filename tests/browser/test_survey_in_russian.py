"""A trainer reading Azerbaijani adds a survey to a course and starts it from the end-of-course template;
a learner reading Russian answers it in Chromium (ratings, options, her trainer, a comment) and the
trainer reads the results, which appear once three people have answered."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db
from lms.surveys import services as surveys
from lms.surveys.models import Survey, SurveyResponse
from tests.browser.signing_in import sign_in
from tests.surveys.conftest import full_answers

pytestmark = pytest.mark.browser


def test_a_survey_made_in_azerbaijani_answered_in_russian(page: Page, live_server: str, make_course, make_user):
    trainer = make_user(Role.TRAINER, locale="az", name="Leyla Hüseynova")
    course = make_course(days=[["Dərs"]], trainer=trainer, slug="feedback")
    learner = make_user(locale="ru", name="Айгерим", country="KZ")
    others = [make_user(country="AZ") for _ in range(2)]
    enrollments = [courses.enrol(person, course) for person in (learner, *others)]
    db.session.commit()

    sign_in(page, live_server, trainer.email, "az", ("E-poçt", "Parol", "Daxil ol"))
    page.goto(f"{live_server}/courses/feedback/manage/")
    page.get_by_role("link", name="+ Sorğu").click()
    page.get_by_label("Ad (English)").fill("Course evaluation")
    page.get_by_label("Ad (Русский)").fill("Оценка курса")
    page.get_by_role("button", name="Modul əlavə et").click()
    page.get_by_role("link", name=re.compile("Suallar və nəticələr")).click()
    page.get_by_label("Şablon").select_option("end_of_course")
    page.get_by_role("button", name="Suallarını əlavə et").click()
    expect(page.get_by_text("Şablonun sualları bütün dillərdə əlavə olundu.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Redaktə et.*Ümumilikdə kursdan"))).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, learner.email, "ru", ("Электронная почта", "Пароль", "Войти"))
    page.goto(f"{live_server}/courses/feedback/")
    page.get_by_role("link", name="Оценка курса").click()
    page.get_by_role("link", name="Ответить на опрос").click()
    expect(page.get_by_text("Этот опрос анонимный")).to_be_visible()
    page.get_by_role("button", name="Отправить мои ответы").click()  # nothing chosen yet
    expect(page.get_by_text("Пожалуйста, ответьте на этот вопрос.").first).to_be_visible()
    questions = page.locator("fieldset.question")
    for index in range(questions.count()):
        question = questions.nth(index)
        radios = question.locator("input[type=radio]")
        if radios.count():
            radios.nth(radios.count() - 2).check()  # "Хорошо" on 1–5, 9 on 0–10, the middle option
        elif question.locator("input[type=checkbox]").count():
            question.locator("input[type=checkbox]").first.check()
        elif index == questions.count() - 2:
            question.locator("textarea").fill("Больше практических примеров, пожалуйста.")
    expect(page.get_by_text("Leyla Hüseynova")).to_be_visible()  # her trainer, rated by name
    page.get_by_role("button", name="Отправить мои ответы").click()
    expect(page.get_by_text("Спасибо за ваши ответы.")).to_be_visible()
    expect(page.get_by_text("Вы завершили этот модуль.")).to_be_visible()

    survey = db.session.query(Survey).one()
    response = db.session.query(SurveyResponse).one()
    assert response.user_id is None and response.country == "KZ"
    for person, enrollment in zip(others, enrollments[1:], strict=True):
        surveys.submit(survey, person, enrollment, full_answers(survey, trainer_id=trainer.id), survey.created_at)
    db.session.commit()

    page.context.clear_cookies()
    sign_in(page, live_server, trainer.email, "az", ("E-poçt", "Parol", "Daxil ol"))
    page.goto(f"{live_server}/courses/feedback/manage/surveys/{survey.module_id}/results")
    expect(page.get_by_role("heading", name=re.compile("Ümumilikdə kursdan nə dərəcədə razısınız"))).to_be_visible()
    expect(page.get_by_text("Больше практических примеров, пожалуйста.")).to_be_visible()
