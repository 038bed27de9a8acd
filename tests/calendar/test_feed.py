"""The private calendar feed: valid iCalendar, right times in every time zone, revocable."""
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from lms.auth import services as accounts
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.live import services as live

START = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


@pytest.fixture()
def schedule(make_course, make_user):
    learner = make_user()
    sessions = []
    for zone in ("Asia/Baku", "Asia/Tashkent", "Europe/Chisinau"):
        course = make_course(days=[["Lesson"]])
        course.timezone = zone
        module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": f"Live {zone}"}})
        sessions.append(live.schedule(module, START, START + timedelta(minutes=90)))
        courses.enrol(learner, course)
    token = accounts.calendar_token(learner)
    db.session.commit()
    return learner, sessions, token


def events(response):
    return [c for c in Calendar.from_ical(response.data).walk("VEVENT")]


def test_the_feed_is_valid_icalendar_with_local_times(client, schedule):
    _, sessions, token = schedule
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["version"]) == "2.0" and "Telim" in str(calendar["prodid"])
    timed = {str(e["summary"]): e for e in events(response) if isinstance(e["dtstart"].dt, datetime)}
    expected = {"Asia/Baku": "10:00", "Asia/Tashkent": "11:00", "Europe/Chisinau": "08:00"}
    for zone, local in expected.items():
        event = timed[f"Live {zone}"]
        start = event["dtstart"].dt
        assert str(start.tzinfo) == zone and start.strftime("%H:%M") == local
        assert start.astimezone(UTC) == START and event["dtend"].dt.astimezone(UTC) == START + timedelta(minutes=90)
        assert str(event["url"]).endswith(f"/live/{sessions[list(expected).index(zone)].id}/")
        assert event["uid"] and event["dtstamp"]
    assert {tz["tzid"] for tz in calendar.walk("VTIMEZONE")} == set(expected)
    all_day = [e for e in events(response) if not isinstance(e["dtstart"].dt, datetime)]
    assert len(all_day) == 3 and all(e["dtstart"].dt == date(2026, 11, 23) for e in all_day)


def test_a_new_address_revokes_the_old(client, login, schedule):
    learner, _, token = schedule
    login(learner)
    assert client.post("/auth/profile/calendar").status_code == 302
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert client.get(f"/calendar/{learner.calendar_token}.ics").status_code == 200


def test_unknown_addresses_are_404(client, schedule):
    assert client.get("/calendar/not-a-token.ics").status_code == 404
    assert client.get(f"/calendar/{'x' * 200}.ics").status_code == 404


def test_one_session_as_ics_only_for_its_course(client, login, schedule, make_user):
    learner, sessions, _ = schedule
    assert client.get(f"/calendar/session/{sessions[0].id}.ics").status_code == 404
    login(learner)
    response = client.get(f"/calendar/session/{sessions[1].id}.ics")
    assert [str(e["summary"]) for e in events(response)] == ["Live Asia/Tashkent"]
    client.post("/auth/logout")
    login(make_user())
    assert client.get(f"/calendar/session/{sessions[1].id}.ics").status_code == 404


def test_the_profile_shows_the_private_address(client, login, make_user):
    login(make_user())
    page = client.get("/auth/profile", headers={"Accept-Language": "en"}).text
    assert "http://localhost/calendar/" in page and ".ics" in page
