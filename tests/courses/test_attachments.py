"""Files attached to modules: type and size limits, stored safely, served only to the course's people."""
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lms.auth.models import Role
from lms.courses import attachments, services
from lms.extensions import db
from lms.files import services as files
from lms.files.models import StoredFile, StoredFileChunk
from tests.conftest import PASSWORD

PDF = b"%PDF-1.4\n% a tiny test file\n"


@pytest.fixture()
def setting(make_user, make_course):
    trainer, learner = make_user(Role.TRAINER), make_user()
    course = make_course(trainer=trainer)
    services.enrol(learner, course)
    db.session.commit()
    return course, course.days[0].modules[0], trainer, learner


def upload(client, course, module, name="Miqrasiya — təqdimat.pdf", data=PDF, **headers):
    return client.post(f"/courses/{course.slug}/manage/modules/{module.id}/attachments",
                       data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data", headers=headers)


def test_a_trainer_attaches_a_file_and_a_learner_downloads_it(client, login, setting, app):
    course, module, trainer, learner = setting
    login(trainer)
    assert upload(client, course, module).status_code == 302
    attachment = module.attachments[0]
    assert attachment.filename == "Miqrasiya  təqdimat.pdf"  # the dash is dropped, the letters stay
    assert files.read_bytes(attachment.file) == PDF and attachment.file.size == len(PDF)
    client.post("/auth/logout")
    login(learner)
    page = client.get(f"/courses/{course.slug}/modules/{module.id}", headers={"Accept-Language": "ru"}).text
    assert "Miqrasiya  təqdimat.pdf" in page and "КБ" in page
    download = client.get(f"/courses/{course.slug}/modules/{module.id}/files/{attachment.id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.mimetype == "application/pdf"
    download.close()


def test_files_are_for_the_courses_people_only(client, login, make_user, setting):
    course, module, trainer, _ = setting
    attachment = attachments.add_attachment(module, "slides.pdf", io.BytesIO(PDF), 10_000)
    db.session.commit()
    url = f"/courses/{course.slug}/modules/{module.id}/files/{attachment.id}"
    assert client.get(url).status_code == 302
    login(make_user())
    assert client.get(url).status_code == 403
    other_course_url = url.replace(course.slug, "nope")
    assert client.get(other_course_url).status_code == 404


def test_files_of_a_locked_day_wait_for_it(client, login, setting, frozen_clock):
    course, _, _, learner = setting
    module = course.days[1].modules[0]
    course.days[1].opens_at = datetime(2026, 11, 24, 5, tzinfo=UTC)
    attachment = attachments.add_attachment(module, "day2.pdf", io.BytesIO(PDF), 10_000)
    db.session.commit()
    login(learner)
    url = f"/courses/{course.slug}/modules/{module.id}/files/{attachment.id}"
    frozen_clock(datetime(2026, 11, 24, 5, tzinfo=UTC) - timedelta(minutes=1))
    assert client.get(url).status_code == 403
    frozen_clock(datetime(2026, 11, 24, 5, tzinfo=UTC))
    response = client.get(url)
    assert response.status_code == 200
    response.close()


def test_other_types_are_refused_with_a_translated_message(client, login, setting):
    course, module, trainer, _ = setting
    login(trainer)
    for name in ("page.html", "image.svg", "run.exe", "noextension"):
        response = upload(client, course, module, name=name, data=b"<script>alert(1)</script>",
                          **{"Accept-Language": "ru"})
        assert response.status_code == 415, name
        assert "Такой тип файла нельзя прикрепить" in response.text
    assert module.attachments == []


def test_a_file_over_the_limit_is_refused_and_not_kept(client, login, setting, app):
    course, module, trainer, _ = setting
    app.config["MAX_ATTACHMENT_BYTES"] = 10 * 1024
    login(trainer)
    response = upload(client, course, module, name="big.pdf", data=b"x" * (10 * 1024 + 1), **{"Accept-Language": "ru"})
    assert response.status_code == 413
    assert "Файл больше 10 КБ." in response.text
    assert db.session.scalar(select(func.count()).select_from(StoredFileChunk)) == 0
    assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 0


def test_removing_an_attachment_or_its_module_deletes_the_file(client, login, setting, app):
    course, module, trainer, _ = setting
    login(trainer)
    upload(client, course, module, name="one.pdf")
    upload(client, course, module, name="two.png")
    (first_id, first_file), (_, second_file) = [(a.id, a.file_id) for a in module.attachments]
    client.post(f"/courses/{course.slug}/manage/modules/{module.id}/attachments/{first_id}/delete")
    assert [a.filename for a in module.attachments] == ["two.png"]
    assert db.session.scalars(select(StoredFile.id)).all() == [second_file]
    client.post(f"/courses/{course.slug}/manage/modules/{module.id}/delete")
    assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 0
    assert db.session.scalar(select(func.count()).select_from(StoredFileChunk)) == 0


def test_a_file_larger_than_a_chunk_comes_back_whole_with_its_name(client, login, setting):
    course, module, _, learner = setting
    data = bytes(range(256)) * 4000  # about four chunks, not a multiple of the chunk size
    attachment = attachments.add_attachment(module, "Доклад.pdf", io.BytesIO(data), 10 * 1024 * 1024)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(StoredFileChunk)) == 4
    login(learner)
    download = client.get(f"/courses/{course.slug}/modules/{module.id}/files/{attachment.id}")
    assert download.data == data and download.headers["Content-Length"] == str(len(data))
    assert "filename*=UTF-8''%D0%94%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4.pdf" in download.headers["Content-Disposition"]


def test_a_file_uploaded_through_one_app_server_downloads_through_another(client, login, setting, other_app):
    course, module, trainer, learner = setting
    login(trainer)
    upload(client, course, module, name="shared.pdf")
    attachment = module.attachments[0]
    second = other_app(UPLOAD_FOLDER="/nonexistent/other-server")  # nothing on this server's disk
    second.test_client_class = type(client)
    other = second.test_client()
    other.post("/auth/login", data={"email": learner.email, "password": PASSWORD})
    download = other.get(f"/courses/{course.slug}/modules/{module.id}/files/{attachment.id}")
    assert download.status_code == 200 and download.data == PDF


@pytest.mark.parametrize(("name", "clean"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\\\Users\\\\me\\\\Доклад (финал).pdf", "Доклад финал.pdf"),
    (".hidden.pdf", "hidden.pdf"),
])
def test_uploaded_names_lose_any_path(name, clean):
    assert attachments.clean_filename(name) == clean
