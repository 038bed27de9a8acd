"""Site-wide pages: home, language switch, health check."""
from __future__ import annotations

from flask import Flask

from lms.core import views
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    app.register_blueprint(feature_blueprint("core", views))
