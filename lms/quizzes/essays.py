"""Essay questions' word limits: what the learner is told, and whether an answer keeps to them."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from lms.extensions import db
from lms.quizzes.grading import Kind, has_written_answer, word_count
from lms.quizzes.models import Attempt, Question
from lms.quizzes.paper import QuestionText


def limits_text(question: Question | QuestionText) -> str:
    """The essay's word limits in a sentence ("" for none)."""
    low, high = question.min_words, question.max_words
    if low and high:
        return _("Write from %(min)d to %(max)d words.", min=low, max=high)
    if low:
        return ngettext("Write at least %(num)d word.", "Write at least %(num)d words.", low)
    if high:
        return ngettext("Write at most %(num)d word.", "Write at most %(num)d words.", high)
    return ""


def outside_limits(question: Question, response: dict[str, Any] | None) -> bool:
    """Whether a written answer is shorter or longer than the essay allows (an empty one is not answered)."""
    if not has_written_answer(response):
        return False
    words = word_count(response["text"])
    return bool((question.min_words and words < question.min_words)
                or (question.max_words and words > question.max_words))


def outside_limits_in(attempt: Attempt) -> list[int]:
    """The numbers (in the attempt's order) of essay questions whose answer is shorter or longer than allowed."""
    ids = [entry["question"] for entry in attempt.layout]
    limited = {q.id: q for q in db.session.scalars(select(Question).where(
        Question.id.in_(ids), Question.kind == Kind.ESSAY,
        (Question.min_words.is_not(None)) | (Question.max_words.is_not(None))))}
    if not limited:
        return []
    responses = {a.question_id: a.response for a in attempt.answers}
    return [number for number, question_id in enumerate(ids, start=1)
            if question_id in limited and outside_limits(limited[question_id], responses.get(question_id))]
