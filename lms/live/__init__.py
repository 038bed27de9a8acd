"""Live sessions on Jitsi Meet: scheduling, time-boxed tokens, attendance, calendars."""
from __future__ import annotations

from flask import Flask

from lms.cli import add_commands
from lms.courses import content_cache, records
from lms.courses.transfer import ModulePart, register_module_part
from lms.live import cli, manage_views, notices, services, transfer, views
from lms.live.models import LiveSession
from lms.live.settings import init_jitsi
from lms.web.routes import feature_blueprint
from lms.web.security import live_session_policy


def register(app: Flask) -> None:
    """Jitsi settings, session pages and scheduling, sessions in course files, attendance as module records,
    reminders before sessions."""
    init_jitsi(app)
    app.register_blueprint(feature_blueprint("live", views, manage_views))
    # Only the session page may load the Jitsi server's script and frame (Talisman reads this).
    app.view_functions["live.session_page"].talisman_view_options = {
        "content_security_policy": live_session_policy(app.extensions["jitsi"].meeting_domain)}
    add_commands(app, *cli.COMMANDS)
    content_cache.track(LiveSession)  # its times are part of the course outline
    register_module_part(ModulePart("live", transfer.export_session, transfer.load_session))
    records.add_counter(services.attendance_recorded)
    notices.register()
