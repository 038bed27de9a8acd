"""A page costs the same number of SQL statements whatever the size of the course."""
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from lms.courses import services
from lms.extensions import db


@contextmanager
def counting_statements() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


STATEMENTS: list[str] = []


def statements_for(client, url: str) -> int:
    client.get(url)  # warm up: sessions, caches
    with counting_statements() as statements:
        assert client.get(url).status_code == 200
    STATEMENTS[:] = statements
    return len(statements)


def course_of(make_course, modules: int, days: int):
    per_day = modules // days
    return make_course(days=[[f"Module {d}.{m}" for m in range(per_day)] for d in range(days)])


# The most each page may cost. The header's unread count and the content version come with the signed-in
# user's query (lms/auth/sign_ins.py), so the course page is the user and the enrolment with its module states.
MOST = {"/courses/{slug}/": 2, "/": 10, "/progress/": 10, "/courses/{slug}/modules/{module}": 12}


@pytest.mark.parametrize("url", list(MOST))
def test_pages_cost_the_same_for_5_or_200_modules(client, make_user, login, make_course, url):
    learner = make_user()
    small, large = course_of(make_course, 5, 1), course_of(make_course, 200, 10)
    counts = []
    for course in (small, large):
        enrollment = services.enrol(learner, course)
        services.complete_module(enrollment, course.days[0].modules[0], course.created_at)
        db.session.commit()
        if not counts:
            login(learner)
        counts.append(statements_for(client, url.format(slug=course.slug, module=course.days[0].modules[1].id)))
    assert counts[0] == counts[1], f"{counts[0]} statements with 5 modules, {counts[1]} with 200"
    assert counts[1] <= MOST[url], "\n".join(STATEMENTS)
