"""Quiz deadlines: a day before a quiz closes, each learner who has not passed it is reminded."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from huey import crontab
from sqlalchemy import select

from lms import clock
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
from lms.quizzes.models import Attempt, Quiz
from lms.quizzes.queries import best_scores

QUIZ_CLOSING = "quiz_closing"
ATTEMPT_GRADED = "quiz_attempt_graded"
AHEAD = timedelta(hours=24)


@jobs.periodic(crontab(minute="*/5"))
def remind_quizzes_closing() -> int:
    return remind_closing_soon(clock.now())


def remind_closing_soon(now: datetime) -> int:
    """Tell every learner who has not passed a quiz that closes within a day (once each)."""
    told = 0
    for quiz in db.session.scalars(select(Quiz).where(Quiz.closes_at > now, Quiz.closes_at <= now + AHEAD)):
        course = quiz.module.day.course
        scores = best_scores(course.id).where(Quiz.id == quiz.id).subquery()
        passed = set(db.session.scalars(select(scores.c.user_id).where(scores.c.best >= quiz.pass_mark)))
        learners = [person for person in course_people(course, CourseRole.LEARNER) if person.id not in passed]
        told += notifications.notify_each(learners, QUIZ_CLOSING, str(quiz.id), about_id=quiz.id, due_at=now)
    return told


def _quiz_closing(notification: Notification) -> Message | None:
    quiz = db.session.get(Quiz, notification.about_id)
    if quiz is None or quiz.closes_at is None:
        return None
    title = localized(quiz.module, "title")
    return Message(
        subject=_("“%(title)s” closes on %(when)s", title=title, when=datetime_text(quiz.closes_at)),
        paragraphs=(_("You have not passed the quiz “%(title)s” of “%(course)s” yet. It closes on %(when)s.",
                      title=title, course=localized(quiz.module.day.course, "title"),
                      when=datetime_text(quiz.closes_at)),),
        link=absolute_url("quizzes.start_page", quiz_id=quiz.id), link_label=_("Open the quiz"))


def tell_attempt_graded(attempt: Attempt) -> None:
    """The learner's attempt had written answers; a trainer has graded the last of them."""
    notifications.notify(attempt.user, ATTEMPT_GRADED, str(attempt.id), about_id=attempt.id)


def _attempt_graded(notification: Notification) -> Message | None:
    attempt = db.session.get(Attempt, notification.about_id)
    if attempt is None or attempt.score is None:
        return None
    title = localized(attempt.quiz.module, "title")
    return Message(
        subject=_("Your attempt at “%(title)s” has been graded", title=title),
        paragraphs=(_("A trainer has graded your written answers. Your score: %(points)s of %(max)s points.",
                      points=points_text(attempt.score), max=points_text(attempt.max_score)),),
        link=absolute_url("quizzes.review", attempt_id=attempt.id), link_label=_("Review the attempt"))


def register() -> None:
    register_kind(Kind(QUIZ_CLOSING, _l("Reminders a day before a quiz closes"), _quiz_closing))
    register_kind(Kind(ATTEMPT_GRADED, _l("Quiz attempts graded by a trainer"), _attempt_graded))
