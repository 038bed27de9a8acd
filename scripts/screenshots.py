"""Screenshots of the main pages at phone and desktop width, in az, en and ru, for docs/screenshots/.

Run against a server with the demo loaded (Chromium from Debian):

    export FLASK_APP=wsgi LMS_ENV=development && flask lms demo --password demo-pass-123 && flask run --port 5055 &
    python scripts/screenshots.py --base http://127.0.0.1:5055 --password demo-pass-123
"""
from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
COURSE = "key-concepts-migration"
PREVIOUS = "key-concepts-migration-previous"

# (file name, who signs in, language, address or action)
PAGES = [
    ("home", "learner1", "az", "/"),
    ("course", "learner2", "en", f"/courses/{COURSE}/"),
    ("lesson", "learner3", "ru", "first-lesson"),
    ("quiz", "learner1", "az", "quiz-attempt"),
    ("live-session", "learner7", "ru", "live-session"),
    ("progress-with-certificate", "learner10", "az", "/progress/"),
    ("certificate-check", None, "en", "verify"),
    ("admin-report", "admin", "az", f"/admin/courses/{PREVIOUS}/progress"),
    ("admin-users", "admin", "en", "/admin/users"),
    ("certificates-manage", "trainer1", "ru", f"/courses/{PREVIOUS}/manage/certificates/"),
]


def sign_in(page: Page, base: str, who: str, password: str) -> None:
    page.goto(f"{base}/auth/login")
    page.fill("#email", f"{who}@example.org")
    page.fill("#password", password)
    page.click("form [type=submit]")


def open_page(page: Page, base: str, target: str, language: str) -> None:
    if target.startswith("/"):
        page.goto(base + target)
    elif target == "first-lesson":
        page.goto(f"{base}/courses/{COURSE}/")
        page.locator(".timeline a[href*='/modules/']").first.click()
    elif target == "quiz-attempt":  # the first quiz of day 1, started
        page.goto(f"{base}/courses/{COURSE}/")
        for href in [link.get_attribute("href") for link in page.locator(".timeline a[href*='/modules/']").all()]:
            page.goto(base + href)
            if page.locator("a[href*='/quizzes/module/']").count():
                break
        page.locator("a[href*='/quizzes/module/']").first.click()
        page.locator("main form [type=submit]").first.click()
    elif target == "live-session":
        page.goto(f"{base}/courses/{COURSE}/")
        page.locator("a[href^='/live/']").first.click()
    elif target.startswith("/verify/"):
        page.goto(base + target)


def certificate_image(base: str, session: dict, out: Path) -> None:
    """The demo graduate's certificate, rendered from its PDF by pdftoppm."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_context(storage_state=session).new_page()
        page.goto(f"{base}/progress/")
        href = page.locator("a[href*='.pdf']").first.get_attribute("href").split("?")[0]
        with tempfile.TemporaryDirectory() as folder:
            for language in ("az", "en", "ru"):
                pdf = Path(folder) / f"{language}.pdf"
                pdf.write_bytes(page.request.get(f"{base}{href}?lang={language}").body())
                subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf),  # noqa: S603, S607
                                str(out / f"certificate-{language}")], check=True)
        browser.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        # Sign each person in once (sign-in is rate-limited) and reuse their cookies.
        sessions = {}
        for who in {who for _, who, _, _ in PAGES if who} | {"learner10"}:
            context = browser.new_context()
            sign_in(context.new_page(), ARGS.base, who, ARGS.password)
            sessions[who] = context.storage_state()
            context.close()
        for name, who, language, target in PAGES:
            if target == "verify":  # the graduate's code, checked by someone signed out
                context = browser.new_context(storage_state=sessions["learner10"])
                page = context.new_page()
                page.goto(f"{ARGS.base}/progress/")
                target = page.locator("a[href*='/verify/']").first.get_attribute("href")
                context.close()
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, locale=language,
                                              storage_state=sessions[who] if who else None)
                page = context.new_page()
                page.goto(f"{ARGS.base}/lang/{language}")
                open_page(page, ARGS.base, target, language)
                page.screenshot(path=str(OUT / f"{name}-{width_name}.png"))
                context.close()
        browser.close()
    certificate_image(ARGS.base, sessions["learner10"], OUT)
    print(f"Screenshots written to {OUT}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:5055")
    parser.add_argument("--password", default="demo-pass-123")
    ARGS = parser.parse_args()
    main()
