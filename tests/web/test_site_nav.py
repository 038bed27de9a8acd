"""The header's menu is kept for each kind of visitor and page (lms/web/site_nav.py).

What a person would notice if keeping it went wrong: a menu in another language, a count or a link
that is not theirs, an Administration link after their right was taken away, a highlighted page they
are not on, or a sign-out button that does not sign them out (another visitor's token).
"""
from __future__ import annotations

import re

import pytest
from flask import Flask

from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db
from lms.notifications import services as notifications
from tests.conftest import PASSWORD, csrf_token_from


def menu(page: str) -> str:
    """The brand and main menu of a page, with the sign-out token (which changes each second) left out."""
    header = page.split('<nav class="language-switcher"')[0]
    return re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token" value=""', header)


def signed_in_client(app: Flask, user):
    client = app.test_client()
    token = csrf_token_from(client.get("/auth/login").text)
    assert client.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                            "csrf_token": token}).status_code == 302
    return client


@pytest.mark.parametrize("role", [None, Role.LEARNER, Role.COORDINATOR, Role.ADMIN])
def test_a_kept_menu_is_the_menu_drawn_anew(app, client, login, make_user, make_course, role):
    if role is not None:
        person = make_user(role)
        courses.enrol(person, make_course(), by_admin=True)  # one unread notice
        db.session.commit()
        login(person)
    pages = ["/", "/programmes/", "/auth/login"] if role is None else [
        "/", "/notifications/", "/progress/", "/auth/profile", "/admin/" if role is Role.ADMIN else "/programmes/"]
    for language in ("az", "ru", "en"):
        for path in pages:
            kept = [client.get(path, headers={"Accept-Language": language}).text for _ in range(2)]
            app.jinja_env.auto_reload = True  # as while a template is edited: the menu is drawn anew
            drawn = client.get(path, headers={"Accept-Language": language}).text
            app.jinja_env.auto_reload = False
            assert menu(kept[0]) == menu(kept[1]) == menu(drawn), (language, path)
            assert menu(drawn).count('aria-current="page"') == 1, (language, path)  # this page's own entry


def test_the_menu_follows_the_language_the_count_and_the_right_at_the_next_request(client, login, make_user,
                                                                                     make_course):
    person = make_user(Role.LEARNER)
    courses.enrol(person, make_course(), by_admin=True)
    db.session.commit()
    login(person)
    first = menu(client.get("/", headers={"Accept-Language": "ru"}).text)
    assert "Курсы" in first and 'aria-label="1 непрочитанное">1<' in first and "Администрирование" not in first
    notifications.notify(person, "enrolled", "again")
    person.role = Role.ADMIN
    db.session.commit()
    second = menu(client.get("/", headers={"Accept-Language": "ru"}).text)
    assert 'aria-label="2 непрочитанных">2<' in second and "Администрирование" in second
    person.role = Role.LEARNER  # the right taken away again
    db.session.commit()
    client.post("/notifications/read", data={})
    third = menu(client.get("/", headers={"Accept-Language": "en"}).text)
    assert "Courses" in third and "Administration" not in third and 'class="badge"' not in third


def test_each_visitors_sign_out_button_signs_out_that_visitor_only(csrf_app, make_user):
    first, second = make_user(), make_user()
    first_browser, second_browser = signed_in_client(csrf_app, first), signed_in_client(csrf_app, second)
    first_token = csrf_token_from(first_browser.get("/").text.split('<nav class="language-switcher"')[0])
    second_token = csrf_token_from(second_browser.get("/").text.split('<nav class="language-switcher"')[0])
    assert first_token != second_token
    assert first_browser.post("/auth/logout", data={"csrf_token": second_token}).status_code == 400
    assert first_browser.get("/auth/profile").status_code == 200  # still signed in
    assert first_browser.post("/auth/logout", data={"csrf_token": first_token}).status_code == 302
    assert first_browser.get("/auth/profile").status_code == 302  # signed out
    assert second_browser.get("/auth/profile").status_code == 200  # the other visitor is not
