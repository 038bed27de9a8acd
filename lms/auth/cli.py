"""`flask lms create-admin`: the first administrator of a new site."""
from __future__ import annotations

import click

from lms.auth import services as accounts
from lms.auth.models import Role
from lms.cli import command


@command("create-admin")
@click.option("--email", prompt=True, help="The admin's e-mail address.")
@click.option("--name", prompt=True, help="The admin's full name.")
@click.password_option(help="Asked for without echo when not given.")
def create_admin(email: str, name: str, password: str) -> None:
    """Create an administrator account."""
    user = accounts.create_user(email=email, name=name, password=password, role=Role.ADMIN)
    click.echo(f"Administrator {user.email} created.")


COMMANDS = (create_admin,)
