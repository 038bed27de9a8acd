"""Reminders of live sessions: an hour before one starts, everyone in its course is told, with the link."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from huey import crontab
from sqlalchemy import select

from lms import clock
from lms.courses.models import CourseRole
from lms.courses.queries import course_people
from lms.dates import time_range_text
from lms.extensions import db, jobs
from lms.i18n import localized
from lms.links import absolute_url
from lms.live.models import LiveSession
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification

LIVE_SOON = "live_soon"
AHEAD = timedelta(hours=1)


@jobs.periodic(crontab(minute="*"))
def remind_live_sessions() -> int:
    return remind_starting_soon(clock.now())


def remind_starting_soon(now: datetime) -> int:
    """Tell the people of every session that starts within the hour (once each); returns how many were told."""
    told = 0
    starting = db.session.scalars(select(LiveSession).where(LiveSession.starts_at > now,
                                                            LiveSession.starts_at <= now + AHEAD))
    for session in starting:
        course = session.module.day.course
        people = course_people(course, CourseRole.LEARNER) + course_people(course, CourseRole.TRAINER)
        told += notifications.notify_each(people, LIVE_SOON, str(session.id), about_id=session.id, due_at=now)
    return told


def _live_soon(notification: Notification) -> Message | None:
    session = db.session.get(LiveSession, notification.about_id)
    if session is None:
        return None
    title = localized(session.module, "title")
    return Message(
        subject=_("“%(title)s” starts at %(when)s", title=title, when=time_range_text(session.starts_at,
                                                                                     session.ends_at)),
        paragraphs=(_("The live session “%(title)s” of “%(course)s” starts soon. The meeting opens a few minutes "
                      "before the start.", title=title, course=localized(session.module.day.course, "title")),),
        link=absolute_url("live.session_page", session_id=session.id), link_label=_("Join the live session"))


def register() -> None:
    register_kind(Kind(LIVE_SOON, _l("Reminders an hour before live sessions"), _live_soon))
