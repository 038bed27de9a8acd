"""With the database unreachable, pages answer with a translated 503 and /healthz says so."""
import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from config import TestConfig
from lms import create_app
from lms.courses import services as courses
from lms.extensions import db

NOWHERE = "postgresql+psycopg://127.0.0.1:1/telim?connect_timeout=2"  # nothing listens on port 1


@pytest.fixture()
def cut_off():
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=NOWHERE)
    yield app.test_client()
    with app.app_context():
        db.engine.dispose()


@pytest.mark.parametrize(("method", "url", "data"), [
    ("GET", "/", None), ("GET", "/courses/key-concepts/", None), ("GET", "/verify/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", None),
    ("POST", "/auth/login", {"email": "a@example.org", "password": "long-enough-1"}),
    ("POST", "/auth/register", {"name": "A", "email": "a@example.org", "password": "long-enough-1",
                                "confirm": "long-enough-1"}),
])
def test_pages_answer_with_a_translated_503(cut_off, method, url, data):
    response = cut_off.open(url, method=method, data=data, headers={"Accept-Language": "ru"})
    assert response.status_code == 503
    assert "Сервис временно недоступен" in response.text or "временно недоступен" in response.text


def test_healthz_reports_the_database_as_unavailable(cut_off):
    response = cut_off.get("/healthz")
    assert response.status_code == 503 and response.json == {"status": "error", "database": "unavailable"}


def test_a_signed_in_learner_gets_the_translated_503_too(client, login, make_user, cut_off):
    """The sign-in cookie is good, the database is not: the page cannot even load the user."""
    login(make_user(locale="ru"))
    cut_off.set_cookie("session", client.get_cookie("session").value)
    response = cut_off.get("/progress/", headers={"Accept-Language": "ru"})
    assert response.status_code == 503
    assert "временно недоступен" in response.text and "Попробовать снова" in response.text


class DatabaseGoesAway:
    """After `after` more statements, every statement fails as a dropped connection does."""

    def __init__(self, after: int) -> None:
        self.left = after

    def __call__(self, *_args) -> None:
        self.left -= 1
        if self.left < 0:
            raise OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))


@pytest.mark.parametrize("after", [1, 2, 3])
def test_the_database_going_away_in_the_middle_of_a_request_is_a_503(client, login, make_user, make_course, after):
    course = make_course()
    learner = make_user(locale="az")
    courses.enrol(learner, course)
    db.session.commit()
    login(learner)
    outage = DatabaseGoesAway(after)  # the user is loaded, then the course page's queries fail
    event.listen(db.engine, "before_cursor_execute", outage)
    try:
        page = client.get(f"/courses/{course.slug}/")
        saved = client.post("/quizzes/attempts/1/answers", json={}, headers={"Accept": "application/json"})
    finally:
        event.remove(db.engine, "before_cursor_execute", outage)
    assert page.status_code == 503 and "Sayt müvəqqəti olaraq əlçatan deyil" in page.text
    assert saved.status_code == 503 and saved.json["error"] == "Xidmət əlçatan deyil"


def test_a_database_lost_after_the_page_was_made_does_not_undo_the_page(client, make_course):
    """The restart comes between the page's last query and the end of its transaction."""
    course = make_course()

    def server_gone(_connection) -> None:
        raise OperationalError("ROLLBACK", {}, Exception("terminating connection due to administrator command"))

    event.listen(db.engine, "rollback", server_gone)
    try:
        page = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"})
    finally:
        event.remove(db.engine, "rollback", server_gone)
    assert page.status_code == 200 and "Migration basics" in page.text
