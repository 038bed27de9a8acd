"""Grading: pure functions from a question's key and a learner's response to a fraction of its points.

No Flask and no database here: the services build the keys from the rows, and these functions can
be tested (and regraded) on their own.
"""
from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from typing import Any


class Kind(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    SHORT_TEXT = "short_text"
    NUMERIC = "numeric"
    MATCHING = "matching"
    ESSAY = "essay"  # a written answer that a trainer grades


# Kinds a trainer grades by hand: their answers wait in the grading queue, never graded by a key.
GRADED_BY_HAND = frozenset({Kind.ESSAY})


@dataclass(frozen=True)
class ChoiceKey:
    """One option of a question, with what choosing it is worth.

    `credit` is a fraction of the question's points (negative for a penalised wrong pick);
    `texts` are the accepted answers of a short-text question (in every language);
    `value` and `tolerance` the accepted number of a numeric one; `match` the right-hand side a
    matching question pairs this option with.
    """

    id: int
    credit: float = 0.0
    texts: tuple[str, ...] = ()
    value: float | None = None
    tolerance: float = 0.0
    match: str = ""


@dataclass(frozen=True)
class QuestionKey:
    kind: Kind
    choices: tuple[ChoiceKey, ...]
    case_sensitive: bool = False
    wrong_pick_penalty: float = 0.0  # multiple choice: taken off per wrong pick without its own credit


CATCH_ALL = "*"  # a short answer of "*" stands for any answer not listed


def grade(question: QuestionKey, response: Any) -> float:
    """The fraction (0 to 1) of the question's points this response earns; 0 for any malformed one."""
    if question.kind in GRADED_BY_HAND:
        raise ValueError(f"{question.kind} is graded by a trainer, not by a key")
    if not isinstance(response, dict):
        return 0.0
    grader = _GRADERS[question.kind]
    return _clamp(grader(question, response))


def _single(question: QuestionKey, response: dict) -> float:
    chosen = _by_id(question).get(_as_int(response.get("choice")))
    return chosen.credit if chosen else 0.0


def _multiple(question: QuestionKey, response: dict) -> float:
    picks = response.get("choices")
    if not isinstance(picks, list):
        return 0.0
    choices = _by_id(question)
    total = 0.0
    for choice_id in {_as_int(pick) for pick in picks}:
        choice = choices.get(choice_id)
        if choice is None:
            continue
        total += choice.credit if choice.credit != 0 else -question.wrong_pick_penalty
    return total


def _short_text(question: QuestionKey, response: dict) -> float:
    given = response.get("text")
    if not isinstance(given, str) or not given.strip():
        return 0.0
    given = normalise_text(given, question.case_sensitive)
    matched = [c.credit for c in question.choices
               if any(t != CATCH_ALL and normalise_text(t, question.case_sensitive) == given for t in c.texts)]
    if matched:
        return max(matched)
    # Moodle's "*": the credit (usually none) for any other answer
    return max((c.credit for c in question.choices if CATCH_ALL in c.texts), default=0.0)


def _numeric(question: QuestionKey, response: dict) -> float:
    number = parse_number(response.get("value"))
    if number is None:
        return 0.0
    return max((c.credit for c in question.choices
                if c.value is not None and abs(number - c.value) <= c.tolerance + 1e-9), default=0.0)


def _matching(question: QuestionKey, response: dict) -> float:
    pairs = response.get("pairs")
    if not isinstance(pairs, dict) or not question.choices:
        return 0.0
    choices = _by_id(question)
    right = 0
    for choice in question.choices:
        picked = choices.get(_as_int(pairs.get(str(choice.id))))
        # Two items may share a right-hand side: what counts is the text, not which item it came from.
        if picked is not None and normalise_text(picked.match) == normalise_text(choice.match):
            right += 1
    return right / len(question.choices)


_GRADERS = {
    Kind.SINGLE: _single,
    Kind.TRUE_FALSE: _single,
    Kind.MULTIPLE: _multiple,
    Kind.SHORT_TEXT: _short_text,
    Kind.NUMERIC: _numeric,
    Kind.MATCHING: _matching,
}

# Letters that people type interchangeably: Azerbaijani and Turkish dotted/dotless i (after
# case-folding "İ" becomes "i" + a combining dot), and Russian "ё" written as "е".
_EQUIVALENT = str.maketrans({"ı": "i", "\u0307": None, "ё": "е", "Ё": "Е"})


def normalise_text(text: str, case_sensitive: bool = False) -> str:
    """Text as compared: Unicode NFC, spaces collapsed, and unless case-sensitive, case-folded with
    the i/ı and е/ё equivalences, so that "İSTANBUL" matches "istanbul" and "ёлка" matches "елка"."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if not case_sensitive:
        text = unicodedata.normalize("NFC", text.casefold().translate(_EQUIVALENT))
    return text


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number(value: Any) -> float | None:
    """A number typed by a learner: "3.14", "3,14" or " -2 " (None when it is not one)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def word_count(text: str) -> int:
    """Words in a written answer, as a reader counts them: runs of letters or digits ("e-mail" is one)."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


def has_written_answer(response: Any) -> bool:
    """Whether an essay's response holds any text (an empty one has nothing to grade)."""
    return isinstance(response, dict) and isinstance(response.get("text"), str) and bool(response["text"].strip())


def _by_id(question: QuestionKey) -> dict[int, ChoiceKey]:
    return {choice.id: choice for choice in question.choices}


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _clamp(fraction: float) -> float:
    return max(0.0, min(1.0, round(fraction, 6)))
