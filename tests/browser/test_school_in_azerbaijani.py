"""A trainer reading Azerbaijani puts a course on Tuesdays and Thursdays with the schedule page (preview,
then apply) and invites a guest speaker; the guest opens the mailed link in Russian without an account;
a learner follows a programme of two courses."""
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import CourseStatus, EnrolmentMode, ModuleKind
from lms.extensions import db
from lms.live import services as live
from lms.notifications.delivery import deliver_due
from lms.programmes import services as programmes
from lms.programmes.models import ProgrammeEnrolment
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser


def test_a_trainer_schedules_two_days_a_week_and_invites_a_guest_who_joins_by_the_link(
        page: Page, live_server: str, app, mailbox, make_course, make_user):
    app.config["PUBLIC_URL"] = live_server
    trainer = make_user(Role.TRAINER, locale="az")
    course = make_course(days=[["Dərs"], [], []], trainer=trainer, slug="school")
    now = datetime.now(UTC)
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE,
                                texts={"en": {"title": "Opening", "body": ""}, "ru": {"title": "Открытие", "body": ""}})
    session = live.schedule(module, now - timedelta(minutes=5), now + timedelta(minutes=55))
    db.session.commit()
    sign_in(page, live_server, trainer.email, "az", ("E-poçt", "Parol", "Daxil ol"))

    page.goto(f"{live_server}/courses/school/manage/")
    page.get_by_role("link", name="Günlərin cədvəli").click()
    page.get_by_label("İlk tarix").fill("2027-03-01")
    page.get_by_label("Çərşənbə axşamı").check()
    page.get_by_label("Cümə axşamı").check()
    page.get_by_label("Günlərin sayı").fill("3")
    page.get_by_role("button", name="Önizləmə").click()
    preview = page.get_by_role("table")
    expect(preview).to_contain_text("Çərşənbə axşamı, 2 mart 2027")
    expect(preview).to_contain_text("Çərşənbə axşamı, 9 mart 2027")
    page.get_by_role("button", name="Cədvəli tətbiq et").click()
    expect(page.get_by_text("Cədvəl tətbiq olundu: günlər yeni tarixlərindədir.")).to_be_visible()
    db.session.expire_all()
    assert [day.date for day in course.days] == [date(2027, 3, 2), date(2027, 3, 4), date(2027, 3, 9)]

    live.schedule(module, now - timedelta(minutes=5), now + timedelta(minutes=55))  # back to today for the guest
    db.session.commit()
    page.goto(f"{live_server}/courses/school/manage/live/{module.id}/guests")
    page.get_by_label("Ad", exact=True).fill("Guest Speaker")
    page.get_by_label("E-poçt").fill("speaker@agency.example")
    page.get_by_label("Dəvətin dili").select_option("ru")
    page.get_by_label("Moderator kimi qoşulur").check()
    page.get_by_role("button", name="Dəvət et və linki göndər").click()
    expect(page.get_by_text("Guest Speaker dəvət olundu")).to_be_visible()

    db.session.expire_all()
    assert deliver_due(datetime.now(UTC)) == 1  # the worker's minute run (the served app queues on its own)
    (invitation,) = mailbox
    link = re.search(rf"{re.escape(live_server)}/live/{session.id}/guest/\S+", invitation.get_body(("plain",))
                     .get_content()).group(0)
    page.context.clear_cookies()  # the guest has no account and no session here
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Открытие")
    expect(page.get_by_text("Добро пожаловать, Guest Speaker. Вы — гость этого занятия.")).to_be_visible()
    expect(page.locator("#jitsi-meeting")).to_have_attribute("data-name", "Guest Speaker")


def test_a_learner_enrols_in_a_programme_and_sees_each_course(page: Page, live_server: str, make_course,
                                                             make_user):
    learner = make_user(locale="az")
    first = make_course(days=[["A"]], slug="law", starts_on=date(2027, 3, 2))
    second = make_course(days=[["B"]], slug="data", starts_on=date(2027, 5, 4))
    programme = programmes.create_programme(slug="migration-school", original_locale="en", texts={
        "en": {"title": "Migration School"}, "az": {"title": "Miqrasiya Məktəbi"}}, enrolment=EnrolmentMode.OPEN)
    programmes.add_course(programme, first)
    programmes.add_course(programme, second, required=False)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    db.session.commit()
    sign_in(page, live_server, learner.email, "az", ("E-poçt", "Parol", "Daxil ol"))
    page.get_by_role("link", name="Proqramlar").click()
    page.get_by_role("link", name=re.compile("Buraxılış 1")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Miqrasiya Məktəbi")
    page.get_by_role("button", name="Bu proqrama yazıl").click()
    expect(page.get_by_text("Siz proqrama və onun hər kursuna yazıldınız.")).to_be_visible()
    expect(page.get_by_text("1 məcburi kursdan 0 keçilib")).to_be_visible()
    expect(page.locator(".programme-courses .badge")).to_have_text(["məcburi", "istəyə bağlı"])
    assert db.session.scalar(select(ProgrammeEnrolment.user_id)) == learner.id
