"""Questions into a course's bank from GIFT or Aiken files, and their translations: all or nothing."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from lms.courses.models import Course
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES
from lms.quizzes.gift import UNSUPPORTED, ParsedQuestion, ParseResult, Problem, parse_aiken, parse_gift
from lms.quizzes.grading import Kind
from lms.quizzes.models import Choice, ChoiceTranslation, Question, QuestionTranslation


class ImportFailed(Exception):
    """The file has problems; nothing was imported. `problems` say which lines."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def import_questions(course: Course, source: str, fmt: str, locale: str | None = None) -> list[Question]:
    """Add every question of a GIFT or Aiken file to the course's bank, or none when any line fails."""
    parsed: ParseResult = parse_gift(source) if fmt == "gift" else parse_aiken(source)
    if parsed.problems:
        raise ImportFailed(parsed.problems)
    return _add_questions(course, parsed, locale)


def import_supported_questions(course: Course, source: str, fmt: str,
                               locale: str | None = None) -> tuple[list[Question], list[Problem]]:
    """Like import_questions, but questions of kinds the site does not have (descriptions,
    matching distractors) are left out and returned, each with its line, instead of stopping the file.
    Any other problem still stops it."""
    parsed: ParseResult = parse_gift(source) if fmt == "gift" else parse_aiken(source)
    skipped = [problem for problem in parsed.problems if problem.code in UNSUPPORTED]
    others = [problem for problem in parsed.problems if problem.code not in UNSUPPORTED]
    if others or not parsed.questions:
        raise ImportFailed(others or parsed.problems)
    return _add_questions(course, parsed, locale), skipped


def _add_questions(course: Course, parsed: ParseResult, locale: str | None) -> list[Question]:
    locale = locale if locale in LANGUAGES else course.original_locale
    questions = [_question_from(course, item, locale) for item in parsed.questions]
    db.session.add_all(questions)
    db.session.flush()
    return questions


def _question_from(course: Course, item: ParsedQuestion, locale: str) -> Question:
    question = Question(course=course, kind=item.kind, category=item.category[:200], title=item.title[:200])
    question.translations.append(QuestionTranslation(locale=locale, text=item.text, feedback=item.feedback))
    for position, parsed in enumerate(item.choices, start=1):
        choice = Choice(position=position, credit=parsed.credit, value=parsed.value, tolerance=parsed.tolerance)
        # True/false options are labelled by the page in the reader's language, not stored.
        text = "" if item.kind is Kind.TRUE_FALSE else parsed.text
        choice.translations.append(ChoiceTranslation(locale=locale, text=text, feedback=parsed.feedback,
                                                     match=parsed.match))
        question.choices.append(choice)
    return question


def import_translations(course: Course, source: str, fmt: str, locale: str) -> int:
    """Add `locale` texts to questions already in the bank, matched by their GIFT titles.

    The file is the same questions translated (same titles, same answers in the same order). All
    or nothing: a title that is not in the bank, or a different number of answers, is a problem.
    """
    if locale not in LANGUAGES:
        raise DomainError(_("Unknown language: %(code)s.", code=locale))
    parsed: ParseResult = parse_gift(source) if fmt == "gift" else parse_aiken(source)
    questions = list(db.session.scalars(select(Question).where(Question.course_id == course.id)
                                        .order_by(Question.id)))
    problems = list(parsed.problems) + _duplicate_titles(parsed.questions)
    if all(item.title for item in parsed.questions):
        bank = {q.title: q for q in questions if q.title}
        pairs = [(item, bank.get(item.title)) for item in parsed.questions]
    elif len(parsed.questions) == len(questions):  # no titles (Aiken, or GIFT without ::title::): by position
        pairs = list(zip(parsed.questions, questions, strict=True))
    else:
        pairs = []
        problems.append(Problem(1, "position"))
    for item, question in pairs:
        if question is None:
            problems.append(Problem(item.line, "unknown_title", item.title))
        elif len(question.choices) != len(item.choices) or question.kind is not item.kind:
            problems.append(Problem(item.line, "different_answers", item.title or item.text[:40]))
    if problems:
        raise ImportFailed(problems)
    for item, question in pairs:
        upsert_translation(question.translations, QuestionTranslation, locale, text=item.text, feedback=item.feedback)
        for choice, parsed_choice in zip(question.choices, item.choices, strict=True):
            text = "" if item.kind is Kind.TRUE_FALSE else parsed_choice.text
            upsert_translation(choice.translations, ChoiceTranslation, locale, text=text,
                               feedback=parsed_choice.feedback, match=parsed_choice.match)
    db.session.flush()
    return len(parsed.questions)


def _duplicate_titles(items: list[ParsedQuestion]) -> list[Problem]:
    """A problem for each question whose title an earlier one already has (a translation could not
    tell them apart)."""
    seen: set[str] = set()
    problems = []
    for item in items:
        if item.title and item.title in seen:
            problems.append(Problem(item.line, "duplicate_title", item.title))
        seen.add(item.title)
    return problems


def upsert_translation(rows: list, row_class: type, locale: str, **values: str) -> None:
    """Set the `locale` row of an object's translations, adding it when it has none."""
    row = next((r for r in rows if r.locale == locale), None)
    if row is None:
        rows.append(row_class(locale=locale, **values))
    else:
        for name, value in values.items():
            setattr(row, name, value)
