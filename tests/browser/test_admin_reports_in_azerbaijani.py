"""An admin reviews a cohort in Azerbaijani: filters the report by country, downloads the CSV, imports people."""
import csv
import io

import pytest
from playwright.sync_api import Page, expect

from tests.admin.conftest import cohort  # noqa: F401  (the hand-computed cohort, as a fixture)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def sign_in_in_azerbaijani(page: Page, live_server: str, email: str) -> None:
    page.goto(f"{live_server}/lang/az")
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("E-poçt").fill(email)
    page.get_by_label("Parol").fill(PASSWORD)
    page.get_by_role("button", name="Daxil ol").click()


def test_an_admin_filters_the_report_by_country_and_downloads_the_csv(page: Page, live_server: str, cohort):  # noqa: F811
    sign_in_in_azerbaijani(page, live_server, cohort.admin.email)
    page.get_by_role("link", name="İdarəetmə").click()
    page.get_by_role("link", name="Migration basics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("İrəliləyiş hesabatı")

    # At 1280 px every column is in view, the certificate column last (it was off to the right).
    page.set_viewport_size({"width": 1280, "height": 800})
    wrap = page.locator(".table-wrap.report-wide")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth + 1")
    last = page.locator("#report-table thead th").last.bounding_box()
    assert last["x"] + last["width"] <= 1280
    expect(page.locator("#report-table thead th").last).to_have_text("Sertifikat")

    page.get_by_label("Ölkə", exact=True).select_option(label="Gürcüstan")
    page.get_by_role("button", name="Göstər").click()
    table = page.locator("#report-table tbody")
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table).to_contain_text("Giorgi Beridze")
    expect(table).to_contain_text("Nodar Kapanadze")
    expect(page.get_by_label("Yekunlar")).to_contain_text("2")

    with page.expect_download() as waiting:
        page.get_by_role("link", name="CSV yüklə").click()
    download = waiting.value
    assert download.suggested_filename == "key-concepts-progress.csv"
    data = download.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Ad", "E-poçt", "Təşkilat", "Ölkə"]
    assert sorted(row[0] for row in rows[1:]) == ["Giorgi Beridze", "Nodar Kapanadze"]
    assert {row[3] for row in rows[1:]} == {"Gürcüstan"}


def test_an_admin_imports_people_from_a_csv_with_a_progress_bar(page: Page, live_server: str, cohort):  # noqa: F811
    sign_in_in_azerbaijani(page, live_server, cohort.admin.email)
    page.goto(f"{live_server}/admin/users/import")
    text = "email,firstname,lastname,institution,country,course1\n" + "".join(
        f"person{n}@example.org,Şəhla,Məmmədova {n},Dövlət Miqrasiya Xidməti,AZ,key-concepts\n" for n in range(300))
    page.get_by_label("CSV faylı").set_input_files(
        {"name": "people.csv", "mimeType": "text/csv", "buffer": text.encode()})
    page.evaluate("window.samePage = true")  # survives only if the script, not a navigation, shows the answer
    page.get_by_role("button", name="Faylı yoxla").click()
    expect(page.get_by_role("heading", name="Faylın yoxlanışı")).to_be_visible()
    assert page.evaluate("window.samePage") is True  # uploaded by the script with the progress bar
    expect(page.get_by_role("status").last).to_contain_text("300 sətir.")
    page.get_by_role("button", name="İdxal et").click()
    expect(page.get_by_role("status").first).to_contain_text("300 hesab yaradıldı. Kursa yazılma əlavə edildi: 300.")
    page.goto(f"{live_server}/admin/courses/key-concepts/progress?q=")
    expect(page.get_by_label("Yekunlar")).to_contain_text("304")
