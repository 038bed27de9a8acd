"""Trainers and admins build courses through the manage pages; nobody else can."""
import re

from sqlalchemy import select

from lms.auth.models import Role
from lms.courses.models import Course, CourseRole, CourseStatus, Enrollment, EnrolmentMode
from lms.extensions import db

NEW_COURSE = {
    "slug": "migration-school", "original_locale": "az", "timezone": "Asia/Baku", "starts_on": "2026-12-01",
    "days": "2", "enrolment": "key", "enrolment_key": "school-4",
    "title_az": "Miqrasiya Məktəbi", "summary_az": "Altı ay.", "title_en": "Migration School", "summary_en": "",
    "title_ru": "", "summary_ru": "",
}


def module_titles(page: str) -> list[str]:
    return re.findall(r'<span class="module-title">([^<\n]+)', page)


def test_a_trainer_creates_a_course_and_becomes_its_trainer(client, make_user, login):
    trainer = make_user(Role.TRAINER)
    login(trainer)
    response = client.post("/courses/new", data=NEW_COURSE)
    assert response.status_code == 302 and response.headers["Location"] == "/courses/migration-school/manage/"
    course = db.session.scalar(select(Course).where(Course.slug == "migration-school"))
    assert course.status is CourseStatus.DRAFT and course.enrolment is EnrolmentMode.KEY
    assert len(course.days) == 2 and {t.locale for t in course.translations} == {"az", "en"}
    role = db.session.scalar(select(Enrollment.role).where(Enrollment.user_id == trainer.id))
    assert role is CourseRole.TRAINER
    page = client.get("/courses/migration-school/manage/", headers={"Accept-Language": "en"}).text
    assert "missing: RU" in page


