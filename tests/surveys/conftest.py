"""A three-day course whose last day has an end-of-course survey (from the template) and a live session,
with a trainer and learners from three countries."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from lms.auth.models import Organisation, Role, User
from lms.courses import services as courses
from lms.courses.models import Course, Enrollment, Module, ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.surveys import services as surveys
from lms.surveys.models import QuestionKind, Survey

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # the third day, after its session


@dataclass
class World:
    course: Course
    trainer: User
    learners: list[User]
    enrollments: list[Enrollment]
    module: Module
    survey: Survey
    session_id: int
    agency: Organisation


@pytest.fixture()
def survey_world(make_course, make_user, make_organisation, frozen_clock) -> World:
    frozen_clock(NOW)
    trainer = make_user(Role.TRAINER, name="Leyla Trainer", locale="en")
    course = make_course(days=[["Lesson 1"], ["Lesson 2"], ["Lesson 3"]], trainer=trainer,
                         starts_on=date(2026, 11, 23))
    seminar = courses.add_module(course.days[2], kind=ModuleKind.LIVE, required=False,
                                 texts={"en": {"title": "Seminar"}})
    session = live.schedule(seminar, datetime(2026, 11, 25, 6, 0, tzinfo=UTC), datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    module = courses.add_module(course.days[2], kind=ModuleKind.SURVEY,
                                texts={"en": {"title": "Course evaluation"}, "ru": {"title": "Оценка курса"}})
    survey = surveys.survey_for(module)
    surveys.start_from(survey, "end_of_course")
    agency = make_organisation("State Migration Service", "AZ")
    learners = [make_user(name=f"Learner {country} {n}", country=country, locale="en",
                          organisation=agency if country == "AZ" else None)
                for country, n in (("AZ", 1), ("AZ", 2), ("AZ", 3), ("AZ", 4), ("GE", 1), ("GE", 2), ("GE", 3),
                                   ("UZ", 1))]
    enrollments = [courses.enrol(learner, course) for learner in learners]
    db.session.commit()
    return World(course, trainer, learners, enrollments, module, survey, session.id, agency)


def full_answers(survey: Survey, rating: int = 4, recommend: int = 9, text: str | None = "More cases, please.",
                 trainer_id: int | None = None, session_id: int | None = None) -> dict[str, list[str]]:
    """A form answering every question of the end-of-course template."""
    form: dict[str, list[str]] = {}
    for question in survey.questions:
        name = f"q{question.id}"
        if question.kind is QuestionKind.RATING:
            form[name] = [str(rating)]
        elif question.kind is QuestionKind.RECOMMEND:
            form[name] = [str(recommend)]
        elif question.kind is QuestionKind.SINGLE:
            form[name] = ["1"]
        elif question.kind is QuestionKind.MULTIPLE:
            form[name] = ["0", "2"]
        elif question.kind is QuestionKind.TRAINERS and trainer_id is not None:
            form[f"{name}-{trainer_id}"] = [str(rating)]
        elif question.kind in (QuestionKind.COURSE_SESSIONS, QuestionKind.DAY_SESSIONS) and session_id is not None:
            form[f"{name}-{session_id}"] = [str(rating)]
        elif question.kind is QuestionKind.TEXT and text:
            form[name] = [text]
    return form


def answer_all(world: World, learners: list[User], rating: int = 4) -> None:
    chosen = {learner.id for learner in learners}  # ids: Flask-Login's users compare by session id
    for learner, enrollment in zip(world.learners, world.enrollments, strict=True):
        if learner.id in chosen:
            surveys.submit(world.survey, learner, enrollment,
                           full_answers(world.survey, rating, trainer_id=world.trainer.id, session_id=world.session_id),
                           NOW)
    db.session.commit()


def question_of(survey: Survey, kind: QuestionKind):
    return next(q for q in survey.questions if q.kind is kind)


def enrollment_of(world: World, user: User) -> Enrollment:
    return db.session.scalar(select(Enrollment).where(Enrollment.user_id == user.id,
                                                      Enrollment.course_id == world.course.id))
