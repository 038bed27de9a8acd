"""Live sessions on Jitsi Meet: scheduling, time-boxed tokens, attendance, calendars."""
from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from lms import signals
from lms.auth.personal_data import add_section
from lms.cli import add_commands
from lms.courses import content_cache, records
from lms.courses.transfer import ModulePart, register_module_part
from lms.live import cli, guest_views, guests, manage_views, notices, services, transfer, views
from lms.live.models import LiveSession
from lms.live.personal_data import attendance_of
from lms.live.settings import init_jitsi
from lms.notifications.kinds import Kind, register_kind
from lms.web.routes import feature_blueprint
from lms.web.security import live_session_policy


def register(app: Flask) -> None:
    """Jitsi settings, session pages and scheduling, sessions in course files, attendance as module records,
    reminders before sessions."""
    init_jitsi(app)
    app.register_blueprint(feature_blueprint("live", views, manage_views, guest_views))
    # Only the session page may load the Jitsi server's script and frame (Talisman reads this).
    for page in ("live.session_page", "live.guest_entry"):
        app.view_functions[page].talisman_view_options = {
            "content_security_policy": live_session_policy(app.extensions["jitsi"].meeting_domain)}
    add_commands(app, *cli.COMMANDS)
    content_cache.track(LiveSession)  # its times are part of the course outline
    register_module_part(ModulePart("live", transfer.export_session, transfer.load_session))
    records.add_counter(services.attendance_recorded)
    notices.register()
    signals.course_day_moved.connect(services.follow_moved_day)
    register_kind(Kind(guests.GUEST_INVITED, _l("Invitations of guests to live sessions"), guests.compose_invitation,
                       optional=False, on_site=False))  # guests have no account: nothing to show or turn off
    add_section("live_sessions", attendance_of)  # the person's own data download
