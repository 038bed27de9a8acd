"""Certificates: completion rules, issuing and revoking, the PDF and the public check."""
from __future__ import annotations

from flask import Flask

from lms import signals
from lms.auth.personal_data import add_section
from lms.certificates import cli, manage_views, notices, queries, services, views
from lms.certificates.personal_data import certificates_of
from lms.cli import add_commands
from lms.programmes import queries as programme_queries
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """Certificate pages, `flask lms check-certificates`, and issuing when a completed module meets the rule."""
    app.register_blueprint(feature_blueprint("certificates", views, manage_views))
    add_commands(app, *cli.COMMANDS)
    signals.module_completed.connect(services.on_module_completed)
    programme_queries.add_certified_source(queries.certified_courses)
    notices.register()
    add_section("certificates", certificates_of)  # the person's own data download
