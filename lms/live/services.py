"""Every write to live sessions: scheduling them, and recording who joined."""
from __future__ import annotations

import csv
import io
import secrets
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from lms.audit.models import AuditAction
from lms.audit.services import record
from lms.auth.models import User
from lms.courses import services as courses
from lms.courses.models import CourseDay, CourseRole, Enrollment, Module, ModuleKind
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import localized
from lms.live.models import Attendance, LiveSession
from lms.live.presence import PresenceEvent, credited_seconds
from lms.timezones import same_wall_clock_later
from lms.unique_rows import add_once


def session_for(module: Module) -> LiveSession | None:
    """The live session of a live module, if it has been scheduled."""
    return db.session.scalar(select(LiveSession).where(LiveSession.module_id == module.id))


def schedule(module: Module, starts_at: datetime, ends_at: datetime, recording_url: str | None = None) -> LiveSession:
    """Set (or move) the time of a live module's session; its room stays the same."""
    if module.kind is not ModuleKind.LIVE:
        raise DomainError(_("This module is not a live session."), 404)
    if ends_at <= starts_at:
        raise DomainError(_("A session must end after it starts."))
    session = session_for(module)
    if session is None:
        session = LiveSession(module=module, room_secret=secrets.token_urlsafe(32), starts_at=starts_at,
                              ends_at=ends_at)
        db.session.add(session)
    session.starts_at, session.ends_at = starts_at, ends_at
    session.recording_url = (recording_url or "").strip() or None
    db.session.flush()
    return session


def follow_moved_day(day: CourseDay, days: int) -> None:
    """A course day moved: its sessions move to the same wall-clock time on the new date."""
    zone = day.course.timezone
    sessions = db.session.scalars(select(LiveSession).join(Module).where(Module.day_id == day.id))
    for session in sessions:
        session.starts_at = same_wall_clock_later(session.starts_at, zone, days)
        session.ends_at = same_wall_clock_later(session.ends_at, zone, days)


def record_join(session: LiveSession, user: User, enrollment: Enrollment | None, now: datetime) -> Attendance | None:
    """Note that a learner joined (first time, latest time, how often); that completes the module."""
    if enrollment is None or enrollment.role is not CourseRole.LEARNER:
        return None
    attendance = _attendance(session, user.id) or add_once(
        Attendance(session_id=session.id, user_id=user.id, first_joined_at=now, last_joined_at=now, joins=0),
        lambda: _attendance(session, user.id))  # two tabs joining at once: one row
    # counted in SQL, so that two joins at once both count
    db.session.execute(update(Attendance).where(Attendance.id == attendance.id)
                       .values(last_joined_at=now, joins=Attendance.joins + 1))
    db.session.expire(attendance, ["last_joined_at", "joins"])
    courses.complete_module(enrollment, session.module, now)
    return attendance


def record_presence(session: LiveSession, user: User, enrollment: Enrollment | None, event: PresenceEvent,
                    now: datetime) -> Attendance | None:
    """What the embedded meeting reported for a learner: joining (which records attendance), being
    there (a heartbeat each minute) or leaving; time in the meeting is credited between reports."""
    if enrollment is None or enrollment.role is not CourseRole.LEARNER:
        return None  # trainers' presence is not recorded
    attendance = _attendance(session, user.id)
    if event is PresenceEvent.JOINED or attendance is None:  # a heartbeat after a lost "joined" joins too
        attendance = record_join(session, user, enrollment, now)
    attendance.seconds_present += credited_seconds(attendance.last_seen_at, now, session.starts_at, session.ends_at)
    attendance.last_seen_at = None if event is PresenceEvent.LEFT else now
    db.session.flush()
    return attendance


def set_attendance(session: LiveSession, present_user_ids: set[int], now: datetime,
                   actor: User | None = None) -> None:
    """A trainer's register: the course's learners ticked are present (their module completes),
    the others are not (their completion of the module, once recorded, stays). Who was marked
    present or absent is in the audit log."""
    marked, unmarked = [], []
    for enrollment in _learner_enrollments(session):
        attendance = _attendance(session, enrollment.user_id)
        if enrollment.user_id in present_user_ids and attendance is None:
            db.session.add(Attendance(session_id=session.id, user_id=enrollment.user_id, first_joined_at=now,
                                      last_joined_at=now, joins=0))  # 0 joins: marked by hand
            courses.complete_module(enrollment, session.module, now)
            marked.append(enrollment.user.email)
        elif enrollment.user_id not in present_user_ids and attendance is not None:
            db.session.delete(attendance)
            unmarked.append(enrollment.user.email)
    if actor is not None and (marked or unmarked):
        record(actor, AuditAction.ATTENDANCE_CHANGED, localized(session.module, "title"),
               course=session.module.day.course.slug, present=", ".join(marked), absent=", ".join(unmarked))
    db.session.flush()


def import_participants(session: LiveSession, csv_text: str, now: datetime,
                        actor: User | None = None) -> tuple[int, list[str]]:
    """Mark present the learners whose e-mail addresses a participant list (CSV) names.

    Any column may hold the addresses (meeting tools export them in different places). Returns how
    many learners were marked and the addresses that belong to no learner of the course.
    """
    found = {cell.strip().lower() for row in csv.reader(io.StringIO(csv_text)) for cell in row if "@" in cell}
    learners = {e.user.email: e for e in _learner_enrollments(session)}
    present = {learners[email].user_id for email in found if email in learners}
    already = {a.user_id for a in db.session.scalars(select(Attendance).where(Attendance.session_id == session.id))}
    set_attendance(session, present | already, now, actor)
    return len(present - already), sorted(found - set(learners))


def attendance_register(session: LiveSession) -> list[tuple[Enrollment, Attendance | None]]:
    """Every learner of the course with their attendance at the session, by name."""
    records = {a.user_id: a for a in db.session.scalars(select(Attendance).where(Attendance.session_id == session.id))}
    return [(e, records.get(e.user_id)) for e in _learner_enrollments(session)]


def _learner_enrollments(session: LiveSession) -> list[Enrollment]:
    return list(db.session.scalars(
        select(Enrollment).join(User, User.id == Enrollment.user_id)
        .where(Enrollment.course_id == session.module.day.course_id, Enrollment.is_active_learner())
        .options(joinedload(Enrollment.user)).order_by(func.lower(User.name))))


def _attendance(session: LiveSession, user_id: int) -> Attendance | None:
    return db.session.scalar(select(Attendance).where(Attendance.session_id == session.id,
                                                      Attendance.user_id == user_id))


def attendance_recorded(module: Module) -> str | None:
    count = db.session.scalar(select(func.count(Attendance.id))
                              .join(LiveSession, LiveSession.id == Attendance.session_id)
                              .where(LiveSession.module_id == module.id))
    if not count:
        return None
    return ngettext("%(num)d person's attendance is recorded.", "%(num)d people's attendance is recorded.", count)


# A live module with attendance is never deleted with it (courses asks, without importing live).
