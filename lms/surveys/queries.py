"""Read models of surveys: what the answer form asks, and the results a trainer may see.

Results cost the same few statements whatever the number of responses; every cell under
`rules.MIN_GROUP` responses is withheld, and breakdown groups are pooled by `rules.pool_small_groups`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, Select, exists, func, or_, select

from lms.auth.models import Organisation, User
from lms.courses.models import CourseDay, CourseRole, Enrollment, Module
from lms.dates import datetime_text
from lms.extensions import db
from lms.i18n import country_name, current_locale, localized, localized_label
from lms.live.models import LiveSession
from lms.surveys import rules
from lms.surveys.models import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyPurpose,
    SurveyQuestion,
    SurveyReceipt,
    SurveyResponse,
)

Subject = tuple[int, str]  # (id, label): a trainer or a live session being rated


def subjects_of(survey: Survey) -> dict[QuestionKind, list[Subject]]:
    """The trainers and live sessions the survey's rating questions are about, as the form lists them."""
    kinds = {question.kind for question in survey.questions}
    subjects: dict[QuestionKind, list[Subject]] = {}
    if QuestionKind.TRAINERS in kinds:
        subjects[QuestionKind.TRAINERS] = [(user.id, user.name) for user in db.session.scalars(
            select(User).join(Enrollment, Enrollment.user_id == User.id)
            .where(Enrollment.course_id == survey.module.day.course_id, Enrollment.role == CourseRole.TRAINER,
                   Enrollment.withdrawn_at.is_(None)).order_by(User.name, User.id))]
    for kind, day_only in ((QuestionKind.DAY_SESSIONS, True), (QuestionKind.COURSE_SESSIONS, False)):
        if kind in kinds:
            where = (Module.day_id == survey.module.day_id if day_only
                     else CourseDay.course_id == survey.module.day.course_id)
            sessions = db.session.scalars(select(LiveSession).join(Module, Module.id == LiveSession.module_id)
                                          .join(CourseDay, CourseDay.id == Module.day_id).where(where)
                                          .order_by(LiveSession.starts_at, LiveSession.id))
            subjects[kind] = [(session.id, _session_label(session)) for session in sessions]
    return subjects


def _session_label(session: LiveSession) -> str:
    return f"{localized(session.module, 'title')} ({datetime_text(session.starts_at)})"


def asked(survey: Survey, subjects: dict[QuestionKind, list[Subject]] | None = None) -> list[rules.Asked]:
    """The survey's questions as the rules read a submitted form."""
    subjects = subjects_of(survey) if subjects is None else subjects
    return [rules.Asked(question.id, question.kind, question.required, question.option_count,
                        [subject_id for subject_id, _label in subjects.get(question.kind, [])])
            for question in survey.questions]


def prompt_of(question: SurveyQuestion) -> str:
    return localized_label(question.prompts(), question.survey.module.day.course.original_locale)


def options_of(question: SurveyQuestion) -> list[str]:
    """The options in the current language, else the course's original one, else any."""
    for locale in (current_locale(), question.survey.module.day.course.original_locale, *question.texts):
        if question.options(locale):
            return question.options(locale)
    return []


@dataclass(frozen=True)
class Distribution:
    """How often each value was given; `mean` and `recommend` (for 0–10) read it."""

    counts: dict[int, int]
    scale: range

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def hidden(self) -> bool:
        return self.total < rules.MIN_GROUP

    @property
    def mean(self) -> float | None:
        return rules.mean(self.counts)

    @property
    def recommend(self) -> float | None:
        return rules.recommend_score(self.counts)

    def rows(self) -> list[tuple[int, int]]:
        return [(value, self.counts.get(value, 0)) for value in self.scale]


