"""The demo: organisations from the region, demo accounts, and the demo course with its previous cohort."""
from __future__ import annotations

from flask import Flask

from lms.cli import add_commands
from lms.demo import cli


def register(app: Flask) -> None:
    add_commands(app, *cli.COMMANDS)
