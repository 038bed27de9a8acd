"""The trainers' grading digest: once a day, to the trainers of each course where work was handed in the
day before, what came in and how much waits in the grading queue."""
from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from huey import crontab
from sqlalchemy import select

from lms import clock
from lms.assignments.grading_queue import waiting_in
from lms.assignments.models import Assignment, Submission
from lms.courses.models import Course, CourseDay, CourseRole, Module
from lms.courses.queries import course_people
from lms.extensions import db, jobs
from lms.i18n import localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification
from lms.quizzes.models import Attempt, AttemptState, Quiz

GRADING_DIGEST = "grading_digest"


@jobs.periodic(crontab(minute="0"))
def send_grading_digests() -> int:
    return write_grading_digests(clock.now())


def day_before(now: datetime) -> tuple[datetime, datetime]:
    """The previous calendar day (UTC) that a digest written at `now` reports on."""
    end = datetime.combine(now.date(), time(0), UTC)
    return end - timedelta(days=1), end


def write_grading_digests(now: datetime) -> int:
    """From DIGEST_HOUR_UTC on, once a day: to each trainer of each course with work handed in the day before."""
    if now.hour < current_app.config["DIGEST_HOUR_UTC"]:
        return 0
    start, end = day_before(now)
    told = 0
    for course in db.session.scalars(select(Course).where(Course.id.in_(_courses_with_work(start, end)))):
        told += notifications.notify_each(course_people(course, CourseRole.TRAINER), GRADING_DIGEST,
                                          f"{course.id}:{now.date().isoformat()}", about_id=course.id, due_at=now)
    return told


def _courses_with_work(start: datetime, end: datetime) -> set[int]:
    handed_in = select(CourseDay.course_id).join(Module, Module.day_id == CourseDay.id).join(
        Assignment, Assignment.module_id == Module.id).join(Submission, Submission.assignment_id == Assignment.id)
    submitted = select(CourseDay.course_id).join(Module, Module.day_id == CourseDay.id).join(
        Quiz, Quiz.module_id == Module.id).join(Attempt, Attempt.quiz_id == Quiz.id)
    return (set(db.session.scalars(handed_in.where(Submission.submitted_at >= start, Submission.submitted_at < end)))
            | set(db.session.scalars(submitted.where(Attempt.state == AttemptState.SUBMITTED, Attempt.score.is_(None),
                                                     Attempt.submitted_at >= start, Attempt.submitted_at < end))))


def _digest(notification: Notification) -> Message | None:
    course = db.session.get(Course, notification.about_id)
    if course is None:
        return None
    waiting = waiting_in(course)
    if not waiting:
        return None  # graded meanwhile: nothing to ask of the trainer
    start, end = day_before(notification.due_at or clock.now())
    came_in = Counter(localized(item.module, "title") for item in waiting if start <= item.handed_in_at < end)
    paragraphs = [ngettext("%(num)d piece of work waits for grading.", "%(num)d pieces of work wait for grading.",
                           len(waiting))]
    paragraphs += [ngettext("“%(title)s”: %(num)d handed in yesterday.", "“%(title)s”: %(num)d handed in yesterday.",
                            count, title=title) for title, count in sorted(came_in.items())]
    return Message(subject=_("Work to grade in “%(course)s”", course=localized(course, "title")),
                   paragraphs=tuple(paragraphs),
                   link=absolute_url("assignments.queue", slug=course.slug), link_label=_("Open the grading queue"))


def register() -> None:
    register_kind(Kind(GRADING_DIGEST, _l("Daily digest of work to grade (trainers)"), _digest, for_staff=True))
