"""The question bank in other shapes: GIFT text in one language."""
from __future__ import annotations

from lms.i18n import pick_translation
from lms.quizzes.gift import ParsedChoice, ParsedQuestion, write_gift
from lms.quizzes.models import Question


def bank_as_gift(questions: list[Question], locale: str) -> str:
    """The questions as GIFT in `locale` (falling back to each question's original language)."""
    parsed = []
    for question in questions:
        text = pick_translation(question.translations, locale, question.original_locale)
        choices = []
        for choice in question.choices:
            words = pick_translation(choice.translations, locale, question.original_locale)
            label = "True" if choice.position == 1 else "False"
            choices.append(ParsedChoice(
                text=label if question.kind.value == "true_false" else (words.text if words else ""),
                credit=choice.credit, feedback=words.feedback if words else "", match=words.match if words else "",
                value=choice.value, tolerance=choice.tolerance))
        parsed.append(ParsedQuestion(kind=question.kind, text=text.text if text else "", line=0, title=question.title,
                                     category=question.category, feedback=text.feedback if text else "",
                                     choices=choices))
    return write_gift(parsed)
