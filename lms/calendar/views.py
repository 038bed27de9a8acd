"""/calendar/<token>.ics: a person's course days and live sessions, for any calendar program."""
from __future__ import annotations

from flask import Response, abort, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms import clock
from lms.auth.models import User
from lms.calendar.feed import DayEntry, SessionEntry, calendar
from lms.courses.models import Course, CourseDay, CourseStatus, Enrollment, Module
from lms.courses.permissions import can_open_modules
from lms.extensions import db
from lms.i18n import localized
from lms.live.models import LiveSession
from lms.web.routes import Routes

routes = Routes("/calendar")


@routes.route("/<token>.ics")
def feed(token: str):
    user = db.session.scalar(select(User).where(User.calendar_token == token)) if len(token) < 64 else None
    if user is None or not user.active:
        abort(404)
    courses = list(db.session.scalars(
        select(Course).join(Enrollment, Enrollment.course_id == Course.id)
        .where(Enrollment.user_id == user.id, Enrollment.withdrawn_at.is_(None), Course.status != CourseStatus.DRAFT)
        .options(selectinload(Course.translations), selectinload(Course.days).selectinload(CourseDay.translations))))
    sessions = list(db.session.scalars(
        select(LiveSession).join(Module).join(CourseDay).where(CourseDay.course_id.in_([c.id for c in courses]))
        .options(selectinload(LiveSession.module).selectinload(Module.translations))))
    return _ics(f"Təlim — {user.name}", courses, sessions, "telim-calendar.ics")


@routes.route("/session/<int:session_id>.ics")
def session_event(session_id: int):
    """One live session as an .ics file (for the course's people: the session page links it)."""
    session = db.get_or_404(LiveSession, session_id)
    if not current_user.is_authenticated or not can_open_modules(current_user, session.module.course):
        abort(404)
    return _ics(localized(session.module, "title"), [], [session], f"session-{session.id}.ics")


def _ics(name: str, courses: list[Course], sessions: list[LiveSession], filename: str) -> Response:
    base = request.host_url.rstrip("/")
    host = request.host.split(":")[0]
    days = [
        DayEntry(uid=f"day-{day.id}@{host}", day=day.date,
                 title=f"{localized(course, 'title')} — {localized(day, 'title') if day.translations else day.number}",
                 url=base + url_for("courses.course", slug=course.slug))
        for course in courses for day in course.days
    ]
    entries = [
        SessionEntry(uid=f"live-{s.id}@{host}", title=localized(s.module, "title"), starts_at=s.starts_at,
                     ends_at=s.ends_at, timezone=s.module.course.timezone,
                     url=base + url_for("live.session_page", session_id=s.id))
        for s in sessions
    ]
    body = calendar(name, days, entries, clock.now())
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})
