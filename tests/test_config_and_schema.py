"""Production settings refuse to start half-configured; the migrations match the models."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from config import ProdConfig
from lms import create_app
from lms.extensions import db


def test_production_refuses_to_start_without_a_secret_and_a_database(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("PUBLIC_URL", "https://lms.example.org")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(ProdConfig)
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.delenv("DATABASE_URL")
    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        create_app(ProdConfig)


def test_production_cookies_are_secure_httponly_and_lax(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("PUBLIC_URL", "https://lms.example.org")
    app = create_app(ProdConfig, SQLALCHEMY_DATABASE_URI="sqlite://", JITSI_APP_SECRET="j" * 40)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = app.test_client().get("/healthz", base_url="https://lms.example.org")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_httponly_and_samesite(client, make_user, login):
    login(make_user())
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_the_migrations_build_exactly_the_models_schema(app):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []
