"""Random and hostile input to every form and JSON endpoint, as every kind of visitor (Hypothesis).

For each POST route of the permission matrix: no answer is a 500; a visitor the matrix refuses
changes nothing in the database; and no page afterwards carries a script someone typed in.
"""
import hashlib
import inspect
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wtforms.fields.core import UnboundField

import lms.admin.forms
import lms.auth.forms
import lms.certificates.forms
import lms.courses.forms
import lms.live.manage_views
import lms.quizzes.forms
from lms.extensions import db
from tests.test_route_permissions import ANON, MATRIX, VISITORS, world  # noqa: F401  (the fixture)

SCRIPT = "<script>alert('xss')</script>"
HOSTILE = [
    SCRIPT, "<img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE users; --", "\x00",
    "../../etc/passwd", "{{ 7*7 }}", "%(name)s %s", "İıƏəŞşĞğ Ёё", "-1", "0", "99999999999999999999", "1e309",
    "NaN", "2026-13-45T25:61", "a" * 5000, " ", "on", "y", "learner", "admin", "published", "AZ", "ru",
]
PREFIXES = ["", "person-", "organisation-", "settings-"]


def form_field_names() -> list[str]:
    """Every field name of every form the site defines, with the prefixes pages give some forms."""
    names = {"csrf_token", "next", "direction", "status", "role", "active", "email", "reason", "page", "answers"}
    for module in (lms.admin.forms, lms.auth.forms, lms.certificates.forms, lms.courses.forms,
                   lms.quizzes.forms, lms.live.manage_views):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for klass in cls.__mro__:
                names |= {name for name, value in vars(klass).items() if isinstance(value, UnboundField)}
    return sorted(f"{prefix}{name}" for name in names for prefix in PREFIXES)


FIELDS = form_field_names()
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200), st.integers().map(str))
form_data = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12)


def _containers(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)


json_data = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50) | st.sampled_from(HOSTILE),
                         _containers, max_leaves=10)
POSTS = [(url, expected) for method, url, _, expected in MATRIX if method == "POST"]


def refused(expected: dict, visitor: str) -> bool:
    """The matrix says this visitor may not use the route (sent to sign in, forbidden, not found)."""
    status = expected[visitor]
    return status in (401, 403, 404) or (visitor == ANON and status == 302 and expected["admin"] != 302)


def fingerprint() -> str:
    """A digest of every row of every table: equal digests, unchanged data."""
    digest = hashlib.sha256()
    db.session.expire_all()
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(table.select().order_by(*table.primary_key.columns)):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


MARKUP = ("<script", "onerror")  # what HOSTILE's scripts carry; a page can only show what is stored


def markup_stored() -> bool:
    """Whether any row of any table holds a hostile script (the pages then have to be checked)."""
    db.session.expire_all()
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(table.select()):
            text = repr(tuple(row)).lower()
            if any(marker in text for marker in MARKUP):
                return True
    return False


def fields_of_the_page(client, url: str) -> list[str]:
    """The names of the inputs on the page that holds the route's form (when a GET shows it)."""
    response = client.get(url)
    if response.status_code != 200 or not response.mimetype == "text/html":
        return []
    return sorted(set(re.findall(r'name="([^"]+)"', response.get_data(as_text=True))) - {"csrf_token"})


@pytest.mark.parametrize(("url", "expected"), POSTS, ids=[url for url, _ in POSTS])
def test_hostile_posts_never_break_or_leak(client, login, world, url, expected):  # noqa: F811
    people, names = world
    url = url.format(**names)
    signed_in: list[str] = []
    login(people["admin"])
    own_fields = fields_of_the_page(client, url)
    # Every field of the route's own form filled with hostile values, plus a few of any other form.
    data_for_route = st.builds(lambda own, other: {**other, **own},
                               st.fixed_dictionaries({name: values for name in own_fields}), form_data)

    @settings(max_examples=8, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(visitor=st.sampled_from(VISITORS), data=data_for_route, document=json_data)
    def post(visitor, data, document):
        if signed_in != [visitor]:
            client.post("/auth/logout")
            if visitor != ANON:
                login(people[visitor])
            signed_in[:] = [visitor]
        before = fingerprint() if refused(expected, visitor) else None
        if url.endswith("/answers"):
            response = client.post(url, data=json.dumps(document), content_type="application/json")
        else:
            response = client.post(url, data=data)
        response.close()
        assert response.status_code < 500, (visitor, data, response.status_code)
        if before is not None:
            assert fingerprint() == before, f"{visitor} changed data through {url} with {data!r}"

    signed_in[:] = ["admin"]
    post()
    if not markup_stored():  # no script kept anywhere: no page can show one (the common case, and cheap)
        return
    client.post("/auth/logout")
    login(people["admin"])
    for method, page_url, _, _ in MATRIX:
        if method == "GET" and not page_url.endswith((".csv", ".xlsx", ".zip", ".pdf", ".ics", ".gift", "export")):
            text = client.get(page_url.format(**names)).get_data(as_text=True)
            assert SCRIPT not in text and "<img src=x onerror" not in text, page_url


def test_a_stored_script_is_noticed_so_the_pages_are_checked(make_user):
    assert not markup_stored()
    make_user(name=f"Eve {SCRIPT}")
    assert markup_stored()
