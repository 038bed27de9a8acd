"""A civil servant applies in Russian without an account; the centre's admin, reading Azerbaijani,
approves her from the review; she chooses her password from the mailed link. A coordinator nominates a
colleague in English and follows the nomination. The application form has no serious axe violation."""
import re
from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from lms.applications import intake
from lms.applications.models import Application, ApplicationStatus
from lms.auth.models import Role
from lms.courses.models import EnrolmentMode
from lms.extensions import db
from lms.notifications.delivery import deliver_due
from tests.browser.signing_in import sign_in
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser


@pytest.fixture()
def next_edition(make_course, make_organisation, make_user):
    course = make_course(slug="key-concepts-next", starts_on=date(2027, 3, 1), enrolment=EnrolmentMode.APPLICATION)
    agency = make_organisation("Migration Service (KZ)", "KZ")
    admin = make_user(Role.ADMIN, locale="az")
    intake.set_quota(admin, course, country="KZ", organisation=None, seats=2, now=datetime.now(UTC))
    intake.add_question(admin, course, {"en": "Which unit do you work in?", "ru": "В каком отделе вы работаете?"},
                        required=True)
    db.session.commit()
    return course, agency, admin


def test_a_visitor_applies_in_russian_is_approved_in_azerbaijani_and_sets_her_password(
        page: Page, live_server: str, app, mailbox, next_edition):
    course, agency, admin = next_edition
    app.config["PUBLIC_URL"] = live_server
    page.goto(f"{live_server}/lang/ru?next=/courses/{course.slug}/")
    page.get_by_role("link", name="Подать заявку").click()
    page.get_by_label("Имя и фамилия").fill("Айгерим Сапарова")
    page.get_by_label("Адрес электронной почты").fill("aigerim@agency.example")
    page.get_by_label("Организация", exact=True).select_option(label=agency.name)
    page.get_by_label("Страна").select_option("KZ")
    page.get_by_label("Должность").fill("Главный специалист")
    page.get_by_label("Предпочитаемый язык").select_option("ru")
    page.get_by_label("Почему вы хотите пройти этот курс?").fill("Наш отдел готовит статистику миграции.")
    page.get_by_role("button", name="Отправить заявку").click()
    expect(page.get_by_text("Это поле обязательно.")).to_be_visible()  # the course's own question
    page.get_by_label("В каком отделе вы работаете?").fill("Отдел статистики")
    page.get_by_role("button", name="Отправить заявку").click()
    expect(page.get_by_text("Ваша заявка отправлена.")).to_be_visible()
    expect(page.get_by_text("Ожидает решения")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, admin.email, "az", ("E-poçt", "Parol", "Daxil ol"))
    page.goto(f"{live_server}/admin/courses/{course.slug}/applications/")
    expect(page.get_by_role("table").first).to_contain_text("Qazaxıstan")  # the seats of Kazakhstan's quota
    page.get_by_label("Айгерим Сапарова seç").check()
    page.get_by_label("Qərar", exact=True).select_option("approved")
    page.get_by_label("Müraciət edənlərə mesaj (istəyə bağlı)").fill("Добро пожаловать на курс!")
    page.get_by_role("button", name="Qərarı tətbiq et").click()
    expect(page.get_by_text("1 müraciət üzrə qərar verildi")).to_be_visible()
    db.session.expire_all()
    application = db.session.scalar(select(Application))
    assert application.status is ApplicationStatus.APPROVED and application.user.organisation_id == agency.id

    deliver_due(datetime.now(UTC))  # the worker's minute run (the served app queues on its own)
    approval = next(m for m in mailbox if m["Subject"].startswith("Заявка одобрена"))
    body = approval.get_body(("plain",)).get_content()
    assert "Добро пожаловать на курс!" in body
    link = re.search(rf"{re.escape(live_server)}/auth/password/\S+", body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.url.startswith(f"{live_server}/auth/password/")


def test_a_coordinator_nominates_a_colleague_and_follows_her(page: Page, live_server: str, make_user, next_edition):
    course, agency, _ = next_edition
    coordinator = make_user(Role.COORDINATOR, locale="en", organisation=agency)
    sign_in(page, live_server, coordinator.email, "en", ("E-mail", "Password", "Sign in"))
    page.goto(f"{live_server}/courses/{course.slug}/")
    page.get_by_role("link", name="Nominate people").click()
    page.get_by_label("Nominee's full name").fill("Dana Seitkali")
    page.get_by_label("Nominee's e-mail address").fill("dana@agency.example")
    page.get_by_label("Position").fill("Inspector")
    page.get_by_label("Why this person should take the course").fill("She runs our border statistics.")
    page.get_by_label("Which unit do you work in?").fill("Border statistics")
    page.get_by_role("button", name="Nominate", exact=True).click()
    expect(page.get_by_text("Dana Seitkali is nominated.")).to_be_visible()
    page.get_by_role("link", name="Nominations").click()
    row = page.get_by_role("row", name=re.compile("Dana Seitkali"))
    expect(row).to_contain_text("Awaiting a decision")
    expect(row).to_contain_text(coordinator.name)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_application_form_has_no_serious_accessibility_violation(browser: Browser, live_server: str,
                                                                     next_edition, language):
    course, _, _ = next_edition
    assert serious_violations(browser, live_server, None, language, [f"/courses/{course.slug}/apply"]) == []
