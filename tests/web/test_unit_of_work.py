"""One unit of work per request and per command: committed when the view returns, rolled back on any error."""
from __future__ import annotations

import ast
import logging
from pathlib import Path

import click
import pytest
from flask import flash, get_flashed_messages, render_template_string
from sqlalchemy import select

from lms.auth.models import Organisation
from lms.cli import add_commands, command
from lms.errors import DomainError
from lms.extensions import db
from lms.web.forms import Form
from lms.web.unit_of_work import after_commit, service_errors_flashed, service_errors_on, writes_on_get

LMS = Path(__file__).resolve().parents[2] / "lms"


def _add_organisation(name: str) -> Organisation:
    organisation = Organisation(name=name, country="AZ")
    db.session.add(organisation)
    db.session.flush()
    return organisation


def _stored(name: str) -> bool:
    db.session.expire_all()
    return db.session.scalar(select(Organisation).where(Organisation.name == name)) is not None


@pytest.fixture()
def routes(app):
    """Views that write, fail and declare, added to the real app before its first request."""
    done: list[str] = []

    def saves():
        _add_organisation("Saved")
        return "saved"

    def fails_after_writing():
        _add_organisation("Half done")
        raise DomainError("No more room.", 409)

    @writes_on_get
    def declared():
        _add_organisation("Declared")
        return "declared"

    def undeclared():
        _add_organisation("Undeclared")
        return "undeclared"

    def form_error():
        form = Form(meta={"csrf": False})
        with service_errors_on(form):
            _add_organisation("Refused")
            raise DomainError("That name is taken.")
        return render_template_string("{{ form.form_errors|join }}", form=form), 400

    def flashed():
        with service_errors_flashed():
            _add_organisation("Flashed")
            raise DomainError("Not now.")
        return " ".join(get_flashed_messages())

    def file_after_commit(fail: int):
        _add_organisation("With a file")
        after_commit(done.append, "removed")
        if fail:
            raise DomainError("Stop.")
        flash("ok")
        return "ok"

    for rule, view, methods in (("/t/saves", saves, ["POST"]), ("/t/fails", fails_after_writing, ["POST"]),
                                ("/t/declared", declared, ["GET"]), ("/t/undeclared", undeclared, ["GET"]),
                                ("/t/form", form_error, ["POST"]), ("/t/flashed", flashed, ["POST"]),
                                ("/t/file/<int:fail>", file_after_commit, ["POST"])):
        app.add_url_rule(rule, view_func=view, methods=methods)
    return done


def test_a_view_that_returns_has_its_writes_committed(client, routes):
    assert client.post("/t/saves").text == "saved"
    assert _stored("Saved")


def test_an_error_after_a_write_rolls_the_write_back_and_shows_its_message(client, routes):
    response = client.post("/t/fails", headers={"Accept": "application/json"})
    assert response.status_code == 409
    assert response.json["message"] == "No more room."
    assert not _stored("Half done")


def test_a_get_that_writes_must_say_so(client, routes):
    assert client.get("/t/declared").status_code == 200
    assert _stored("Declared")
    assert client.get("/t/undeclared").status_code == 500  # the tests' settings refuse it
    assert not _stored("Undeclared")


def test_production_keeps_an_undeclared_get_write_and_logs_it(app, client, routes, caplog):
    app.config["REFUSE_UNDECLARED_GET_WRITES"] = False
    with caplog.at_level(logging.WARNING, logger=app.logger.name):
        assert client.get("/t/undeclared").status_code == 200
    assert _stored("Undeclared")
    assert "GET /t/undeclared wrote to the database" in caplog.text


def test_a_service_error_becomes_the_forms_message_and_nothing_is_kept(client, routes):
    response = client.post("/t/form")
    assert (response.status_code, response.text) == (400, "That name is taken.")
    assert not _stored("Refused")


def test_a_service_error_can_be_flashed_instead(client, routes):
    assert client.post("/t/flashed").text == "Not now."
    assert not _stored("Flashed")


def test_after_commit_actions_wait_for_the_commit_and_are_dropped_on_a_rollback(client, routes):
    client.post("/t/file/1")
    assert routes == [] and not _stored("With a file")
    client.post("/t/file/0")
    assert routes == ["removed"] and _stored("With a file")


def test_a_command_commits_when_it_returns_and_a_domain_error_is_its_message(app, runner):
    @command("t-organisation")
    @click.argument("name")
    def make_organisation(name: str) -> None:
        _add_organisation(name)
        if name == "Refused":
            raise DomainError("That name is taken.")

    add_commands(app, make_organisation)
    assert runner.invoke(args=["lms", "t-organisation", "Kept"]).exit_code == 0
    assert _stored("Kept")
    refused = runner.invoke(args=["lms", "t-organisation", "Refused"])
    assert refused.exit_code == 1 and "That name is taken." in refused.output
    assert not _stored("Refused")


def _commit_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text())
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute) and node.func.attr == "commit"]


def test_only_the_unit_of_work_commits():
    """Views, services, commands and jobs never commit: the units of work for requests, commands and jobs do."""
    allowed = {LMS / "web" / "unit_of_work.py", LMS / "cli.py", LMS / "jobs.py"}
    committing = {f"{path.relative_to(LMS)}:{line}" for path in LMS.rglob("*.py")
                  if path not in allowed and "migrations" not in path.parts for line in _commit_calls(path)}
    assert committing == set()
