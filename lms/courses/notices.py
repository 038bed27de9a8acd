"""What the courses feature tells people: that they are enrolled, that a day has opened, and what their
trainers write to them."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from huey import crontab
from sqlalchemy import select

from lms import clock
from lms.auth.models import User
from lms.courses.models import Course, CourseDay, CourseMessage, CourseRole, CourseStatus, Enrollment
from lms.courses.queries import course_people
from lms.dates import date_text
from lms.extensions import db, jobs
from lms.i18n import current_locale, localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification

ENROLLED = "enrolled"
COURSE_MESSAGE = "course_message"
DAY_OPENS = "day_opens"
# A day that opened this long ago is still announced (a worker that was down catches up), no older.
ANNOUNCE_WITHIN = timedelta(hours=2)


@jobs.periodic(crontab(minute="*/5"))
def announce_days_opening() -> int:
    return announce_opened_days(clock.now())


def announce_opened_days(now: datetime) -> int:
    """Tell the learners of each published course that announces its days when a day has just opened."""
    told = 0
    opened = db.session.scalars(
        select(CourseDay).join(Course, Course.id == CourseDay.course_id)
        .where(Course.status == CourseStatus.PUBLISHED, Course.announce_days.is_(True),
               CourseDay.opens_at > now - ANNOUNCE_WITHIN, CourseDay.opens_at <= now))
    for day in opened:
        told += notifications.notify_each(course_people(day.course, CourseRole.LEARNER), DAY_OPENS, str(day.id),
                                          about_id=day.id, due_at=now)
    return told


def tell_enrolled(enrollment: Enrollment) -> None:
    """Tell a learner they are enrolled (once per enrolment, however often it is repeated)."""
    notifications.notify(enrollment.user, ENROLLED, str(enrollment.id), about_id=enrollment.id)


def _enrolled(notification: Notification) -> Message | None:
    enrollment = db.session.get(Enrollment, notification.about_id)
    if enrollment is None or enrollment.withdrawn_at is not None:
        return None
    course = enrollment.course
    title = localized(course, "title")
    return Message(
        subject=_("You are enrolled in “%(course)s”", course=title),
        paragraphs=(_("The course runs from %(start)s to %(end)s.", start=date_text(course.starts_on),
                      end=date_text(course.ends_on)),
                    _("Add its days and live sessions to your calendar with your private address: %(calendar)s",
                      calendar=_calendar_address(enrollment.user))),
        link=absolute_url("courses.course", slug=course.slug), link_label=_("Open the course"))


def _calendar_address(user: User) -> str:
    """The person's private calendar feed, or their profile, where one is made on the first visit."""
    if user.calendar_token:
        return absolute_url("calendar.feed", token=user.calendar_token)
    return absolute_url("auth.profile", _anchor="calendar")


def _course_message(notification: Notification) -> Message | None:
    message = db.session.get(CourseMessage, notification.about_id)
    if message is None:
        return None
    locale = message.locale_for(current_locale())
    course = message.course
    return Message(subject=message.subjects[locale], paragraphs=tuple(message.bodies[locale].split("\n\n")),
                   link=absolute_url("courses.course", slug=course.slug),
                   link_label=_("Open “%(course)s”", course=localized(course, "title")))


def _day_opens(notification: Notification) -> Message | None:
    day = db.session.get(CourseDay, notification.about_id)
    if day is None:
        return None
    course = localized(day.course, "title")
    day_title = localized(day, "title")
    return Message(
        subject=_("Day %(number)d of “%(course)s” is open", number=day.number, course=course),
        paragraphs=(_("Its modules are waiting for you: %(title)s", title=day_title) if day_title
                    else _("Its modules are waiting for you."),),
        link=absolute_url("courses.course", slug=day.course.slug, _anchor=f"day-{day.number}"),
        link_label=_("Open the course"))


def register() -> None:
    register_kind(Kind(ENROLLED, _l("Enrolment in a course"), _enrolled))
    register_kind(Kind(COURSE_MESSAGE, _l("Messages from my trainers"), _course_message))
    register_kind(Kind(DAY_OPENS, _l("A new day of my course opens"), _day_opens))
