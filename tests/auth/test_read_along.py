"""What later features read in the signed-in user's query: the content version and the unread count.

A page gets them without statements of their own, and never shows a count or content that its own
request, or an earlier one, has changed.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from lms import clock
from lms.auth import sign_ins
from lms.courses import services as courses
from lms.courses.content_cache import current_token
from lms.extensions import db
from lms.notifications import services as notifications
from lms.notifications.unread import _unread_column, unread_count
from tests.courses.test_query_count import counting_statements


def badge(page: str) -> str | None:
    found = re.search(r'<span class="badge" aria-label="[^"]*">(\d+)</span>', page.split("<main")[0])
    return found.group(1) if found else None


def test_a_course_page_reads_the_version_and_the_count_with_the_user(client, login, make_user, make_course):
    learner, course = make_user(), make_course()
    courses.enrol(learner, course, by_admin=True)
    db.session.commit()
    login(learner)
    url = f"/courses/{course.slug}/"
    client.get(url)
    with counting_statements() as statements:
        page = client.get(url).text
    assert badge(page) == "1"  # the enrolment notice
    user_query = [s for s in statements if "FROM users JOIN sign_ins" in s]
    assert len(user_query) == 1 and "content_versions" in user_query[0] and "notifications" in user_query[0]
    assert not [s for s in statements if s not in user_query and ("content_versions" in s or "notifications" in s)]
    assert len(statements) == 2, "\n".join(statements)  # the user (with both), the enrolment with its states


def test_a_post_reads_the_version_but_not_the_count_it_would_not_show(client, login, make_user, make_course):
    learner, course = make_user(), make_course()
    courses.enrol(learner, course, by_admin=True)
    db.session.commit()
    login(learner)
    with counting_statements() as statements:
        client.post("/notifications/read", data={})
    user_query = next(s for s in statements if "FROM users JOIN sign_ins" in s)
    assert "content_versions" in user_query and "FROM notifications" not in user_query


def test_the_next_page_counts_what_arrived_and_what_was_read_meanwhile(client, login, make_user, make_course):
    learner = make_user(locale="ru")
    courses.enrol(learner, make_course(), by_admin=True)
    db.session.commit()
    login(learner)
    assert badge(client.get("/").text) == "1"
    notifications.notify(learner, "course_message", "news-1")
    notifications.notify(learner, "course_message", "news-2")
    db.session.commit()
    assert badge(client.get("/", headers={"Accept-Language": "ru"}).text) == "3"
    client.post("/notifications/read", data={})
    assert badge(client.get("/").text) is None


@pytest.fixture()
def signed_in(app, make_user):
    """A learner with two notifications, loaded as a GET request loads the signed-in user."""
    learner = make_user()
    notifications.notify(learner, "course_message", "one")
    notifications.notify(learner, "course_message", "two")
    token = sign_ins.start(learner, remember=False)
    db.session.commit()
    with app.test_request_context("/"):
        yield sign_ins.user_for(token)


def test_the_count_read_along_follows_what_the_same_request_writes(signed_in, make_user):
    with counting_statements() as statements:
        assert unread_count(signed_in, clock.now()) == 2  # read with the user: no statement
    assert statements == []
    notifications.notify(signed_in, "course_message", "three")  # a message to the reader, in this request
    assert unread_count(signed_in, clock.now()) == 3
    notifications.mark_read(signed_in)  # an UPDATE statement, not a flush
    assert unread_count(signed_in, clock.now()) == 0
    stranger = make_user()
    notifications.notify(stranger, "course_message", "theirs")
    assert unread_count(stranger, clock.now()) == 1  # kept with the reader's id: never shown to another person
    assert unread_count(signed_in, clock.now()) == 0


def test_the_version_read_along_follows_the_same_requests_content_changes(signed_in):
    with counting_statements() as statements:
        before = current_token()
    assert statements == []
    courses.create_course(slug="labour-migration", original_locale="en", timezone="Asia/Baku",  # in this request
                          starts_on=date(2026, 11, 23), days=1, texts={"en": {"title": "Labour migration"}})
    assert current_token() not in (before, None)


def test_notification_kinds_written_into_the_count_must_be_plain_names():
    with pytest.raises(ValueError, match="plain names"):
        _unread_column(("enrolled", "x') OR ('1'='1"))
