"""JSON from visitors (the quiz autosave, course imports), refused before anything is saved when it
cannot be stored or shown: nested too deep, NaN or Infinity, or text that is not Unicode.

A lone surrogate ("\\ud800") is valid JSON but no page can be written in it: acknowledged as saved, it
turned the attempt and review pages into 500s.
"""
from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 64  # far beyond any document this site reads


class UnsafeJSON(ValueError):
    """The text is not JSON this site can keep."""


def load_json(text: str | bytes) -> Any:
    """The parsed document, or UnsafeJSON."""
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise UnsafeJSON(str(error)[:200]) from None
    _check(value)
    return value


def _no_constant(name: str) -> Any:
    raise UnsafeJSON(f"{name} is not a number this site keeps")


def _check(value: Any) -> None:
    """Walk the document without recursion: depth bounded, every string encodable as UTF-8."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnsafeJSON("nested too deep")
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UnsafeJSON("text that is not Unicode") from None
