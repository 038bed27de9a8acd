"""Moving a question between its rows and the question form (the form is built per question)."""
from __future__ import annotations

from typing import Any

from lms.i18n import LANGUAGES
from lms.quizzes.grading import Kind
from lms.quizzes.models import Question
from lms.web.forms import Form

CHOICE_WORDS = ("text", "feedback", "match")


def fill_question_form(form: Form, question: Question) -> None:
    """Put the question's current values into the form, to be edited."""
    form.points.data = question.points
    if "wrong_pick_penalty" in form:
        form.wrong_pick_penalty.data = question.wrong_pick_penalty
    if "case_sensitive" in form:
        form.case_sensitive.data = question.case_sensitive
    if "min_words" in form:
        form.min_words.data, form.max_words.data = question.min_words, question.max_words
        form.takes_file.data = question.takes_file
    for row in question.translations:
        form[f"text_{row.locale}"].data, form[f"feedback_{row.locale}"].data = row.text, row.feedback
    for choice in question.choices:
        prefix = f"c{choice.id}_"
        for name, value in (("credit", choice.credit * 100), ("value", choice.value), ("tolerance", choice.tolerance)):
            if prefix + name in form:
                form[prefix + name].data = value
        for row in choice.translations:
            for word in CHOICE_WORDS:
                if f"{prefix}{word}_{row.locale}" in form:
                    form[f"{prefix}{word}_{row.locale}"].data = getattr(row, word)


def question_changes(form: Form, question: Question) -> dict[str, Any]:
    """The form's values as update_question takes them."""
    changes: dict[str, Any] = {
        "points": float(form.points.data),
        "texts": {code: {"text": form[f"text_{code}"].data or "", "feedback": form[f"feedback_{code}"].data or ""}
                  for code in LANGUAGES},
        "choices": {},
    }
    if "wrong_pick_penalty" in form:
        changes["wrong_pick_penalty"] = float(form.wrong_pick_penalty.data or 0)
    if "case_sensitive" in form:
        changes["case_sensitive"] = bool(form.case_sensitive.data)
    if "min_words" in form:
        changes["min_words"], changes["max_words"] = form.min_words.data, form.max_words.data
        changes["takes_file"] = bool(form.takes_file.data)
    for choice in question.choices:
        prefix = f"c{choice.id}_"
        change: dict[str, Any] = {"texts": {}}
        if prefix + "credit" in form:
            change["credit"] = float(form[prefix + "credit"].data) / 100
        elif question.kind is Kind.MATCHING:
            change["credit"] = 1.0
        if prefix + "value" in form:
            change["value"] = float(form[prefix + "value"].data)
            change["tolerance"] = float(form[prefix + "tolerance"].data or 0)
        for code in LANGUAGES:
            words = {word: form[f"{prefix}{word}_{code}"].data or "" for word in CHOICE_WORDS
                     if f"{prefix}{word}_{code}" in form}
            if words:
                change["texts"][code] = words
        changes["choices"][choice.id] = change
    return changes