@dataclass
class QuestionResult:
    question: SurveyQuestion
    prompt: str
    answered: int = 0
    scale: Distribution | None = None
    options: list[tuple[str, int]] = field(default_factory=list)
    subjects: list[tuple[str, Distribution]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        return self.answered < rules.MIN_GROUP


@dataclass(frozen=True)
class GroupRow:
    label: str
    responses: int
    means: dict[int, float | None]  # question id → mean, None when fewer than MIN_GROUP answered it


@dataclass
class Results:
    survey: Survey
    responses: int
    learners: int
    questions: list[QuestionResult]
    breakdown_questions: list[SurveyQuestion]
    by_country: list[GroupRow]
    by_organisation: list[GroupRow]

    @property
    def hidden(self) -> bool:
        return self.responses < rules.MIN_GROUP

    @property
    def rating_mean(self) -> float | None:
        """Every 1–5 answer to the survey's rating questions together (trainers and sessions aside)."""
        if self.hidden:
            return None
        counts: dict[int, int] = defaultdict(int)
        for result in self.questions:
            if result.scale is not None and result.question.kind is QuestionKind.RATING:
                for value, count in result.scale.counts.items():
                    counts[value] += count
        return rules.mean(counts)


def results(survey: Survey) -> Results:
    """Everything the results page, its CSV and XLSX show, with small cells withheld."""
    answers = db.session.execute(
        select(SurveyAnswer.question_id, SurveyAnswer.subject_id, SurveyAnswer.value,
               func.count(func.distinct(SurveyAnswer.response_id)))
        .join(SurveyResponse).where(SurveyResponse.survey_id == survey.id, SurveyAnswer.value.is_not(None))
        .group_by(SurveyAnswer.question_id, SurveyAnswer.subject_id, SurveyAnswer.value)).all()
    texts = db.session.execute(
        select(SurveyAnswer.question_id, SurveyAnswer.text).join(SurveyResponse)
        .where(SurveyResponse.survey_id == survey.id, SurveyAnswer.text.is_not(None))).all()
    answered = dict(db.session.execute(
        select(SurveyAnswer.question_id, func.count(func.distinct(SurveyAnswer.response_id))).join(SurveyResponse)
        .where(SurveyResponse.survey_id == survey.id).group_by(SurveyAnswer.question_id)).all())
    labels = _subject_labels(survey, {subject for _q, subject, _v, _c in answers if subject is not None})
    questions = [_question_result(question, answers, texts, answered.get(question.id, 0), labels)
                 for question in survey.questions]
    breakdown = [q for q in survey.questions if q.kind in (QuestionKind.RATING, QuestionKind.RECOMMEND)]
    return Results(
        survey=survey, responses=db.session.scalar(select(func.count(SurveyReceipt.id))
                                                   .where(SurveyReceipt.survey_id == survey.id)),
        learners=db.session.scalar(select(func.count(Enrollment.id)).where(
            Enrollment.course_id == survey.module.day.course_id, Enrollment.role == CourseRole.LEARNER,
            Enrollment.withdrawn_at.is_(None))),
        questions=questions, breakdown_questions=breakdown,
        by_country=_breakdown(survey, SurveyResponse.country, breakdown, lambda code: country_name(code)),
        by_organisation=_breakdown(survey, SurveyResponse.organisation_id, breakdown, _organisation_names(survey)),
    )


def _question_result(question: SurveyQuestion, answers, texts, answered: int,
                     labels: dict[tuple[QuestionKind, int], str]) -> QuestionResult:
    result = QuestionResult(question, prompt_of(question), answered=answered)
    mine = [(subject, value, count) for question_id, subject, value, count in answers if question_id == question.id]
    if question.kind in (QuestionKind.RATING, QuestionKind.RECOMMEND):
        result.scale = Distribution({value: count for _s, value, count in mine}, rules.scale_of(question.kind))
    elif question.kind in rules.CHOICE_KINDS:
        counts = {value: count for _s, value, count in mine}
        result.options = [(label, counts.get(index, 0)) for index, label in enumerate(options_of(question))]
    elif question.kind in rules.RATED_KINDS:
        by_subject: dict[int, dict[int, int]] = defaultdict(dict)
        for subject, value, count in mine:
            by_subject[subject][value] = count
        result.subjects = sorted(
            ((labels.get((question.kind, subject), "?"), Distribution(counts, rules.RATING_SCALE))
             for subject, counts in by_subject.items()), key=lambda pair: pair[0])
    else:
        # Sorted, not in the order given: the order would pair texts with the time people answered.
        result.texts = sorted((text for question_id, text in texts if question_id == question.id), key=str.casefold)
    return result


def _subject_labels(survey: Survey, subject_ids: set[int]) -> dict[tuple[QuestionKind, int], str]:
    if not subject_ids:
        return {}
    labels: dict[tuple[QuestionKind, int], str] = {}
    for user in db.session.scalars(select(User).where(User.id.in_(subject_ids))):
        labels[(QuestionKind.TRAINERS, user.id)] = user.name
    for session in db.session.scalars(select(LiveSession).where(LiveSession.id.in_(subject_ids))):
        for kind in (QuestionKind.DAY_SESSIONS, QuestionKind.COURSE_SESSIONS):
            labels[(kind, session.id)] = _session_label(session)
    return labels


def _organisation_names(survey: Survey) -> Callable[[Hashable], str]:
    names = dict(db.session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(
            select(SurveyResponse.organisation_id).where(SurveyResponse.survey_id == survey.id)))).all())
    return lambda key: names.get(key, "")


