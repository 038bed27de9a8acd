"""An hour before a live session starts, its learners and trainers are told, with the link, once."""
from datetime import timedelta

from sqlalchemy import select

from lms.courses import services as courses
from lms.extensions import db
from lms.live.notices import remind_starting_soon
from lms.notifications.models import Notification
from tests.live.test_views import START, live_world  # noqa: F401  (a fixture)


def told() -> list[int]:
    return sorted(db.session.scalars(select(Notification.recipient_id).where(Notification.kind == "live_soon")))


def test_everyone_in_the_course_is_told_an_hour_before_once(live_world, make_user):  # noqa: F811
    session, trainer, learner, enrollment = live_world
    withdrawn = courses.enrol(make_user(), session.module.day.course)
    withdrawn.withdrawn_at = START
    db.session.commit()
    assert remind_starting_soon(START - timedelta(minutes=61)) == 0
    assert remind_starting_soon(START - timedelta(minutes=59)) == 2
    assert remind_starting_soon(START - timedelta(minutes=30)) == 0  # the next minute's run adds nobody
    assert told() == sorted([trainer.id, learner.id])
    assert remind_starting_soon(START) == 0  # started


def test_the_notice_links_to_the_session_and_goes_when_the_session_is_deleted(live_world, client,  # noqa: F811
                                                                              login, frozen_clock):
    session, _trainer, learner, _enrollment = live_world
    remind_starting_soon(START - timedelta(minutes=50))
    db.session.commit()
    frozen_clock(START - timedelta(minutes=50))
    login(learner)
    page = client.get("/notifications/", headers={"Accept-Language": "ru"}).text
    assert f'href="http://localhost/live/{session.id}/"' in page and "Подключиться" not in page  # the link is the title
    db.session.delete(session)
    db.session.commit()
    assert f"/live/{session.id}/" not in client.get("/notifications/").text
