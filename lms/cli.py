"""The `flask lms ...` commands: admin accounts, the demo, translation catalogues."""
from __future__ import annotations

import click
from flask import current_app

from lms import demo, i18n_tools
from lms.auth import services as accounts
from lms.auth.models import Role
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import TRANSLATED_LOCALES


@click.group("lms")
def lms_cli() -> None:
    """Təlim LMS administration."""


@lms_cli.command("create-admin")
@click.option("--email", prompt=True, help="The admin's e-mail address.")
@click.option("--name", prompt=True, help="The admin's full name.")
@click.password_option(help="Asked for without echo when not given.")
def create_admin(email: str, name: str, password: str) -> None:
    """Create an administrator account."""
    try:
        user = accounts.create_user(email=email, name=name, password=password, role=Role.ADMIN)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Administrator {user.email} created.")


@lms_cli.command("demo")
@click.option("--password", default=None, help="Give every demo account this password.")
def load_demo(password: str | None) -> None:
    """Create (or refresh) the demo organisations, accounts and course."""
    result = demo.load(password)
    db.session.commit()
    click.echo(f"Demo ready on {current_app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]}:")
    click.echo(f"  {len(result.organisations)} organisations, {len(result.users)} accounts, "
               f"course '{result.course.slug}'")
    click.echo("  Sign in with any of these accounts and this password:")
    click.echo(f"    password: {result.password}")
    for user in result.users:
        click.echo(f"    {user.email:28} {user.role.value}")


@lms_cli.group("translate")
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
