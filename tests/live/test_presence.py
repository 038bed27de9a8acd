"""Attendance is being in the meeting: the embedded meeting reports joining, a heartbeat each minute
and leaving; time in the meeting is counted and a completion rule can ask for a share of a session.

The defect this guards: opening the live session page recorded attendance (and completed the
module) whether or not the person ever joined the meeting.
"""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from lms.auth.models import Role
from lms.certificates import services as certificates
from lms.certificates.models import Certificate
from lms.courses import services as courses
from lms.courses.models import ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live import services as live
from lms.live.models import Attendance
from lms.live.presence import credited_seconds

START = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
END = START + timedelta(hours=1)


@pytest.fixture()
def session_world(make_course, make_user):
    trainer, learner = make_user(Role.TRAINER), make_user(locale="ru")
    course = make_course(days=[["Intro"]], trainer=trainer)
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Opening", "body": ""}})
    session = live.schedule(module, START, END)
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    return course, session, trainer, learner, enrollment


def _report(client, session, event):
    return client.post(f"/live/{session.id}/presence", json={"event": event})


def _attendance(learner):
    db.session.expire_all()
    return db.session.scalar(select(Attendance).where(Attendance.user_id == learner.id))


def test_opening_the_page_is_not_attending(client, login, session_world, frozen_clock):
    _, session, _, learner, enrollment = session_world
    login(learner)
    frozen_clock(START + timedelta(minutes=5))
    page = client.get(f"/live/{session.id}/")
    assert page.status_code == 200 and f'data-presence-url="/live/{session.id}/presence"' in page.text
    assert _attendance(learner) is None
    assert db.session.scalar(select(ModuleProgress.completed_at).where(
        ModuleProgress.enrollment_id == enrollment.id)) is None


def test_joined_heartbeats_and_left_count_the_minutes_in_the_meeting(client, login, session_world, frozen_clock):
    _, session, _, learner, enrollment = session_world
    login(learner)
    frozen_clock(START + timedelta(minutes=10))
    assert _report(client, session, "joined").json == {"recorded": True, "minutes": 0}
    for minute in range(1, 21):  # twenty heartbeats, one a minute
        frozen_clock(START + timedelta(minutes=10 + minute))
        assert _report(client, session, "heartbeat").status_code == 200
    frozen_clock(START + timedelta(minutes=30, seconds=30))
    assert _report(client, session, "left").json["minutes"] == 20
    attendance = _attendance(learner)
    assert attendance.seconds_present == 20 * 60 + 30 and attendance.last_seen_at is None
    assert db.session.scalar(select(ModuleProgress.completed_at).where(
        ModuleProgress.enrollment_id == enrollment.id)) is not None  # joining completes the module


def test_a_lost_connection_earns_nothing_and_a_reload_goes_on(client, login, session_world, frozen_clock):
    _, session, _, learner, _ = session_world
    login(learner)
    frozen_clock(START)
    _report(client, session, "joined")
    frozen_clock(START + timedelta(minutes=1))
    _report(client, session, "heartbeat")
    frozen_clock(START + timedelta(minutes=15))  # the laptop slept: no heartbeat for 14 minutes
    _report(client, session, "heartbeat")
    frozen_clock(START + timedelta(minutes=15, seconds=20))  # a reload: the meeting joins again
    _report(client, session, "joined")
    frozen_clock(START + timedelta(minutes=16, seconds=20))
    _report(client, session, "heartbeat")
    attendance = _attendance(learner)
    assert attendance.seconds_present == 60 + 20 + 60 and attendance.joins == 2


def test_time_before_the_start_is_not_counted(client, login, session_world, frozen_clock):
    _, session, _, learner, _ = session_world
    login(learner)
    frozen_clock(START - timedelta(seconds=40))  # the room opens early
    _report(client, session, "joined")
    frozen_clock(START + timedelta(seconds=20))
    _report(client, session, "heartbeat")
    assert _attendance(learner).seconds_present == 20


def test_who_may_report_and_what_is_refused(client, login, session_world, make_user, frozen_clock):
    _, session, trainer, learner, _ = session_world
    frozen_clock(START + timedelta(minutes=5))
    login(trainer)
    assert _report(client, session, "joined").json == {"recorded": False, "minutes": 0}  # moderators: not counted
    client.post("/auth/logout")
    login(make_user())  # not in the course
    assert _report(client, session, "joined").status_code == 403
    client.post("/auth/logout")
    login(learner)
    assert client.post(f"/live/{session.id}/presence", json={"event": "teleported"}).status_code == 400
    assert client.post(f"/live/{session.id}/presence", data=b"[" * 10_000,
                       content_type="application/json").status_code == 400
    frozen_clock(END + timedelta(seconds=1))
    assert _report(client, session, "heartbeat").status_code == 409
    assert _attendance(learner) is None


def test_signed_out_reports_are_401(client, session_world):
    _, session, *_ = session_world
    assert _report(client, session, "joined").status_code == 401


def test_the_register_shows_minutes_present(client, login, session_world, frozen_clock):
    course, session, trainer, learner, enrollment = session_world
    frozen_clock(START)
    live.record_presence(session, learner, enrollment, live.PresenceEvent.JOINED, START)
    for minute in (1, 2, 3):
        live.record_presence(session, learner, enrollment, live.PresenceEvent.HEARTBEAT,
                             START + timedelta(minutes=minute))
    db.session.commit()
    login(trainer)
    page = client.get(f"/courses/{course.slug}/manage/live/{session.module_id}/attendance",
                      headers={"Accept-Language": "ru"}).text
    assert "3 минуты на встрече" in page


@pytest.mark.parametrize("minutes, earned", [(20, False), (40, True)])
def test_a_rule_can_ask_for_a_share_of_each_session(session_world, minutes, earned):
    course, session, trainer, learner, enrollment = session_world
    certificates.set_rule(course, all_required_modules=False, required_quizzes_passed=False,
                          min_attendance_percent=100, manual_approval=False, min_presence_percent=50)
    live.record_presence(session, learner, enrollment, live.PresenceEvent.JOINED, START)
    for minute in range(1, minutes + 1):
        live.record_presence(session, learner, enrollment, live.PresenceEvent.HEARTBEAT,
                             START + timedelta(minutes=minute))
    certificates.issue_to_everyone_who_qualifies(course, END)
    db.session.commit()
    assert (db.session.scalar(select(Certificate).where(Certificate.enrollment_id == enrollment.id)) is not None) \
        is earned


def test_a_trainers_mark_counts_whatever_the_time(session_world):
    course, session, trainer, learner, enrollment = session_world
    certificates.set_rule(course, all_required_modules=False, required_quizzes_passed=False,
                          min_attendance_percent=100, manual_approval=False, min_presence_percent=90)
    live.set_attendance(session, {learner.id}, END)
    db.session.commit()
    assert db.session.scalar(select(Certificate).where(Certificate.enrollment_id == enrollment.id)) is not None


def test_credited_seconds_is_pure_arithmetic():
    assert credited_seconds(None, START, START, END) == 0
    assert credited_seconds(START, START + timedelta(seconds=61), START, END) == 61
    assert credited_seconds(START, START + timedelta(minutes=5), START, END) == 0  # longer than a heartbeat explains
    assert credited_seconds(END - timedelta(seconds=30), END + timedelta(seconds=30), START, END) == 30
