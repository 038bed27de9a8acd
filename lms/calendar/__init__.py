"""Private iCalendar feeds of a person's course days and live sessions."""
from __future__ import annotations

from flask import Flask

from lms.calendar import views
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    app.register_blueprint(feature_blueprint("calendar", views))
