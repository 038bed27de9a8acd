"""How the site rounds and writes scores, so that a page, a CSV and a spreadsheet show the same figure:
points to two decimals, percentages to one, in the reader's language (44,8 % · 44.8% · 3,58)."""
from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_percent
from flask_babel import format_decimal, get_locale

POINT_DECIMALS, PERCENT_DECIMALS = 2, 1


def round_points(value: float) -> float:
    return round(value, POINT_DECIMALS)


def round_percent(value: float) -> float:
    return round(value, PERCENT_DECIMALS)


def points_text(value: float) -> str:
    return format_decimal(round_points(value), "#,##0.##")


def percent_text(value: float | None) -> str:
    """A percentage given from 0 to 100; "—" when there is none."""
    if value is None:
        return "—"
    share = Decimal(str(round_percent(value))) / 100  # exact: 44.8 / 100 in floats is 0.44799999…
    return format_percent(share, locale=get_locale(), decimal_quantization=False)
