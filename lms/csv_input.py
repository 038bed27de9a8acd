"""CSV files people upload (user imports, nominations): decoded, their separator guessed, their columns
named in lower case, each row with its line number, or one clear message about the whole file."""
from __future__ import annotations

import csv
import io

from flask_babel import gettext as _


class UnreadableCSV(ValueError):
    """The file cannot be read as CSV; `message` is translated for the person who sent it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str | None, str | list[str] | None]]]]:
    """The column names (stripped, lower case) and (line number, values) for each row under the header."""
    try:
        text = data.decode("utf-8-sig").replace("\x00", "")  # PostgreSQL stores no NUL characters
    except UnicodeDecodeError:
        raise UnreadableCSV(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac spreadsheets end lines with CR alone
    reader = csv.DictReader(io.StringIO(text), dialect=_dialect(text))
    try:
        headers = [(name or "").strip().lower() for name in reader.fieldnames or []]
        reader.fieldnames = headers
        return headers, [(line, values) for line, values in enumerate(reader, start=2)]
    except csv.Error:  # a field over csv's limit (128 KB), or broken quoting
        raise UnreadableCSV(_("Line %(line)d is not valid CSV (a field is too long or a quote is not closed).",
                              line=reader.line_num + 1)) from None  # the line being read


def cell(values: dict[str | None, str | list[str] | None], name: str) -> str:
    """One column's value in a row, stripped ("" when the row is short)."""
    value = values.get(name)
    return value.strip() if isinstance(value, str) else ""


def _dialect(text: str) -> type[csv.Dialect]:
    # Spreadsheet programs in Azerbaijani and Russian save CSV with semicolons.
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel
