"""A survey's results as CSV and XLSX, in the reader's language: the same cells the results page shows,
withheld where it withholds them; a named survey adds each person's answers."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.extensions import db
from lms.numbers import round_points
from lms.spreadsheets import csv_text, xlsx_cell
from lms.surveys.labels import RATING_LABELS
from lms.surveys.models import QuestionKind, SurveyAnswer, SurveyResponse
from lms.surveys.queries import Distribution, Results, options_of, prompt_of
from lms.surveys.rules import CHOICE_KINDS

Row = list[Any]


def result_rows(results: Results) -> list[Row]:
    """Question, answer, count, mean: one row per cell of the results page."""
    rows: list[Row] = [[_("Question"), _("Answer"), _("Responses"), _("Mean")]]
    for result in results.questions:
        if result.hidden:
            rows.append([result.prompt, _("Fewer than 3 answers: not shown"), result.answered, ""])
            continue
        if result.scale is not None:
            rows.extend(_scale_rows(result.prompt, result.scale, result.question.kind))
        for label, count in result.options:
            rows.append([result.prompt, label, count, ""])
        for subject, distribution in result.subjects:
            if distribution.hidden:
                rows.append([result.prompt, subject, _("Fewer than 3 answers: not shown"), ""])
            else:
                rows.append([result.prompt, subject, distribution.total, _mean(distribution.mean)])
        rows.extend([result.prompt, text, "", ""] for text in result.texts)
    for title, groups in ((_("By country"), results.by_country), (_("By organisation"), results.by_organisation)):
        if groups:
            rows.append([])
            rows.append([title, _("Responses"), *(prompt_of(q) for q in results.breakdown_questions)])
            rows.extend([group.label, group.responses, *(_mean(group.means[q.id]) for q in results.breakdown_questions)]
                        for group in groups)
    if not results.survey.anonymous:
        rows.append([])
        rows.extend(_named_rows(results))
    return rows


def _scale_rows(prompt: str, distribution: Distribution, kind: QuestionKind) -> list[Row]:
    rows = [[prompt, str(value) if kind is QuestionKind.RECOMMEND else f"{value} {RATING_LABELS[value]}", count, ""]
            for value, count in distribution.rows()]
    rows.append([prompt, _("All answers"), distribution.total, _mean(distribution.mean)])
    return rows


def _named_rows(results: Results) -> list[Row]:
    """Each person's answers, for a survey its learners were told is named."""
    questions = results.survey.questions
    responses = db.session.scalars(
        select(SurveyResponse).where(SurveyResponse.survey_id == results.survey.id)
        .options(selectinload(SurveyResponse.answers))).all()
    names = dict(db.session.execute(select(User.id, User.name).where(
        User.id.in_([r.user_id for r in responses if r.user_id is not None]))).all())
    rows: list[Row] = [[_("Full name"), *(prompt_of(q) for q in questions)]]
    for response in sorted(responses, key=lambda r: names.get(r.user_id, "")):
        cells = []
        for question in questions:
            options = options_of(question) if question.kind in CHOICE_KINDS else []
            given = [a for a in response.answers if a.question_id == question.id]
            cells.append("; ".join(_answer_text(answer, options) for answer in given))
        rows.append([names.get(response.user_id, _("Deleted account")), *cells])
    return rows


def _answer_text(answer: SurveyAnswer, options: list[str]) -> str:
    if answer.text is not None:
        return answer.text
    if options and answer.value is not None and answer.value < len(options):
        return options[answer.value]
    return str(answer.value)


def _mean(value: float | None) -> float | str:
    return "" if value is None else round_points(value)


def results_csv(results: Results) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in result_rows(results):
        writer.writerow([csv_text(value) for value in row])
    return buffer.getvalue()


def results_xlsx(results: Results) -> bytes:
    from openpyxl import Workbook  # imported here: few requests need it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Results")[:31])
    for row in result_rows(results):
        sheet.append([xlsx_cell(sheet, value) for value in _plain(row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain(row: Iterable[Any]) -> list[Any]:
    return [str(value) if not isinstance(value, (int, float, str)) else value for value in row]
