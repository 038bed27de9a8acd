"""Input no person types, found by tests/test_fuzz_forms.py: a clean answer, never a 500."""
import pytest

from lms.extensions import db


def test_a_nul_character_is_dropped_not_a_500(client, login, make_user):
    user = make_user()
    login(user)
    response = client.post("/auth/profile", data={"name": "Gülşən\x00 İsmayılova", "locale": "", "timezone": ""})
    assert response.status_code == 302  # PostgreSQL refuses NUL in text: the form drops it first
    db.session.refresh(user)
    assert user.name == "Gülşən İsmayılova"


@pytest.mark.parametrize("url", ["/courses/a%00b/", "/calendar/a%00b.ics", "/courses/a%00b/manage/",
                                 "/verify/a%00b", "/admin/users?q=%00", "/?x%00=1"])
def test_an_address_with_a_nul_character_is_a_translated_400(client, url):
    response = client.get(url, headers={"Accept-Language": "ru"})
    assert response.status_code == 400 and "Неверный запрос" in response.text
