"""Live sessions for learners: the session page with the embedded meeting, and joining by link."""
from __future__ import annotations

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError

from lms import clock
from lms.courses.models import Module
from lms.courses.permissions import can_edit_course, can_open_modules
from lms.courses.queries import enrollment_of
from lms.extensions import csrf, db
from lms.i18n import current_locale
from lms.json_input import UnsafeJSON, load_json
from lms.live import jitsi, services
from lms.live.models import LiveSession
from lms.live.presence import PresenceEvent
from lms.live.settings import jitsi_config
from lms.web.routes import Routes
from lms.web.unit_of_work import writes_on_get

routes = Routes("/live")


@routes.route("/module/<int:live_module_id>")
@login_required
def for_module(live_module_id: int):
    """The session of a live module (the course page links modules, not sessions)."""
    module = db.get_or_404(Module, live_module_id)
    if not can_open_modules(current_user, module.course):
        abort(403)
    session = services.session_for(module)
    if session is None:
        return render_template("live/not_scheduled.html", module=module), 404
    return redirect(url_for("live.session_page", session_id=session.id))


@routes.route("/<int:session_id>/")
@login_required
def session_page(session_id: int):
    session, enrollment, moderator = _session_for_current_user(session_id)
    config, now = jitsi_config(), clock.now()
    window = jitsi.Window(session.starts_at, session.ends_at)
    embed = None
    if window.is_open(config, now):  # opening the page is not attending: the meeting reports the join
        room, signed = _token(session, moderator, now)
        embed = {"domain": config.meeting_domain, "room": jitsi.room_path(config, room), "jwt": signed,
                 "lang": current_locale(), "name": current_user.name, "email": current_user.email,
                 "presence_url": url_for("live.presence", session_id=session.id)}
    return render_template("live/session.html", session=session, module=session.module, embed=embed,
                           opens_at=window.opens_at(config), is_over=now >= session.ends_at, moderator=moderator)


@routes.route("/<int:session_id>/join")
@login_required
@writes_on_get  # following the link is joining: attendance is recorded
def join(session_id: int):
    session, enrollment, moderator = _session_for_current_user(session_id)
    config, now = jitsi_config(), clock.now()
    window = jitsi.Window(session.starts_at, session.ends_at)
    if not window.is_open(config, now):
        return render_template("live/closed.html", session=session, module=session.module,
                               opens_at=window.opens_at(config), is_over=now >= session.ends_at), 403
    room, signed = _token(session, moderator, now)
    services.record_join(session, current_user, enrollment, now)
    return redirect(jitsi.meeting_url(config, room, signed))


@routes.route("/<int:session_id>/presence", methods=["POST"])
@csrf.exempt  # checked below, after the sign-in check, as the quiz autosave does
def presence(session_id: int):
    """The embedded meeting's report: {"event": "joined" | "heartbeat" | "left"} → minutes present."""
    if not current_user.is_authenticated:
        return jsonify(error="signed_out"), 401
    session, enrollment, _moderator = _session_for_current_user(session_id)
    try:
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            validate_csrf(request.headers.get("X-CSRFToken"))
        payload = load_json(request.get_data())
        event = PresenceEvent(payload.get("event") if isinstance(payload, dict) else None)
    except (ValidationError, UnsafeJSON, ValueError):
        return jsonify(error="invalid", message=_("This report cannot be recorded.")), 400
    config, now = jitsi_config(), clock.now()
    if not jitsi.Window(session.starts_at, session.ends_at).is_open(config, now):
        return jsonify(error="closed", message=_("This session is closed now.")), 409
    attendance = services.record_presence(session, current_user, enrollment, event, now)
    return jsonify(recorded=attendance is not None,
                   minutes=attendance.seconds_present // 60 if attendance else 0)


def _token(session: LiveSession, moderator: bool, now) -> tuple[str, str]:
    """The room and a token for the current user (called inside the window)."""
    room = jitsi.room_name(session.room_secret)
    who = jitsi.Participant(id=current_user.id, name=current_user.name, email=current_user.email,
                            moderator=moderator)
    return room, jitsi.token(jitsi_config(), room, jitsi.Window(session.starts_at, session.ends_at), who, now)


def _session_for_current_user(session_id: int):
    """The session, the user's enrolment, and whether they moderate; 403 for anyone not in the course."""
    session = db.get_or_404(LiveSession, session_id)
    course = session.module.course
    if not can_open_modules(current_user, course):
        abort(403)
    # Moderators are the course's trainers and admins (who may edit it), from roles on the server only.
    return session, enrollment_of(current_user, course), can_edit_course(current_user, course)
