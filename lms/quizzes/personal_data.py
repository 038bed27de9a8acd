"""A person's quiz attempts and every answer they gave, for their own data download."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.courses.models import Module
from lms.extensions import db
from lms.i18n import localized
from lms.quizzes.models import Answer, Attempt, Question, Quiz


def attempts_of(user: User) -> list[dict[str, Any]]:
    """Each attempt (quiz, times, state, score) with its answers as they were saved."""
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.started_at, Attempt.id)
        .options(selectinload(Attempt.quiz).selectinload(Quiz.module).selectinload(Module.translations),
                 selectinload(Attempt.answers))).all()
    question_ids = {answer.question_id for attempt in attempts for answer in attempt.answers}
    titles = dict(db.session.execute(select(Question.id, Question.title).where(Question.id.in_(question_ids))).all())
    return [{
        "quiz": localized(attempt.quiz.module, "title"), "number": attempt.number, "state": attempt.state,
        "started_at": attempt.started_at, "deadline_at": attempt.deadline_at, "submitted_at": attempt.submitted_at,
        "score": attempt.score, "max_score": attempt.max_score,
        "answers": [_answer(answer, titles.get(answer.question_id, "")) for answer in
                    sorted(attempt.answers, key=lambda a: a.saved_at)],
    } for attempt in attempts]


def _answer(answer: Answer, title: str) -> dict[str, Any]:
    return {"question": title or answer.question_id, "response": answer.response, "saved_at": answer.saved_at,
            "credit": answer.credit, **({"comment": answer.comment} if answer.comment else {})}
