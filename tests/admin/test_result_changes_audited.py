"""Every change that can alter a learner's result leaves a trace: who, when, what from what to what.

The defect this guards: a trainer's change of a quiz's pass mark, a completion rule, a grade or a
certificate left no trace.
"""
from datetime import timedelta

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from lms.audit.models import AuditAction, AuditEntry
from lms.audit.services import record
from lms.auth.models import Role
from lms.courses import services as courses
from lms.courses.models import CourseRole, ModuleKind
from lms.extensions import db
from lms.live import services as live
from tests.forms import changed, form_fields
from tests.quizzes.conftest import NOW, quiz_world  # noqa: F401  (the fixture)


def _entries(action):
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _trainer_of(course, make_user, login):
    trainer = make_user(Role.TRAINER, name="Tamar Trainer")
    courses.enrol(trainer, course, by_admin=True, role=CourseRole.TRAINER)
    db.session.commit()
    login(trainer)
    return trainer


def test_a_pass_mark_change_is_logged_field_by_field(client, login, make_user, quiz_world):  # noqa: F811
    course, quiz, _ = quiz_world
    trainer = _trainer_of(course, make_user, login)
    url = f"/courses/{course.slug}/manage/quizzes/{quiz.module_id}"
    fields = changed(form_fields(client.get(url).text), pass_mark="80")
    assert client.post(url, data=MultiDict(fields)).status_code == 302
    [entry] = _entries(AuditAction.QUIZ_SETTINGS)
    assert entry.actor_id == trainer.id and entry.details["changes"] == {"pass_mark": [60, 80]}
    assert client.post(url, data=MultiDict(fields)).status_code == 302  # saved unchanged: nothing to log
    assert len(_entries(AuditAction.QUIZ_SETTINGS)) == 1


def test_a_rule_a_regrade_a_required_flag_and_attendance_are_logged(client, login, make_user, quiz_world,  # noqa: F811
                                                                   frozen_clock):
    frozen_clock(NOW)
    course, quiz, enrollment = quiz_world
    trainer = _trainer_of(course, make_user, login)
    rule_url = f"/courses/{course.slug}/manage/certificates/"
    rule = changed(form_fields(client.get(rule_url).text), min_attendance_percent="75")
    assert client.post(rule_url, data=MultiDict(rule)).status_code == 302
    [rule_entry] = _entries(AuditAction.COMPLETION_RULE)
    assert rule_entry.details["changes"] == {"min_attendance_percent": [None, 75]}

    question = quiz.slots[0].question
    question_url = f"/courses/{course.slug}/manage/questions/{question.id}"
    edited = changed(form_fields(client.get(question_url).text), points="3")
    assert client.post(question_url, data=MultiDict(edited)).status_code == 302
    [question_entry] = _entries(AuditAction.QUESTION_CHANGED)
    assert question_entry.details["regraded"] == 0 and question_entry.target == question.title

    lesson = course.days[0].modules[0]
    module_url = f"/courses/{course.slug}/manage/modules/{lesson.id}"
    optional = changed(form_fields(client.get(module_url).text), required_module=None)
    assert client.post(module_url, data=MultiDict(optional)).status_code == 302
    [module_entry] = _entries(AuditAction.MODULE_REQUIRED)
    assert module_entry.details["changes"] == {"required": [True, False]}

    live_module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Talk", "body": ""}})
    session = live.schedule(live_module, NOW - timedelta(hours=2), NOW - timedelta(hours=1))
    db.session.commit()
    register = f"/courses/{course.slug}/manage/live/{live_module.id}/attendance"
    assert client.post(register, data={"present": [str(enrollment.user_id)]}).status_code == 302
    [attendance_entry] = _entries(AuditAction.ATTENDANCE_CHANGED)
    assert attendance_entry.details["present"] == enrollment.user.email and attendance_entry.actor_id == trainer.id
    assert session.id


def test_the_audit_page_names_every_kind_of_entry(client, login, make_user):
    admin = make_user(Role.ADMIN)
    for action in AuditAction:
        record(admin, action, f"target of {action.value}", course="key-concepts", changes={"pass_mark": [60, 80]})
    db.session.commit()
    login(admin)
    page = client.get("/admin/audit", headers={"Accept-Language": "ru"})
    assert page.status_code == 200
    assert "Изменены настройки теста" in page.text and "Проходной балл (%): 60 → 80" in page.text
