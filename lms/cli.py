"""The `flask lms ...` group: each command is one unit of work; every feature adds its own commands.

A command's database work is committed when it returns and rolled back when it fails; a service's
`DomainError` is printed as the command's error. Commands therefore never commit.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from lms import i18n_tools
from lms.errors import DomainError
from lms.extensions import db, jobs
from lms.i18n import TRANSLATED_LOCALES


def command(name: str, **attributes: Any) -> Callable[[Callable[..., Any]], click.Command]:
    """A `flask lms NAME` command run in the app's context as one unit of work."""

    def decorate(function: Callable[..., Any]) -> click.Command:
        @functools.wraps(function)
        def in_unit_of_work(*args: Any, **kwargs: Any) -> Any:
            try:
                result = function(*args, **kwargs)
            except DomainError as error:
                db.session.rollback()
                raise click.ClickException(error.message) from error
            except BaseException:
                db.session.rollback()
                raise
            db.session.commit()
            return result

        return click.command(name, **attributes)(with_appcontext(in_unit_of_work))

    return decorate


def add_commands(app: Flask, *commands: click.Command) -> None:
    """Put a feature's commands under `flask lms` (called from the feature's `register`)."""
    for each in commands:
        app.cli.commands["lms"].add_command(each)


def register(app: Flask) -> None:
    """Give the app its `flask lms` group, with the catalogue commands every feature shares."""
    group = AppGroup("lms", help="Təlim LMS administration.")
    group.add_command(translate)
    group.add_command(worker)
    app.cli.add_command(group)


@click.command("worker")
@click.option("--workers", default=2, show_default=True, help="Jobs run at the same time (threads).")
@with_appcontext
def worker(workers: int) -> None:
    """Run the job worker: sends notifications, reminds, closes overdue attempts, cleans up. Ctrl-C stops it."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    consumer = jobs.huey(current_app).create_consumer(workers=workers, worker_type="thread", periodic=True,
                                                     check_worker_health=True)
    consumer.run()  # SIGINT finishes the jobs in hand, SIGTERM stops at once; a job's rows say what is left


@click.group("translate", cls=AppGroup)
def translate() -> None:
    """Translation catalogues (az, en, ru)."""


@translate.command("update")
def translate_update() -> None:
    """Extract strings from the code and merge them into every catalogue."""
    i18n_tools.update()


@translate.command("compile")
def translate_compile() -> None:
    """Compile the catalogues into the .mo files the app reads."""
    i18n_tools.compile_catalogues()


@translate.command("stats")
def translate_stats() -> None:
    """Print how many strings each translated language lacks (English is the source)."""
    for locale in TRANSLATED_LOCALES:
        stats = i18n_tools.catalogue_stats(locale)
        click.echo(f"{locale}: {stats.total} strings, {stats.untranslated} untranslated, {stats.fuzzy} fuzzy")
