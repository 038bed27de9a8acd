"""The learner's own overview of progress across courses."""
from __future__ import annotations

from flask import Flask

from lms.progress import views
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    app.register_blueprint(feature_blueprint("progress", views))
