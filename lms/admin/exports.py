"""Writing the report as CSV (UTF-8 with a BOM) or XLSX, streamed to the browser."""
from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime

from lms.admin.report_table import Cell, Column
from lms.certificates import queries as certificate_queries
from lms.certificates.pdf import render_pdf
from lms.courses.models import Course
from lms.spreadsheets import csv_text, xlsx_cell
from lms.timezones import utc_to_local

CHUNK = 64 * 1024


def csv_lines(columns: list[Column], rows: Iterable, timezone: str) -> Iterator[str]:
    """The report as CSV text, a line at a time; the BOM lets spreadsheet programs read ə, ş and Cyrillic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_text(column.header) for column in columns])
    yield "\ufeff" + _drain(buffer)
    for row in rows:
        writer.writerow([_csv_cell(column.value(row), timezone) for column in columns])
        yield _drain(buffer)


def xlsx_chunks(columns: list[Column], rows: Iterable, timezone: str, title: str) -> Iterator[bytes]:
    """The report as an XLSX workbook, written row by row to a temporary file and sent in chunks."""
    from openpyxl import Workbook  # imported here: few requests need it, and every worker would pay for it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append([column.header for column in columns])
    for row in rows:
        sheet.append([xlsx_cell(sheet, _xlsx_cell(column.value(row), timezone)) for column in columns])
    with tempfile.TemporaryFile() as file:
        workbook.save(file)
        file.seek(0)
        while chunk := file.read(CHUNK):
            yield chunk


def certificates_archive(course: Course) -> Iterator[bytes]:
    """Every certificate of the course that stands, each a PDF in its learner's language, as one ZIP."""
    certificates = [certificate for certificate in certificate_queries.certificates_of_course(course).values()
                    if not certificate.revoked]
    with tempfile.TemporaryFile() as file:
        with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for certificate in certificates:
                name = "".join(char if char.isalnum() else "-" for char in certificate.enrollment.user.name)
                archive.writestr(f"{name}-{certificate.code}.pdf", render_pdf(certificate, certificate.locale))
        file.seek(0)
        while chunk := file.read(CHUNK):
            yield chunk


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _csv_cell(value: Cell, timezone: str) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return utc_to_local(value, timezone).strftime("%Y-%m-%d %H:%M")
    return csv_text(value)


def _xlsx_cell(value: Cell, timezone: str) -> Cell:
    if isinstance(value, datetime):  # spreadsheets keep no time zone: the viewer's wall clock
        return utc_to_local(value, timezone).replace(second=0, microsecond=0)
    return value


def _sheet_title(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return cleaned[:31] or "Report"
