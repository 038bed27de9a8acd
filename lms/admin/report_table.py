"""The report's columns, shared by the page's table and the CSV and XLSX exports."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from lms.admin.report_rows import CertificateStatus, CourseStructure, LearnerRow, LearnerStatus
from lms.dates import date_text
from lms.i18n import country_name, localized
from lms.numbers import round_percent

STATUS_LABELS = {
    LearnerStatus.NOT_STARTED: _l("Not started"),
    LearnerStatus.IN_PROGRESS: _l("In progress"),
    LearnerStatus.COMPLETED: _l("Completed"),
}

CERTIFICATE_LABELS = {
    CertificateStatus.NONE: _l("None"),
    CertificateStatus.ISSUED: _l("Issued"),
    CertificateStatus.REVOKED: _l("Revoked"),
}

Cell = str | int | float | datetime | None


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[LearnerRow], Cell]


def report_columns(structure: CourseStructure) -> list[Column]:
    """Every column of the report, headed in the viewer's language; cells keep their types."""
    columns = [
        Column(_("Name"), lambda row: row.name),
        Column(_("E-mail"), lambda row: row.email),
        Column(_("Organisation"), lambda row: row.organisation),
        Column(_("Country"), lambda row: country_name(row.country) or None),
        Column(_("Complete (%)"), lambda row: row.percent),
    ]
    for index, column in enumerate(structure.days):
        columns.append(Column(_("Day %(number)d, %(date)s (of %(count)d modules)", number=column.day.number,
                                date=date_text(column.day.date), count=column.modules),
                              lambda row, index=index: row.per_day[index]))
    for index, quiz in enumerate(structure.quizzes):
        columns.append(Column(_("%(quiz)s: best (%%)", quiz=localized(quiz.module, "title")),
                              lambda row, index=index: _rounded(row.quiz_best[index])))
    columns += [
        Column(_("Live sessions attended (of %(count)d)", count=structure.live_sessions),
               lambda row: row.attended),
        Column(_("Last activity"), lambda row: row.last_activity),
        Column(_("Status"), lambda row: str(STATUS_LABELS[row.status])),
        Column(_("Certificate"), lambda row: str(CERTIFICATE_LABELS[row.certificate])),
    ]
    return columns


def _rounded(value: float | None) -> float | None:
    return None if value is None else round_percent(value)  # as the page shows it
