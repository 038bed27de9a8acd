"""A programme's evaluation report: each learner of the programme once (completed, certified, mean
attendance), and its courses side by side with their satisfaction; the XLSX and PDF say the same."""
from __future__ import annotations

import io

import openpyxl

from lms.auth.models import Role
from lms.courses.models import CourseStatus
from lms.extensions import db
from lms.programmes import services as programmes
from tests.certificates.test_pdf_and_verify import pdf_text
from tests.surveys.conftest import answer_all


def _programme(world, make_course):
    programme = programmes.create_programme(slug="migration-school", original_locale="en",
                                            texts={"en": {"title": "Migration School"},
                                                   "az": {"title": "Miqrasiya Məktəbi"}})
    programmes.add_course(programme, world.course)
    borders = make_course(days=[["Border management"]], slug="borders")
    next(t for t in borders.translations if t.locale == "en").title = "Borders"
    programmes.add_course(programme, borders, required=False)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    for learner in world.learners:
        programmes.enrol(learner, programme, by_admin=True)
    db.session.commit()
    return programme


def test_the_programme_report_sets_its_courses_side_by_side(survey_world, make_course, make_user, client, login):
    world = survey_world
    _programme(world, make_course)
    answer_all(world, world.learners[:4], rating=5)
    admin = make_user(Role.ADMIN, locale="en")
    login(admin)
    page = client.get("/admin/programmes/migration-school/evaluation")
    assert page.status_code == 200
    text = page.text
    assert "Migration basics" in text and "Borders" in text
    assert "Azerbaijan" in text and "Georgia" in text  # participation by country
    borders = text.split("Borders")[1].split("</tr>")[0]
    assert "optional" in borders
    row = text.split("Migration basics</th>")[1].split("</tr>")[0]
    assert ">8<" in row and ">5<" in row  # eight enrolled; every 1–5 rating was 5

    book = openpyxl.load_workbook(io.BytesIO(client.get("/admin/programmes/migration-school/evaluation.xlsx").data))
    assert book.sheetnames == ["Participation", "Courses"]
    courses = [[c for c in row if c is not None] for row in book["Courses"].iter_rows(values_only=True)]
    assert courses[1][:3] == ["Migration basics", "Yes", 8] and courses[1][-2:] == [5, 4]

    admin.locale = "az"
    db.session.commit()
    pdf = client.get("/admin/programmes/migration-school/evaluation.pdf")
    assert pdf.mimetype == "application/pdf"
    assert "Miqrasiya Məktəbi" in pdf_text(pdf.data)


def test_only_admins_read_the_programme_report(survey_world, make_course, client, login):
    world = survey_world
    _programme(world, make_course)
    login(world.trainer)
    assert client.get("/admin/programmes/migration-school/evaluation").status_code == 403
    assert client.get("/admin/programmes/migration-school/evaluation.pdf").status_code == 403
