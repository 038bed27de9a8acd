"""Knowledge gain as a training centre reports it: the trainer marks a pre-test and a post-test, each
learner's first attempts count, the learner sees their own gain, the evaluation report shows the means
by country and organisation, each question before and after, and participation by gender."""
from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from lms.auth.models import Gender, Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.knowledge import knowledge_gain
from lms.quizzes.models import Question, Quiz, QuizPurpose
from tests.forms import changed, form_fields

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
GIFT = "::A::Who is a refugee under the 1951 Convention? {=A person fleeing persecution ~A tourist}\n\n" \
       "::B::Remittances are money sent home by migrants. {T}"


@pytest.fixture()
def tests_world(make_course, make_user, make_organisation, frozen_clock):
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER, locale="en")
    course = make_course(days=[["Lesson"]], trainer=trainer, starts_on=date(2026, 11, 23))
    modules = [courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": title}})
               for title in ("Before", "After", "Daily check")]
    questions = question_import.import_questions(course, GIFT, "gift")
    for module in modules:
        quiz = quizzes.quiz_for(module)
        quizzes.update_quiz(quiz, attempts_allowed=3)
        quizzes.set_questions(quiz, [q.id for q in questions])
    agency = make_organisation("State Migration Service", "AZ")
    learners = [make_user(name=name, organisation=agency if country == "AZ" else None, country=country,
                          gender=gender, locale="en")
                for name, country, gender in (("Aysel", "AZ", Gender.FEMALE), ("Giorgi", "GE", Gender.MALE),
                                              ("Nodira", "UZ", None))]
    enrollments = [courses.enrol(learner, course) for learner in learners]
    db.session.commit()
    return course, trainer, modules, questions, learners, enrollments


def _take(module, enrollment, right: list[bool], when: datetime):
    """An attempt answering each question right or wrong, submitted at `when`."""
    quiz = quizzes.quiz_for(module)
    attempt = quizzes.start_attempt(quiz, enrollment, when)
    for entry in attempt.layout:
        question = db.session.get(Question, entry["question"])
        position = [q.question_id for q in quiz.slots].index(question.id)
        choice = max(question.choices, key=lambda c: c.credit) if right[position] else \
            min(question.choices, key=lambda c: c.credit)
        quizzes.save_answer(attempt, question.id, {"choice": choice.id}, when)
    quizzes.submit_attempt(attempt, when)
    db.session.commit()


def _mark(client, course, module, purpose):
    page = client.get(f"/courses/{course.slug}/manage/quizzes/{module.id}")
    fields = changed(form_fields(page.text), purpose=purpose)
    response = client.post(f"/courses/{course.slug}/manage/quizzes/{module.id}", data=MultiDict(fields))
    assert response.status_code == 302, response.text[:2000]


def test_marking_a_pre_test_and_a_post_test_and_each_is_one_per_course(client, login, tests_world):
    course, trainer, (before, after, daily), *_ = tests_world
    login(trainer)
    _mark(client, course, daily, "pre_test")
    _mark(client, course, before, "pre_test")  # the daily check is an ordinary quiz again
    _mark(client, course, after, "post_test")
    purposes = dict(db.session.execute(select(Quiz.module_id, Quiz.purpose)).all())
    assert purposes == {before.id: QuizPurpose.PRE_TEST, after.id: QuizPurpose.POST_TEST, daily.id: None}


def test_first_attempts_give_the_gain_the_learner_and_the_report_see(client, login, tests_world):
    course, trainer, (before, after, _daily), questions, learners, enrollments = tests_world
    quizzes.update_quiz(quizzes.quiz_for(before), purpose=QuizPurpose.PRE_TEST)
    quizzes.update_quiz(quizzes.quiz_for(after), purpose=QuizPurpose.POST_TEST)
    aysel, giorgi, nodira = enrollments
    _take(before, aysel, [True, False], NOW)            # 50 %
    _take(after, aysel, [True, True], NOW + timedelta(days=2))   # 100 %
    _take(before, giorgi, [False, False], NOW)          # 0 %
    _take(after, giorgi, [True, False], NOW + timedelta(days=2))  # 50 %: his first post-test counts
    _take(after, giorgi, [True, True], NOW + timedelta(days=2, hours=1))
    _take(before, nodira, [True, True], NOW)            # only the pre-test

    report = knowledge_gain(course)
    assert report.overall.count == 2
    assert report.overall.pre == pytest.approx(25) and report.overall.post == pytest.approx(75)
    assert report.overall.normalised == pytest.approx((1.0 + 0.5) / 2)
    assert [(key, m.count) for key, m in report.by_country] == [("AZ", 1), ("GE", 1), ("UZ", 0)]
    assert [(item.before, item.after) for item in report.items] == [
        (pytest.approx(2 / 3), pytest.approx(1.0)), (pytest.approx(1 / 3), pytest.approx(0.5))]

    login(learners[0])
    page = client.get(f"/quizzes/{quizzes.quiz_for(after).id}/").text
    assert "Your knowledge gain: 50 percentage points." in page
    assert "That is 100% of what there was left to learn." in page

    client.post("/auth/logout")
    login(trainer)
    evaluation = client.get(f"/admin/courses/{course.slug}/evaluation")
    assert evaluation.status_code == 200
    assert "Female" in evaluation.text and "Not given" in evaluation.text
    assert "Right in the pre-test" in evaluation.text and "Giorgi" in evaluation.text
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/admin/courses/{course.slug}/evaluation.xlsx").data))
    assert workbook.sheetnames == ["Participation", "Knowledge gain"]
    gain_rows = list(workbook["Knowledge gain"].values)
    assert gain_rows[1] == (None, 2, 25, 75, 50, 75)  # count, pre, post, points, normalised (%)
    assert ("Giorgi", 0, 50, 50, 50, None) in gain_rows  # the sheet is six columns wide
    participation = list(workbook["Participation"].values)
    assert ("Female", 1, 0, 0, 100) in participation  # Aysel: enrolled, not completed, not certified; no sessions


def test_the_evaluation_report_is_for_the_course_s_editors_only(client, login, tests_world):
    course, *_, learners, _enrollments = tests_world
    login(learners[0])
    assert client.get(f"/admin/courses/{course.slug}/evaluation").status_code == 403
