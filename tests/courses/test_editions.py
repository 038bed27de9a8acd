"""The next edition of a course: the same content on a new schedule, its trainers, nobody enrolled; the
catalogue shows the coming edition first and keeps the old one as an archive; the editions compared."""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from lms.auth.models import Role
from lms.courses import editions, scheduling
from lms.courses import services as courses
from lms.courses.models import Course, CourseRole, CourseStatus, Enrollment
from lms.extensions import db


def test_a_trainer_makes_the_next_edition_which_keeps_the_schedules_shape(client, login, make_user, make_course,
                                                                          frozen_clock):
    frozen_clock(datetime(2026, 11, 20, tzinfo=UTC))
    trainer, learner = make_user(Role.TRAINER), make_user()
    course = make_course(days=[["A"], ["B"]], trainer=trainer, slug="key-concepts")
    scheduling.move_day(course.days[1], date(2026, 11, 26))  # a gap of two days
    courses.enrol(learner, course)
    db.session.commit()
    login(trainer)
    form = client.get("/courses/key-concepts/manage/next-edition", headers={"Accept-Language": "ru"})
    assert form.status_code == 200 and 'value="key-concepts-2"' in form.text and "Следующий выпуск" in form.text
    made = client.post("/courses/key-concepts/manage/next-edition",
                       data={"slug": "key-concepts-2", "starts_on": "2027-03-01"})
    assert made.status_code == 302 and made.headers["Location"].endswith("/courses/key-concepts-2/manage/")
    copy = db.session.scalar(select(Course).where(Course.slug == "key-concepts-2"))
    assert (copy.series, copy.edition, copy.previous_edition_id, copy.status) == (
        "key-concepts", 2, course.id, CourseStatus.DRAFT)
    assert [day.date for day in copy.days] == [date(2027, 3, 1), date(2027, 3, 4)]
    people = db.session.execute(select(Enrollment.user_id, Enrollment.role)
                                .where(Enrollment.course_id == copy.id)).all()
    assert people == [(trainer.id, CourseRole.TRAINER)]  # the trainer came along; no learner did

    taken = client.post("/courses/key-concepts/manage/next-edition", data={"slug": "key-concepts-2",
                                                                           "starts_on": "2027-05-01"},
                        headers={"Accept-Language": "az"})
    assert taken.status_code == 400 and "Bu ünvan artıq başqa kurs tərəfindən istifadə olunur." in taken.text
    third = client.post("/courses/key-concepts-2/manage/next-edition",
                        data={"slug": "key-concepts-3", "starts_on": "2027-09-01"})
    assert third.status_code == 302
    assert db.session.scalar(select(Course.edition).where(Course.slug == "key-concepts-3")) == 3


def test_the_catalogue_shows_the_coming_edition_and_archives_the_ended_one(client, make_user, make_course,
                                                                         frozen_clock):
    trainer = make_user(Role.TRAINER)
    old = make_course(days=[["A"]], trainer=trainer, slug="key-concepts", starts_on=date(2026, 3, 2))
    new = editions.next_edition(old, slug="key-concepts-2", starts_on=date(2027, 3, 1), actor=trainer)
    courses.set_status(new, CourseStatus.PUBLISHED)
    db.session.commit()
    frozen_clock(datetime(2026, 12, 1, tzinfo=UTC))
    home = client.get("/", headers={"Accept-Language": "en"}).text
    assert "Edition 2" in home
    assert home.index('href="/courses/key-concepts-2/"') < home.index("1 course or edition that has ended") \
        < home.index('href="/courses/key-concepts/"')


def test_the_editions_report_compares_enrolled_completed_and_certified(client, login, make_user, make_course,
                                                                      frozen_clock):
    frozen_clock(datetime(2026, 12, 1, tzinfo=UTC))
    admin = make_user(Role.ADMIN)
    old = make_course(days=[["A"]], slug="key-concepts", starts_on=date(2026, 3, 2))
    new = editions.next_edition(old, slug="key-concepts-2", starts_on=date(2027, 3, 1), actor=admin)
    for number in range(3):
        enrollment = courses.enrol(make_user(), old, by_admin=True)
        if number < 2:
            courses.complete_by_hand(enrollment, old.days[0].modules[0], datetime(2026, 3, 2, tzinfo=UTC))
    courses.enrol(make_user(), new, by_admin=True)
    db.session.commit()
    login(admin)
    page = client.get("/admin/courses/key-concepts-2/editions", headers={"Accept-Language": "en"}).text
    rows = page.split("<tbody>")[1].split("</tr>")
    cells = [[cell.split(">", 1)[1].split("<", 1)[0].strip() for cell in row.split('<td class="num"')[1:]]
             for row in rows[:2]]
    assert "Edition 1" in rows[0] and cells[0] == ["3", "2", "2", "—"]  # certified on completion
    assert "(66.7%)" in rows[0]
    assert "Edition 2" in rows[1] and cells[1] == ["1", "0", "0", "—"]
