"""The evaluation report as an XLSX workbook in the reader's language: participation (by gender,
country and organisation) on one sheet, the knowledge gain (groups, questions, learners) on another,
satisfaction (the end-of-course survey's results) on a third; and the printed report as a PDF."""
from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from flask import current_app
from flask_babel import gettext as _

from lms.admin.evaluation import EvaluationReport, Outcomes, Participation
from lms.admin.programme_evaluation import ProgrammeEvaluation
from lms.auth.genders import GENDER_LABELS
from lms.auth.models import Gender
from lms.i18n import country_name, localized
from lms.quizzes.gain import Means
from lms.spreadsheets import xlsx_cell
from lms.surveys.export import result_rows


def evaluation_workbook(report: EvaluationReport) -> bytes:
    from openpyxl import Workbook  # imported here: few requests need it

    gain = report.gain
    workbook = Workbook(write_only=True)
    _participation_sheet(workbook, report.participation)
    sheet = workbook.create_sheet(title=_("Knowledge gain")[:31])
    _append(sheet, [_("All learners"), *_means_header()])
    _append(sheet, ["", *_means(gain.overall)])
    for title, rows, label in ((_("By country"), gain.by_country, _country),
                               (_("By organisation"), gain.by_organisation, _organisation)):
        _append(sheet, [])
        _append(sheet, [title, *_means_header()])
        for key, means in rows:
            _append(sheet, [label(key), *_means(means)])
    _append(sheet, [])
    _append(sheet, [_("No."), _("Question"), _("Right in the pre-test"), _("Right in the post-test")])
    for item in gain.items:
        _append(sheet, [item.position, localized(item.question, "text") if item.question else "",
                        _share(item.before), _share(item.after)])
    _append(sheet, [])
    _append(sheet, [_("Full name"), _("Pre-test"), _("Post-test"), _("Gain (points)"), _("Normalised gain")])
    for row in gain.learners:
        _append(sheet, [row.learner.name, row.gain.pre, row.gain.post, row.gain.points, _share(row.gain.normalised)])
    if report.satisfaction is not None:
        sheet = workbook.create_sheet(title=_("Satisfaction")[:31])
        for row in result_rows(report.satisfaction):
            _append(sheet, row)
    return _saved(workbook)


def programme_workbook(report: ProgrammeEvaluation) -> bytes:
    """The programme's participation, then a row per course: outcomes, knowledge gain, satisfaction."""
    from openpyxl import Workbook  # imported here: few requests need it

    workbook = Workbook(write_only=True)
    _participation_sheet(workbook, report.participation)
    sheet = workbook.create_sheet(title=_("Courses")[:31])
    _append(sheet, [_("Course"), _("Required"), *_outcome_header(), *_means_header(), _("Satisfaction (1–5)"),
                    _("Responses")])
    for row in report.courses:
        _append(sheet, [localized(row.course, "title"), _("Yes") if row.required else _("No"),
                        *_outcomes(row.outcomes), *_means(row.gain), row.satisfaction, row.responses])
    return _saved(workbook)


def _outcome_header() -> list[str]:
    return [_("Enrolled"), _("Completed"), _("Certified"), _("Live sessions attended")]


def _means_header() -> list[str]:
    return [_("Took both tests"), _("Pre-test"), _("Post-test"), _("Gain (points)"), _("Normalised gain")]


def _participation_sheet(workbook, participation: Participation) -> None:
    sheet = workbook.create_sheet(title=_("Participation")[:31])
    for title, rows, label in ((_("By gender"), participation.by_gender, _gender),
                               (_("By country"), participation.by_country, _country),
                               (_("By organisation"), participation.by_organisation, _organisation)):
        _append(sheet, [title, *_outcome_header()])
        for key, outcomes in rows:
            _append(sheet, [label(key), *_outcomes(outcomes)])
        _append(sheet, [])


def _saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def evaluation_pdf(html: str) -> bytes:
    """The printed report (its template already in the reader's language) as PDF bytes."""
    # Imported here: WeasyPrint and its fonts cost each worker tens of MB, and few requests draw PDFs.
    from weasyprint import HTML
    return HTML(string=html, base_url=current_app.static_folder).write_pdf()


def _append(sheet, values: Iterable[Any]) -> None:
    sheet.append([xlsx_cell(sheet, _rounded(value)) for value in values])


def _rounded(value: Any) -> Any:
    return round(value, 1) if isinstance(value, float) else value


def _outcomes(outcomes: Outcomes) -> list[Any]:
    return [outcomes.enrolled, outcomes.completed, outcomes.certified, outcomes.attendance]


def _means(means: Means) -> list[Any]:
    return [means.count, means.pre, means.post, means.points, _share(means.normalised)]


def _share(value: float | None) -> float | None:
    """A share as a percentage, as the page shows it."""
    return None if value is None else value * 100


def _gender(key: Gender | None) -> str:
    return str(GENDER_LABELS[key]) if key else _("Not given")


def _country(key: str) -> str:
    return country_name(key) if key else _("Not given")


def _organisation(key: str) -> str:
    return key or _("No organisation")
