"""Admins create and edit accounts, hand out set-password links, keep organisations; the log remembers."""

import pytest

from lms.audit.models import AuditAction, AuditEntry
from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.extensions import db
from tests.conftest import PASSWORD

RU = {"Accept-Language": "ru"}


def log_actions() -> list[AuditAction]:
    return [entry.action for entry in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


def test_the_list_filters_by_organisation_country_and_status(client, login, make_user, make_organisation):
    login(make_user(Role.ADMIN, name="Admin"))
    hall = make_organisation("Public Service Hall", "GE")
    make_user(name="Giorgi Beridze", organisation=hall)
    make_user(name="Aida Nurlanova", country="KZ")
    sleeper = make_user(name="Sleeping Beauty", country="KZ")
    sleeper.active = False
    db.session.commit()

    def names(query: str) -> set[str]:
        page = client.get(f"/admin/users?{query}").text
        return {name for name in ("Giorgi Beridze", "Aida Nurlanova", "Sleeping Beauty") if name in page}

    assert names(f"organisation={hall.id}") == {"Giorgi Beridze"}
    assert names("country=GE") == {"Giorgi Beridze"}  # taken from the organisation when the account was made
    assert names("country=KZ") == {"Aida Nurlanova", "Sleeping Beauty"}
    assert names("country=KZ&active=0") == {"Sleeping Beauty"}
    assert names("active=1") == {"Giorgi Beridze", "Aida Nurlanova"}
    assert client.get("/admin/users?country=XX").status_code == 400


def test_an_admin_creates_an_account_that_waits_for_its_password(client, login, make_user, make_organisation):
    login(make_user(Role.ADMIN))
    hall = make_organisation("Public Service Hall", "GE")
    response = client.post("/admin/users/new", data={
        "name": "Nino Tsereteli", "email": "Nino@Example.org", "role": "learner", "organisation": hall.id,
        "country": "", "locale": "ru"})
    assert response.status_code == 302
    nino = db.session.scalar(db.select(User).where(User.email == "nino@example.org"))
    assert (nino.name, nino.country, nino.locale, nino.organisation) == ("Nino Tsereteli", "GE", "ru", hall)
    assert accounts.authenticate("nino@example.org", nino.password_hash) is None  # no password opens it yet
    assert log_actions() == [AuditAction.USER_CREATED]


def test_a_taken_email_is_refused_in_the_form(client, login, make_user):
    login(make_user(Role.ADMIN))
    taken = make_user(email="taken@example.org")
    response = client.post("/admin/users/new", headers=RU, data={
        "name": "Someone", "email": "TAKEN@example.org", "role": "learner"})
    assert response.status_code == 400
    assert "уже есть" in response.text or "уже существует" in response.text
    other = make_user(email="other@example.org")
    response = client.post(f"/admin/users/{other.id}", data={"name": "Other", "email": taken.email, "role": "learner"})
    assert response.status_code == 400


def test_editing_an_account_logs_what_changed(client, login, make_user):
    admin = make_user(Role.ADMIN)
    login(admin)
    user = make_user(name="Old Name", email="person@example.org")
    response = client.post(f"/admin/users/{user.id}", data={
        "name": "New Name", "email": "person@example.org", "role": "trainer", "country": "AZ", "locale": ""})
    assert response.status_code == 302
    entry = db.session.scalar(db.select(AuditEntry))
    assert entry.action is AuditAction.USER_UPDATED and entry.actor == admin
    assert entry.details["changes"] == {"name": ["Old Name", "New Name"], "role": ["learner", "trainer"],
                                        "country": [None, "AZ"]}
    page = client.get("/admin/audit", headers=RU).text
    assert "Учётная запись изменена" in page and "Old Name → New Name" in page


def test_the_edit_form_shows_the_account_as_it_is(client, login, make_user, make_organisation):
    login(make_user(Role.ADMIN))
    hall = make_organisation("Public Service Hall", "GE")
    user = make_user(name="Nino", organisation=hall, locale="ru")
    page = client.get(f"/admin/users/{user.id}").text
    assert f'<option selected value="{hall.id}">Public Service Hall</option>' in page
    assert '<option selected value="ru">' in page and '<option selected value="GE">' in page
    client.post(f"/admin/users/{user.id}", data={"name": "Nino T", "email": user.email, "role": "learner",
                                                 "organisation": hall.id, "country": "GE", "locale": "ru"})
    db.session.refresh(user)
    assert (user.name, user.organisation, user.locale) == ("Nino T", hall, "ru")


def test_a_set_password_link_works_once(client, login, make_user, app):
    admin = make_user(Role.ADMIN)
    user = make_user(email="forgetful@example.org")
    login(admin)
    page = client.post(f"/admin/users/{user.id}/password-link", headers=RU).text
    assert "Сайт не отправляет почту" in page
    link = page.split('id="password-link">')[1].split("<")[0]
    path = link.replace("http://localhost", "")
    client.post("/auth/logout")
    assert client.get(path, headers=RU).status_code == 200
    mismatch = client.post(path, data={"new_password": "brand-new-pass", "confirm": "other-pass-123"})
    assert mismatch.status_code == 400
    assert client.post(path, data={"new_password": "brand-new-pass", "confirm": "brand-new-pass"}).status_code == 302
    assert client.post("/auth/login", data={"email": user.email, "password": "brand-new-pass"}).status_code == 302
    client.post("/auth/logout")
    used = client.get(path, headers=RU)
    assert used.status_code == 404 and "Ссылка больше не действует" in used.text
    assert AuditAction.PASSWORD_LINK in log_actions()


def test_a_forged_or_expired_link_is_refused(client, make_user, app, monkeypatch):
    user = make_user()
    with app.test_request_context():
        token = accounts.password_link_token(user)
    assert client.get(f"/auth/password/{token}x").status_code == 404
    app.config["PASSWORD_LINK_HOURS"] = -1  # every link is already too old
    assert client.get(f"/auth/password/{token}").status_code == 404
    post = client.post(f"/auth/password/{token}", data={"new_password": "x" * 10, "confirm": "x" * 10})
    assert post.status_code == 404
    assert client.post("/auth/login", data={"email": user.email, "password": PASSWORD}).status_code == 302


def test_the_link_is_mailed_in_the_persons_language_when_smtp_is_set(client, login, make_user, mailbox):
    login(make_user(Role.ADMIN))
    user = make_user(email="olga@example.org", name="Olga", locale="ru")
    page = client.post(f"/admin/users/{user.id}/password-link").text
    assert "olga@example.org" in page
    (message,) = mailbox.deliver()
    assert message["To"].addresses[0].addr_spec == "olga@example.org"
    assert message["Subject"] == "Установите пароль для Təlim LMS"
    assert "http://localhost/auth/password/" in message.get_body(("plain",)).get_content()
    assert "List-Unsubscribe" not in message  # account mail cannot be turned off


def test_organisations_are_added_with_their_country_and_renamed(client, login, make_user):
    login(make_user(Role.ADMIN))
    response = client.post("/admin/organisations", data={"name": "Госслужба миграции", "country": "KZ"})
    assert response.status_code == 302
    page = client.get("/admin/organisations", headers={"Accept-Language": "az"}).text
    assert "Госслужба миграции" in page and "Qazaxıstan" in page
    duplicate = client.post("/admin/organisations", headers=RU, data={"name": "ГОССЛУЖБА МИГРАЦИИ", "country": "KZ"})
    assert duplicate.status_code == 400 and "Организация с таким названием уже есть." in duplicate.text
    organisation = db.session.scalar(db.select(Organisation))
    client.post(f"/admin/organisations/{organisation.id}", data={"name": "Migration Service", "country": "UZ"})
    db.session.refresh(organisation)
    assert (organisation.name, organisation.country) == ("Migration Service", "UZ")
    assert log_actions() == [AuditAction.ORGANISATION_CREATED, AuditAction.ORGANISATION_UPDATED]
    assert client.post("/admin/organisations", data={"name": "Nowhere", "country": "ZZ"}).status_code == 400


@pytest.mark.parametrize("active", ["0", "1"])
def test_role_and_status_changes_are_logged(client, login, make_user, active):
    login(make_user(Role.ADMIN))
    user = make_user()
    if active == "1":
        user.active = False
        db.session.commit()
    client.post(f"/admin/users/{user.id}/active", data={"active": active})
    client.post(f"/admin/users/{user.id}/role", data={"role": "trainer"})
    expected = AuditAction.USER_REACTIVATED if active == "1" else AuditAction.USER_DEACTIVATED
    assert log_actions() == [expected, AuditAction.USER_ROLE]


def test_enrolling_an_organisation_is_logged(client, login, make_user, make_course, make_organisation):
    login(make_user(Role.ADMIN))
    course = make_course()
    hall = make_organisation("Public Service Hall", "GE")
    make_user(organisation=hall)
    client.post(f"/courses/{course.slug}/manage/enrolments",
                data={"organisation-organisation": hall.id, "organisation-submit": "1"})
    entry = db.session.scalar(db.select(AuditEntry))
    assert entry.action is AuditAction.ORGANISATION_ENROLLED
    assert entry.details == {"course": course.slug, "enrolled": 1}
