"""Essay questions: their word limits (what the learner is told, whether an answer keeps to them) and the
file a learner may hand in with an answer."""
from __future__ import annotations

from datetime import datetime
from typing import Any, BinaryIO

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select, update

from lms import signals
from lms.auth.models import User
from lms.courses.attachments import store_handed_in
from lms.errors import DomainError
from lms.extensions import db
from lms.files import services as stored_files
from lms.numbers import points_text
from lms.quizzes import notices, services
from lms.quizzes.grading import GRADED_BY_HAND, Kind, has_written_answer, word_count
from lms.quizzes.models import Answer, AnswerFile, Attempt, AttemptState, Question
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


def attach_file(attempt: Attempt, question: Question, filename: str, stream: BinaryIO, now: datetime,
                max_bytes: int) -> AnswerFile:
    """Keep the file handed in with an essay answer (replacing an earlier one); refused once the attempt is over."""
    answer = _open_answer(attempt, question, now)
    stored = store_handed_in(filename, stream, max_bytes)
    remove_file(attempt, question, now)
    answer.file = AnswerFile(filename=stored.filename, stored=stored, uploaded_at=now)
    db.session.flush()
    return answer.file


def remove_file(attempt: Attempt, question: Question, now: datetime) -> None:
    """Take back the file of an essay answer while the attempt is in progress."""
    answer = _open_answer(attempt, question, now)
    if answer.file is not None:
        stored = answer.file.stored
        answer.file = None
        db.session.flush()
        stored_files.remove(stored)


def _open_answer(attempt: Attempt, question: Question, now: datetime) -> Answer:
    if question.kind is not Kind.ESSAY or not question.takes_file:
        raise DomainError(_("This question takes no file."), 400)
    found = db.session.scalar(select(Answer).where(Answer.attempt_id == attempt.id,
                                                   Answer.question_id == question.id))
    # save_answer refuses a closed attempt and holds this one's row until the commit, as for every answer
    return services.save_answer(attempt, question.id, found.response if found else {"text": ""}, now,
                                found.sequence if found else None)


def grade_written_answer(actor: User, answer: Answer, *, points: float, comment: str, now: datetime) -> None:
    """A trainer's points and comment for an essay answer; the attempt is scored once none is waiting."""
    question = db.session.get(Question, answer.question_id)
    attempt = answer.attempt
    if question is None or question.kind not in GRADED_BY_HAND or attempt.state is not AttemptState.SUBMITTED:
        raise DomainError(_("This answer is not waiting for a trainer's grade."), 409)
    if not 0 <= points <= question.points:
        raise DomainError(_("Give from 0 to %(max)s points.", max=points_text(question.points)))
    if len(comment) > 10_000:
        raise DomainError(_("Please keep your comment under %(count)d characters.", count=10_000))
    # Two essays of one attempt graded at the same moment: the second waits here for the first, then
    # scores the attempt with both grades (else each would see the other still waiting, and it stayed so).
    db.session.execute(update(Attempt).where(Attempt.id == attempt.id).values(state=AttemptState.SUBMITTED)
                       .execution_options(synchronize_session=False))
    answer.credit = points / question.points if question.points else 1.0
    answer.comment, answer.graded_by_id, answer.graded_at = comment.strip(), actor.id, now
    db.session.flush()
    for other in attempt.answers:
        if other is not answer:
            db.session.expire(other)  # as the other grader left them
    services.score_attempt(attempt)
    if attempt.score is not None:
        signals.attempt_graded.send(attempt, now=now)  # the module completes at the pass mark
        notices.tell_attempt_graded(attempt)
