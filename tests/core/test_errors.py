"""Error pages are translated, keep the layout, and never leak a traceback."""
from sqlalchemy.exc import OperationalError

from lms.errors import DomainError


def test_404_page_is_translated(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "ru"})
    assert response.status_code == 404
    assert "Страница не найдена" in response.text
    assert "На главную страницу" in response.text


def test_405_page(client):
    response = client.get("/auth/logout")
    assert response.status_code == 405
    assert "Metoda icazə verilmir" in response.text


def test_an_unexpected_error_is_a_500_page_without_details(app, client):
    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    response = client.get("/boom", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "secret internal detail" not in response.text


def test_a_lost_database_is_a_503_page(app, client):
    @app.route("/db-down")
    def db_down():
        raise OperationalError("SELECT 1", {}, Exception("could not connect"))

    response = client.get("/db-down", headers={"Accept-Language": "az"})
    assert response.status_code == 503
    assert "Xidmət əlçatan deyil" in response.text


def test_a_domain_error_shows_its_message_with_its_status(app, client):
    @app.route("/rule")
    def rule():
        raise DomainError("A clear message", 409)

    response = client.get("/rule")
    assert response.status_code == 409
    assert "A clear message" in response.text


def test_json_clients_get_json_errors(client):
    response = client.get("/no-such-page", headers={"Accept": "application/json", "Accept-Language": "en"})
    assert response.status_code == 404
    assert response.json == {"error": "Page not found",
                             "message": "The page you are looking for does not exist or has been moved."}
