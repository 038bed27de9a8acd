"""Quizzes, the course's question bank, attempts and the answers saved in them."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.courses.models import Course, Module
from lms.extensions import db
from lms.files.models import StoredFile
from lms.quizzes.grading import Kind
from lms.types import UTCDateTime, enum_column, utcnow


class GradingMethod(enum.StrEnum):
    HIGHEST = "highest"
    LAST = "last"
    AVERAGE = "average"


class ReviewPolicy(enum.StrEnum):
    SCORE_ONLY = "score"  # the learner sees their score only
    ANSWERS = "answers"  # ... and right after each attempt, the correct answers and feedback
    AFTER_CLOSE = "after_close"  # ... the correct answers once the quiz has closed
    # ... the correct answers once the learner has no attempt left, or the quiz has closed: the
    # default, so that the answers shown after one attempt cannot be copied into the next
    AFTER_LAST = "after_last"


class QuizPurpose(enum.StrEnum):
    """A quiz that measures what the course taught: the same (or parallel) questions before and after."""

    PRE_TEST = "pre_test"
    POST_TEST = "post_test"


class AttemptState(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class Quiz(db.Model):
    """The settings of a quiz module; its questions come from the course's bank."""

    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), unique=True)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    time_limit_minutes: Mapped[int | None]
    attempts_allowed: Mapped[int | None]  # None: as many as the learner likes
    grading_method: Mapped[GradingMethod] = mapped_column(enum_column(GradingMethod), default=GradingMethod.HIGHEST)
    pass_mark: Mapped[int] = mapped_column(default=60)  # percent
    questions_per_page: Mapped[int] = mapped_column(default=2)
    shuffle_questions: Mapped[bool] = mapped_column(default=False)
    shuffle_choices: Mapped[bool] = mapped_column(default=False)
    draw_count: Mapped[int | None]  # draw this many of the quiz's questions at random per attempt
    review_policy: Mapped[ReviewPolicy] = mapped_column(enum_column(ReviewPolicy), default=ReviewPolicy.AFTER_LAST)
    purpose: Mapped[QuizPurpose | None] = mapped_column(enum_column(QuizPurpose))  # at most one of each per course

    module: Mapped[Module] = relationship()
    slots: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan", order_by="QuizQuestion.position"
    )

    def is_open(self, now: datetime) -> bool:
        return (self.opens_at is None or now >= self.opens_at) and (self.closes_at is None or now < self.closes_at)


class Question(db.Model):
    """A question in a course's bank, with its texts in several languages."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    kind: Mapped[Kind] = mapped_column(enum_column(Kind))
    category: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    points: Mapped[float] = mapped_column(Float, default=1.0)
    wrong_pick_penalty: Mapped[float] = mapped_column(Float, default=0.0)
    case_sensitive: Mapped[bool] = mapped_column(default=False)
    # An essay's word limits (Moodle's "minimum / maximum word limit"): None for no limit.
    min_words: Mapped[int | None]
    max_words: Mapped[int | None]
    takes_file: Mapped[bool] = mapped_column(default=False, server_default=false())  # an essay may come with a file
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    course: Mapped[Course] = relationship()
    translations: Mapped[list[QuestionTranslation]] = relationship(
        back_populates="question", cascade="all, delete-orphan"
    )
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Choice.position"
    )

    @property
    def original_locale(self) -> str:
        return self.course.original_locale


class QuestionTranslation(db.Model):
    __tablename__ = "question_translations"
    __table_args__ = (UniqueConstraint("question_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text)
    feedback: Mapped[str] = mapped_column(Text, default="")

    question: Mapped[Question] = relationship(back_populates="translations")


class Choice(db.Model):
    """An option of a question (or an accepted answer, a number, a matching pair) and its credit."""

    __tablename__ = "choices"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    credit: Mapped[float] = mapped_column(Float, default=0.0)
    value: Mapped[float | None] = mapped_column(Float)
    tolerance: Mapped[float] = mapped_column(Float, default=0.0)

    question: Mapped[Question] = relationship(back_populates="choices")
    translations: Mapped[list[ChoiceTranslation]] = relationship(
        back_populates="choice", cascade="all, delete-orphan"
    )

    @property
    def original_locale(self) -> str:
        return self.question.course.original_locale


class ChoiceTranslation(db.Model):
    __tablename__ = "choice_translations"
    __table_args__ = (UniqueConstraint("choice_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    choice_id: Mapped[int] = mapped_column(ForeignKey("choices.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text, default="")
    feedback: Mapped[str] = mapped_column(Text, default="")
    match: Mapped[str] = mapped_column(Text, default="")  # the right-hand side of a matching pair

    choice: Mapped[Choice] = relationship(back_populates="translations")


class QuizQuestion(db.Model):
    """A question's place in a quiz."""

    __tablename__ = "quiz_questions"
    __table_args__ = (UniqueConstraint("quiz_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]

    quiz: Mapped[Quiz] = relationship(back_populates="slots")
    question: Mapped[Question] = relationship()


class Attempt(db.Model):
    """One go at a quiz: its questions, their order and its deadline are fixed when it starts."""

    __tablename__ = "attempts"
    __table_args__ = (UniqueConstraint("quiz_id", "user_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    state: Mapped[AttemptState] = mapped_column(enum_column(AttemptState), default=AttemptState.IN_PROGRESS)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # [{"question": id, "choices": [ids in the order shown]}, ...] in the order shown.
    layout: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    score: Mapped[float | None] = mapped_column(Float)  # points earned
    max_score: Mapped[float] = mapped_column(Float)

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="attempt", cascade="all, delete-orphan")

    @property
    def percent(self) -> float | None:
        if self.score is None:
            return None
        return 100.0 if self.max_score == 0 else self.score * 100 / self.max_score


class Answer(db.Model):
    """A learner's latest response to one question of an attempt, saved as soon as it is given."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    credit: Mapped[float | None] = mapped_column(Float)  # fraction of the points, once graded
    # An essay's grade is a trainer's: with their comment to the learner, who gave it and when.
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    graded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The page's count of changes to this answer: a save that arrives after a newer one (two
    # workers, a slow network) is not kept over it.
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
    file: Mapped[AnswerFile | None] = relationship(back_populates="answer", cascade="all, delete-orphan",
                                                   uselist=False)


class AnswerFile(db.Model):
    """The file a learner handed in with an essay answer (one per answer; the bytes are a stored file)."""

    __tablename__ = "answer_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), unique=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    answer: Mapped[Answer] = relationship(back_populates="file")
    stored: Mapped[StoredFile] = relationship(lazy="joined")


# What quiz pages may cache until one of these rows changes (lms/courses/content_cache.py).
