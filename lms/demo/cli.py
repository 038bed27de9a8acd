"""`flask lms demo`: the demo organisations, accounts and courses."""
from __future__ import annotations

import click
from flask import current_app

from lms.cli import command
from lms.demo.seed import load


@command("demo")
@click.option("--password", default=None, help="Give every demo account this password.")
def load_demo(password: str | None) -> None:
    """Create (or refresh) the demo organisations, accounts and course."""
    result = load(password)
    click.echo(f"Demo ready on {current_app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]}:")
    click.echo(f"  {len(result.organisations)} organisations, {len(result.users)} accounts, "
               f"course '{result.course.slug}' (starting today) and its finished previous cohort "
               f"'{result.previous.slug}', where learner10 holds the certificate")
    click.echo(f"  programme '{result.school.slug}' (edition {result.school.edition}, under way; its previous "
               "edition finished with three graduates); the 3-day course's opening session has a guest speaker")
    click.echo(f"  course '{result.next_edition.slug}' (the next edition) takes applications with seats per "
               "country; coordinator1 nominates people of the State Migration Service (AZ)")
    click.echo("  Sign in with any of these accounts and this password:")
    click.echo(f"    password: {result.password}")
    for user in result.users:
        click.echo(f"    {user.email:28} {user.role.value}")


COMMANDS = (load_demo,)
