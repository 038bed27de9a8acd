"""Bulk import from CSV: a dry run shows every row; the import is all or nothing."""
import io

from lms.admin.user_import import Outcome, plan_import
from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import Organisation, Role, User
from lms.courses.models import Enrollment
from lms.extensions import db

RU = {"Accept-Language": "ru"}
GOOD = (
    "username,email,firstname,lastname,institution,country,lang,course1,city\n"
    "gulnar,gulnar@example.org,Gülnar,Həsənova,Dövlət Miqrasiya Xidməti,AZ,az,key-concepts,Bakı\n"
    "ivan,ivan@example.org,Иван,Петров,Миграционная служба,KZ,ru,key-concepts,Астана\n"
    "nino,nino@example.org,Nino,Tsereteli,Public Service Hall,ge,en,,Tbilisi\n"
)


def upload(client, text: str, headers=None, **fields):
    data = {"file": (io.BytesIO(text.encode()), "users.csv"), **fields}
    return client.post("/admin/users/import", data=data, content_type="multipart/form-data", headers=headers or {})


def users_named(*emails: str) -> set[str]:
    return set(db.session.scalars(db.select(User.email).where(User.email.in_(emails))))


def test_a_dry_run_shows_every_row_and_writes_nothing(client, login, make_user, make_course):
    login(make_user(Role.ADMIN))
    make_course(slug="key-concepts")
    response = upload(client, GOOD, headers=RU)
    assert response.status_code == 200
    page = response.text
    assert "3 строки." in page and "3 новые учётные записи," in page
    assert "Gülnar Həsənova" in page and "Иван Петров" in page
    assert "Эти столбцы не используются и пропущены: username, city" in page
    assert users_named("gulnar@example.org", "ivan@example.org", "nino@example.org") == set()
    assert db.session.scalar(db.select(db.func.count(Organisation.id))) == 0


def test_confirming_imports_accounts_organisations_and_enrolments(client, login, make_user, make_course):
    login(make_user(Role.ADMIN))
    course = make_course(slug="key-concepts")
    page = upload(client, GOOD).text
    token = page.split('name="token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/admin/users/import/confirm", data={"token": token})
    assert response.status_code == 302
    gulnar = db.session.scalar(db.select(User).where(User.email == "gulnar@example.org"))
    assert (gulnar.name, gulnar.country, gulnar.locale) == ("Gülnar Həsənova", "AZ", "az")
    assert gulnar.organisation.name == "Dövlət Miqrasiya Xidməti" and gulnar.organisation.country == "AZ"
    nino = db.session.scalar(db.select(User).where(User.email == "nino@example.org"))
    assert nino.country == "GE"  # upper-cased
    enrolled = set(db.session.scalars(db.select(Enrollment.user_id).where(Enrollment.course_id == course.id)))
    assert gulnar.id in enrolled and nino.id not in enrolled
    entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == AuditAction.USERS_IMPORTED))
    assert entry.details == {"rows": 3, "created": 3, "enrolled": 2} and entry.target == "users.csv"
    again = client.post("/admin/users/import/confirm", data={"token": token})  # the file is gone
    assert again.status_code == 302 and again.headers["Location"].endswith("/admin/users/import")


def test_one_bad_row_stops_the_whole_file(client, login, make_user, make_course):
    login(make_user(Role.ADMIN))
    make_course(slug="key-concepts")
    bad = GOOD + "broken,not-an-email,Bad,Row,,AZ,az,,\n"
    response = upload(client, bad, headers=RU)
    assert response.status_code == 422
    assert "«not-an-email» — неверный адрес электронной почты." in response.text
    assert "Ничего не будет импортировано" in response.text
    assert 'name="token"' not in response.text  # nothing to confirm
    assert users_named("gulnar@example.org", "ivan@example.org", "nino@example.org") == set()


def test_the_import_checks_again_and_refuses_a_file_that_went_bad(client, login, make_user, make_course):
    """Between the check and the import a course was renamed: nothing is written."""
    login(make_user(Role.ADMIN))
    course = make_course(slug="key-concepts")
    token = upload(client, GOOD).text.split('name="token" type="hidden" value="')[1].split('"')[0]
    course.slug = "renamed"
    db.session.commit()
    response = client.post("/admin/users/import/confirm", data={"token": token}, headers=RU)
    assert response.status_code == 422
    assert "Курса «key-concepts» нет." in response.text
    assert users_named("gulnar@example.org", "ivan@example.org", "nino@example.org") == set()


