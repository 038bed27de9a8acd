"""Programmes: ordered sets of courses run in editions, enrolment in all of them at once, a learner's standing."""
from __future__ import annotations

from flask import Flask

from lms.auth.personal_data import add_section
from lms.programmes import manage_views, views
from lms.programmes.personal_data import programmes_of
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """The catalogue of programmes, a programme's page, and their authoring."""
    app.register_blueprint(feature_blueprint("programmes", views, manage_views))
    add_section("programmes", programmes_of)  # the person's own data download
