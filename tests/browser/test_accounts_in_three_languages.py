"""A person registers, signs in and reads the site in Russian and Azerbaijani, in Chromium."""
import re

import pytest
from playwright.sync_api import Page, expect

from lms.auth.models import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_register_sign_in_and_switch_languages(page: Page, live_server: str):
    page.goto(f"{live_server}/lang/en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Learn with colleagues from across the region")

    page.get_by_role("link", name="Register").click()
    page.get_by_label("Full name").fill("Gülşən İsmayılova")
    page.get_by_label("E-mail").fill("gulshen@example.org")
    page.get_by_label("Country").select_option("AZ")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("status")).to_contain_text("your account is ready: sign in with the password you chose")

    page.get_by_role("main").get_by_role("link", name="Sign in").click()
    page.get_by_label("E-mail").fill("gulshen@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("status")).to_have_text("Welcome back, Gülşən İsmayılova!")

    page.get_by_role("link", name=re.compile("Русский")).click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Учитесь вместе с коллегами со всего региона")
    expect(page.get_by_role("link", name="Мой профиль")).to_be_visible()

    page.get_by_role("link", name=re.compile("Azərbaycanca")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regionun hər yerindən olan həmkarlarla birlikdə öyrənin")
    page.get_by_role("link", name="Profilim").click()
    expect(page.get_by_role("combobox", name="Dil")).to_have_value("az")  # the choice was saved to the account


def test_a_wrong_password_shows_a_translated_message(page: Page, live_server: str, make_user):
    user = make_user()
    page.goto(f"{live_server}/lang/ru")
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("Электронная почта").fill(user.email)
    page.get_by_label("Пароль").fill("not the password")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("alert")).to_contain_text("Неверный адрес электронной почты или пароль")


def test_an_admin_finds_a_user_and_makes_them_a_trainer(page: Page, live_server: str, make_user):
    admin = make_user(Role.ADMIN, name="Leyla Admin")
    make_user(name="Ion Rusu", email="ion@example.org")
    page.goto(f"{live_server}/lang/az")
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("E-poçt").fill(admin.email)
    page.get_by_label("Parol").fill(PASSWORD)
    page.get_by_role("button", name="Daxil ol").click()

    page.get_by_role("link", name="İdarəetmə").click()
    page.get_by_role("link", name="İstifadəçiləri idarə et").click()
    page.get_by_label("Ad və ya e-poçt").fill("rusu")
    page.get_by_role("button", name="Axtar").click()
    expect(page.get_by_role("status")).to_have_text("1 istifadəçi tapıldı.")
    page.get_by_label("Ion Rusu üçün rol").select_option("trainer")
    page.get_by_role("button", name="Rolu dəyiş").click()
    expect(page.get_by_role("status").first).to_have_text("Ion Rusu indi: Təlimçi.")
    expect(page.get_by_label("Ad və ya e-poçt")).to_have_value("rusu")  # back to the same search