def _breakdown(survey: Survey, column, questions: list[SurveyQuestion],
               label: Callable[[Hashable], str]) -> list[GroupRow]:
    """Mean of each rating question per group; groups under the threshold pooled, the pool shown only
    when large enough (and never as the only group, which would be the whole survey again)."""
    counts = dict(db.session.execute(select(column, func.count()).where(SurveyResponse.survey_id == survey.id)
                                     .group_by(column)).all())
    sums = db.session.execute(
        select(column, SurveyAnswer.question_id, func.sum(SurveyAnswer.value), func.count(SurveyAnswer.value))
        .join(SurveyAnswer).where(SurveyResponse.survey_id == survey.id,
                                  SurveyAnswer.question_id.in_([q.id for q in questions]))
        .group_by(column, SurveyAnswer.question_id)).all()
    shown, pooled = rules.pool_small_groups(counts)
    if not shown:
        return []
    rows = [_group_row(label(key) if key is not None else _("Not given"), [key], counts, sums, questions)
            for key in shown]
    if pooled:
        rows.append(_group_row(_("Others together"), list(pooled), counts, sums, questions))
    return rows


def _group_row(label: str, keys: list, counts, sums, questions: list[SurveyQuestion]) -> GroupRow:
    means: dict[int, float | None] = {}
    for question in questions:
        total = sum(float(value_sum) for key, question_id, value_sum, _n in sums
                    if key in keys and question_id == question.id)
        number = sum(n for key, question_id, _s, n in sums if key in keys and question_id == question.id)
        means[question.id] = total / number if number >= rules.MIN_GROUP else None
    return GroupRow(label, sum(counts[key] for key in keys), means)


def survey_ids_in(course_id: int) -> Select:
    """The ids of the course's surveys, as a subquery to narrow further."""
    return (select(Survey.id).join(Module, Module.id == Survey.module_id).join(CourseDay, CourseDay.id == Module.day_id)
            .where(CourseDay.course_id == course_id))


def final_survey_answered(course_id: int) -> ColumnElement[bool]:
    """A column for a query over `Enrollment`: its person has answered the course's end-of-course survey,
    or the course has none (the certificate rule then holds nobody back)."""
    final = survey_ids_in(course_id).where(Survey.purpose == SurveyPurpose.END_OF_COURSE)
    answered = exists().where(SurveyReceipt.survey_id.in_(final), SurveyReceipt.user_id == Enrollment.user_id)
    return or_(~exists(final), answered)


def end_of_course_survey(course_id: int) -> Survey | None:
    """The survey the course's trainers marked as its end-of-course evaluation, if any."""
    return db.session.scalar(select(Survey).where(
        Survey.id.in_(survey_ids_in(course_id).where(Survey.purpose == SurveyPurpose.END_OF_COURSE))))
