"""Programmes as the training centre and its learners use them: authored, enrolled in, followed across
courses, completed with a certificate that anyone can check, and run again as the next edition."""
from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from lms.auth.models import Role
from lms.certificates import services as certificates
from lms.certificates.models import Certificate
from lms.courses import services as courses
from lms.courses.models import CourseStatus, Enrollment, EnrolmentMode
from lms.extensions import db
from lms.programmes import services as programmes
from lms.programmes.models import Programme, ProgrammeEnrolment

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture()
def school(make_user, make_course, frozen_clock):
    """A published "Migration School" of three courses: two required, one optional."""
    frozen_clock(NOW)
    admin = make_user(Role.ADMIN)
    law = make_course(days=[["Law 1"], ["Law 2"]], slug="law", starts_on=date(2026, 11, 3))
    data = make_course(days=[["Data 1"]], slug="data", starts_on=date(2026, 12, 8))
    elective = make_course(days=[["Gender"]], slug="gender", starts_on=date(2027, 1, 12))
    programme = programmes.create_programme(slug="migration-school", original_locale="en", texts={
        "en": {"title": "Migration School", "summary": "Six months."}, "ru": {"title": "Школа миграции"},
        "az": {"title": "Miqrasiya Məktəbi"}}, enrolment=EnrolmentMode.OPEN)
    programmes.add_course(programme, law)
    programmes.add_course(programme, data)
    programmes.add_course(programme, elective, required=False)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    db.session.commit()
    return admin, programme, (law, data, elective)


def _finish(enrollment: Enrollment) -> None:
    for day in enrollment.course.days:
        for module in day.modules:
            courses.complete_by_hand(enrollment, module, NOW)


def _enrollment(user, course) -> Enrollment:
    return db.session.scalar(select(Enrollment).where(Enrollment.user_id == user.id, Enrollment.course_id == course.id))


def test_an_admin_builds_a_programme_in_three_languages_and_enrols_people_in_all_its_courses(
        client, login, make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    admin, learner = make_user(Role.ADMIN), make_user(email="nigar@example.org")
    first, second = make_course(slug="first"), make_course(slug="second")
    login(admin)
    created = client.post("/programmes/new", data={
        "slug": "migration-school", "original_locale": "az", "enrolment": "admin",
        "title_az": "Miqrasiya Məktəbi", "title_en": "Migration School", "title_ru": "Школа миграции"})
    assert created.status_code == 302 and created.headers["Location"].endswith("/programmes/migration-school/manage/")
    programme = db.session.scalar(select(Programme))
    for course, required in ((first, "y"), (second, "")):
        data = {"course": str(course.id), "submit": "1"} | ({"required_course": required} if required else {})
        assert client.post("/programmes/migration-school/manage/courses", data=data).status_code == 302
    assert client.post("/programmes/migration-school/manage/status", data={"status": "published"}).status_code == 302
    enrolled = client.post("/programmes/migration-school/manage/people",
                           data={"emails": "NIGAR@example.org, nobody@example.org"}, follow_redirects=True,
                           headers={"Accept-Language": "en"})
    assert "1 person is enrolled in the programme and its courses." in enrolled.text
    assert "No account has these addresses: nobody@example.org" in enrolled.text
    db.session.expire_all()
    assert programme.status is CourseStatus.PUBLISHED and [i.required for i in programme.courses] == [True, False]
    assert _enrollment(learner, first) is not None and _enrollment(learner, second) is not None

    settings = client.get("/programmes/migration-school/manage/settings")
    assert 'value="Школа миграции"' in settings.text
    unchanged = client.post("/programmes/migration-school/manage/settings", data={
        "original_locale": "az", "enrolment": "admin", "title_az": "Miqrasiya Məktəbi",
        "title_en": "Migration School", "title_ru": "Школа миграции"})
    assert unchanged.status_code == 302
    page = client.get("/programmes/migration-school/", headers={"Accept-Language": "ru"}).text
    assert "Школа миграции" in page and "Выпуск 1" in page


def test_a_learner_enrols_follows_the_courses_and_graduates_with_a_checkable_certificate(
        app, client, login, make_user, school, mailbox):
    admin, programme, (law, data, elective) = school
    learner = make_user(locale="ru", name="Leyla")
    login(learner)
    assert client.post("/programmes/migration-school/enrol").status_code == 302
    assert all(_enrollment(learner, course) for course in (law, data, elective))
    page = client.get("/programmes/migration-school/").text  # in Leyla's language
    assert "Пройдено 0 из 2 обязательных курсов" in page

    _finish(_enrollment(learner, law))  # the first required course completed
    certificates.issue_by_hand(admin, _enrollment(learner, data), NOW)  # the second: its certificate held
    db.session.commit()
    enrolment = db.session.scalar(select(ProgrammeEnrolment))
    assert enrolment.completed_at == NOW  # the optional course is not needed
    certificate = db.session.scalar(select(Certificate).where(Certificate.programme_enrolment_id == enrolment.id))
    assert certificate is not None and certificate.locale == "ru"

    verify = client.get(f"/verify/{certificate.code}", headers={"Accept-Language": "ru"}).text
    assert "Leyla" in verify and "Школа миграции" in verify and "программ" in verify
    pdf = client.get(f"/certificates/{certificate.code}.pdf?lang=az")
    assert pdf.status_code == 200
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.data, capture_output=True, check=True).stdout.decode()
    assert "Miqrasiya Məktəbi" in text and "Leyla" in text
    progress = client.get("/progress/").text
    assert "Школа миграции" in progress and "Пройдено 2 из 2 обязательных курсов" in progress
    subjects = [message["Subject"] for message in mailbox.deliver()]
    assert subjects.count("Ваш сертификат по программе «Школа миграции»") == 1


