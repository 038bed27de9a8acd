"""Live sessions for learners: the session page with the embedded meeting, and joining by link."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from lms import clock
from lms.courses.models import Module
from lms.courses.permissions import can_edit_course, can_open_modules
from lms.courses.queries import enrollment_of
from lms.extensions import db
from lms.i18n import current_locale
from lms.live import jitsi, services
from lms.live.models import LiveSession
from lms.live.settings import jitsi_config

bp = Blueprint("live", __name__, url_prefix="/live")


@bp.route("/module/<int:live_module_id>")
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


@bp.route("/<int:session_id>/")
@login_required
def session_page(session_id: int):
    session, enrollment, moderator = _session_for_current_user(session_id)
    config, now = jitsi_config(), clock.now()
    window = jitsi.Window(session.starts_at, session.ends_at)
    embed = None
    if window.is_open(config, now):
        room, signed = _enter(session, enrollment, moderator, now)
        embed = {"domain": config.meeting_domain, "room": jitsi.room_path(config, room), "jwt": signed,
                 "lang": current_locale(), "name": current_user.name, "email": current_user.email}
    return render_template("live/session.html", session=session, module=session.module, embed=embed,
                           opens_at=window.opens_at(config), is_over=now >= session.ends_at, moderator=moderator)


@bp.route("/<int:session_id>/join")
@login_required
def join(session_id: int):
    session, enrollment, moderator = _session_for_current_user(session_id)
    config, now = jitsi_config(), clock.now()
    window = jitsi.Window(session.starts_at, session.ends_at)
    if not window.is_open(config, now):
        return render_template("live/closed.html", session=session, module=session.module,
                               opens_at=window.opens_at(config), is_over=now >= session.ends_at), 403
    return redirect(jitsi.meeting_url(config, *_enter(session, enrollment, moderator, now)))


def _enter(session: LiveSession, enrollment, moderator: bool, now) -> tuple[str, str]:
    """The room and a token for the current user, with the join recorded (called inside the window)."""
    room = jitsi.room_name(session.room_secret)
    who = jitsi.Participant(id=current_user.id, name=current_user.name, email=current_user.email,
                            moderator=moderator)
    signed = jitsi.token(jitsi_config(), room, jitsi.Window(session.starts_at, session.ends_at), who, now)
    services.record_join(session, current_user, enrollment, now)
    db.session.commit()
    return room, signed


def _session_for_current_user(session_id: int):
    """The session, the user's enrolment, and whether they moderate; 403 for anyone not in the course."""
    session = db.get_or_404(LiveSession, session_id)
    course = session.module.course
    if not can_open_modules(current_user, course):
        abort(403)
    # Moderators are the course's trainers and admins (who may edit it), from roles on the server only.
    return session, enrollment_of(current_user, course), can_edit_course(current_user, course)
