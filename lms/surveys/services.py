"""Every write to surveys: authoring their questions, and taking a learner's answers."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError

from lms.auth.models import User
from lms.courses import services as courses
from lms.courses.models import CourseRole, Enrollment, Module, ModuleKind
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES
from lms.surveys import queries, rules, starters
from lms.surveys.models import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyPurpose,
    SurveyQuestion,
    SurveyReceipt,
    SurveyResponse,
)
from lms.unique_rows import savepoint

MAX_QUESTIONS = 40
MAX_OPTIONS = 12
# question → the message a learner sees next to it
PROBLEM_MESSAGES = {
    rules.Problem.MISSING: lambda: _("Please answer this question."),
    rules.Problem.INVALID: lambda: _("Please choose one of the answers offered."),
    rules.Problem.TOO_LONG: lambda: _("Please keep your answer under %(count)d characters.", count=rules.TEXT_LIMIT),
}


class AnswerProblems(DomainError):
    """A submitted survey with answers missing or malformed; each question's message is in `problems`."""

    def __init__(self, problems: dict[int, str]) -> None:
        super().__init__(_("Some answers need your attention."))
        self.problems = problems


def survey_for(module: Module) -> Survey:
    """The survey of a survey module, made (anonymous, without questions) the first time it is asked for."""
    if module.kind is not ModuleKind.SURVEY:
        raise DomainError(_("This module is not a survey."), 404)
    survey = existing_survey(module)
    if survey is None:
        survey = Survey(module=module, anonymous=True, purpose=SurveyPurpose.OTHER)
        db.session.add(survey)
        db.session.flush()
    return survey


def existing_survey(module: Module) -> Survey | None:
    return db.session.scalar(select(Survey).where(Survey.module_id == module.id))


def has_responses(survey: Survey) -> bool:
    return bool(db.session.scalar(select(exists().where(SurveyReceipt.survey_id == survey.id))))


def configure(survey: Survey, *, anonymous: bool, purpose: SurveyPurpose) -> None:
    """Set whether the survey is anonymous (only before anyone answers) and what it evaluates."""
    if anonymous != survey.anonymous and has_responses(survey):
        raise DomainError(_("People have answered this survey: whether it is anonymous can no longer change."), 409)
    survey.anonymous = anonymous
    if purpose is SurveyPurpose.END_OF_COURSE:
        _take_end_of_course(survey)
    survey.purpose = purpose
    db.session.flush()


def _take_end_of_course(survey: Survey) -> None:
    """A course has one end-of-course survey: another that was it becomes an ordinary survey."""
    others = queries.survey_ids_in(survey.module.day.course_id).where(
        Survey.id != survey.id, Survey.purpose == SurveyPurpose.END_OF_COURSE)
    db.session.execute(update(Survey).where(Survey.id.in_(others)).values(purpose=SurveyPurpose.OTHER)
                       .execution_options(synchronize_session="fetch"))


def start_from(survey: Survey, starter_name: str) -> None:
    """Give an empty survey the questions of a starter, in every language, and the starter's purpose."""
    starter = starters.STARTERS.get(starter_name)
    if starter is None:
        raise DomainError(_("There is no such template."), 404)
    if survey.questions:
        raise DomainError(_("This survey already has questions: a template can only start an empty survey."), 409)
    for question in starter.questions:
        survey.questions.append(SurveyQuestion(kind=question.kind, required=question.required,
                                               texts=starters.texts_in_every_language(question),
                                               position=len(survey.questions) + 1))
    configure(survey, anonymous=survey.anonymous, purpose=starter.purpose)


def add_question(survey: Survey, *, kind: QuestionKind, required: bool,
                 texts: Mapping[str, tuple[str, Sequence[str]]]) -> SurveyQuestion:
    """Ask one more question; `texts` is {locale: (prompt, options)}. Earlier respondents have no answer to it."""
    if len(survey.questions) >= MAX_QUESTIONS:
        raise DomainError(_("A survey asks at most %(count)d questions.", count=MAX_QUESTIONS))
    question = SurveyQuestion(kind=kind, required=required, position=len(survey.questions) + 1,
                              texts=_clean_texts(kind, texts, None))
    survey.questions.append(question)
    db.session.flush()
    return question


