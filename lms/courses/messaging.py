"""Writing to a course's learners: one message, one notification per person, each in their language."""
from __future__ import annotations

from flask_babel import gettext as _

from lms.auth.models import User
from lms.courses import queries
from lms.courses.models import Course, CourseMessage
from lms.courses.notices import COURSE_MESSAGE
from lms.errors import DomainError
from lms.extensions import db
from lms.notifications import services as notifications
from lms.notifications.models import Notification


def write_to_learners(author: User, course: Course, written: dict[str, tuple[str, str]], *,
                      country: str | None, organisation_id: int | None, status: str) -> tuple[CourseMessage, int]:
    """Send `written` ({locale: (subject, body)}) to the learners the filters choose; returns the message
    and how many people it goes to."""
    if not written:
        raise DomainError(_("Write the subject and the message in at least one language."))
    recipients = queries.learners_for_message(course, country=country, organisation_id=organisation_id,
                                              status=status)
    if not recipients:
        raise DomainError(_("No learner of this course matches these choices."))
    message = CourseMessage(course=course, author=author,
                            subjects={code: subject for code, (subject, _body) in written.items()},
                            bodies={code: body for code, (_subject, body) in written.items()},
                            audience={"country": country, "organisation": organisation_id, "status": status})
    db.session.add(message)
    db.session.flush()
    notifications.notify_each(recipients, COURSE_MESSAGE, str(message.id), about_id=message.id)
    return message, len(recipients)


def resend(message: CourseMessage, notification_id: int) -> Notification:
    """Send one person's copy of the message again; only copies of this message."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.kind != COURSE_MESSAGE or notification.about_id != message.id:
        raise DomainError(_("This message was not sent to that person."), 404)
    notifications.resend(notification)
    return notification
