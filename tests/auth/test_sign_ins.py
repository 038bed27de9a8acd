"""Sign-ins the server ends: sign-out, password change and reset, deactivation and role change.

The defects this guards: other sessions stayed signed in after a password change or a set-password
link; the remember-me cookie was the same at every sign-in, lasted 365 days and survived sign-out
and password change; a session cookie copied before sign-out still worked.
"""
from datetime import timedelta

from flask import Flask

from lms.auth import services as accounts
from lms.auth import sign_ins
from lms.auth.models import Role, SignIn
from lms.extensions import db
from lms.types import utcnow
from tests.conftest import PASSWORD, IsolatedClient

NEW_PASSWORD = "a new horse battery staple"


def _browser(app: Flask) -> IsolatedClient:
    return app.test_client()


def _sign_in(browser, user, password=PASSWORD, remember=False):
    data = {"email": user.email, "password": password}
    if remember:
        data["remember"] = "y"
    response = browser.post("/auth/login", data=data)
    assert response.status_code == 302, response.text
    return response


def _signed_in(browser) -> bool:
    return browser.get("/auth/profile").status_code == 200


def _cookie(browser, name):
    cookie = browser.get_cookie(name)
    return cookie.value if cookie else None


def test_signing_out_ends_that_session_even_for_a_copied_cookie(app, make_user):
    user = make_user()
    browser, thief = _browser(app), _browser(app)
    _sign_in(browser, user)
    thief.set_cookie("session", _cookie(browser, "session"))
    assert _signed_in(thief)
    browser.post("/auth/logout")
    assert not _signed_in(browser)
    assert not _signed_in(thief)


def test_signing_out_on_one_device_leaves_the_others_signed_in(app, make_user):
    user = make_user()
    laptop, phone = _browser(app), _browser(app)
    _sign_in(laptop, user)
    _sign_in(phone, user)
    phone.post("/auth/logout")
    assert _signed_in(laptop) and not _signed_in(phone)


def test_a_password_change_ends_every_other_session_and_keeps_this_one(app, make_user):
    user = make_user()
    laptop, phone = _browser(app), _browser(app)
    _sign_in(laptop, user)
    _sign_in(phone, user, remember=True)
    response = laptop.post("/auth/profile/password", data={
        "current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert _signed_in(laptop)
    assert not _signed_in(phone)
    phone.delete_cookie("session")  # the remember-me cookie alone does not bring the session back
    assert not _signed_in(phone)


def test_a_set_password_link_ends_every_session(app, make_user):
    user = make_user()
    browser = _browser(app)
    _sign_in(browser, user, remember=True)
    token = accounts.password_link_token(user)
    db.session.commit()
    other = _browser(app)
    assert other.post(f"/auth/password/{token}", data={"new_password": NEW_PASSWORD,
                                                        "confirm": NEW_PASSWORD}).status_code == 302
    assert not _signed_in(browser)
    browser.delete_cookie("session")
    assert not _signed_in(browser)  # nor by the remember-me cookie


def test_the_remember_me_cookie_is_new_at_each_sign_in_and_dies_at_sign_out(app, make_user):
    user = make_user()
    first, second = _browser(app), _browser(app)
    _sign_in(first, user, remember=True)
    _sign_in(second, user, remember=True)
    remembered = _cookie(first, "remember_token")
    assert remembered and remembered != _cookie(second, "remember_token")
    stolen = _browser(app)
    stolen.set_cookie("remember_token", remembered)
    assert _signed_in(stolen)
    first.post("/auth/logout")
    copy = _browser(app)
    copy.set_cookie("remember_token", remembered)
    assert not _signed_in(copy)


def test_the_remember_me_cookie_lasts_the_configured_days(app, make_user):
    user = make_user()
    browser = _browser(app)
    response = _sign_in(browser, user, remember=True)
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    assert "Max-Age=2592000" in header or "Expires=" in header  # 30 days
    row = db.session.query(SignIn).filter_by(user_id=user.id).one()
    assert timedelta(days=29) < row.expires_at - row.created_at <= timedelta(days=30)


def test_a_sign_in_without_remember_me_expires_on_the_server(app, make_user, monkeypatch):
    user = make_user()
    browser = _browser(app)
    _sign_in(browser, user)
    later = utcnow() + timedelta(hours=app.config["SIGN_IN_HOURS"], minutes=1)
    monkeypatch.setattr(sign_ins, "utcnow", lambda: later)
    assert not _signed_in(browser)


def test_deactivation_and_a_role_change_end_the_persons_sessions(app, make_user):
    admin = make_user(Role.ADMIN)
    learner, trainer = make_user(), make_user(Role.TRAINER)
    learner_browser, trainer_browser = _browser(app), _browser(app)
    _sign_in(learner_browser, learner, remember=True)
    _sign_in(trainer_browser, trainer, remember=True)
    accounts.set_active(admin, learner, False)
    accounts.set_role(admin, trainer, Role.LEARNER)
    db.session.commit()
    assert not _signed_in(learner_browser)
    assert not _signed_in(trainer_browser)
    _sign_in(trainer_browser, trainer)  # signs in again, now as a learner
    assert _signed_in(trainer_browser)


def test_saving_an_account_without_changing_the_role_keeps_its_sessions(app, make_user):
    admin, learner = make_user(Role.ADMIN), make_user()
    browser = _browser(app)
    _sign_in(browser, learner)
    accounts.set_role(admin, learner, Role.LEARNER)
    db.session.commit()
    assert _signed_in(browser)


def test_the_database_keeps_only_a_digest_of_the_token(app, make_user):
    user = make_user()
    browser = _browser(app)
    _sign_in(browser, user)
    row = db.session.query(SignIn).filter_by(user_id=user.id).one()
    assert row.token_hash not in _cookie(browser, "session")
