"""Read models for quiz pages: the questions of an attempt's page, with texts, in few queries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.extensions import db
from lms.quizzes.models import Answer, Attempt, Choice, Question, Quiz


@dataclass(frozen=True)
class ShownQuestion:
    """A question as one attempt shows it: its number, choices in the attempt's order, saved answer."""

    number: int
    question: Question
    choices: list[Choice]
    options: list[Choice]  # matching: the right-hand sides, in the attempt's order
    response: dict[str, Any] | None
    credit: float | None


def quiz_by_id(quiz_id: int) -> Quiz | None:
    return db.session.get(Quiz, quiz_id)


def pages(attempt: Attempt) -> int:
    per_page = max(attempt.quiz.questions_per_page, 1)
    return max(1, -(-len(attempt.layout) // per_page))


def shown_questions(attempt: Attempt, page: int | None = None) -> list[ShownQuestion]:
    """The attempt's questions (one page of them, or all), loaded with their texts in 4 queries."""
    entries = list(enumerate(attempt.layout, start=1))
    if page is not None:
        per_page = max(attempt.quiz.questions_per_page, 1)
        entries = entries[(page - 1) * per_page: page * per_page]
    ids = [entry["question"] for _, entry in entries]
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(ids)).options(
            selectinload(Question.translations),
            selectinload(Question.choices).selectinload(Choice.translations),
        ))}
    answers = {a.question_id: a for a in db.session.scalars(
        select(Answer).where(Answer.attempt_id == attempt.id, Answer.question_id.in_(ids)))}
    shown = []
    for number, entry in entries:
        question = questions.get(entry["question"])
        if question is None:
            continue  # deleted from the bank since the attempt started
        by_id = {choice.id: choice for choice in question.choices}
        answer = answers.get(question.id)
        shown.append(ShownQuestion(
            number=number, question=question,
            choices=[by_id[i] for i in entry["choices"] if i in by_id],
            options=[by_id[i] for i in entry.get("options", []) if i in by_id],
            response=answer.response if answer else None,
            credit=answer.credit if answer else None,
        ))
    return shown


def answered_count(attempt: Attempt) -> int:
    """How many questions of the attempt have a non-empty saved answer."""
    return sum(1 for answer in attempt.answers if _has_content(answer.response))


def _has_content(response: dict[str, Any] | None) -> bool:
    return any(value not in (None, "", [], {}) for value in (response or {}).values())
