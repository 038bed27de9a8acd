"""Satisfaction in the evaluation report: the end-of-course survey's means beside participation and
knowledge gain, withheld under three answers; the same in the XLSX and in the PDF, in the reader's language."""
from __future__ import annotations

import io

import openpyxl

from lms.extensions import db
from tests.certificates.test_pdf_and_verify import pdf_text
from tests.surveys.conftest import answer_all


def _report(client, world, suffix=""):
    return client.get(f"/admin/courses/{world.course.slug}/evaluation{suffix}")


def test_satisfaction_appears_from_three_answers(survey_world, client, login):
    world = survey_world
    login(world.trainer)
    answer_all(world, world.learners[:2])
    page = _report(client, world).text
    assert "Satisfaction" in page and "2 answers so far: results appear from 3 answers" in page
    answer_all(world, world.learners[2:5], rating=5)
    page = _report(client, world).text
    assert "5 of 8 learners answered “Course evaluation”." in page
    assert "4.6" in page  # (2 × 4 + 3 × 5) / 5
    assert "Leyla Trainer" in page
    assert page.count("<svg class=\"chart\"") >= 2  # participation and satisfaction, drawn on the server


def test_the_workbook_has_a_satisfaction_sheet(survey_world, client, login):
    world = survey_world
    answer_all(world, world.learners[:3], rating=5)
    login(world.trainer)
    book = openpyxl.load_workbook(io.BytesIO(_report(client, world, ".xlsx").data))
    assert book.sheetnames[-1] == "Satisfaction"
    rows = [[c for c in row if c is not None] for row in book["Satisfaction"].iter_rows(values_only=True)]
    assert ["Overall, how satisfied are you with the course?", "All answers", 3, 5] in rows


def test_the_pdf_is_the_report_in_the_readers_language(survey_world, client, login):
    world = survey_world
    answer_all(world, world.learners[:3], rating=5)
    world.trainer.locale = "ru"
    db.session.commit()
    login(world.trainer)
    response = _report(client, world, ".pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Отчёт об оценке" in text
    assert "Насколько вы в целом довольны курсом?" in " ".join(text.split())
    assert "Участие" in text
