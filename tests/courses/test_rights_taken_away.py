"""Rights taken away are gone at the next request: role change, removal from a course, deactivation.

The defect this guards: a trainer set back to learner kept full rights on their courses (management
pages, the progress CSV with every e-mail, the question bank).
"""
import pytest
from sqlalchemy import select

from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import Role
from lms.extensions import db
from tests.conftest import PASSWORD

TRAINER_PAGES = ["/courses/{slug}/manage/", "/courses/{slug}/manage/questions",
                 "/admin/courses/{slug}/progress.csv", "/courses/{slug}/manage/certificates/"]


@pytest.fixture()
def world(app, make_user, make_course):
    admin, trainer = make_user(Role.ADMIN), make_user(Role.TRAINER)
    course = make_course(trainer=trainer)
    return admin, trainer, course


def _browser_of(app, user):
    browser = app.test_client()
    assert browser.post("/auth/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    return browser


def _statuses(browser, course):
    return [browser.get(page.format(slug=course.slug)).status_code for page in TRAINER_PAGES]


def test_a_trainer_set_back_to_learner_loses_the_course_at_once(app, world):
    admin, trainer, course = world
    trainer_browser, admin_browser = _browser_of(app, trainer), _browser_of(app, admin)
    assert _statuses(trainer_browser, course) == [200, 200, 200, 200]
    assert admin_browser.post(f"/admin/users/{trainer.id}/role", data={"role": "learner"}).status_code == 302
    assert trainer_browser.get("/auth/profile").status_code == 302  # signed out by the change
    learner_again = _browser_of(app, trainer)
    assert _statuses(learner_again, course) == [403, 403, 403, 403]
    quiz_settings = learner_again.post(f"/courses/{course.slug}/manage/questions", data={"text": "::T::Q {T}"})
    assert quiz_settings.status_code == 403


def test_an_admin_removes_a_trainer_from_a_course(app, world, make_user):
    admin, trainer, course = world
    trainer_browser, admin_browser = _browser_of(app, trainer), _browser_of(app, admin)
    page = admin_browser.get(f"/courses/{course.slug}/manage/", headers={"Accept-Language": "en"}).text
    assert f"/courses/{course.slug}/manage/trainers/{trainer.id}/remove" in page
    response = admin_browser.post(f"/courses/{course.slug}/manage/trainers/{trainer.id}/remove")
    assert response.status_code == 302
    assert _statuses(trainer_browser, course) == [403, 403, 403, 403]  # the same session, next request
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.TRAINER_REMOVED))
    assert entry is not None and trainer.email in entry.target
    again = admin_browser.post(f"/courses/{course.slug}/manage/trainers/{trainer.id}/remove")
    assert again.status_code == 302  # removing twice changes nothing


def test_only_admins_remove_trainers(app, world, make_user):
    _, trainer, course = world
    colleague = make_user(Role.TRAINER)
    from lms.courses import services as courses
    from lms.courses.models import CourseRole
    courses.enrol(colleague, course, by_admin=True, role=CourseRole.TRAINER)
    db.session.commit()
    browser = _browser_of(app, colleague)
    assert browser.post(f"/courses/{course.slug}/manage/trainers/{trainer.id}/remove").status_code == 403
    assert _statuses(_browser_of(app, trainer), course) == [200, 200, 200, 200]


def test_a_deactivated_account_is_signed_out_at_the_next_request(app, world, make_user):
    admin, trainer, course = world
    trainer_browser, admin_browser = _browser_of(app, trainer), _browser_of(app, admin)
    assert admin_browser.post(f"/admin/users/{trainer.id}/active", data={"active": "0"}).status_code == 302
    assert trainer_browser.get(f"/courses/{course.slug}/manage/").status_code == 302
    assert trainer_browser.post("/auth/login", data={"email": trainer.email, "password": PASSWORD}).status_code == 401