def test_row_errors_are_each_explained(app, make_user, make_course, make_organisation):
    make_user(email="known@example.org")
    make_organisation("Public Service Hall", "GE")
    text = (
        "email;firstname;lastname;institution;country;lang;password;course1\n"
        "known@example.org;;;;;;;\n"  # an existing account: no name needed
        "a@example.org;A;;New Body;;xx;short;nowhere\n"
        "b@example.org;;;;ZZ;;;\n"
        "a@example.org;A;Again;public service hall;;;;\n"
    )
    with app.test_request_context(headers=RU):
        plan = plan_import(text.encode())
        rows = plan.rows
        assert rows[0].outcome is Outcome.EXISTING and rows[0].errors == []
        assert rows[1].errors == [
            "Язык должен быть az, en или ru.",
            "Пароль должен содержать не менее 8 символов.",
            "Для новой организации «New Body» нужна страна.",
            "Курса «nowhere» нет.",
        ]
        assert rows[2].errors == ["Для новой учётной записи нужно имя или фамилия.",
                                  "«ZZ» — не код страны ISO 3166 (например, AZ, GE или KZ)."]
        assert rows[3].errors == ["Тот же адрес уже есть в строке 3."]
        assert not rows[3].new_organisation and rows[3].country == "GE"  # matched whatever the case
        assert plan.error_count == 3 and not plan.ok


def test_files_that_are_not_csv_get_a_clear_message(app):
    with app.test_request_context(headers=RU):
        assert plan_import("email,firstname\n".encode("utf-16")).file_errors == [
            "Файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8» и попробуйте снова."]
        assert plan_import(b"name,surname\nA,B\n").file_errors[0].startswith("Первая строка должна")
        assert plan_import(b"email,firstname\n").file_errors == ["В файле нет строк после заголовка."]
        assert plan_import(b"").file_errors[0].startswith("Первая строка должна")


def test_an_existing_account_is_enrolled_and_otherwise_left_alone(client, login, make_user, make_course):
    login(make_user(Role.ADMIN))
    course = make_course(slug="key-concepts")
    known = make_user(email="known@example.org", name="Known Person")
    token = upload(client, "email,firstname,course1\nKNOWN@example.org,Renamed,key-concepts\n").text.split(
        'name="token" type="hidden" value="')[1].split('"')[0]
    client.post("/admin/users/import/confirm", data={"token": token})
    db.session.refresh(known)
    assert known.name == "Known Person"
    assert db.session.scalar(db.select(Enrollment).where(Enrollment.user_id == known.id,
                                                         Enrollment.course_id == course.id)) is not None


def test_another_admins_token_does_not_open_the_file(client, login, make_user, make_course):
    make_course(slug="key-concepts")
    login(make_user(Role.ADMIN))
    token = upload(client, GOOD).text.split('name="token" type="hidden" value="')[1].split('"')[0]
    client.post("/auth/logout")
    login(make_user(Role.ADMIN))
    response = client.post("/admin/users/import/confirm", data={"token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/users/import")
    assert users_named("gulnar@example.org") == set()


def test_a_checked_file_waits_a_day_in_the_database_and_is_then_forgotten(client, login, make_user, frozen_clock):
    """The checked file (it may hold passwords) is the admin's alone, for a day; the clean-up job deletes it."""
    from datetime import UTC, datetime, timedelta

    from lms.files import services as files
    from lms.files.models import StoredFile
    now = datetime(2026, 11, 20, 9, tzinfo=UTC)
    frozen_clock(now)
    admin = make_user(Role.ADMIN)
    login(admin)
    page = upload(client, "email,firstname,lastname,password\nana@example.org,Ana,Lomidze,secret-pass-1\n")
    token = page.text.split('name="token" type="hidden" value="')[1].split('"')[0]
    kept = db.session.scalar(db.select(StoredFile).where(StoredFile.key == token))
    assert kept.owner_id == admin.id and kept.expires_at == now + timedelta(hours=24)
    assert files.remove_expired(now + timedelta(hours=23)) == 0
    frozen_clock(now + timedelta(hours=24, minutes=1))
    login(admin)  # the sign-in has expired too
    response = client.post("/admin/users/import/confirm", data={"token": token})
    assert response.headers["Location"].endswith("/admin/users/import") and users_named("ana@example.org") == set()
    assert files.remove_expired(now + timedelta(hours=24, minutes=1)) == 1
    assert db.session.scalar(db.select(StoredFile)) is None


def test_a_confirmed_file_is_deleted_with_the_import(client, login, make_user, make_course):
    from lms.files.models import StoredFile
    make_course(slug="key-concepts")
    login(make_user(Role.ADMIN))
    token = upload(client, GOOD).text.split('name="token" type="hidden" value="')[1].split('"')[0]
    client.post("/admin/users/import/confirm", data={"token": token})
    assert users_named("gulnar@example.org") != set()
    assert db.session.scalar(db.select(StoredFile)) is None
