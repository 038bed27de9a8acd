"""The report page, the learner page and the exports, as trainers and admins see them."""
import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db
from tests.admin.conftest import NOW
from tests.courses.test_query_count import counting_statements

AZ = {"Accept-Language": "az"}
RU = {"Accept-Language": "ru"}


def test_the_report_page_in_azerbaijani(client, login, cohort):
    login(cohort.admin)
    page = client.get("/admin/courses/key-concepts/progress", headers=AZ).text
    assert "İrəliləyiş hesabatı" in page
    assert "Aynur Əliyeva" in page and "Olga Sidorova" in page
    assert "Gürcüstan" in page  # Georgia, named in Azerbaijani through Babel
    assert "Dövlət Miqrasiya Xidməti" in page
    assert "<svg" in page and "Gürcüstan, Gün 1: 50% tamamlayıb" in page  # a bar's tooltip


def test_the_report_filters_by_country_through_the_address(client, login, cohort):
    login(cohort.admin)
    page = client.get("/admin/courses/key-concepts/progress?country=GE", headers=RU).text
    assert "Giorgi Beridze" in page and "Nodar Kapanadze" in page
    assert "Aynur Əliyeva" not in page.split('id="report-table"')[1].split("</table>")[0]


def test_a_filter_it_does_not_know_is_a_clear_400(client, login, cohort):
    login(cohort.admin)
    response = client.get("/admin/courses/key-concepts/progress?status=asleep", headers=RU)
    assert response.status_code == 400
    assert "Неверный выбор." in response.text


def test_trainers_see_the_report_of_their_own_course_only(client, login, cohort, make_user, make_course):
    other = make_course(trainer=make_user(Role.TRAINER), slug="another-course")
    login(cohort.trainer)
    assert client.get("/admin/courses/key-concepts/progress").status_code == 200
    assert client.get(f"/admin/courses/{other.slug}/progress").status_code == 403
    assert client.get(f"/admin/courses/{other.slug}/progress.csv").status_code == 403
    assert client.get("/admin/").status_code == 403  # the admin pages stay the admins'


def test_the_csv_opens_as_utf8_with_a_bom_and_headers_in_the_viewers_language(client, login, cohort):
    login(cohort.trainer)
    response = client.get("/admin/courses/key-concepts/progress.csv", headers=RU)
    assert response.mimetype == "text/csv"
    assert 'filename="key-concepts-progress.csv"' in response.headers["Content-Disposition"]
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Имя", "Электронная почта", "Организация", "Страна", "Выполнено (%)"]
    assert "Итоговый тест: лучший результат (%)" in rows[0]
    by_name = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    aynur = by_name["Aynur Əliyeva"]
    assert aynur["Организация"] == "Dövlət Miqrasiya Xidməti"
    assert aynur["Страна"] == "Азербайджан"
    assert aynur["Выполнено (%)"] == "100"
    assert aynur["Итоговый тест: лучший результат (%)"] == "100.0"
    assert aynur["Статус"] == "Завершено"
    assert by_name["Olga Sidorova"]["Последняя активность"] == ""


def test_the_csv_keeps_the_filter(client, login, cohort):
    login(cohort.admin)
    text = client.get("/admin/courses/key-concepts/progress.csv?country=GE&sort=progress&order=desc").data.decode(
        "utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(text))][1:] == ["Nodar Kapanadze", "Giorgi Beridze"]


def test_the_xlsx_has_the_same_columns_and_typed_cells(client, login, cohort):
    login(cohort.admin)
    response = client.get("/admin/courses/key-concepts/progress.xlsx", headers=AZ)
    assert response.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    csv_header = next(csv.reader(io.StringIO(
        client.get("/admin/courses/key-concepts/progress.csv", headers=AZ).data.decode("utf-8-sig"))))
    assert list(rows[0]) == csv_header
    aynur = next(row for row in rows if row[0] == "Aynur Əliyeva")
    assert aynur[4] == 100 and isinstance(aynur[4], int)
    assert aynur[rows[0].index("Son fəaliyyət")].year == 2026  # last activity, a real date cell
    assert aynur[-1] == "Verilib"  # her certificate


def test_the_learner_page_shows_each_module_attempts_and_attendance(client, login, cohort):
    login(cohort.trainer)
    page = client.get(f"/admin/courses/key-concepts/learners/{cohort.aynur.id}", headers=RU).text
    assert "Aynur Əliyeva" in page
    assert "Попытка 1" in page and "Попытка 2" in page
    assert "100\xa0%" in page and "50\xa0%" in page  # Russian puts a no-break space before the sign
    assert "Подключений: 1, первое — " in page
    olga = client.get(f"/admin/courses/key-concepts/learners/{cohort.olga.id}", headers=RU).text
    assert "Отсутствовал(а)" in olga and "Попыток нет" in olga


@pytest.mark.parametrize("url", ["/admin/courses/{slug}/progress", "/admin/courses/{slug}/progress.csv",
                                 "/admin/courses/{slug}/progress?sort=activity&order=desc&country=GE"])
def test_report_queries_do_not_grow_with_the_cohort(client, login, cohort, make_user, url):
    """The cohort's 4 learners grown to 10, then to 200: the same number of SQL statements."""
    login(cohort.admin)
    counts = []
    for added in (6, 190):
        for number in range(added):
            learner = make_user(name=f"Learner {len(counts)}-{number}", country="GE")
            enrollment = courses.enrol(learner, cohort.course)
            courses.complete_module(enrollment, cohort.course.days[0].modules[0], NOW - timedelta(days=1))
        db.session.commit()
        client.get(url.format(slug="key-concepts"))  # warm up
        with counting_statements() as statements:
            assert client.get(url.format(slug="key-concepts")).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], f"{counts[0]} statements for 10 learners, {counts[1]} for 200"
