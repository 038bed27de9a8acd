"""What the courses feature tells people: that they are enrolled, and what their trainers write to them."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from lms.courses.models import CourseMessage, Enrollment
from lms.dates import date_text
from lms.extensions import db
from lms.i18n import current_locale, localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification

ENROLLED = "enrolled"
COURSE_MESSAGE = "course_message"


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
                    _("Add its days and live sessions to your calendar with the private address on your profile: "
                      "%(profile)s", profile=absolute_url("auth.profile", _anchor="calendar"))),
        link=absolute_url("courses.course", slug=course.slug), link_label=_("Open the course"))


def _course_message(notification: Notification) -> Message | None:
    message = db.session.get(CourseMessage, notification.about_id)
    if message is None:
        return None
    locale = message.locale_for(current_locale())
    course = message.course
    return Message(subject=message.subjects[locale], paragraphs=tuple(message.bodies[locale].split("\n\n")),
                   link=absolute_url("courses.course", slug=course.slug),
                   link_label=_("Open “%(course)s”", course=localized(course, "title")))


def register() -> None:
    register_kind(Kind(ENROLLED, lambda: _l("Enrolment in a course"), _enrolled))
    register_kind(Kind(COURSE_MESSAGE, lambda: _l("Messages from my trainers"), _course_message))
