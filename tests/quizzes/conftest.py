"""A course with a quiz module whose quiz asks questions imported from GIFT."""
from datetime import UTC, datetime

import pytest

from lms.courses import services as courses
from lms.courses.models import CourseStatus, ModuleKind
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

GIFT = """
::Q1::Who is protected by the 1951 Convention? {=Refugees ~Tourists ~Investors}

::Q2::A migrant has always crossed a border. {F}

::Q3::IDP stands for internally displaced ... {=person =persons}

::Q4::International migrants in 2020, in millions? {#281:2}
"""


@pytest.fixture()
def quiz_world(make_course, make_user):
    """(course, quiz, enrollment) — a published course whose day 1 has the quiz above."""
    course = make_course(days=[["Lesson"]], status=CourseStatus.DRAFT)
    module = courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Check", "body": ""}})
    courses.set_status(course, CourseStatus.PUBLISHED)
    question_import.import_questions(course, GIFT, "gift")
    quiz = quizzes.quiz_for(module)
    quizzes.set_questions(quiz, [q.id for q in _bank(course)])
    enrollment = courses.enrol(make_user(), course)
    db.session.commit()
    return course, quiz, enrollment


def _bank(course):
    from sqlalchemy import select

    from lms.quizzes.models import Question
    return db.session.scalars(select(Question).where(Question.course_id == course.id).order_by(Question.id)).all()


def right_answers(attempt):
    """{question id: the response that earns full marks}, from the bank's own key."""
    from lms.quizzes.models import Question
    answers = {}
    for entry in attempt.layout:
        question = db.session.get(Question, entry["question"])
        best = max(question.choices, key=lambda c: c.credit)
        if question.kind.value in ("single", "true_false"):
            answers[question.id] = {"choice": best.id}
        elif question.kind.value == "short_text":
            answers[question.id] = {"text": best.translations[0].text}
        else:
            answers[question.id] = {"value": str(best.value)}
    return answers
