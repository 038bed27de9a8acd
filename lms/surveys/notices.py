"""Reminders to answer a survey: a day after the survey's day begins, each learner without a receipt is
asked once (within a fortnight of it, so that an old course's surveys never start mailing people)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from huey import crontab
from sqlalchemy import select

from lms import clock
from lms.courses.models import CourseDay, CourseRole, Module
from lms.courses.queries import course_people
from lms.extensions import db, jobs
from lms.i18n import localized
from lms.links import absolute_url
from lms.notifications import services as notifications
from lms.notifications.kinds import Kind, Message, register_kind
from lms.notifications.models import Notification
from lms.surveys.models import Survey, SurveyReceipt
from lms.timezones import local_to_utc

SURVEY_REMINDER = "survey_reminder"
AFTER = timedelta(hours=24)
UNTIL = timedelta(days=14)


@jobs.periodic(crontab(minute="7"))
def remind_surveys() -> int:
    return remind_unanswered(clock.now())


def reminder_due(day_date: date, opens_at: datetime | None, zone: str, now: datetime) -> bool:
    """Whether reminders of a survey on that day are due now: from a day after the day begins, for 14 days."""
    begins = local_to_utc(datetime.combine(day_date, time(0, 0)), zone)
    if opens_at is not None:
        begins = max(begins, opens_at)
    return begins + AFTER <= now < begins + AFTER + UNTIL


def remind_unanswered(now: datetime) -> int:
    """Ask each learner who has not answered a survey whose reminder is due (once each); how many were asked."""
    recent = (now - AFTER - UNTIL - timedelta(days=1)).date()
    surveys = db.session.scalars(select(Survey).join(Module, Module.id == Survey.module_id)
                                 .join(CourseDay, CourseDay.id == Module.day_id)
                                 .where(CourseDay.date >= recent, CourseDay.date <= now.date()))
    told = 0
    for survey in surveys:
        day, course = survey.module.day, survey.module.day.course
        if not survey.questions or not reminder_due(day.date, day.opens_at, course.timezone, now):
            continue
        answered = set(db.session.scalars(select(SurveyReceipt.user_id).where(SurveyReceipt.survey_id == survey.id)))
        learners = [person for person in course_people(course, CourseRole.LEARNER) if person.id not in answered]
        told += notifications.notify_each(learners, SURVEY_REMINDER, str(survey.id), about_id=survey.id, due_at=now)
    return told


def _reminder(notification: Notification) -> Message | None:
    survey = db.session.get(Survey, notification.about_id)
    if survey is None or db.session.scalar(select(SurveyReceipt.id).where(
            SurveyReceipt.survey_id == survey.id, SurveyReceipt.user_id == notification.recipient_id)):
        return None  # answered since: nothing to remind of
    title, course = localized(survey.module, "title"), localized(survey.module.day.course, "title")
    privacy = (_("It is anonymous: your answers are kept without your name.") if survey.anonymous
               else _("It is named: the course's trainers see your name with your answers."))
    return Message(subject=_("Please answer “%(title)s”", title=title),
                   paragraphs=(_("Your answers to “%(title)s” help the trainers of “%(course)s” improve it. It takes a "
                                 "few minutes.", title=title, course=course), privacy),
                   link=absolute_url("surveys.answer", survey_id=survey.id), link_label=_("Answer the survey"))


def register() -> None:
    register_kind(Kind(SURVEY_REMINDER, _l("Reminders to answer a course's surveys"), _reminder))
