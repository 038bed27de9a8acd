"""Live session pages: tokens only for the course's people, only inside the window; attendance."""
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from sqlalchemy import select

from config import ProdConfig
from lms import create_app
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live import services
from lms.live.jitsi import JitsiConfigError
from lms.live.models import Attendance

START = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 10:00 in Baku


@pytest.fixture()
def live_world(make_course, make_user):
    trainer, learner = make_user(Role.TRAINER), make_user(locale="ru")
    course = make_course(days=[["Lesson"]], trainer=trainer)
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Opening", "body": ""}})
    session = services.schedule(module, START, START + timedelta(hours=1))
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    return session, trainer, learner, enrollment


def decoded(response, app):
    token = parse_qs(urlsplit(response.headers["Location"]).query)["jwt"][0]
    return jwt.decode(token, app.extensions["jitsi"].app_secret, algorithms=["HS256"], audience="jitsi",
                      options={"verify_exp": False, "verify_nbf": False, "verify_iat": False})


def test_join_before_the_window_is_a_translated_403(client, login, live_world, frozen_clock):
    session, _, learner, _ = live_world
    login(learner)
    frozen_clock(START - timedelta(minutes=15, seconds=1))
    response = client.get(f"/live/{session.id}/join")
    assert response.status_code == 403 and "Это занятие сейчас закрыто" in response.text
    frozen_clock(START + timedelta(hours=1))
    assert client.get(f"/live/{session.id}/join").status_code == 403


def test_join_inside_the_window_redirects_with_a_learner_token(client, login, live_world, frozen_clock, app):
    session, _, learner, enrollment = live_world
    login(learner)
    frozen_clock(START - timedelta(minutes=15))
    response = client.get(f"/live/{session.id}/join")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("https://meet.telim.example/telim-")
    claims = decoded(response, app)
    assert claims["context"]["user"]["id"] == str(learner.id) and "moderator" not in claims
    assert claims["exp"] == int((START + timedelta(hours=1, minutes=30)).timestamp())
    client.get(f"/live/{session.id}/join")
    attendance = db.session.scalar(select(Attendance).where(Attendance.user_id == learner.id))
    assert attendance.joins == 2 and attendance.first_joined_at == START - timedelta(minutes=15)
    completed = db.session.scalar(select(ModuleProgress.completed_at).where(
        ModuleProgress.enrollment_id == enrollment.id, ModuleProgress.module_id == session.module_id))
    assert completed is not None


def test_only_the_courses_trainers_are_moderators(client, login, live_world, frozen_clock, app, make_user):
    session, trainer, _, _ = live_world
    frozen_clock(START)
    login(trainer)
    claims = decoded(client.get(f"/live/{session.id}/join?moderator=1"), app)
    assert claims["moderator"] is True and claims["context"]["user"]["affiliation"] == "owner"
    assert db.session.scalar(select(Attendance)) is None  # trainers' joins are not learners' attendance


def test_people_outside_the_course_get_no_token(client, login, live_world, frozen_clock, make_user):
    session, *_ = live_world
    frozen_clock(START)
    assert client.get(f"/live/{session.id}/join").headers["Location"].startswith("/auth/login")
    login(make_user())
    assert client.get(f"/live/{session.id}/join").status_code == 403
    assert client.get(f"/live/{session.id}/").status_code == 403
    other_trainer = make_user(Role.TRAINER)
    client.post("/auth/logout")
    login(other_trainer)
    assert client.get(f"/live/{session.id}/join").status_code == 403


def test_the_session_page_embeds_the_meeting_and_never_shows_the_secret(client, login, live_world, frozen_clock,
                                                                        app):
    session, _, learner, _ = live_world
    login(learner)
    frozen_clock(START - timedelta(hours=1))
    waiting = client.get(f"/live/{session.id}/")
    assert "Подключиться можно с" in waiting.text and "data-jwt" not in waiting.text
    frozen_clock(START)
    page = client.get(f"/live/{session.id}/")
    assert 'data-domain="meet.telim.example"' in page.text and 'data-lang="ru"' in page.text
    assert 'data-jwt="ey' in page.text
    assert app.extensions["jitsi"].app_secret not in page.text and session.room_secret not in page.text
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self' https://meet.telim.example" in policy and "https://meet.telim.example" in policy
    assert "meet.telim.example" not in client.get("/").headers["Content-Security-Policy"]


