"""Feedback surveys (one per survey module), their questions, anonymous responses and who has answered.

Anonymity is kept by the schema, not by discretion: an anonymous survey's response has no author, no
time and a random key (a counter would pair it with its receipt by order); the receipt that says who
answered holds no answers. Only a named survey keeps the author on the response.
"""
from __future__ import annotations

import enum
import secrets
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.courses.models import Module
from lms.extensions import db
from lms.types import UTCDateTime, enum_column, utcnow


class SurveyPurpose(enum.StrEnum):
    END_OF_COURSE = "end_of_course"  # one per course; the evaluation report and the certificate rule read it
    END_OF_DAY = "end_of_day"
    OTHER = "other"


class QuestionKind(enum.StrEnum):
    RATING = "rating"  # 1–5, each point labelled
    SINGLE = "single"  # one of the options
    MULTIPLE = "multiple"  # any of the options
    TRAINERS = "trainers"  # 1–5 for each trainer of the course
    DAY_SESSIONS = "day_sessions"  # 1–5 for each live session of the survey's day
    COURSE_SESSIONS = "course_sessions"  # 1–5 for each live session of the course
    RECOMMEND = "recommend"  # 0–10, "would you recommend"
    TEXT = "text"  # free text


def new_response_key() -> str:
    return secrets.token_hex(16)


class Survey(db.Model):
    """The questions of a survey module, and whether its responses are anonymous."""

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), unique=True)
    purpose: Mapped[SurveyPurpose] = mapped_column(enum_column(SurveyPurpose), default=SurveyPurpose.OTHER)
    # Chosen before the first response and shown to learners; never changed afterwards.
    anonymous: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    module: Mapped[Module] = relationship()
    questions: Mapped[list[SurveyQuestion]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyQuestion.position")

    @property
    def course(self):
        return self.module.day.course


class SurveyQuestion(db.Model):
    """One question; its prompt and options in each language as {locale: {"prompt", "options"}}."""

    __tablename__ = "survey_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind))
    required: Mapped[bool] = mapped_column(default=True)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)

    survey: Mapped[Survey] = relationship(back_populates="questions")

    def prompts(self) -> dict[str, str]:
        return {locale: text["prompt"] for locale, text in self.texts.items() if text.get("prompt")}

    def options(self, locale: str) -> list[str]:
        return list(self.texts.get(locale, {}).get("options") or [])

    @property
    def option_count(self) -> int:
        return max((len(text.get("options") or []) for text in self.texts.values()), default=0)


class SurveyResponse(db.Model):
    """One person's answers; without author or time when the survey is anonymous."""

    __tablename__ = "survey_responses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_response_key)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))  # named surveys only
    # For breakdowns, which never show a group of fewer than three responses.
    country: Mapped[str | None] = mapped_column(String(2))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))

    answers: Mapped[list[SurveyAnswer]] = relationship(back_populates="response", cascade="all, delete-orphan")


class SurveyAnswer(db.Model):
    """One value of a response: a rating, a chosen option (one row per option), or a text; `subject_id`
    is the trainer or live session rated."""

    __tablename__ = "survey_answers"

    # Numbered within the response: a table-wide counter would give away the order responses came in.
    response_id: Mapped[str] = mapped_column(ForeignKey("survey_responses.id", ondelete="CASCADE"),
                                             primary_key=True)
    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_questions.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int | None]
    value: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")


class SurveyReceipt(db.Model):
    """That a person has answered a survey (for reminders and the certificate rule), and nothing of what."""

    __tablename__ = "survey_receipts"
    __table_args__ = (UniqueConstraint("survey_id", "user_id", name="uq_survey_receipts_survey_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
