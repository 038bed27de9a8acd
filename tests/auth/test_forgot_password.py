"""'Forgot your password?': a one-time link by e-mail, and the same answer for every address."""
import re
import uuid

from lms.extensions import db
from tests.conftest import PASSWORD

NEW_PASSWORD = "a brand new password"


def _ask(client, email, language="en"):
    return client.post("/auth/forgot-password", data={"email": email}, headers={"Accept-Language": language})


def test_the_sign_in_page_offers_it(client):
    page = client.get("/auth/login", headers={"Accept-Language": "ru"}).text
    assert 'href="/auth/forgot-password"' in page and "Забыли пароль?" in page


def test_a_person_gets_a_link_in_their_language_that_sets_the_password_once(client, make_user, mailbox):
    user = make_user(locale="az", email="leyla@example.org")
    answer = _ask(client, "Leyla@Example.org ")
    assert answer.status_code == 200
    assert mailbox == []  # the worker mails it, not the request
    assert len(mailbox.deliver()) == 1 and mailbox[0]["To"].addresses[0].addr_spec == "leyla@example.org"
    body = mailbox[0].get_body(("plain",)).get_content()
    assert "Salam" in body or "parol" in body.lower()
    link = re.search(r"http://localhost/auth/password/\S+", body).group(0)
    path = link.removeprefix("http://localhost")
    assert client.post(path, data={"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert client.post("/auth/login", data={"email": user.email, "password": NEW_PASSWORD}).status_code == 302
    client.post("/auth/logout")
    assert client.get(path).status_code == 404  # used once


def test_the_answer_is_the_same_for_an_unknown_an_inactive_and_a_real_account(client, make_user, mailbox):
    make_user(email="known@example.org")
    make_user(email="gone@example.org").active = False
    db.session.commit()
    pages = [_ask(client, email) for email in ("known@example.org", "nobody@example.org", "gone@example.org")]
    assert {page.status_code for page in pages} == {200}
    texts = [page.text.replace(email, "ADDRESS") for page, email in
             zip(pages, ("known@example.org", "nobody@example.org", "gone@example.org"), strict=True)]
    assert texts[0] == texts[1] == texts[2]
    assert len(mailbox.deliver()) == 1  # only the active account was written to


def test_a_bad_address_gets_a_translated_message(client):
    page = _ask(client, "not an address", language="ru")
    assert page.status_code == 400 and "Введите правильный адрес электронной почты." in page.text


def test_asking_is_rate_limited_per_address(other_app, make_user):
    app = other_app(RATELIMIT_ENABLED=True, FORGOT_PASSWORD_RATE_LIMIT="2 per 15 minutes",
                    RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}")
    client = app.test_client()
    statuses = [_ask(client, f"p{n}@example.org").status_code for n in range(3)]
    assert statuses == [200, 200, 429]


def test_a_signed_in_user_can_still_ask(client, login, make_user, mailbox):
    user = make_user(password=PASSWORD)
    login(user)
    assert _ask(client, user.email).status_code == 200 and len(mailbox.deliver()) == 1
