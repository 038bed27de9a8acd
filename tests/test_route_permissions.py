"""Every route, for every kind of visitor: allowed, sent to sign in, or refused."""
import pytest

from lms.auth.models import Role

ANON, LEARNER, TRAINER, ADMIN = "anonymous", "learner", "trainer", "admin"
TARGET = "{target}"  # replaced by the id of a learner the request acts on

# (method, url, data, {visitor: expected status}); 302 for anonymous on a protected page
# means "sent to sign in" and is checked as such below.
MATRIX = [
    ("GET", "/", None, {ANON: 200, LEARNER: 200, TRAINER: 200, ADMIN: 200}),
    ("GET", "/healthz", None, {ANON: 200, LEARNER: 200, TRAINER: 200, ADMIN: 200}),
    ("GET", "/lang/ru", None, {ANON: 302, LEARNER: 302, TRAINER: 302, ADMIN: 302}),
    ("GET", "/auth/login", None, {ANON: 200, LEARNER: 302, TRAINER: 302, ADMIN: 302}),
    ("GET", "/auth/register", None, {ANON: 200, LEARNER: 302, TRAINER: 302, ADMIN: 302}),
    ("POST", "/auth/logout", {}, {ANON: 302, LEARNER: 302, TRAINER: 302, ADMIN: 302}),
    ("GET", "/auth/profile", None, {ANON: 302, LEARNER: 200, TRAINER: 200, ADMIN: 200}),
    ("POST", "/auth/profile/password", {}, {ANON: 302, LEARNER: 400, TRAINER: 400, ADMIN: 400}),
    ("GET", "/admin/", None, {ANON: 302, LEARNER: 403, TRAINER: 403, ADMIN: 200}),
    ("GET", "/admin/users", None, {ANON: 302, LEARNER: 403, TRAINER: 403, ADMIN: 200}),
    ("POST", f"/admin/users/{TARGET}/role", {"role": "trainer"},
     {ANON: 302, LEARNER: 403, TRAINER: 403, ADMIN: 302}),
    ("POST", f"/admin/users/{TARGET}/active", {"active": "0"},
     {ANON: 302, LEARNER: 403, TRAINER: 403, ADMIN: 302}),
]
PROTECTED_FOR_ANONYMOUS = {"/auth/profile", "/auth/profile/password", "/admin/", "/admin/users",
                           f"/admin/users/{TARGET}/role", f"/admin/users/{TARGET}/active"}


@pytest.mark.parametrize("visitor", [ANON, LEARNER, TRAINER, ADMIN])
@pytest.mark.parametrize(("method", "url", "data", "expected"), MATRIX, ids=[f"{m} {u}" for m, u, _, _ in MATRIX])
def test_route_permissions(client, make_user, login, visitor, method, url, data, expected):
    target = make_user(name="Target Learner")
    if visitor != ANON:
        login(make_user(Role(visitor)))
    response = client.open(url.replace(TARGET, str(target.id)), method=method, data=data)
    assert response.status_code == expected[visitor]
    if visitor == ANON and url in PROTECTED_FOR_ANONYMOUS:
        assert response.headers["Location"].startswith("/auth/login?next=")
    if expected[visitor] == 403:
        assert "Giriş qadağandır" in response.text


def test_every_route_is_in_the_matrix(app):
    covered = {url for _, url, _, _ in MATRIX}
    routes = {rule.rule.replace("<int:user_id>", TARGET).replace("<code>", "ru")
              for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert routes == covered
