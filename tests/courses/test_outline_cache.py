"""Learners' pages reuse course content cached in the process, and never show it after it changed."""
from datetime import UTC, datetime

from sqlalchemy import delete, select

from lms.courses import services as courses
from lms.courses.content_cache import ContentCache, ContentVersion
from lms.courses.models import CourseStatus, ModuleKind
from lms.courses.outline import cached_outline
from lms.extensions import db
from lms.live import services as live
from tests.courses.test_query_count import counting_statements
from tests.quizzes.conftest import NOW


def module_texts(title: str) -> dict:
    return {"en": {"title": title, "body": "Text."}}


def test_the_course_page_shows_each_change_an_author_makes(client, login, make_user, make_course):
    course = make_course(days=[["Push and pull factors"]])
    learner = make_user()
    courses.enrol(learner, course)
    db.session.commit()
    login(learner)
    client.get("/lang/en")
    assert "Push and pull factors" in client.get(f"/courses/{course.slug}/").text

    module = course.days[0].modules[0]
    courses.update_module(module, texts=module_texts("Drivers of migration"), required=True, estimated_minutes=20)
    db.session.commit()
    page = client.get(f"/courses/{course.slug}/").text
    assert "Drivers of migration" in page and "Push and pull factors" not in page and "20 minutes" in page

    courses.add_module(course.days[0], kind=ModuleKind.LESSON, texts=module_texts("Remittances"))
    live_module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts=module_texts("Q&A with trainers"))
    live.schedule(live_module, datetime(2026, 11, 23, 9, 0, tzinfo=UTC), datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    db.session.commit()
    page = client.get(f"/courses/{course.slug}/").text
    assert "Remittances" in page and "13:00–14:00" in page  # 09:00 UTC is 13:00 in Baku

    live.schedule(live_module, datetime(2026, 11, 23, 11, 0, tzinfo=UTC), datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    db.session.commit()
    assert "15:00–16:00" in client.get(f"/courses/{course.slug}/").text

    courses.set_status(course, CourseStatus.DRAFT)
    db.session.commit()
    assert client.get(f"/courses/{course.slug}/").status_code == 404  # a learner does not see a draft


def test_the_course_page_does_not_load_the_outline_again_while_nothing_changed(client, login, make_user,
                                                                                make_course):
    course = make_course()
    learner = make_user()
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    login(learner)
    client.get("/lang/en")
    client.get(f"/courses/{course.slug}/")
    with counting_statements() as statements:
        assert client.get(f"/courses/{course.slug}/").status_code == 200
    assert not [s for s in statements if "FROM course_days" in s or "FROM modules" in s], statements

    courses.complete_module(enrollment, course.days[0].modules[0], NOW)  # progress is not course content
    db.session.commit()
    with counting_statements() as statements:
        page = client.get(f"/courses/{course.slug}/").text
    assert "1 of 3 required modules completed" in page
    assert not [s for s in statements if "FROM course_days" in s], statements


def test_a_change_rolled_back_never_reaches_another_request(client, make_course):
    course = make_course(days=[["Irregular migration"]])
    module = course.days[0].modules[0]
    courses.update_module(module, texts=module_texts("Never saved"), required=True, estimated_minutes=None)
    assert "Never saved" in str(cached_outline(course.slug))  # this transaction sees its own change...
    db.session.rollback()
    page = client.get(f"/courses/{course.slug}/").text  # ...which no one else ever sees
    assert "Irregular migration" in page and "Never saved" not in page


def test_the_version_is_read_once_a_transaction_and_follows_its_own_changes(client, make_course):
    course = make_course(days=[["Migration data"]])
    db.session.commit()
    with counting_statements() as statements:
        cached_outline(course.slug)
        assert "Migration data" in str(cached_outline(course.slug))
    assert len([s for s in statements if "FROM content_versions" in s]) == 1, statements
    course.days[0].modules[0].translations[0].title = "Migration statistics"  # not flushed yet
    assert "Migration statistics" in str(cached_outline(course.slug))
    db.session.commit()
    assert "Migration statistics" in client.get(f"/courses/{course.slug}/").text


def test_an_emptied_version_table_is_filled_again_by_the_next_change(client, make_course):
    course = make_course(days=[["Labour migration"]])
    db.session.execute(delete(ContentVersion))
    db.session.commit()
    assert "Labour migration" in client.get(f"/courses/{course.slug}/").text  # no token: nothing kept
    courses.update_module(course.days[0].modules[0], texts=module_texts("Circular migration"), required=True,
                          estimated_minutes=None)
    db.session.commit()
    assert db.session.scalar(select(ContentVersion.token)) is not None
    assert "Circular migration" in client.get(f"/courses/{course.slug}/").text


def test_an_entry_built_under_an_older_token_is_not_kept():
    cache = ContentCache()
    assert cache.found("new", ["outline"]) == {}
    cache.store("old", {"outline": "built from the older content"})  # a slower request, read before the change
    assert cache.found("new", ["outline"]) == {}
    cache.store("new", {"outline": "current"})
    assert cache.found("new", ["outline"]) == {"outline": "current"}
    assert cache.found("newer", ["outline"]) == {}  # a newer token empties the cache
