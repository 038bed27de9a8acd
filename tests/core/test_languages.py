"""Which language a page is in, switching it, and content in the right language."""
from datetime import UTC, datetime

from flask_babel import format_datetime

from lms.courses.models import CourseStatus
from lms.courses.services import create_course
from lms.extensions import db
from lms.i18n import pick_translation


def test_azerbaijani_is_the_default(client):
    page = client.get("/").text
    assert '<html lang="az">' in page
    assert "Əsas məzmuna keç" in page


def test_the_browser_language_is_used_when_nothing_was_chosen(client):
    page = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}).text
    assert '<html lang="ru">' in page
    assert "Перейти к основному содержанию" in page


def test_an_unsupported_browser_language_falls_back_to_azerbaijani(client):
    assert '<html lang="az">' in client.get("/", headers={"Accept-Language": "fr-FR"}).text


def test_the_language_switch_beats_the_browser_and_returns_where_you_were(client):
    response = client.get("/lang/en?next=/auth/login", headers={"Accept-Language": "ru"})
    assert response.status_code == 302 and response.headers["Location"] == "/auth/login"
    page = client.get("/auth/login", headers={"Accept-Language": "ru"}).text
    assert '<html lang="en">' in page and "Keep me signed in" in page


def test_the_language_switch_does_not_redirect_off_site(client):
    response = client.get("/lang/ru?next=https://evil.example/")
    assert response.headers["Location"] == "/"


def test_an_unknown_language_is_404(client):
    assert client.get("/lang/xx").status_code == 404


def test_a_signed_in_users_choice_is_saved_and_wins_over_the_session(client, make_user, login):
    user = make_user(locale="az")
    login(user)
    client.get("/lang/ru")
    assert user.locale == "ru"
    client.post("/auth/logout")
    client.get("/lang/en")  # the session now says English ...
    login(user)
    assert '<html lang="ru">' in client.get("/").text  # ... but the user's own setting wins


def test_dates_are_shown_in_the_users_timezone(app):
    moment = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert format_datetime(moment, "HH:mm") == "00:30"  # Asia/Baku, the centre's zone, UTC+4


def test_dates_follow_a_users_own_timezone_and_language(client, make_user, login):
    user = make_user(locale="ru", timezone="Asia/Tokyo")
    login(user)
    user.last_login_at = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)
    db.session.commit()
    page = client.get("/auth/profile").text
    assert "Последний вход: 24 ноября 2026\u202fг., 05:30" in page  # UTC+9, Russian month, no seconds


def test_course_texts_fall_back_to_the_original_language(client):
    create_course(slug="migration-school", original_locale="en", timezone="Asia/Baku",
                  starts_on=datetime(2026, 12, 1).date(), status=CourseStatus.PUBLISHED,
                  texts={"en": {"title": "Migration School", "summary": "Six months."},
                         "ru": {"title": "Школа миграции", "summary": "Шесть месяцев."}})
    db.session.commit()
    assert "Школа миграции" in client.get("/", headers={"Accept-Language": "ru"}).text
    assert "Migration School" in client.get("/", headers={"Accept-Language": "az"}).text


def test_pick_translation_prefers_current_then_original_then_any():
    class Row:
        def __init__(self, locale):
            self.locale = locale

    az, en, ru = Row("az"), Row("en"), Row("ru")
    assert pick_translation([az, en, ru], "ru", "en") is ru
    assert pick_translation([az, en], "ru", "en") is en
    assert pick_translation([az], "ru", "en") is az
    assert pick_translation([], "ru", "en") is None