def test_the_rule_counts_required_courses_only_and_never_a_revoked_certificate(make_user, school):
    admin, programme, (law, data, elective) = school
    learner = make_user()
    programmes.enrol(learner, programme)
    certificate = certificates.issue_by_hand(admin, _enrollment(learner, data), NOW)
    certificates.revoke(admin, certificate, "Issued by mistake", NOW)
    _finish(_enrollment(learner, elective))  # optional: does not stand in for a required course
    _finish(_enrollment(learner, law))
    db.session.commit()
    assert db.session.scalar(select(ProgrammeEnrolment.completed_at)) is None
    assert db.session.scalar(select(Certificate).where(Certificate.programme_enrolment_id.is_not(None))) is None


def test_enrolment_follows_the_programmes_mode_and_drafts_stay_hidden(client, login, make_user, school):
    admin, programme, courses_ = school
    learner = make_user()
    programme.enrolment = EnrolmentMode.ADMIN
    db.session.commit()
    login(learner)
    refused = client.post("/programmes/migration-school/enrol", follow_redirects=True,
                          headers={"Accept-Language": "az"})
    assert "Bu proqrama insanları təlim mərkəzi yazır." in refused.text
    assert db.session.scalar(select(ProgrammeEnrolment)) is None
    programme.status = CourseStatus.DRAFT
    db.session.commit()
    assert client.get("/programmes/migration-school/").status_code == 404
    assert "Migration School" not in client.get("/programmes/").text
    for url in ("/programmes/new", "/programmes/migration-school/manage/",
                "/admin/programmes/migration-school/progress"):
        assert client.get(url).status_code == 403


def test_a_course_added_later_enrols_the_programmes_learners(make_user, make_course, school):
    admin, programme, _ = school
    learner = make_user()
    programmes.enrol(learner, programme)
    extra = make_course(slug="extra")
    programmes.add_course(programme, extra)
    db.session.commit()
    assert _enrollment(learner, extra) is not None


