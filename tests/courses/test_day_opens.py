"""When a day with an opening time opens, the course's learners are told, once, if the course says so."""
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.notices import announce_opened_days
from lms.extensions import db
from lms.notifications.models import Notification
from tests.forms import form_fields

OPENS = datetime(2026, 11, 24, 5, tzinfo=UTC)


def told() -> list[tuple[int, int]]:
    return list(db.session.execute(select(Notification.recipient_id, Notification.about_id)
                                   .where(Notification.kind == "day_opens").order_by(Notification.recipient_id)))


def test_learners_are_told_once_when_a_day_opens(make_user, make_course, mailbox):
    learner, withdrawn = make_user(locale="ru"), make_user()
    course = make_course(trainer=make_user(Role.TRAINER))
    course.days[1].opens_at = OPENS
    courses.enrol(learner, course)
    courses.enrol(withdrawn, course).withdrawn_at = OPENS
    db.session.commit()
    assert announce_opened_days(OPENS - timedelta(minutes=1)) == 0
    assert announce_opened_days(OPENS + timedelta(minutes=3)) == 1
    assert announce_opened_days(OPENS + timedelta(minutes=8)) == 0
    assert told() == [(learner.id, course.days[1].id)]
    db.session.commit()
    (message,) = [m for m in mailbox.deliver() if "2" in m["Subject"]]
    assert message["Subject"] == "День 2 курса «Основы миграции» открыт"
    assert f"http://localhost/courses/{course.slug}/#day-2" in message.get_body(("plain",)).get_content()


def test_a_course_that_does_not_announce_and_a_day_long_open_say_nothing(client, login, make_user, make_course):
    trainer, learner = make_user(Role.TRAINER), make_user()
    course = make_course(trainer=trainer)
    course.days[1].opens_at = OPENS
    courses.enrol(learner, course)
    db.session.commit()
    login(trainer)
    page = client.get(f"/courses/{course.slug}/manage/settings").text
    assert 'id="announce_days"' in page and "checked" in page.split('id="announce_days"')[0].rsplit("<input", 1)[1]
    fields = [(name, value) for name, value in form_fields(page) if name != "announce_days"]  # unticked
    assert client.post(f"/courses/{course.slug}/manage/settings", data=MultiDict(fields)).status_code == 302
    db.session.refresh(course)
    assert course.announce_days is False
    assert announce_opened_days(OPENS + timedelta(minutes=1)) == 0
    course.announce_days = True
    db.session.commit()
    assert announce_opened_days(OPENS + timedelta(hours=3)) == 0  # opened too long ago: not news any more