def update_question(question: SurveyQuestion, *, required: bool,
                    texts: Mapping[str, tuple[str, Sequence[str]]]) -> None:
    """Change a question's wording and whether it must be answered; once answered, its options keep their number."""
    answered = _is_answered(question)
    question.texts = _clean_texts(question.kind, texts, question.option_count if answered else None)
    question.required = required
    db.session.flush()


def remove_question(question: SurveyQuestion) -> None:
    """Stop asking a question nobody has answered yet (answers are never thrown away)."""
    if _is_answered(question):
        raise DomainError(_("This question has been answered: it can be reworded but not removed."), 409)
    survey = question.survey
    survey.questions.remove(question)
    for position, remaining in enumerate(survey.questions, start=1):
        remaining.position = position
    db.session.flush()


def _is_answered(question: SurveyQuestion) -> bool:
    return bool(db.session.scalar(select(exists().where(SurveyAnswer.question_id == question.id))))


def _clean_texts(kind: QuestionKind, texts: Mapping[str, tuple[str, Sequence[str]]],
                 option_count: int | None) -> dict[str, dict]:
    cleaned = {}
    for locale, (prompt, options) in texts.items():
        if locale not in LANGUAGES or not prompt.strip():
            continue
        kept = [option.strip() for option in options if option.strip()] if kind in rules.CHOICE_KINDS else []
        cleaned[locale] = {"prompt": prompt.strip(), "options": kept}
    if not cleaned:
        raise DomainError(_("Write the question in at least one language."))
    if kind in rules.CHOICE_KINDS:
        counts = {len(text["options"]) for text in cleaned.values()}
        if len(counts) > 1:
            raise DomainError(_("Give the same number of options in every language."))
        count = counts.pop()
        if count < 2 or count > MAX_OPTIONS:
            raise DomainError(_("Give between 2 and %(count)d options, one per line.", count=MAX_OPTIONS))
        if option_count is not None and count != option_count:
            raise DomainError(_("People have answered this question: keep its %(count)d options "
                                "(reword them if needed).", count=option_count), 409)
    return cleaned


def submit(survey: Survey, user: User, enrollment: Enrollment | None, form: Mapping[str, Sequence[str]],
           now: datetime) -> None:
    """Take a learner's answers once: the response (without author when anonymous), the receipt, the module done."""
    if enrollment is None or enrollment.role is not CourseRole.LEARNER or enrollment.withdrawn_at is not None:
        raise DomainError(_("Only the course's learners answer its surveys."), 403)
    if not survey.module.day.is_open(now):
        raise DomainError(_("This module is not open yet."), 403)
    if not survey.questions:
        raise DomainError(_("This survey has no questions yet."), 409)
    reading = rules.read_answers(queries.asked(survey), form)
    if reading.problems:
        raise AnswerProblems({question: PROBLEM_MESSAGES[problem]() for question, problem in reading.problems.items()})
    try:
        # The receipt first, under its unique key: a second submission (another tab, a double click)
        # stops here before any of its answers are stored.
        with savepoint():
            db.session.add(SurveyReceipt(survey_id=survey.id, user_id=user.id, answered_at=now))
    except IntegrityError:
        raise DomainError(_("You have already answered this survey. Thank you!"), 409) from None
    response = SurveyResponse(survey_id=survey.id, user_id=None if survey.anonymous else user.id,
                              country=user.country, organisation_id=user.organisation_id)
    response.answers = [SurveyAnswer(number=number, question_id=value.question_id, subject_id=value.subject_id,
                                     value=value.value, text=value.text)
                        for number, value in enumerate(reading.values, start=1)]
    db.session.add(response)
    db.session.flush()
    courses.complete_module(enrollment, survey.module, now)


def has_answered(survey: Survey, user_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(SurveyReceipt.survey_id == survey.id,
                                                        SurveyReceipt.user_id == user_id))))


def receipts_recorded(module: Module) -> str | None:
    """How many have answered a survey module (the module is then never deleted), or None."""
    count = db.session.scalar(select(func.count(SurveyReceipt.id)).join(Survey).where(Survey.module_id == module.id))
    if not count:
        return None
    return ngettext("%(num)d person has answered this survey.", "%(num)d people have answered this survey.", count)
