"""What an attempt's pages show of a quiz: its title, page size and question texts, as immutable data.

Built once per process and content change (lms/courses/content_cache.py). It never holds the answer key:
credits, accepted values and feedback stay in the database, for grading and review.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from lms.courses import content_cache
from lms.courses.models import CourseDay, Module
from lms.courses.outline import Text
from lms.extensions import db
from lms.quizzes.grading import Kind
from lms.quizzes.models import Choice, Question, Quiz


@dataclass(frozen=True)
class ModuleTitle:
    translations: tuple[Text, ...]
    original_locale: str


@dataclass(frozen=True)
class QuizPaper:
    id: int
    questions_per_page: int
    module: ModuleTitle
    question_ids: tuple[int, ...] = ()  # the quiz's questions in its order


@dataclass(frozen=True)
class Wording:
    """A question's or choice's texts in one language."""

    locale: str
    text: str = ""
    match: str = ""  # matching: the right-hand side


@dataclass(frozen=True)
class ChoiceText:
    id: int
    position: int
    original_locale: str
    translations: tuple[Wording, ...]


@dataclass(frozen=True)
class QuestionText:
    id: int
    kind: Kind
    points: float
    original_locale: str
    translations: tuple[Wording, ...]
    choices: tuple[ChoiceText, ...]
    min_words: int | None = None  # an essay's word limits
    max_words: int | None = None
    takes_file: bool = False  # an essay may come with a file


def quiz_paper(quiz_id: int) -> QuizPaper | None:
    """The quiz's title and page size, from this process's cache while no content has changed."""
    return content_cache.cached(("quiz", quiz_id), lambda: _paper(quiz_id))


def question_texts(ids: list[int]) -> dict[int, QuestionText]:
    """Question id → its texts and choices (absent: deleted from the bank), cached like the quiz."""
    found = content_cache.cached_many([("question", question_id) for question_id in ids], _questions)
    return {key[1]: question for key, question in found.items()}


def _paper(quiz_id: int) -> QuizPaper | None:
    quiz = db.session.scalar(select(Quiz).where(Quiz.id == quiz_id).options(
        joinedload(Quiz.module).options(selectinload(Module.translations),
                                        joinedload(Module.day).joinedload(CourseDay.course)),
        selectinload(Quiz.slots)))
    if quiz is None:
        return None
    module = quiz.module
    title = ModuleTitle(tuple(Text(row.locale, title=row.title) for row in module.translations),
                        module.original_locale)
    return QuizPaper(quiz.id, max(quiz.questions_per_page, 1), title,
                     tuple(slot.question_id for slot in quiz.slots))


def _questions(keys: list[tuple[str, int]]) -> dict[tuple[str, int], QuestionText]:
    questions = db.session.scalars(
        select(Question).where(Question.id.in_([question_id for _, question_id in keys])).options(
            joinedload(Question.course),
            selectinload(Question.translations),
            selectinload(Question.choices).selectinload(Choice.translations),
        ))
    return {("question", question.id): _text_of(question) for question in questions}


def _text_of(question: Question) -> QuestionText:
    locale = question.course.original_locale
    return QuestionText(
        id=question.id, kind=question.kind, points=question.points, original_locale=locale,
        translations=tuple(Wording(row.locale, text=row.text) for row in question.translations),
        choices=tuple(
            ChoiceText(choice.id, choice.position, locale,
                       tuple(Wording(row.locale, text=row.text, match=row.match) for row in choice.translations))
            for choice in question.choices),
        min_words=question.min_words, max_words=question.max_words, takes_file=question.takes_file,
    )
