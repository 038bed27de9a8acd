"""Fixtures: an app on a throwaway database (SQLite or PostgreSQL), clients, users, sign-in."""
from __future__ import annotations

import contextvars
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import delete

from config import TestConfig
from lms import clock, create_app
from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.courses import services as courses
from lms.courses.models import Course, CourseStatus, ModuleKind
from lms.extensions import db
from lms.schema import upgrade
from tests.database import backend, throwaway_database
from tests.mailbox import Mailbox, smtp_server

PASSWORD = "correct horse battery"


class IsolatedClient(FlaskClient):
    """A test client whose requests run in their own app context, as on a real server.

    Without this, a request would reuse the test's app context, and with it `g` (where
    Flask-Login caches the signed-in user) and the test's database session.
    """

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)  # a streamed body is read inside the request's context too
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():  # not so for a redirect followed inside the request's own context
            db.session.expire_all()  # the test then reads what the request stored
        return response


@contextmanager
def running_app(database_url: str, **overrides) -> Iterator[Flask]:
    """An app with its context pushed; every row written meanwhile is deleted afterwards."""
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url, **overrides)
    app.test_client_class = IsolatedClient
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            for table in reversed(db.metadata.sorted_tables):
                db.session.execute(delete(table))
            db.session.commit()
            db.session.remove()
            db.engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    """One database for the whole run, built by the real migrations."""
    with throwaway_database(tmp_path_factory.mktemp("db")) as url:
        app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url)
        with app.app_context():
            upgrade()
            db.session.remove()
            db.engine.dispose()
        yield url


@pytest.fixture()
def app(database_url: str, tmp_path) -> Iterator[Flask]:
    with running_app(database_url, UPLOAD_FOLDER=str(tmp_path / "uploads")) as app:
        yield app


@pytest.fixture()
def csrf_app(database_url: str) -> Iterator[Flask]:
    """An app with CSRF protection switched on, as in production."""
    with running_app(database_url, WTF_CSRF_ENABLED=True) as app:
        yield app


@pytest.fixture()
def other_app(app: Flask, database_url: str) -> Iterator[Callable[..., Flask]]:
    """Make a second app on the same database with other settings: other_app(REGISTRATION_OPEN=False)."""
    made: list[Flask] = []

    def make(**overrides) -> Flask:
        overrides.setdefault("UPLOAD_FOLDER", app.config["UPLOAD_FOLDER"])
        made.append(create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url, **overrides))
        return made[-1]

    yield make
    for each in made:
        with each.app_context():
            db.engine.dispose()  # close its connections before the database is dropped


@pytest.fixture()
def mailbox(app: Flask) -> Iterator[Mailbox]:
    """The app's worker sends mail to a real SMTP server on this machine; `mailbox.deliver()` runs the
    queued jobs, and the list fills with what arrives. Links in mails are built from PUBLIC_URL."""
    with smtp_server(Mailbox(app)) as (port, messages):
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False, PUBLIC_URL="http://localhost")
        yield messages


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture()
def make_user(app: Flask) -> Callable[..., User]:
    """Make and commit a user: make_user(Role.ADMIN, email=..., name=..., locale=...)."""
    counter = iter(range(1, 10_000))

    def make(role: Role = Role.LEARNER, email: str | None = None, name: str | None = None,
             password: str = PASSWORD, **fields) -> User:
        number = next(counter)
        user = accounts.create_user(
            email=email or f"{role.value}{number}@example.org",
            name=name or f"{role.value.title()} {number}",
            password=password,
            role=role,
            **fields,
        )
        db.session.commit()
        return user

    return make


@pytest.fixture()
def make_organisation(app: Flask) -> Callable[..., Organisation]:
    def make(name: str = "State Migration Service (AZ)", country: str = "AZ") -> Organisation:
        organisation = Organisation(name=name, country=country)
        db.session.add(organisation)
        db.session.commit()
        return organisation

    return make


@pytest.fixture()
def make_course(app: Flask) -> Callable[..., Course]:
    """Make and commit a course: make_course(days=[["Lesson A", "Lesson B"], ["Lesson C"]], ...).

    Each inner list is a day, each string a lesson titled that in English (and "RU: ..." in Russian).
    """
    counter = iter(range(1, 10_000))

    def make(days: list[list[str]] | None = None, slug: str | None = None,
             status: CourseStatus = CourseStatus.PUBLISHED, trainer: User | None = None,
             starts_on: date = date(2026, 11, 23), **settings) -> Course:
        days = days if days is not None else [["Lesson 1", "Lesson 2"], ["Lesson 3"]]
        course = courses.create_course(
            slug=slug or f"course-{next(counter)}", original_locale="en", timezone="Asia/Baku",
            starts_on=starts_on, days=len(days), trainer=trainer,
            texts={"en": {"title": "Migration basics", "summary": "Basics."},
                   "ru": {"title": "Основы миграции", "summary": "Основы."}},
            **settings,
        )
        for day, titles in zip(course.days, days, strict=True):
            for title in titles:
                courses.add_module(day, kind=ModuleKind.LESSON, texts={
                    "en": {"title": title, "body": f"Text of {title}."},
                    "ru": {"title": f"RU: {title}", "body": f"Текст: {title}."}})
        if status is not CourseStatus.DRAFT and any(days):
            courses.set_status(course, status)
        db.session.commit()
        return course

    return make


@pytest.fixture()
def frozen_clock(monkeypatch) -> Callable[[datetime], None]:
    """Set the time the app acts on: frozen_clock(datetime(..., tzinfo=timezone.utc))."""

    def freeze(moment: datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)

    return freeze


@pytest.fixture()
def login(client: FlaskClient) -> Callable[..., None]:
    """Sign `user` in through the real sign-in form."""

    def sign_in(user: User, password: str = PASSWORD) -> None:
        response = client.post("/auth/login", data={"email": user.email, "password": password})
        assert response.status_code == 302, response.text

    return sign_in


def csrf_token_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def pytest_report_header(config) -> str:
    return f"database backend: {backend()}"


_skipped: list[str] = []


def pytest_runtest_logreport(report) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus) -> None:
    """In CI a skipped test means a missing browser or database: that is a failure."""
    if os.environ.get("CI") and _skipped:
        print(f"\nCI: {len(_skipped)} test(s) skipped, which CI counts as failures: {_skipped}")
        session.exitstatus = 1
