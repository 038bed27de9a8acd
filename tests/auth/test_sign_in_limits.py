"""Sign-in limits count failures, per account and per address; correct sign-ins are never refused.

The defect this guards: every POST counted, so the 11th correct sign-in within a minute from one
ministry's address got 429 while forty civil servants signed in at 9:00.
"""
import pytest

from lms.extensions import limiter
from tests.conftest import PASSWORD

WRONG = "not the password"


@pytest.fixture(params=["memory://", "redis://127.0.0.1:6379/0"])
def limited_app(request, other_app):
    """The app with the production limits switched on, in memory and in the machine's Redis."""
    app = other_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=request.param)
    with app.app_context():
        limiter.reset()  # the counters of earlier tests (the key prefix is fixed by the first app made)
    return app


def _post(client, email, password, language="en"):
    return client.post("/auth/login", data={"email": email, "password": password},
                       headers={"Accept-Language": language})


def test_forty_people_behind_one_address_all_sign_in(limited_app, make_user):
    people = [make_user() for _ in range(40)]
    statuses = [_post(limited_app.test_client(), person.email, PASSWORD).status_code for person in people]
    assert statuses == [302] * 40


def test_a_few_typos_in_the_class_do_not_lock_the_address(limited_app, make_user):
    people = [make_user() for _ in range(20)]
    for person in people[:10]:
        assert _post(limited_app.test_client(), person.email, WRONG).status_code == 401
    assert [_post(limited_app.test_client(), p.email, PASSWORD).status_code for p in people] == [302] * 20


def test_guessing_one_account_is_stopped_and_told_when_to_retry(limited_app, make_user):
    victim, neighbour = make_user(), make_user()
    client = limited_app.test_client()
    assert [_post(client, victim.email, WRONG).status_code for _ in range(5)] == [401] * 5
    refused = _post(client, victim.email.upper(), PASSWORD, language="ru")  # the same account, however typed
    assert refused.status_code == 429
    assert "Пожалуйста, повторите попытку через 15 минут." in refused.text
    assert _post(client, neighbour.email, PASSWORD).status_code == 302  # other accounts are not locked


def test_trying_many_accounts_from_one_address_is_stopped(other_app, make_user):
    app = other_app(RATELIMIT_ENABLED=True, LOGIN_FAILURES_PER_ADDRESS="3 per 15 minutes")
    with app.app_context():
        limiter.reset()
    client = app.test_client()
    statuses = [_post(client, f"guess{n}@example.org", WRONG).status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]
    page = _post(client, make_user().email, PASSWORD, language="az")
    assert page.status_code == 429 and "15 dəqiqə" in page.text


def test_enrolment_keys_cannot_be_guessed_quickly(other_app, make_user, make_course, frozen_clock):
    """22 tries took 0.13 s; now wrong keys count per address and the 11th try is refused."""
    from datetime import UTC, datetime

    from lms.courses.models import EnrolmentMode
    frozen_clock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    app = other_app(RATELIMIT_ENABLED=True, ENROLMENT_KEY_FAILURES="10 per 10 minutes")
    with app.app_context():
        limiter.reset()
    course = make_course(enrolment=EnrolmentMode.KEY, enrolment_key="baku-2026")
    client = app.test_client()
    user = make_user()
    assert _post(client, user.email, PASSWORD).status_code == 302
    statuses = [client.post(f"/courses/{course.slug}/enrol", data={"key": f"guess-{n}"}).status_code
                for n in range(11)]
    assert statuses == [403] * 10 + [429]
    assert client.post(f"/courses/{course.slug}/enrol", data={"key": "baku-2026"}).status_code == 429


def test_registration_is_rate_limited_per_address(other_app):
    app = other_app(RATELIMIT_ENABLED=True, REGISTRATION_RATE_LIMIT="3 per hour")
    with app.app_context():
        limiter.reset()
    client = app.test_client()
    statuses = [client.post("/auth/register", data={"name": f"P {n}", "email": f"p{n}@example.org",
                                                    "password": PASSWORD, "confirm": PASSWORD}).status_code
                for n in range(4)]
    assert statuses == [200, 200, 200, 429]