def test_the_next_edition_copies_the_courses_on_a_new_schedule_and_the_catalogue_archives_the_old_one(
        client, login, school, make_user, frozen_clock):
    admin, programme, (law, data, elective) = school
    learner = make_user()
    programmes.enrol(learner, programme)
    db.session.commit()
    login(admin)
    made = client.post("/programmes/migration-school/manage/next-edition",
                       data={"slug": "migration-school-2", "starts_on": "2027-09-07"})
    assert made.status_code == 302
    copy = db.session.scalar(select(Programme).where(Programme.slug == "migration-school-2"))
    assert (copy.edition, copy.series, copy.status) == (2, "migration-school", CourseStatus.DRAFT)
    starts = [item.course.starts_on for item in copy.courses]
    assert starts == [date(2027, 9, 7), date(2027, 10, 12), date(2027, 11, 16)]  # the same gaps as edition 1
    assert [item.required for item in copy.courses] == [True, True, False]
    assert all(item.course.edition == 2 and item.course.series in ("law", "data", "gender") for item in copy.courses)
    assert db.session.scalar(select(ProgrammeEnrolment).where(ProgrammeEnrolment.programme_id == copy.id)) is None
    programmes.set_status(copy, CourseStatus.PUBLISHED)
    db.session.commit()

    frozen_clock(datetime(2027, 6, 1, tzinfo=UTC))  # edition 1 is over, edition 2 is coming
    catalogue = client.get("/programmes/", headers={"Accept-Language": "en"}).text
    assert catalogue.index("Edition 2") < catalogue.index("1 earlier edition") < catalogue.rindex("Edition 1")
    editions = client.get("/admin/programmes/migration-school-2/editions", headers={"Accept-Language": "en"}).text
    assert "Edition 1" in editions and "Edition 2" in editions


def test_the_programme_report_and_its_csv_show_each_learner_across_the_courses(
        client, login, make_user, make_organisation, school):
    admin, programme, (law, data, elective) = school
    organisation = make_organisation("Dövlət Miqrasiya Xidməti", "AZ")
    done, started = make_user(name="Aysel", organisation=organisation), make_user(name="Boris", country="UZ")
    for learner in (done, started):
        programmes.enrol(learner, programme)
    _finish(_enrollment(done, law))
    _finish(_enrollment(done, data))
    db.session.commit()
    login(admin)
    page = client.get("/admin/programmes/migration-school/progress", headers={"Accept-Language": "en"}).text
    assert "Aysel" in page and "Boris" in page and "Dövlət Miqrasiya Xidməti" in page
    csv = client.get("/admin/programmes/migration-school/progress.csv", headers={"Accept-Language": "en"})
    lines = csv.data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Name,E-mail,Organisation,Country,Migration basics: complete (%)")
    aysel = next(line for line in lines if line.startswith("Aysel"))
    assert aysel.endswith("2,yes,yes")  # both required courses done; completed; certificate issued
    xlsx = client.get("/admin/programmes/migration-school/progress.xlsx", headers={"Accept-Language": "en"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.data)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["Aysel"][2] == "Dövlət Miqrasiya Xidməti" and rows["Aysel"][4] == 100 and rows["Boris"][4] == 0

    revoke = f"/admin/programmes/migration-school/certificates/{done.id}/revoke"
    refused = client.post(revoke, data={"reason": ""}, follow_redirects=True, headers={"Accept-Language": "en"})
    assert "Give the reason for revoking the certificate." in refused.text
    client.post(revoke, data={"reason": "Attendance not confirmed"})
    certificate = db.session.scalar(select(Certificate).where(Certificate.programme_enrolment_id.is_not(None)))
    assert certificate.revoked and certificate.revoke_reason == "Attendance not confirmed"
    verify = client.get(f"/verify/{certificate.code}", headers={"Accept-Language": "en"}).text
    assert "revoked" in verify
    assert client.post(f"/admin/programmes/migration-school/certificates/{started.id}/revoke",
                       data={"reason": "x"}).status_code == 404  # Boris has none


def test_an_admin_set_back_to_trainer_loses_the_programmes_pages_at_the_next_request(client, login, school):
    admin, programme, _ = school
    login(admin)
    assert client.get("/programmes/migration-school/manage/").status_code == 200
    admin.role = Role.TRAINER
    db.session.commit()
    assert client.get("/programmes/migration-school/manage/").status_code == 403
    assert client.post("/programmes/migration-school/manage/status", data={"status": "draft"}).status_code == 403
    db.session.expire_all()
    assert programme.status is CourseStatus.PUBLISHED
