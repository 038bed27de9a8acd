"""With the database unreachable, pages answer with a translated 503 and /healthz says so."""
import pytest

from config import TestConfig
from lms import create_app
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
