"""Registering, signing in and out, the profile page, and what protects them."""
import uuid

import pytest
from sqlalchemy import select

from lms.auth.models import User
from lms.extensions import db
from tests.conftest import PASSWORD, csrf_token_from


def register(client, **overrides):
    data = {"name": "Aýna Orazowa", "email": "ayna@example.org", "organisation": "0", "country": "TM",
            "password": PASSWORD, "confirm": PASSWORD}
    data.update(overrides)
    return client.post("/auth/register", data=data)


def test_registering_creates_a_learner_who_then_signs_in(client):
    response = register(client)
    assert response.status_code == 200 and "ayna@example.org" in response.text
    user = db.session.scalar(select(User).where(User.email == "ayna@example.org"))
    assert user.name == "Aýna Orazowa" and user.country == "TM"
    assert user.locale == "az"  # the language the page was in
    assert client.post("/auth/login", data={"email": "ayna@example.org", "password": PASSWORD}).status_code == 302
    assert "Aýna Orazowa" in client.get("/").text


def test_registering_a_taken_address_answers_the_same_and_mails_its_owner(client, make_user, mailbox):
    """It said "an account with this address already exists": anyone could learn who has one."""
    make_user(email="ayna@example.org", name="Aýna Orazowa", locale="ru")
    taken = register(client, name="Someone Else")
    new = register(client, name="New Person", email="new@example.org")
    assert taken.status_code == new.status_code == 200
    assert taken.text.replace("ayna@example.org", "ADDRESS") == new.text.replace("new@example.org", "ADDRESS")
    assert [message["To"].addresses[0].addr_spec for message in mailbox.deliver()] == ["ayna@example.org"]
    body = mailbox[0].get_body(("plain",)).get_content()
    assert "perhaps you" not in body and "Здравствуйте" in body  # in the owner's language: Russian
    assert "/auth/forgot-password" in body
    assert db.session.scalar(select(User.name).where(User.email == "ayna@example.org")) == "Aýna Orazowa"


def test_registering_with_mismatched_passwords_is_refused_in_russian(client):
    response = client.post(
        "/auth/register",
        data={"name": "X", "email": "x@example.org", "password": PASSWORD, "confirm": "other password"},
        headers={"Accept-Language": "ru"},
    )
    assert response.status_code == 400
    assert "Пароли не совпадают." in response.text
    assert db.session.scalar(select(User)) is None


def test_an_invalid_email_gets_a_translated_message(client):
    response = client.post("/auth/login", data={"email": "not-an-email", "password": "x"},
                           headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "Введите правильный адрес электронной почты." in response.text


def test_registration_can_be_closed(other_app):
    client = other_app(REGISTRATION_OPEN=False).test_client()
    assert client.get("/auth/register").status_code == 404
    assert "/auth/register" not in client.get("/auth/login").text


def test_sign_in_and_out(client, make_user):
    user = make_user(name="Giorgi Beridze")
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Giorgi Beridze" in client.get("/").text
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/auth/profile").status_code == 302


def test_a_wrong_password_is_401_with_a_message_that_reveals_nothing(client, make_user):
    user = make_user()
    response = client.post("/auth/login", data={"email": user.email, "password": "wrong password"})
    assert response.status_code == 401
    assert "E-poçt və ya parol yanlışdır" in response.text


def test_a_deactivated_account_cannot_sign_in(client, make_user):
    user = make_user()
    user.active = False
    db.session.commit()
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 401


def test_sign_in_follows_a_local_next_url(client, make_user):
    user = make_user()
    response = client.post("/auth/login?next=/auth/profile", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/auth/profile"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_sign_in_refuses_to_redirect_to_another_site(client, make_user, target):
    user = make_user()
    response = client.post(f"/auth/login?next={target}", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_a_protected_page_sends_anonymous_visitors_to_sign_in_and_back(client):
    response = client.get("/auth/profile")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_profile_saves_name_language_and_timezone(client, make_user, login):
    user = make_user()
    login(user)
    response = client.post("/auth/profile", data={"name": "Elif Yıldız", "locale": "ru", "timezone": "Europe/Istanbul"})
    assert response.status_code == 302
    assert (user.name, user.locale, user.timezone) == ("Elif Yıldız", "ru", "Europe/Istanbul")
    assert "Профиль сохранён." in client.get("/auth/profile").text


def test_profile_refuses_an_unknown_timezone(client, make_user, login):
    user = make_user()
    login(user)
    response = client.post("/auth/profile", data={"name": "X", "locale": "", "timezone": "Mars/Olympus"})
    assert response.status_code == 400
    assert "Yanlış seçim." in response.text
    assert user.timezone is None


def test_password_change(client, make_user, login):
    user = make_user()
    login(user)
    wrong = client.post("/auth/profile/password", data={
        "current_password": "not mine", "new_password": "brand new secret", "confirm": "brand new secret"})
    assert wrong.status_code == 400
    assert "Cari parolunuz düzgün deyil." in wrong.text
    right = client.post("/auth/profile/password", data={
        "current_password": PASSWORD, "new_password": "brand new secret", "confirm": "brand new secret"})
    assert right.status_code == 302
    client.post("/auth/logout")
    assert client.post("/auth/login", data={"email": user.email, "password": "brand new secret"}).status_code == 302


def test_forms_without_a_csrf_token_are_rejected(csrf_app, make_user):
    client = csrf_app.test_client()
    user = make_user()
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD},
                           headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "Срок действия формы истёк" in response.text
    token = csrf_token_from(client.get("/auth/login").text)
    ok = client.post("/auth/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert ok.status_code == 302


def test_sign_out_needs_a_csrf_token_too(csrf_app, make_user):
    client = csrf_app.test_client()
    user = make_user()
    token = csrf_token_from(client.get("/auth/login").text)
    client.post("/auth/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert client.post("/auth/logout").status_code == 400
    assert client.get("/auth/profile").status_code == 200


@pytest.mark.parametrize("storage", ["memory://", "redis://127.0.0.1:6379/0"])
def test_sign_in_is_rate_limited_with_a_translated_page(other_app, make_user, storage):
    client = other_app(RATELIMIT_ENABLED=True, LOGIN_FAILURES_PER_ACCOUNT="3 per minute", RATELIMIT_STORAGE_URI=storage,
                       RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}").test_client()
    user = make_user()
    statuses = [client.post("/auth/login", data={"email": user.email, "password": "wrong password"},
                            headers={"Accept-Language": "ru"}).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    limited = client.post("/auth/login", data={"email": user.email, "password": PASSWORD},
                          headers={"Accept-Language": "ru"})
    assert limited.status_code == 429
    assert "Слишком много попыток" in limited.text
    assert client.get("/auth/login").status_code == 200  # only sending the form is limited


@pytest.mark.parametrize(("proxies", "second_client_status"), [(0, 429), (1, 401)])
def test_the_rate_limit_counts_the_client_behind_a_trusted_proxy(other_app, make_user, proxies, second_client_status):
    client = other_app(RATELIMIT_ENABLED=True, LOGIN_FAILURES_PER_ADDRESS="1 per minute",
                       PROXY_COUNT=proxies).test_client()
    user = make_user()

    def attempt(address):
        return client.post("/auth/login", data={"email": user.email, "password": "wrong password"},
                           headers={"X-Forwarded-For": address}).status_code

    assert [attempt("203.0.113.1"), attempt("203.0.113.1")] == [401, 429]
    # Untrusted, the header is ignored and everyone shares the proxy's address.
    assert attempt("203.0.113.2") == second_client_status
