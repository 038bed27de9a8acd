"""What learners are told about their assignments: the work received, the grade returned, and, a day
before the due date, that nothing has been handed in yet."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from huey import crontab
from sqlalchemy import select

from lms import clock
from lms.assignments.models import Assignment, Submission, SubmissionStatus
from lms.courses.models import CourseRole
from lms.courses.queries import course_people
from lms.dates import datetime_text
from lms.extensions import db, jobs
from lms.i18n import localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification
from lms.numbers import points_text

RECEIVED = "assignment_received"
RETURNED = "assignment_returned"
DUE_SOON = "assignment_due"
AHEAD = timedelta(hours=24)


def tell_received(submission: Submission) -> None:
    """The learner's receipt for work handed in (once for each time it is handed in)."""
    notifications.notify(submission.user, RECEIVED, f"{submission.id}:{submission.submitted_at.isoformat()}",
                         about_id=submission.id)


def tell_returned(submission: Submission) -> None:
    notifications.notify(submission.user, RETURNED, f"{submission.id}:{submission.returned_at.isoformat()}",
                         about_id=submission.id)


@jobs.periodic(crontab(minute="*/5"))
def remind_assignments_due() -> int:
    return remind_due_soon(clock.now())


def remind_due_soon(now: datetime) -> int:
    """Tell every learner who has not handed in an assignment due within a day (once each)."""
    told = 0
    for assignment in db.session.scalars(select(Assignment).where(Assignment.due_at > now,
                                                                  Assignment.due_at <= now + AHEAD)):
        handed_in = set(db.session.scalars(select(Submission.user_id).where(
            Submission.assignment_id == assignment.id, Submission.status != SubmissionStatus.DRAFT)))
        learners = [person for person in course_people(assignment.module.day.course, CourseRole.LEARNER)
                    if person.id not in handed_in]
        told += notifications.notify_each(learners, DUE_SOON, str(assignment.id), about_id=assignment.id, due_at=now)
    return told


def _link(assignment: Assignment) -> str:
    return absolute_url("assignments.page", assignment_id=assignment.id)


def _received(notification: Notification) -> Message | None:
    submission = db.session.get(Submission, notification.about_id)
    if submission is None or submission.submitted_at is None:
        return None
    title = localized(submission.assignment.module, "title")
    return Message(subject=_("Your work on “%(title)s” has been received", title=title),
                   paragraphs=(_("We received your work on “%(title)s” on %(when)s.", title=title,
                                 when=datetime_text(submission.submitted_at)),),
                   link=_link(submission.assignment), link_label=_("Open the assignment"))


def _returned(notification: Notification) -> Message | None:
    submission = db.session.get(Submission, notification.about_id)
    if submission is None or submission.status is not SubmissionStatus.RETURNED:
        return None
    title = localized(submission.assignment.module, "title")
    return Message(subject=_("Your work on “%(title)s” has been graded", title=title),
                   paragraphs=(_("You received %(points)s of %(max)s points. The trainer's feedback is on the "
                                 "assignment's page.", points=points_text(submission.points),
                                 max=submission.assignment.max_points),),
                   link=_link(submission.assignment), link_label=_("Open the assignment"))


def _due_soon(notification: Notification) -> Message | None:
    assignment = db.session.get(Assignment, notification.about_id)
    if assignment is None or assignment.due_at is None:
        return None
    title = localized(assignment.module, "title")
    return Message(subject=_("“%(title)s” is due on %(when)s", title=title, when=datetime_text(assignment.due_at)),
                   paragraphs=(_("You have not handed in your work on “%(title)s” of “%(course)s” yet.", title=title,
                                 course=localized(assignment.module.day.course, "title")),),
                   link=_link(assignment), link_label=_("Open the assignment"))


def register() -> None:
    register_kind(Kind(RECEIVED, _l("Receipts for work handed in"), _received))
    register_kind(Kind(RETURNED, _l("Grades of assignments"), _returned))
    register_kind(Kind(DUE_SOON, _l("Reminders a day before an assignment is due"), _due_soon))
