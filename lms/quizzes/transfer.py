"""A quiz module's settings and questions (every language) in a course's JSON export."""
from __future__ import annotations

import json
import math
from typing import Any

from lms.courses.models import Module, ModuleKind
from lms.courses.transfer import invalid
from lms.extensions import db
from lms.i18n import LANGUAGES
from lms.quizzes import queries, services
from lms.quizzes.grading import Kind
from lms.quizzes.models import (
    Choice,
    ChoiceTranslation,
    GradingMethod,
    Question,
    QuestionTranslation,
    Quiz,
    QuizPurpose,
    ReviewPolicy,
)

_LOADED = "quiz_questions_loaded"  # session.info: course id → {a question as the file has it: its new row}
SETTINGS = ("time_limit_minutes", "attempts_allowed", "pass_mark", "questions_per_page", "shuffle_questions",
            "shuffle_choices", "draw_count")


def export_quiz(module: Module) -> dict[str, Any] | None:
    if module.kind is not ModuleKind.QUIZ:
        return None
    quiz = queries.quiz_of_module(module.id)
    if quiz is None:  # never set up: the settings a new quiz is given, and no questions
        return {"settings": _DEFAULT_SETTINGS, "questions": []}
    return {
        "settings": {**{name: getattr(quiz, name) for name in SETTINGS},
                     "grading_method": quiz.grading_method.value, "review_policy": quiz.review_policy.value,
                     "purpose": quiz.purpose.value if quiz.purpose else None},
        "questions": [_question(slot.question) for slot in quiz.slots],
    }


def _column_default(name: str) -> Any:
    default = Quiz.__table__.c[name].default
    value = default.arg if default is not None else None
    return getattr(value, "value", value)  # an enum as its stored value


_DEFAULT_SETTINGS = {name: _column_default(name) for name in (*SETTINGS, "grading_method", "review_policy")}


# The range each setting may take (None: the setting may be left empty); booleans are checked apart.
_RANGES = {"time_limit_minutes": (1, 600, True), "attempts_allowed": (1, 100, True), "draw_count": (1, 500, True),
           "pass_mark": (0, 100, False), "questions_per_page": (1, 50, False)}


def _valid(name: str, value: Any) -> bool:
    if name in ("shuffle_questions", "shuffle_choices"):
        return isinstance(value, bool)
    low, high, may_be_empty = _RANGES[name]
    if value is None:
        return may_be_empty
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _question(question: Question) -> dict[str, Any]:
    return {
        "kind": question.kind.value, "title": question.title, "category": question.category,
        "points": question.points, "wrong_pick_penalty": question.wrong_pick_penalty,
        "case_sensitive": question.case_sensitive, "min_words": question.min_words, "max_words": question.max_words,
        "takes_file": question.takes_file,
        "texts": {t.locale: {"text": t.text, "feedback": t.feedback} for t in question.translations},
        "choices": [
            {"credit": c.credit, "value": c.value, "tolerance": c.tolerance,
             "texts": {t.locale: {"text": t.text, "feedback": t.feedback, "match": t.match} for t in c.translations}}
            for c in question.choices
        ],
    }


def load_quiz(module: Module, data: Any, where: str, shift_days: int) -> None:
    """Rebuild the quiz (its questions go into the new course's bank); open/close times are not kept."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise invalid(where)
    settings = data.get("settings") or {}
    if not isinstance(settings, dict) or not all(_valid(name, settings[name]) for name in SETTINGS if name in settings):
        raise invalid(f"{where}.settings")
    quiz = services.quiz_for(module)
    try:
        services.update_quiz(
            quiz, grading_method=GradingMethod(settings.get("grading_method", "highest")),
            review_policy=ReviewPolicy(settings.get("review_policy", ReviewPolicy.AFTER_LAST.value)),
            purpose=QuizPurpose(settings["purpose"]) if settings.get("purpose") else None,  # older files: none
            **{name: settings[name] for name in SETTINGS if name in settings})
        questions = [_load_question(module, raw) for raw in data["questions"]]
    except (ValueError, TypeError, KeyError, AttributeError):
        raise invalid(where) from None
    db.session.flush()
    services.set_questions(quiz, [q.id for q in questions])


def _number(value: Any, low: float, high: float) -> float:
    """A finite number in [low, high] ("nan", "inf" and 1e400 are refused as a damaged file)."""
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"{value!r} is not a number from {low} to {high}")
    return number


def _load_question(module: Module, raw: dict[str, Any]) -> Question:
    """The question as the new course's bank holds it: made once, though a file carries a question with each
    quiz that asks it (a pre-test and its post-test share theirs)."""
    loaded = db.session.info.setdefault(_LOADED, {}).setdefault(module.day.course_id, {})
    key = json.dumps(raw, sort_keys=True, default=str)
    if key not in loaded:
        loaded[key] = _new_question(module, raw)
    return loaded[key]


def _new_question(module: Module, raw: dict[str, Any]) -> Question:
    question = Question(course=module.day.course, kind=Kind(raw["kind"]), title=str(raw.get("title", ""))[:200],
                        category=str(raw.get("category", ""))[:200], points=_number(raw.get("points", 1), 0, 1000),
                        wrong_pick_penalty=_number(raw.get("wrong_pick_penalty", 0), 0, 1),
                        case_sensitive=bool(raw.get("case_sensitive", False)),
                        min_words=_word_limit(raw.get("min_words")), max_words=_word_limit(raw.get("max_words")),
                        takes_file=bool(raw.get("takes_file", False)))
    for locale, words in raw["texts"].items():
        if locale in LANGUAGES:
            question.translations.append(QuestionTranslation(locale=locale, text=str(words["text"]),
                                                             feedback=str(words.get("feedback", ""))))
    for position, choice in enumerate(raw["choices"], start=1):
        row = Choice(position=position, credit=_number(choice["credit"], -1, 1),
                     tolerance=_number(choice.get("tolerance", 0), 0, 1e12),
                     value=None if choice.get("value") is None else _number(choice["value"], -1e15, 1e15))
        for locale, words in choice["texts"].items():
            if locale in LANGUAGES:
                row.translations.append(ChoiceTranslation(locale=locale, text=str(words.get("text", "")),
                                                          feedback=str(words.get("feedback", "")),
                                                          match=str(words.get("match", ""))))
        question.choices.append(row)
    if not question.translations:
        raise ValueError("a question needs a text")
    db.session.add(question)
    return question



def _word_limit(value: Any) -> int | None:
    """An essay's word limit as a course file gives it: none, or a whole number from 1 to 10,000."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10_000:
        raise ValueError(value)
    return value
