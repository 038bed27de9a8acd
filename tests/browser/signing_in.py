"""Signing in through the real form, in the language the person reads."""
from __future__ import annotations

import re

from playwright.sync_api import Page

from tests.conftest import PASSWORD


def sign_in(page: Page, live_server: str, email: str, language: str, labels: tuple[str, str, str]) -> None:
    """`labels`: the e-mail field's, the password field's and the button's, in `language`."""
    page.goto(f"{live_server}/lang/{language}?next=/auth/login")
    page.get_by_label(labels[0]).fill(email)
    page.get_by_label(labels[1]).fill(PASSWORD)
    page.get_by_role("button", name=labels[2]).click()
    page.wait_for_url(re.compile(r"^(?!.*/auth/login).*$"))
