"""The certificate as a PDF (its text and its QR code) and the public check of its code."""
import io
import subprocess
import zipfile

import pytest
import zxingcpp
from PIL import Image

from lms.auth.models import Role
from lms.certificates import queries, services
from tests.certificates.conftest import NOW

RU = {"Accept-Language": "ru"}
AZ = {"Accept-Language": "az"}


def certificate_of(course, enrollment):
    return queries.certificates_of_course(course)[enrollment.id]


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def test_the_pdf_keeps_azerbaijani_letters_and_the_russian_title(client, login, graduate):
    learner, course, enrollment = graduate
    code = certificate_of(course, enrollment).code
    login(learner)
    response = client.get(f"/certificates/{code}.pdf?lang=ru")
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Gülşən İsmayılova Ağaoğlu" in text  # ə ş ğ ı İ
    assert "Dövlət Miqrasiya Xidməti (Ağdaş şöbəsi)" in text
    assert "«Основы миграции»" in text
    assert "Сертификат" in text and "с 16 ноября 2026 г. по 17 ноября 2026 г." in text
    assert code in text.replace("\n", "")


def test_the_pdf_is_one_a4_landscape_page_in_the_learners_language(client, login, graduate):
    learner, course, enrollment = graduate
    login(learner)
    data = client.get(f"/certificates/{certificate_of(course, enrollment).code}.pdf").data
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "Pages:           1" in info
    assert "841.89 x 595.276 pts (A4)" in info  # landscape: wider than tall
    assert "Sertifikat" in pdf_text(data)  # Gülşən reads Azerbaijani


def test_the_qr_code_decodes_to_the_public_check(client, login, graduate, tmp_path):
    learner, course, enrollment = graduate
    certificate = certificate_of(course, enrollment)
    login(learner)
    (tmp_path / "certificate.pdf").write_bytes(client.get(f"/certificates/{certificate.code}.pdf").data)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "certificate.pdf"),
                    str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page.png") as page:
        codes = zxingcpp.read_barcodes(page)
    assert [code.text for code in codes] == [f"http://localhost/verify/{certificate.code}"]


def test_only_the_owner_and_admins_open_the_pdf(client, login, graduate, make_user):
    learner, course, enrollment = graduate
    code = certificate_of(course, enrollment).code
    login(make_user())
    assert client.get(f"/certificates/{code}.pdf").status_code == 404
    client.post("/auth/logout")
    login(make_user(Role.ADMIN))
    assert client.get(f"/certificates/{code}.pdf").status_code == 200
    assert client.get(f"/certificates/{code}.pdf?lang=fr").status_code == 400


def test_the_check_says_valid_without_telling_more(client, graduate):
    learner, course, enrollment = graduate
    code = certificate_of(course, enrollment).code
    page = client.get(f"/verify/{code}", headers=RU).text
    assert "Действителен" in page and "Gülşən İsmayılova Ağaoğlu" in page and "Основы миграции" in page
    assert "1 декабря 2026" in page
    assert learner.email not in page and "Dövlət Miqrasiya" not in page  # nothing else about the learner
    assert client.get(f"/verify/{code.lower()}").status_code == 200  # typed in lower case


def test_a_revoked_certificate_shows_revoked(client, graduate, make_user):
    learner, course, enrollment = graduate
    certificate = certificate_of(course, enrollment)
    services.revoke(make_user(Role.ADMIN), certificate, "Issued by mistake", NOW)
    from lms.extensions import db
    db.session.commit()
    response = client.get(f"/verify/{certificate.code}", headers=AZ)
    assert response.status_code == 200
    assert "Ləğv edilib" in response.text and "Gülşən" not in response.text
    assert "Issued by mistake" not in response.text


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "nonsense", "x" * 500, "%F0%9F%98%80", "ABCD-1234"])
def test_unknown_and_malformed_codes_get_a_clean_page(client, code):
    response = client.get(f"/verify/{code}", headers=RU)
    assert response.status_code == 404
    assert "Проверка сертификата" in response.text and "Неизвестен" in response.text


def test_the_check_is_rate_limited(other_app, graduate):
    app = other_app(RATELIMIT_ENABLED=True, VERIFY_RATE_LIMIT="3 per minute")
    client = app.test_client()
    statuses = [client.get("/verify/nonsense").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_learners_find_their_certificates_on_their_progress_page(client, login, graduate):
    learner, course, enrollment = graduate
    login(learner)
    page = client.get("/progress/").text  # in Azerbaijani, the language of her account
    assert "Sertifikatlarım" in page
    assert f"/certificates/{certificate_of(course, enrollment).code}.pdf?lang=ru" in page


def test_admins_download_every_certificate_as_one_zip(client, login, graduate, make_user):
    learner, course, enrollment = graduate
    login(make_user(Role.ADMIN))
    response = client.get(f"/admin/courses/{course.slug}/certificates.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    [name] = archive.namelist()
    assert name.endswith(f"{certificate_of(course, enrollment).code}.pdf")
    assert "Gülşən İsmayılova Ağaoğlu" in pdf_text(archive.read(name))