def test_a_taken_slug_is_refused_with_the_form_kept(client, make_user, login, make_course):
    make_course(slug="migration-school")
    login(make_user(Role.TRAINER))
    response = client.post("/courses/new", data=NEW_COURSE, headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "Этот адрес уже занят другим курсом." in response.text
    assert 'value="Miqrasiya Məktəbi"' in response.text


def test_learners_cannot_create_courses(client, make_user, login):
    login(make_user())
    assert client.post("/courses/new", data=NEW_COURSE).status_code == 403
    assert db.session.scalar(select(Course)) is None


def test_a_trainer_cannot_touch_another_trainers_course(client, make_user, login, make_course):
    owner, other = make_user(Role.TRAINER), make_user(Role.TRAINER)
    course = make_course(trainer=owner)
    module = course.days[0].modules[0]
    login(other)
    attempts = [
        client.get(f"/courses/{course.slug}/manage/"),
        client.post(f"/courses/{course.slug}/manage/status", data={"status": "archived"}),
        client.post(f"/courses/{course.slug}/manage/modules/{module.id}",
                    data={"title_en": "Hacked", "required_module": "y"}),
        client.post(f"/courses/{course.slug}/manage/modules/{module.id}/delete"),
        client.post(f"/courses/{course.slug}/manage/days"),
    ]
    assert [r.status_code for r in attempts] == [403] * 5
    assert course.status is CourseStatus.PUBLISHED and len(course.days) == 2
    assert {t.title for t in module.translations} == {"Lesson 1", "RU: Lesson 1"}


def test_an_admin_edits_any_course(client, make_user, login, make_course):
    course = make_course(trainer=make_user(Role.TRAINER))
    login(make_user(Role.ADMIN))
    assert client.get(f"/courses/{course.slug}/manage/").status_code == 200


def test_editing_a_module_in_three_languages(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    module = course.days[0].modules[0]
    login(trainer)
    form = client.get(f"/courses/{course.slug}/manage/modules/{module.id}").text
    assert 'value="RU: Lesson 1"' in form  # existing texts are filled in
    response = client.post(f"/courses/{course.slug}/manage/modules/{module.id}", data={
        "title_en": "Who is a migrant?", "body_en": "## Terms", "title_az": "Miqrant kimdir?", "body_az": "",
        "title_ru": "", "body_ru": "", "estimated_minutes": "20"})
    assert response.status_code == 302
    assert sorted((t.locale, t.title) for t in module.translations) == [("az", "Miqrant kimdir?"),
                                                                      ("en", "Who is a migrant?")]
    assert module.required is False and module.estimated_minutes == 20


def test_a_module_without_an_original_title_is_refused(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    login(trainer)
    response = client.post(f"/courses/{course.slug}/manage/days/1/modules/new",
                           data={"kind": "lesson", "title_ru": "Только по-русски"}, headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "У модуля должно быть название на языке оригинала курса." in response.text
    assert len(course.days[0].modules) == 2


def test_adding_moving_and_deleting_modules(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A", "B"]], trainer=trainer)
    login(trainer)
    client.post(f"/courses/{course.slug}/manage/days/1/modules/new",
                data={"kind": "quiz", "title_en": "C", "required_module": "y"})
    c = course.days[0].modules[2]
    client.post(f"/courses/{course.slug}/manage/modules/{c.id}/move", data={"direction": "up"})
    assert module_titles(client.get(f"/courses/{course.slug}/manage/").text) == ["A", "C", "B"]
    confirm = client.get(f"/courses/{course.slug}/manage/modules/{c.id}/delete", headers={"Accept-Language": "en"})
    assert "Delete “C”?" in confirm.text and "No learner has opened this module yet." in confirm.text
    client.post(f"/courses/{course.slug}/manage/modules/{c.id}/delete")
    assert module_titles(client.get(f"/courses/{course.slug}/manage/").text) == ["A", "B"]


def test_a_day_opens_at_a_local_time(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    login(trainer)
    client.post(f"/courses/{course.slug}/manage/days/2", data={"opens_at": "2026-11-24T09:00", "title_en": "Trends"})
    day = course.days[1]
    assert day.opens_at.isoformat() == "2026-11-24T05:00:00+00:00"  # 09:00 in Baku
    form = client.get(f"/courses/{course.slug}/manage/days/2").text
    assert 'value="2026-11-24T09:00"' in form


def test_publishing_an_empty_course_is_refused(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[[]], status=CourseStatus.DRAFT, trainer=trainer)
    login(trainer)
    response = client.post(f"/courses/{course.slug}/manage/status", data={"status": "published"},
                           headers={"Accept-Language": "az"})
    assert response.status_code == 400
    assert "Kursu dərc etməzdən əvvəl ən azı bir modul əlavə edin." in response.text
    assert course.status is CourseStatus.DRAFT


def test_admins_assign_trainers_and_enrol_people_and_organisations(client, make_user, login, make_course,
                                                                   make_organisation):
    course = make_course()
    ministry = make_organisation()
    members = [make_user(organisation=ministry) for _ in range(3)]
    outsider = make_user(email="outsider@example.org")
    trainer = make_user(Role.TRAINER, email="new-trainer@example.org")
    login(make_user(Role.ADMIN))
    client.post(f"/courses/{course.slug}/manage/trainers", data={"email": "new-trainer@example.org"})
    refused = client.post(f"/courses/{course.slug}/manage/trainers", data={"email": "outsider@example.org"})
    assert refused.status_code == 302
    client.post(f"/courses/{course.slug}/manage/enrolments",
                data={"person-email": "outsider@example.org", "person-submit": "Add"})
    page = client.post(f"/courses/{course.slug}/manage/enrolments", data={
        "organisation-organisation": str(ministry.id), "organisation-submit": "Enrol"},
        headers={"Accept-Language": "ru"}, follow_redirects=True).text
    assert "Записаны 3 сотрудника организации «State Migration Service (AZ)»." in page
    roles = dict(db.session.execute(select(Enrollment.user_id, Enrollment.role)
                                    .where(Enrollment.course_id == course.id)).all())
    assert roles == {trainer.id: CourseRole.TRAINER, outsider.id: CourseRole.LEARNER,
                     **{member.id: CourseRole.LEARNER for member in members}}


def test_removing_a_last_day_that_has_modules_says_why_on_the_course_page(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A"], ["B"]], trainer=trainer)
    login(trainer)
    page = client.get(f"/courses/{course.slug}/manage/", headers={"Accept-Language": "en"}).text
    assert "/manage/days/remove-last" not in page and "move or delete its modules first" in page
    response = client.post(f"/courses/{course.slug}/manage/days/remove-last", headers={"Accept-Language": "ru"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/manage/#day-2")
    shown = client.get(response.headers["Location"], headers={"Accept-Language": "ru"}).text
    assert "Сначала перенесите или удалите модули последнего дня." in shown
    assert len(course.days) == 2


def test_archiving_asks_first(client, make_user, login, make_course):
    trainer = make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    login(trainer)
    asked = client.post(f"/courses/{course.slug}/manage/status", data={"status": "archived"},
                        headers={"Accept-Language": "en"})
    assert asked.status_code == 200 and "takes no new learners" in asked.text
    db.session.refresh(course)
    assert course.status is CourseStatus.PUBLISHED
    done = client.post(f"/courses/{course.slug}/manage/status", data={"status": "archived", "confirmed": "1"})
    assert done.status_code == 302
    db.session.refresh(course)
    assert course.status is CourseStatus.ARCHIVED
