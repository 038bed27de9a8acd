"""The trainers' daily digest of each running course: how many finished, who is behind, quiz results."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from huey import crontab
from sqlalchemy import select

from lms import clock
from lms.admin import reports
from lms.admin.report_rows import CourseStructure, LearnerRow, LearnerStatus, ReportFilter
from lms.courses.models import Course, CourseRole, CourseStatus
from lms.courses.queries import course_people
from lms.extensions import db, jobs
from lms.i18n import localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification
from lms.numbers import percent_text

TRAINER_DIGEST = "trainer_digest"
NAMES_SHOWN = 10


@jobs.periodic(crontab(minute="0"))
def send_trainer_digests() -> int:
    return write_digests(clock.now())


def write_digests(now: datetime) -> int:
    """Once a day (from DIGEST_HOUR_UTC on), a digest to each trainer of each course that is running."""
    if now.hour < current_app.config["DIGEST_HOUR_UTC"]:
        return 0
    told = 0
    for course in db.session.scalars(select(Course).where(Course.status == CourseStatus.PUBLISHED,
                                                          Course.starts_on <= now.date())):
        if course.ends_on < (now - timedelta(days=1)).date():
            continue  # over: the last digest went the day after it ended
        today = now.date().isoformat()
        told += notifications.notify_each(course_people(course, CourseRole.TRAINER), TRAINER_DIGEST,
                                          f"{course.id}:{today}", about_id=course.id, due_at=now)
    return told


def behind(structure: CourseStructure, rows: list[LearnerRow], now: datetime) -> list[LearnerRow]:
    """Learners who have not completed every module of the days already over (nor the course)."""
    over = [index for index, column in enumerate(structure.days) if column.day.date < now.date()]
    expected = sum(structure.days[index].modules for index in over)
    return [row for row in rows if row.status is not LearnerStatus.COMPLETED
            and sum(row.per_day[index] for index in over) < expected]


def _digest(notification: Notification) -> Message | None:
    course = db.session.get(Course, notification.about_id)
    if course is None:
        return None
    structure = reports.course_structure(course)
    rows = reports.all_rows(course, structure, ReportFilter())
    late = behind(structure, rows, clock.now())
    completed = sum(1 for row in rows if row.status is LearnerStatus.COMPLETED)
    paragraphs = [ngettext("%(num)d learner; %(completed)d completed the course.",
                           "%(num)d learners; %(completed)d completed the course.", len(rows), completed=completed)]
    if late:
        names = ", ".join(row.name for row in late[:NAMES_SHOWN]) + (" …" if len(late) > NAMES_SHOWN else "")
        paragraphs.append(ngettext("%(num)d learner has not finished the days already over: %(names)s",
                                   "%(num)d learners have not finished the days already over: %(names)s",
                                   len(late), names=names))
    for index, quiz in enumerate(structure.quizzes):
        scores = [row.quiz_best[index] for row in rows if row.quiz_best[index] is not None]
        if scores:
            paragraphs.append(ngettext("“%(quiz)s”: %(num)d learner took it, average best %(average)s.",
                                       "“%(quiz)s”: %(num)d learners took it, average best %(average)s.",
                                       len(scores), quiz=localized(quiz.module, "title"),
                                       average=percent_text(sum(scores) / len(scores))))
    return Message(subject=_("Today in “%(course)s”", course=localized(course, "title")),
                   paragraphs=tuple(paragraphs), link=absolute_url("admin.course_report", slug=course.slug),
                   link_label=_("Open the progress report"))


def register() -> None:
    register_kind(Kind(TRAINER_DIGEST, _l("Daily digest of my courses (trainers)"), _digest, for_staff=True))
