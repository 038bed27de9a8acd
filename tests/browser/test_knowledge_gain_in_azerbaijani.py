"""A trainer reading Azerbaijani marks a course's pre-test and post-test in the quizzes' settings and
opens the evaluation report; a learner reading Russian sees on the post-test what the course taught her."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from lms.auth.models import Gender, Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Question
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

GIFT = "::A::Who is a refugee? {=A person fleeing persecution ~A tourist}\n\n::B::Remittances are sent home. {T}"


def _take(module, enrollment, right: list[bool], when: datetime) -> None:
    quiz = quizzes.quiz_for(module)
    attempt = quizzes.start_attempt(quiz, enrollment, when)
    order = [slot.question_id for slot in quiz.slots]
    for entry in attempt.layout:
        question = db.session.get(Question, entry["question"])
        pick = max if right[order.index(question.id)] else min
        quizzes.save_answer(attempt, question.id, {"choice": pick(question.choices, key=lambda c: c.credit).id},
                            when)
    quizzes.submit_attempt(attempt, when)


def test_pre_and_post_tests_marked_in_azerbaijani_and_the_gain_seen_in_russian(page: Page, live_server: str,
                                                                               make_course, make_user):
    trainer = make_user(Role.TRAINER, locale="az")
    course = make_course(days=[["Dərs"]], trainer=trainer, slug="gain")
    before, after = (courses.add_module(course.days[0], kind=ModuleKind.QUIZ,
                                        texts={"en": {"title": title}, "ru": {"title": title}})
                     for title in ("Before", "After"))
    questions = question_import.import_questions(course, GIFT, "gift")
    for module in (before, after):
        quizzes.set_questions(quizzes.quiz_for(module), [q.id for q in questions])
    learner = make_user(locale="ru", gender=Gender.FEMALE, name="Айгерим")
    enrollment = courses.enrol(learner, course)
    now = datetime.now(UTC) - timedelta(days=1)
    _take(before, enrollment, [False, False], now)
    _take(after, enrollment, [True, False], now + timedelta(hours=3))
    db.session.commit()

    sign_in(page, live_server, trainer.email, "az", ("E-poçt", "Parol", "Daxil ol"))
    for module, purpose in ((before, "pre_test"), (after, "post_test")):
        page.goto(f"{live_server}/courses/gain/manage/quizzes/{module.id}")
        page.get_by_label("Bilik artımı").select_option(purpose)
        page.get_by_role("button", name="Testi yadda saxla").click()
        expect(page.get_by_text("Test yadda saxlanıldı.")).to_be_visible()
    page.goto(f"{live_server}/courses/gain/manage/")
    page.get_by_role("link", name="Qiymətləndirmə hesabatı").click()
    expect(page.get_by_role("heading", name="Cins üzrə")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Qadın"))
    expect(row).to_contain_text("1")
    expect(page.get_by_role("row", name=re.compile("Айгерим"))).to_contain_text("50")

    page.context.clear_cookies()
    sign_in(page, live_server, learner.email, "ru", ("Электронная почта", "Пароль", "Войти"))
    page.goto(f"{live_server}/quizzes/{quizzes.quiz_for(after).id}/")
    expect(page.get_by_role("heading", name="Чему вы научились")).to_be_visible()
    expect(page.get_by_text("Ваш прирост знаний в процентных пунктах: 50.")).to_be_visible()
