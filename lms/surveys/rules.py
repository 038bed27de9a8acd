"""What a survey accepts and what its results may show: pure functions, no Flask, no database.

Small groups are the way anonymous answers leak: a breakdown cell of one or two responses names
them, and so does a total minus the cells that are shown. `pool_small_groups` therefore puts every
group under the threshold into one "other" group and, when that pool itself is too small, adds the
next smallest groups to it until it is large enough or holds them all.
"""
from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from lms.surveys.models import QuestionKind

MIN_GROUP = 3  # no result is shown for fewer responses than this
RATING_SCALE = range(1, 6)
RECOMMEND_SCALE = range(0, 11)
TEXT_LIMIT = 4000
RATED_KINDS = (QuestionKind.TRAINERS, QuestionKind.DAY_SESSIONS, QuestionKind.COURSE_SESSIONS)
SCALED_KINDS = (QuestionKind.RATING, QuestionKind.RECOMMEND, *RATED_KINDS)
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)

K = TypeVar("K", bound=Hashable)


class Problem(enum.StrEnum):
    MISSING = "missing"
    INVALID = "invalid"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class Asked:
    """A question as the answer form asks it: its kind, whether it must be answered, and what can be chosen."""

    id: int
    kind: QuestionKind
    required: bool
    option_count: int = 0
    subjects: Sequence[int] = ()  # the trainers or sessions rated, for those kinds


@dataclass(frozen=True)
class Value:
    question_id: int
    value: int | None = None
    subject_id: int | None = None
    text: str | None = None


@dataclass
class Reading:
    """The values read from a submitted form, and the problem with each question that has one."""

    values: list[Value] = field(default_factory=list)
    problems: dict[int, Problem] = field(default_factory=dict)


def field_name(question_id: int, subject_id: int | None = None) -> str:
    return f"q{question_id}" if subject_id is None else f"q{question_id}-{subject_id}"


def scale_of(kind: QuestionKind) -> range:
    return RECOMMEND_SCALE if kind is QuestionKind.RECOMMEND else RATING_SCALE


def read_answers(questions: Iterable[Asked], form: Mapping[str, Sequence[str]]) -> Reading:
    """The values of a submitted form (field → the strings sent), question by question."""
    reading = Reading()
    for question in questions:
        values, problem = _read_one(question, form)
        if problem is not None:
            reading.problems[question.id] = problem
        reading.values.extend(values)
    return reading


def _read_one(question: Asked, form: Mapping[str, Sequence[str]]) -> tuple[list[Value], Problem | None]:
    def sent(name: str) -> list[str]:
        return [text.strip() for text in form.get(name, ()) if text.strip()]

    if question.kind is QuestionKind.TEXT:
        text = "\n".join(sent(field_name(question.id)))
        if len(text) > TEXT_LIMIT:
            return [], Problem.TOO_LONG
        if not text:
            return [], Problem.MISSING if question.required else None
        return [Value(question.id, text=text)], None
    if question.kind in RATED_KINDS:
        values = []
        for subject in question.subjects:
            number = _number(sent(field_name(question.id, subject)), scale_of(question.kind))
            if number is Problem.INVALID:
                return [], Problem.INVALID
            if number is not None:
                values.append(Value(question.id, number, subject_id=subject))
        if question.required and question.subjects and len(values) < len(question.subjects):
            return [], Problem.MISSING
        return values, None
    allowed = range(question.option_count) if question.kind in CHOICE_KINDS else scale_of(question.kind)
    chosen = sent(field_name(question.id))
    if question.kind is not QuestionKind.MULTIPLE and len(chosen) > 1:
        return [], Problem.INVALID
    numbers = set()
    for text in chosen:
        number = _number([text], allowed)
        if number is Problem.INVALID:
            return [], Problem.INVALID
        numbers.add(number)
    if not numbers:
        return [], Problem.MISSING if question.required else None
    return [Value(question.id, number) for number in sorted(numbers)], None


def _number(texts: list[str], allowed: range) -> int | None | Problem:
    if not texts:
        return None
    if len(texts) > 1 or not texts[0].lstrip("-").isdigit() or int(texts[0]) not in allowed:
        return Problem.INVALID
    return int(texts[0])


def pool_small_groups(counts: Mapping[K, int], minimum: int = MIN_GROUP) -> tuple[list[K], set[K]]:
    """The groups that may be shown on their own (largest first), and those pooled as "other".

    The pool is empty or holds at least `minimum` responses; when even everything together is fewer,
    everything is pooled (and the caller shows nothing).
    """
    ordered = sorted(counts, key=lambda key: (-counts[key], str(key)))
    shown = [key for key in ordered if counts[key] >= minimum]
    pooled = {key for key in ordered if counts[key] < minimum}
    while pooled and sum(counts[key] for key in pooled) < minimum and shown:
        pooled.add(shown.pop())  # the smallest shown group joins the pool
    if sum(counts[key] for key in pooled) < minimum and not shown:
        pooled = set(counts)
    return shown, pooled


def mean(distribution: Mapping[int, int]) -> float | None:
    total = sum(distribution.values())
    return None if total == 0 else sum(value * count for value, count in distribution.items()) / total


def recommend_score(distribution: Mapping[int, int]) -> float | None:
    """Share of 9–10 minus share of 0–6, in points from −100 to 100 (the "net promoter" reading)."""
    total = sum(distribution.values())
    if total == 0:
        return None
    promoters = sum(count for value, count in distribution.items() if value >= 9)
    detractors = sum(count for value, count in distribution.items() if value <= 6)
    return (promoters - detractors) * 100 / total
