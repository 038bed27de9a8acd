"""Starting the app: production unless told otherwise, one clear line for a missing setting, links from PUBLIC_URL.

The defects this guards: `gunicorn wsgi:app` without LMS_ENV ran the development settings with a
public secret key (a forged admin cookie opened /admin/); absolute links followed the Host header.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config import ConfigError, ProdConfig
from lms import create_app
from lms.auth import services as accounts
from lms.auth.models import Role
from lms.extensions import db
from lms.notifications.account_mail import set_password_link
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
GOOD = {"SECRET_KEY": "s" * 40, "DATABASE_URL": "sqlite://", "PUBLIC_URL": "https://lms.example.org",
        "JITSI_APP_SECRET": "j" * 40}


def _start(command: list[str], **environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if key not in {"LMS_ENV", "SECRET_KEY", "DATABASE_URL", "PUBLIC_URL", "JITSI_APP_SECRET",
                          "FLASK_APP", "WEB_CONCURRENCY", "RATELIMIT_STORAGE_URI"}}
    return subprocess.run(command, cwd=ROOT, env={**env, **environment}, capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.mark.parametrize("environment, reason", [
    ({}, "production needs these environment variables: SECRET_KEY, DATABASE_URL, PUBLIC_URL"),
    ({**GOOD, "SECRET_KEY": "short"}, "SECRET_KEY must be at least 32 bytes"),
    ({**GOOD, "JITSI_APP_SECRET": "too short"}, "JITSI_APP_SECRET must be at least 32 bytes"),
    ({**GOOD, "PUBLIC_URL": "lms.example.org"}, "PUBLIC_URL must be the site's address"),
    ({**GOOD, "WEB_CONCURRENCY": "4"}, "rate limits in memory:// with WEB_CONCURRENCY=4"),
    ({**GOOD, "LMS_ENV": "staging"}, "LMS_ENV must be one of development, testing, production"),
])
def test_a_start_without_what_production_needs_stops_with_one_line(environment, reason):
    started = _start([sys.executable, "-c", "import wsgi"], **environment)
    assert started.returncode == 3
    assert started.stderr.strip().splitlines() == [started.stderr.strip()]  # one line
    assert started.stderr.startswith("Təlim LMS cannot start: ") and reason in started.stderr
    assert "Traceback" not in started.stderr


def test_gunicorn_without_lms_env_runs_production_and_stops_without_a_secret():
    started = _start([sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", "1", "-b", "127.0.0.1:0",
                      "wsgi:app"])
    assert started.returncode == 3  # gunicorn gave up: it did not serve with a public key
    assert "Təlim LMS cannot start: production needs these environment variables: SECRET_KEY" in started.stderr
    assert "Traceback" not in started.stderr


def test_the_development_settings_are_only_used_when_asked_for_by_name():
    started = _start([sys.executable, "-c", "import wsgi; print(wsgi.app.config['SECRET_KEY'])"],
                     LMS_ENV="development", DATABASE_URL="sqlite://")
    assert started.returncode == 0 and started.stdout.strip() == "dev-only-secret-key-change-me"


def test_production_checks_raise_a_config_error(monkeypatch):
    for name, value in GOOD.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    with pytest.raises(ConfigError, match="RATELIMIT_STORAGE_URI=redis"):
        create_app(ProdConfig, JITSI_APP_SECRET="j" * 40)
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    create_app(ProdConfig, RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0", JITSI_APP_SECRET="j" * 40)


def test_production_refuses_a_host_that_is_not_the_sites(monkeypatch):
    for name, value in GOOD.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TRUSTED_HOSTS", "telim.example.az")
    app = create_app(ProdConfig, SQLALCHEMY_DATABASE_URI="sqlite://", JITSI_APP_SECRET="j" * 40)
    client = app.test_client()
    assert client.get("/healthz", base_url="https://lms.example.org").status_code == 200
    assert client.get("/healthz", base_url="https://telim.example.az").status_code == 200
    assert client.get("/healthz", base_url="https://evil.example").status_code == 400


def _sign_in_at(client, user, host):
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD}, base_url=host)
    assert response.status_code == 302


def test_absolute_links_come_from_public_url_whatever_the_host_header(app, client, make_user):
    app.config["PUBLIC_URL"] = "https://lms.example.org"
    user = make_user()
    _sign_in_at(client, user, "http://evil.example")
    profile = client.get("/auth/profile", base_url="http://evil.example").text
    assert "https://lms.example.org/calendar/" in profile and "evil.example/calendar" not in profile
    with app.test_request_context(base_url="http://evil.example"):
        assert set_password_link(user).startswith("https://lms.example.org/auth/password/")
    with app.app_context():  # outside any request too (a job, the CLI)
        assert set_password_link(user).startswith("https://lms.example.org/auth/password/")


def test_the_admins_password_link_page_uses_public_url(app, client, make_user):
    app.config["PUBLIC_URL"] = "https://lms.example.org/telim"
    admin, person = make_user(Role.ADMIN), make_user()
    _sign_in_at(client, admin, "http://evil.example")
    page = client.post(f"/admin/users/{person.id}/password-link", base_url="http://evil.example").text
    assert "https://lms.example.org/telim/auth/password/" in page and "evil.example/auth" not in page
    accounts.set_password(person, "another good password")
    db.session.commit()


def test_flask_db_upgrade_builds_a_production_database_from_the_command_line(tmp_path):
    # Web workers go without Alembic (lms/schema.py); the command line that deploys still has it.
    flask, database = str(Path(sys.executable).parent / "flask"), tmp_path / "deployed.sqlite3"
    environment = {**GOOD, "DATABASE_URL": f"sqlite:///{database}", "FLASK_APP": "wsgi"}
    started = _start([flask, "db", "upgrade"], **environment)
    assert started.returncode == 0, started.stderr
    assert "(head)" in _start([flask, "db", "current"], **environment).stdout
