"""Reading a learner's answer from form fields (a page submit or the autosave) into a response.

Both ways of answering send the same fields, `q<question id>` (and `q<id>-<item id>` for matching),
so one function turns them into the response that grading reads. Pure: no Flask.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lms.quizzes.grading import Kind

MAX_TEXT = 500
MAX_ESSAY = 30_000  # characters: a few pages

GetList = Callable[[str], list[str]]


class InvalidResponse(ValueError):
    """The fields do not make an answer to this question (a forged or damaged request)."""


def field_name(question_id: int, item_id: int | None = None) -> str:
    return f"q{question_id}" if item_id is None else f"q{question_id}-{item_id}"


def response_from_fields(kind: Kind, question_id: int, choice_ids: list[int], getlist: GetList) -> dict[str, Any]:
    """The response for one question; raises InvalidResponse for values the question cannot have."""
    values = getlist(field_name(question_id))
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        picked = _ids(values[:1], choice_ids)
        return {"choice": picked[0] if picked else None}
    if kind is Kind.MULTIPLE:
        return {"choices": sorted(set(_ids(values, choice_ids)))}
    if kind is Kind.MATCHING:
        pairs = {}
        for item in choice_ids:
            picked = _ids(getlist(field_name(question_id, item))[:1], choice_ids)
            if picked:
                pairs[str(item)] = picked[0]
        return {"pairs": pairs}
    text = values[0] if values else ""
    if not isinstance(text, str) or len(text) > (MAX_ESSAY if kind is Kind.ESSAY else MAX_TEXT):
        raise InvalidResponse
    if kind is Kind.ESSAY:
        return {"text": text.replace("\r\n", "\n")}
    return {"text": text} if kind is Kind.SHORT_TEXT else {"value": text}


def _ids(values: list[str], allowed: list[int]) -> list[int]:
    picked = []
    for value in values:
        if value in ("", None):
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise InvalidResponse from None
        if number not in allowed:
            raise InvalidResponse
        picked.append(number)
    return picked


def fields_from_response(kind: Kind, question_id: int, response: dict[str, Any] | None) -> dict[str, list[str]]:
    """The form fields that show a saved response again (to fill the page)."""
    response = response or {}
    name = field_name(question_id)
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return {name: [str(response["choice"])]} if response.get("choice") is not None else {}
    if kind is Kind.MULTIPLE:
        return {name: [str(choice) for choice in response.get("choices", [])]}
    if kind is Kind.MATCHING:
        return {field_name(question_id, int(item)): [str(picked)] for item, picked in response.get("pairs", {}).items()}
    value = response.get("text" if kind in (Kind.SHORT_TEXT, Kind.ESSAY) else "value", "")
    return {name: [value]} if value else {}