def test_production_refuses_a_short_jitsi_secret(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("PUBLIC_URL", "https://lms.example.org")
    with pytest.raises(JitsiConfigError):
        create_app(ProdConfig, SQLALCHEMY_DATABASE_URI="sqlite://", JITSI_APP_SECRET="too short")
    with pytest.raises(JitsiConfigError):
        create_app(ProdConfig, SQLALCHEMY_DATABASE_URI="sqlite://")


def test_trainers_schedule_in_the_course_time_zone(client, login, live_world):
    session, trainer, _, _ = live_world
    login(trainer)
    url = f"/courses/{session.module.course.slug}/manage/live/{session.module_id}"
    assert 'value="2026-11-23T10:00"' in client.get(url).text
    response = client.post(url, data={"starts_at": "2026-11-24T15:00", "ends_at": "2026-11-24T16:30"})
    assert response.status_code == 302
    assert session.starts_at == datetime(2026, 11, 24, 11, 0, tzinfo=UTC)
    wrong = client.post(url, data={"starts_at": "2026-11-24T15:00", "ends_at": "2026-11-24T14:00"},
                        headers={"Accept-Language": "ru"})
    assert wrong.status_code == 400 and "Занятие должно заканчиваться после начала." in wrong.text


def test_cli_prints_a_token_and_its_claims_inside_the_window(runner, live_world, app, frozen_clock):
    session, trainer, *_ = live_world
    frozen_clock(START - timedelta(minutes=5))
    result = runner.invoke(args=["lms", "jitsi-token", str(session.id), trainer.email])
    assert result.exit_code == 0, result.output
    assert '"moderator": true' in result.output and '"iss": "telim"' in result.output
    assert "nbf: 2026-11-23 05:54:00 UTC" in result.output  # now, backdated a minute
    assert "exp: 2026-11-23 07:30:00 UTC" in result.output  # the end plus the grace
    assert "https://meet.telim.example/telim-" in result.output
    assert app.extensions["jitsi"].app_secret not in result.output
    assert runner.invoke(args=["lms", "jitsi-token", "999", trainer.email]).exit_code != 0


def test_cli_refuses_an_expired_token_and_a_stranger_unless_asked(runner, live_world, make_user, frozen_clock):
    session, trainer, *_ = live_world
    frozen_clock(START + timedelta(days=2))  # long after the session
    closed = runner.invoke(args=["lms", "jitsi-token", str(session.id), trainer.email])
    assert closed.exit_code == 1 and "window is closed now" in closed.output and "--any-time" in closed.output
    anytime = runner.invoke(args=["lms", "jitsi-token", str(session.id), trainer.email, "--any-time"])
    assert anytime.exit_code == 0 and "exp: 2026-11-25 07:30:00 UTC" in anytime.output  # valid from now
    stranger = make_user(email="stranger@example.org")
    refused = runner.invoke(args=["lms", "jitsi-token", str(session.id), stranger.email, "--any-time"])
    assert refused.exit_code == 1 and "--anyone" in refused.output
    allowed = runner.invoke(args=["lms", "jitsi-token", str(session.id), stranger.email, "--any-time", "--anyone"])
    assert allowed.exit_code == 0 and '"moderator"' not in allowed.output


def test_the_course_page_shows_sessions_in_the_learners_time_zone(client, login, live_world, frozen_clock):
    session, _, learner, _ = live_world
    frozen_clock(START - timedelta(days=1))  # before the session: "Join" is offered
    learner.timezone = "Asia/Tashkent"
    db.session.commit()
    login(learner)
    page = client.get(f"/courses/{session.module.course.slug}/", headers={"Accept-Language": "en"}).text
    assert "23 ноября 2026\u202fг., 11:00–12:00" in page  # 06:00 UTC is 11:00 in Tashkent
    assert f'href="/live/{session.id}/"' in page


def test_trainers_mark_attendance_by_hand_and_from_a_participant_list(client, login, live_world, make_user,
                                                                      frozen_clock):
    import io
    session, trainer, learner, enrollment = live_world
    second = make_user(email="olena@example.org")
    courses.enrol(second, session.module.course)
    db.session.commit()
    frozen_clock(START + timedelta(hours=2))
    login(trainer)
    url = f"/courses/{session.module.course.slug}/manage/live/{session.module_id}/attendance"
    assert client.post(url, data={"present": [str(learner.id)]}).status_code == 302
    present = {a.user_id: a.joins for a in db.session.scalars(select(Attendance))}
    assert present == {learner.id: 0}  # marked by hand
    listing = "Name,Email,Duration\nOlena,OLENA@example.org,55\nGuest,guest@elsewhere.example,10\n"
    response = client.post(url, data={"upload-file": (io.BytesIO(listing.encode()), "participants.csv"),
                                      "upload-submit": "Mark"}, content_type="multipart/form-data",
                           headers={"Accept-Language": "en"}, follow_redirects=True)
    assert "1 learner marked present." in response.text and "guest@elsewhere.example" in response.text
    assert {a.user_id for a in db.session.scalars(select(Attendance))} == {learner.id, second.id}
    completed = db.session.scalars(select(ModuleProgress.enrollment_id).where(
        ModuleProgress.module_id == session.module_id, ModuleProgress.completed_at.is_not(None))).all()
    assert enrollment.id in completed and len(completed) == 2
