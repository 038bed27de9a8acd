"""The administrators' area: users, organisations, imports, the audit log, progress and evaluation reports."""
from __future__ import annotations

from flask import Flask
from flask_login import current_user

from lms.admin import (
    digest,
    evaluation_views,
    import_views,
    organisation_views,
    programme_views,
    report_views,
    user_views,
    views,
)
from lms.auth.permissions import can_manage_users
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """The admin pages, and the header's link to them for those who may open them."""
    app.register_blueprint(feature_blueprint("admin", views, user_views, organisation_views, import_views,
                                             report_views, programme_views, evaluation_views))
    app.context_processor(lambda: {"show_admin_link": can_manage_users(current_user)})
    digest.register()
