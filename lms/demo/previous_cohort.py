"""The demo's previous cohort: the same course run five weeks ago, now finished.

learner10 went through every day (lessons, live sessions, quizzes answered right, the surveys) and
holds the certificate; others stopped part-way, and still answered the course evaluation at its end.
Everything is recorded through the services at the moments it would have happened, so reports, the
chart, the survey results and the certificate show a real finished cohort.
"""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lms.auth.models import Role, User
from lms.certificates import services as certificates
from lms.courses import services as courses
from lms.courses import transfer
from lms.courses.models import Course, CourseRole, CourseStatus, Enrollment, Module, ModuleKind
from lms.courses.queries import course_people
from lms.demo.content import FINAL_ESSAY_ANSWER, FINAL_ESSAY_COMMENT
from lms.extensions import db
from lms.live import services as live
from lms.quizzes import essays
from lms.quizzes import services as quizzes
from lms.quizzes.grading import Kind
from lms.quizzes.models import Question, QuizPurpose
from lms.surveys import queries as survey_queries
from lms.surveys import services as surveys
from lms.surveys.models import QuestionKind

SLUG = "key-concepts-migration-previous"
WEEKS_AGO = 5
# email → (days followed to the end, share of quiz answers right): learner10 is the graduate.
PATHS = {
    "learner10@example.org": (3, 1.0),
    "learner4@example.org": (2, 0.75),
    "learner5@example.org": (2, 0.5),
    "learner6@example.org": (1, 0.75),
    "learner7@example.org": (1, 0.4),
}
# What the cohort wrote in the surveys' free-text questions, each in the language its author used.
COMMENTS = [
    "More case studies from our region, please.",
    "The live sessions were the most useful part.",
    "Daha çox praktik nümunə olsaydı, yaxşı olardı.",
    "Statistika mövzusuna daha çox vaxt ayırmaq lazımdır.",
    "Хотелось бы больше времени на обсуждение в группах.",
    "Очень полезные материалы по статистике миграции.",
]


def load_previous_cohort(course: Course, users: list[User], timezone: str) -> Course:
    """The finished copy of `course` with its learners' records; made once."""
    previous = db.session.scalar(select(Course).where(Course.slug == SLUG))
    if previous is not None:
        return previous
    starts_on = course.starts_on - timedelta(weeks=WEEKS_AGO)
    previous = transfer.import_course(transfer.export_course(course), slug=SLUG, starts_on=starts_on)
    certificates.set_rule(previous, all_required_modules=True, required_quizzes_passed=True,
                          min_attendance_percent=60, manual_approval=False, final_survey_answered=True)
    courses.set_status(previous, CourseStatus.PUBLISHED)
    rng = random.Random(2026)  # noqa: S311  (demo timings, the same on every machine; not a secret)  # nosec B311
    for user in users:
        if user.role is Role.TRAINER:
            courses.enrol(user, previous, by_admin=True, role=CourseRole.TRAINER)
        elif user.role is Role.LEARNER:
            enrollment = courses.enrol(user, previous, by_admin=True)
            days, right = PATHS.get(user.email, (0, 0.0))
            for day in previous.days[:days]:
                _follow_day(enrollment, day.modules, ZoneInfo(timezone), right, rng)
            if 0 < days < len(previous.days):  # stopped part-way, still asked for the evaluation at the end
                evaluation = previous.days[-1].modules[-1]
                _answer_survey(enrollment, evaluation, previous.days[-1].date, ZoneInfo(timezone), rng)
    return previous


def _follow_day(enrollment: Enrollment, modules: list[Module], zone: ZoneInfo, right: float,
                rng: random.Random) -> None:
    """Do the day's modules in order, from 10:00 that day, a little after each other."""
    moment = datetime.combine(modules[0].day.date, time(10, 0), zone).astimezone(UTC)
    for module in modules:
        moment += timedelta(minutes=rng.randint(20, 50))
        if module.kind is ModuleKind.LESSON:
            courses.record_view(enrollment, module, moment)
            courses.complete_module(enrollment, module, moment + timedelta(minutes=15))
        elif module.kind is ModuleKind.LIVE:
            session = live.session_for(module)
            live.record_join(session, enrollment.user, enrollment, session.starts_at + timedelta(minutes=2))
        elif module.kind is ModuleKind.SURVEY:
            _answer_survey(enrollment, module, module.day.date, zone, rng)
        elif module.kind is ModuleKind.QUIZ:
            before_the_course = quizzes.quiz_for(module).purpose is QuizPurpose.PRE_TEST
            _take_quiz(enrollment, module, moment, right / 2 if before_the_course else right, rng)


