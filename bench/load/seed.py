"""Seed the load test's database: a course with a 16-question quiz (2 a page) and N enrolled learners.

    DATABASE_URL=postgresql+psycopg://127.0.0.1/telim_load python -m bench.load.seed --learners 6000
"""
from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from sqlalchemy import insert, select

from config import ProdConfig
from lms import create_app
from lms.auth import services as accounts
from lms.auth.models import Role, User
from lms.courses import services as courses
from lms.courses.models import CourseRole, CourseStatus, Enrollment, ModuleKind
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.schema import upgrade

SLUG = "load-course"
PASSWORD = "load-test-password"  # noqa: S105  (the generated learners of a throwaway database)  # nosec B105
QUESTIONS = 16


def gift_questions(count: int) -> str:
    return "\n\n".join(
        f"::Q{n}:: Which answer is number {n % 4 + 1}? {{=Answer {n % 4 + 1} ~Answer 9 ~Answer 8 ~Answer 7}}"
        for n in range(1, count + 1))


def seed(learners: int) -> dict:
    """Create the course, the quiz and the learners; returns what the locustfile needs."""
    upgrade()
    course = courses.create_course(slug=SLUG, original_locale="en", timezone="Asia/Baku",
                                   starts_on=datetime.now(UTC).date(), days=1,
                                   texts={"en": {"title": "Load test course", "summary": "For the load test."}})
    lesson = courses.add_module(course.days[0], kind=ModuleKind.LESSON,
                                texts={"en": {"title": "Reading", "body": "Text."}})
    module = courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "The quiz"}})
    quiz = quizzes.quiz_for(module)
    questions = question_import.import_questions(course, gift_questions(QUESTIONS), "gift")
    quizzes.update_quiz(quiz, time_limit_minutes=None, attempts_allowed=None, pass_mark=60, questions_per_page=2,
                        shuffle_choices=True)
    quizzes.set_questions(quiz, [question.id for question in questions])
    courses.set_status(course, CourseStatus.PUBLISHED)
    password_hash = accounts.hash_password(PASSWORD)  # scrypt, as in production; one hash for every account
    db.session.execute(insert(User), [
        {"email": f"load{n}@bench.example", "name": f"Load Learner {n}", "password_hash": password_hash,
         "role": Role.LEARNER, "active": True, "created_at": datetime.now(UTC)} for n in range(learners)])
    user_ids = db.session.scalars(select(User.id).where(User.email.like("load%@bench.example"))).all()
    db.session.execute(insert(Enrollment), [
        {"user_id": user_id, "course_id": course.id, "role": CourseRole.LEARNER, "enrolled_at": datetime.now(UTC)}
        for user_id in user_ids])
    db.session.commit()
    return {"slug": SLUG, "quiz_id": quiz.id, "lesson_module_id": lesson.id, "learners": learners,
            "password": PASSWORD}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=6000)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    app = create_app(ProdConfig)
    with app.app_context():
        facts = seed(args.learners)
    text = json.dumps(facts)
    if args.out == "-":
        print(text)
    else:
        with open(args.out, "w") as file:
            file.write(text)


if __name__ == "__main__":
    main()
