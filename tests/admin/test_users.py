"""Admins find users, change their roles and deactivate them."""
import re

from lms.auth.models import Role
from tests.conftest import PASSWORD


def stat(page: str, label: str) -> int:
    """The figure shown above `label` on the admin home."""
    match = re.search(r'stat-value">([\d\s]+)</span>\s*<span class="stat-label">' + re.escape(label) + "<", page)
    assert match, f"no figure for {label!r}"
    return int(match.group(1).replace(" ", ""))


def test_admin_home_counts_users_by_role(client, make_user, login, make_organisation):
    admin = make_user(Role.ADMIN)
    make_user(Role.TRAINER)
    make_user()
    make_user()
    make_organisation()
    login(admin)
    page = client.get("/admin/", headers={"Accept-Language": "ru"}).text
    assert stat(page, "пользователя") == 4  # the Russian plural for 2-4
    assert stat(page, "Слушатель") == 2
    assert stat(page, "Тренер") == 1
    assert stat(page, "организация") == 1  # ... and for 1


def test_search_finds_by_name_or_email_and_filters_by_role(client, make_user, login):
    admin = make_user(Role.ADMIN, name="Leyla Admin")
    make_user(name="Gülşən İsmayılova", email="gulshen@example.org")
    make_user(name="Ion Rusu", email="ion@example.org")
    make_user(Role.TRAINER, name="Rəşad Məmmədli", email="reshad@example.org")
    login(admin)
    by_name = client.get("/admin/users?q=rusu").text
    assert "Ion Rusu" in by_name and "Gülşən" not in by_name
    by_email = client.get("/admin/users?q=GULSHEN@").text
    assert "Gülşən İsmayılova" in by_email and "Ion Rusu" not in by_email
    trainers = client.get("/admin/users?role=trainer").text
    assert "Rəşad Məmmədli" in trainers and "Ion Rusu" not in trainers


def test_search_treats_percent_and_underscore_literally(client, make_user, login):
    login(make_user(Role.ADMIN))
    make_user(name="Plain Name")
    assert "Plain Name" not in client.get("/admin/users?q=%25").text
    assert "Plain Name" not in client.get("/admin/users?q=_").text


def test_an_unknown_role_filter_is_400(client, make_user, login):
    login(make_user(Role.ADMIN))
    response = client.get("/admin/users?role=emperor")
    assert response.status_code == 400
    assert "Yanlış seçim." in response.text


def test_users_are_paginated(client, make_user, login, app):
    app.config["USERS_PER_PAGE"] = 2
    login(make_user(Role.ADMIN, name="A Admin"))
    for name in ("B", "C", "D"):
        make_user(name=f"{name} Learner")
    first = client.get("/admin/users", headers={"Accept-Language": "en"}).text
    assert "Page 1 of 2" in first and "D Learner" not in first
    assert "D Learner" in client.get("/admin/users?page=2").text


def test_change_role(client, make_user, login):
    login(make_user(Role.ADMIN))
    learner = make_user()
    response = client.post(f"/admin/users/{learner.id}/role", data={"role": "trainer", "next": "/admin/users?q=x"})
    assert response.status_code == 302 and response.headers["Location"] == "/admin/users?q=x"
    assert learner.role is Role.TRAINER


def test_change_role_refuses_a_role_that_does_not_exist(client, make_user, login):
    login(make_user(Role.ADMIN))
    learner = make_user()
    assert client.post(f"/admin/users/{learner.id}/role", data={"role": "emperor"}).status_code == 400
    assert learner.role is Role.LEARNER


def test_deactivate_and_reactivate(client, make_user, login):
    login(make_user(Role.ADMIN))
    learner = make_user()
    client.post(f"/admin/users/{learner.id}/active", data={"active": "0"})
    assert learner.active is False
    other = client.application.test_client()
    assert other.post("/auth/login", data={"email": learner.email, "password": PASSWORD}).status_code == 401
    client.post(f"/admin/users/{learner.id}/active", data={"active": "1"})
    assert learner.active is True


def test_an_admin_cannot_lock_themselves_out(client, make_user, login):
    admin = make_user(Role.ADMIN)
    login(admin)
    response = client.post(f"/admin/users/{admin.id}/active", data={"active": "0"}, headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "Нельзя отключить собственную учётную запись." in response.text
    assert client.post(f"/admin/users/{admin.id}/role", data={"role": "learner"}).status_code == 400
    assert admin.active and admin.role is Role.ADMIN


def test_changing_an_unknown_user_is_404(client, make_user, login):
    login(make_user(Role.ADMIN))
    assert client.post("/admin/users/999999/role", data={"role": "trainer"}).status_code == 404