def _answer_survey(enrollment: Enrollment, module: Module, on: date, zone: ZoneInfo, rng: random.Random) -> None:
    """Answers as people give them: mostly good ratings, now and then a comment, in the evening of `on`."""
    survey = surveys.survey_for(module)
    subjects = survey_queries.subjects_of(survey)
    form: dict[str, list[str]] = {}
    for question in survey.questions:
        name = f"q{question.id}"
        if question.kind is QuestionKind.RATING:
            form[name] = [str(rng.choice((3, 4, 4, 5, 5)))]
        elif question.kind is QuestionKind.RECOMMEND:
            form[name] = [str(rng.choice((6, 8, 9, 9, 10)))]
        elif question.kind is QuestionKind.SINGLE:
            form[name] = [str(rng.choice((0, 1, 1, 1, 2)) % question.option_count)]
        elif question.kind is QuestionKind.MULTIPLE:
            form[name] = [str(i) for i in sorted(rng.sample(range(question.option_count), 2))]
        elif question.kind is QuestionKind.TEXT:
            if rng.random() < 0.6:
                form[name] = [rng.choice(COMMENTS)]
        else:
            form |= {f"{name}-{subject}": [str(rng.choice((4, 5, 5)))] for subject, _label in subjects[question.kind]}
    evening = datetime.combine(on, time(19, 0), zone).astimezone(UTC) + timedelta(minutes=rng.randint(0, 90))
    surveys.submit(survey, enrollment.user, enrollment, form, evening)


def _take_quiz(enrollment: Enrollment, module: Module, moment: datetime, right: float, rng: random.Random) -> None:
    quiz = quizzes.quiz_for(module)
    attempt = quizzes.start_attempt(quiz, enrollment, moment, rng)
    questions = {slot.question.id: slot.question for slot in quiz.slots}
    for number, entry in enumerate(attempt.layout):
        question = questions[entry["question"]]
        answered_right = number < round(right * len(attempt.layout))
        response = _right_response(question) if answered_right else _wrong_response(question)
        quizzes.save_answer(attempt, question.id, response, moment + timedelta(minutes=number + 1))
    submitted_at = moment + timedelta(minutes=len(attempt.layout) + 2)
    quizzes.submit_attempt(attempt, submitted_at)
    _grade_essays(attempt, submitted_at + timedelta(hours=20))  # the next morning, before the certificates


def _grade_essays(attempt, when: datetime) -> None:
    """A trainer of the course grades the attempt's written answers: full points, and a comment."""
    trainer = course_people(attempt.quiz.module.day.course, CourseRole.TRAINER)[0]
    for answer in attempt.answers:
        if answer.credit is None:
            essays.grade_written_answer(trainer, answer, points=2.0, comment=FINAL_ESSAY_COMMENT, now=when)


def _right_response(question: Question) -> dict[str, Any]:
    """The response that earns the question's full points (an essay's, once the trainer grades it)."""
    if question.kind is Kind.ESSAY:
        return {"text": FINAL_ESSAY_ANSWER}
    best = max(question.choices, key=lambda choice: choice.credit)
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return {"choice": best.id}
    if question.kind is Kind.MULTIPLE:
        return {"choices": [choice.id for choice in question.choices if choice.credit > 0]}
    if question.kind is Kind.SHORT_TEXT:
        return {"text": best.translations[0].text}
    if question.kind is Kind.NUMERIC:
        return {"value": str(best.value)}
    return {"pairs": {str(choice.id): choice.id for choice in question.choices}}  # matching


def _wrong_response(question: Question) -> dict[str, Any]:
    """A response that earns nothing (an empty answer is a wrong one)."""
    return {}
