"""An admin withdraws a learner: records kept, no longer counted or let in, enrolled again later."""
from sqlalchemy import select

from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import Enrollment, ModuleProgress
from lms.courses.queries import learner_count
from lms.extensions import db
from tests.conftest import PASSWORD
from tests.quizzes.conftest import NOW


def test_a_withdrawn_learner_keeps_records_leaves_counts_and_loses_access(app, client, make_user, make_course,
                                                                          frozen_clock):
    frozen_clock(NOW)
    admin, learner = make_user(Role.ADMIN), make_user(name="Ion Rusu")
    course = make_course()
    enrollment = courses.enrol(learner, course)
    lesson = course.days[0].modules[0]
    courses.complete_by_hand(enrollment, lesson, NOW)
    db.session.commit()
    learner_browser = app.test_client()
    assert learner_browser.post("/auth/login", data={"email": learner.email, "password": PASSWORD}).status_code == 302
    assert learner_browser.get(f"/courses/{course.slug}/modules/{lesson.id}").status_code == 200

    client.post("/auth/login", data={"email": admin.email, "password": PASSWORD})
    page = client.get(f"/courses/{course.slug}/manage/enrolments", headers={"Accept-Language": "ru"}).text
    assert f"/manage/enrolments/{learner.id}/withdraw" in page
    assert client.post(f"/courses/{course.slug}/manage/enrolments/{learner.id}/withdraw").status_code == 302

    assert learner_browser.get(f"/courses/{course.slug}/modules/{lesson.id}").status_code == 403  # next request
    assert learner_count(course) == 0
    report = client.get(f"/admin/courses/{course.slug}/progress.csv").data.decode("utf-8-sig")
    assert "Ion Rusu" not in report
    kept = db.session.scalar(select(ModuleProgress).where(ModuleProgress.enrollment_id == enrollment.id))
    assert kept is not None and kept.completed_at is not None
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.LEARNER_WITHDRAWN))
    listed = client.get(f"/courses/{course.slug}/manage/enrolments", headers={"Accept-Language": "ru"}).text
    assert "Ion Rusu" in listed and "Отчислены" in listed

    again = client.post(f"/courses/{course.slug}/manage/enrolments",
                        data={"person-email": learner.email, "person-submit": "y"})
    assert again.status_code in (200, 302)
    db.session.expire_all()
    assert db.session.get(Enrollment, enrollment.id).withdrawn_at is None  # the same enrolment, records and all
    assert learner_count(course) == 1
    assert learner_browser.get(f"/courses/{course.slug}/modules/{lesson.id}").status_code == 200


def test_only_admins_withdraw(app, client, login, make_user, make_course):
    trainer, learner = make_user(Role.TRAINER), make_user()
    course = make_course(trainer=trainer)
    courses.enrol(learner, course)
    db.session.commit()
    login(trainer)
    assert client.post(f"/courses/{course.slug}/manage/enrolments/{learner.id}/withdraw").status_code == 403
    assert learner_count(course) == 1
