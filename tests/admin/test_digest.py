"""Each morning a course's trainers get a digest: learners, who is behind the open days, quiz results."""
from datetime import UTC, datetime

from sqlalchemy import func, select

from lms.admin.digest import write_digests
from lms.auth.models import Role
from lms.courses import services as courses
from lms.extensions import db
from lms.notifications.models import Notification

DAY_TWO_MORNING = datetime(2026, 11, 24, 6, tzinfo=UTC)  # the course runs 23–24 November


def test_trainers_get_one_digest_a_day_naming_who_is_behind(make_user, make_course, mailbox, frozen_clock,
                                                             client, login):
    trainer = make_user(Role.TRAINER, locale="en", name="Rəşad")
    course = make_course(days=[["Terms", "Trends"], ["Data"]], trainer=trainer)
    keen, late = make_user(name="Aysel Keen"), make_user(name="Nodar Late")
    keen_enrollment = courses.enrol(keen, course)
    courses.enrol(late, course)
    for module in course.days[0].modules:
        courses.complete_module(keen_enrollment, module, DAY_TWO_MORNING)
    db.session.commit()
    frozen_clock(DAY_TWO_MORNING)
    assert write_digests(DAY_TWO_MORNING.replace(hour=4)) == 0  # before DIGEST_HOUR_UTC (5)
    assert write_digests(DAY_TWO_MORNING) == 1
    assert write_digests(DAY_TWO_MORNING.replace(hour=7)) == 0  # once a day
    db.session.commit()
    (digest,) = [m for m in mailbox.deliver() if m["Subject"].startswith("Today in")]
    text = digest.get_body(("plain",)).get_content()
    assert "2 learners; 0 completed the course." in text
    assert "1 learner has not finished the days already over: Nodar Late" in text and "Aysel" not in text
    assert f"http://localhost/admin/courses/{course.slug}/progress" in text
    login(keen)
    assert "Ежедневная сводка" not in client.get("/auth/profile", headers={"Accept-Language": "ru"}).text


def test_no_digest_for_a_course_long_over(make_user, make_course):
    make_course(trainer=make_user(Role.TRAINER))  # ended 24 November
    assert write_digests(datetime(2026, 12, 1, 6, tzinfo=UTC)) == 0
    assert db.session.scalar(select(func.count(Notification.id))) == 0
