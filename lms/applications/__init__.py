"""Intake by application: applying and nominating, seats and quotas, the centre's review, the waitlist."""
from __future__ import annotations

from flask import Flask

from lms import signals
from lms.applications import jobs, manage_views, notices, services, views  # noqa: F401  (jobs: declared)
from lms.applications.personal_data import applications_for_download
from lms.auth.personal_data import add_section
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """The application form, my applications, the centre's review; mails at each change; freed seats."""
    app.register_blueprint(feature_blueprint("applications", views, manage_views))
    notices.register()
    signals.learner_withdrawn.connect(services.on_learner_withdrawn)
    add_section("applications", applications_for_download)  # the person's own data download
