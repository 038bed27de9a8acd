"""What a first cohort met that the tests had not: English sign-in notices, no box to type a
certificate code, "Join" on an ended session, and enrolment open in a course that is over."""
from datetime import UTC, date, datetime, timedelta

import pytest

from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.extensions import db
from lms.live import services as live

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)  # 12:00 in Baku


@pytest.mark.parametrize("language, notice", [
    ("az", "Bu səhifəni açmaq üçün daxil olun."),
    ("ru", "Войдите, чтобы открыть эту страницу."),
    ("en", "Please sign in to open this page."),
])
def test_the_sign_in_notice_is_in_the_visitors_language(client, language, notice):
    response = client.get("/progress/", headers={"Accept-Language": language})
    assert response.status_code == 302
    page = client.get(response.headers["Location"], headers={"Accept-Language": language}).text
    assert notice in page and "Please log in to access this page." not in page


def test_verify_without_a_code_is_a_page_with_a_box(client):
    page = client.get("/verify/", headers={"Accept-Language": "ru"})
    assert page.status_code == 200
    assert 'name="code"' in page.text and "Код сертификата" in page.text
    typed = client.get("/verify/?code=abcd-efgh", headers={"Accept-Language": "ru"})
    assert typed.status_code == 302 and typed.headers["Location"] == "/verify/abcd-efgh"


def test_an_ended_live_session_offers_no_join(client, login, make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    course, learner = make_course(days=[["Reading"]], starts_on=date(2026, 12, 3)), make_user()
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Talk", "body": ""}})
    session = live.schedule(module, NOW - timedelta(hours=2), NOW - timedelta(hours=1))
    courses.enrol(learner, course)
    db.session.commit()
    login(learner)
    page = client.get(f"/courses/{course.slug}/", headers={"Accept-Language": "en"}).text
    assert f'href="/live/{session.id}/"' not in page and "ended" in page
    frozen_clock(NOW - timedelta(hours=3))
    assert f'href="/live/{session.id}/"' in client.get(f"/courses/{course.slug}/").text


def test_a_course_that_has_ended_closes_enrolment_and_goes_after_current_ones(client, login, make_user,
                                                                             make_course, frozen_clock):
    frozen_clock(NOW)
    ended = make_course(slug="last-spring", starts_on=date(2026, 4, 6))
    running = make_course(slug="this-week", starts_on=date(2026, 12, 2))
    coming = make_course(slug="next-month", starts_on=date(2027, 1, 11))
    learner = make_user()
    login(learner)
    page = client.get(f"/courses/{ended.slug}/", headers={"Accept-Language": "ru"}).text
    assert "Курс завершился: запись закрыта." in page and 'action="/courses/last-spring/enrol"' not in page
    refused = client.post(f"/courses/{ended.slug}/enrol", headers={"Accept-Language": "ru"})
    assert refused.status_code == 403 and "Курс завершился: запись закрыта." in refused.text
    assert client.post(f"/courses/{running.slug}/enrol").status_code == 302
    home = client.get("/", headers={"Accept-Language": "en"}).text
    catalogue = home[home.index('href="/courses/next-month/"') - 2000:]
    order = sorted((catalogue.find(f'href="/courses/{c.slug}/"'), c.slug) for c in (ended, running, coming))
    assert [slug for _, slug in order] == ["this-week", "next-month", "last-spring"]
