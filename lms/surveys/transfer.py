"""A survey's settings and questions in a course's JSON export (never its responses)."""
from __future__ import annotations

from typing import Any

from lms.courses.models import Module, ModuleKind
from lms.courses.transfer import invalid
from lms.errors import DomainError
from lms.surveys import services
from lms.surveys.models import QuestionKind, SurveyPurpose


def export_survey(module: Module) -> dict[str, Any] | None:
    survey = services.existing_survey(module) if module.kind is ModuleKind.SURVEY else None
    if survey is None:
        return None  # never opened: the imported module makes its own, empty, when first opened
    return {"anonymous": survey.anonymous, "purpose": survey.purpose.value,
            "questions": [{"kind": q.kind.value, "required": q.required, "texts": q.texts} for q in survey.questions]}


def load_survey(module: Module, data: Any, where: str, shift_days: int) -> None:
    """The same questions and settings for the new course's survey module."""
    survey = services.survey_for(module)
    try:
        services.configure(survey, anonymous=bool(data["anonymous"]), purpose=SurveyPurpose(data["purpose"]))
        for question in data["questions"]:
            texts = {locale: (text["prompt"], list(text.get("options") or []))
                     for locale, text in question["texts"].items()}
            services.add_question(survey, kind=QuestionKind(question["kind"]), required=bool(question["required"]),
                                  texts=texts)
    except (TypeError, ValueError, KeyError, AttributeError, DomainError):
        raise invalid(where) from None
