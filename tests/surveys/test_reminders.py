"""A day after a survey's day begins, the learners who have not answered it are asked once; the message
is in their language, and it is not sent to someone who answered in the meantime."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from lms.courses import services as courses
from lms.extensions import db
from lms.notifications.kinds import kind_of
from lms.notifications.models import Notification
from lms.surveys.notices import remind_unanswered
from tests.surveys.conftest import answer_all

DAY_THREE_BEGINS = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)  # 25 November, 00:00 in Baku


def _reminded() -> list[int]:
    return list(db.session.scalars(select(Notification.recipient_id).where(Notification.kind == "survey_reminder")
                                   .order_by(Notification.recipient_id)))


def test_those_who_have_not_answered_are_asked_once(survey_world, make_user):
    world = survey_world
    answer_all(world, world.learners[:5])
    courses.withdraw(make_user(), world.enrollments[7], DAY_THREE_BEGINS)
    db.session.commit()
    assert remind_unanswered(DAY_THREE_BEGINS + timedelta(hours=23)) == 0  # not a day yet
    assert remind_unanswered(DAY_THREE_BEGINS + timedelta(hours=24)) == 2
    assert remind_unanswered(DAY_THREE_BEGINS + timedelta(hours=30)) == 0  # never twice
    assert _reminded() == sorted(learner.id for learner in world.learners[5:7])
    assert remind_unanswered(DAY_THREE_BEGINS + timedelta(days=16)) == 0  # long over


def test_the_reminder_reads_in_the_learners_language_and_lapses_once_answered(survey_world, client, login,
                                                                              frozen_clock):
    world = survey_world
    frozen_clock(DAY_THREE_BEGINS + timedelta(days=1))
    remind_unanswered(DAY_THREE_BEGINS + timedelta(days=1))
    db.session.commit()
    learner = world.learners[0]
    learner.locale = "ru"
    db.session.commit()
    login(learner)
    page = client.get("/notifications/").text
    assert "Пожалуйста, ответьте на опрос «Оценка курса»" in page
    assert "Он анонимный: ваши ответы хранятся без вашего имени." in page
    assert f'href="http://localhost/surveys/{world.survey.id}/"' in page
    answer_all(world, [learner])
    mine = db.session.scalar(select(Notification).where(Notification.recipient_id == learner.id))
    assert kind_of("survey_reminder").compose(mine) is None  # answered since: the reminder is not delivered
