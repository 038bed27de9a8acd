"""Issuing on completion (once), the rule on a hand-built cohort, approval, revoking."""
from datetime import timedelta

import pytest

from lms.audit.models import AuditAction, AuditEntry
from lms.certificates import queries, services
from lms.certificates.models import Certificate
from lms.certificates.rules import Rule, unmet_conditions
from lms.courses import services as courses
from lms.courses.models import Enrollment
from lms.errors import DomainError
from lms.extensions import db
from tests.admin.conftest import NOW, cohort  # noqa: F401  (the hand-computed cohort of the report tests)
from tests.certificates.conftest import NOW as GRADUATION


def enrollment_of(user, course) -> Enrollment:
    return db.session.scalar(db.select(Enrollment).filter_by(user_id=user.id, course_id=course.id))


def test_the_records_of_a_hand_built_cohort(cohort):  # noqa: F811
    records = queries.records(cohort.course)
    aynur = records[enrollment_of(cohort.aynur, cohort.course).id]
    nodar = records[enrollment_of(cohort.nodar, cohort.course).id]
    olga = records[enrollment_of(cohort.olga, cohort.course).id]
    assert (aynur.required_done, aynur.required_total, aynur.quizzes_passed, aynur.quizzes_total) == (5, 5, 1, 1)
    assert (aynur.sessions_attended, aynur.sessions_total) == (1, 1)
    assert (nodar.required_done, nodar.quizzes_passed, nodar.sessions_attended) == (3, 0, 1)
    assert (olga.required_done, olga.sessions_attended, olga.approved) == (0, 0, False)


@pytest.mark.parametrize(("rule", "qualified"), [
    (Rule(), {"Aynur"}),
    (Rule(all_required_modules=False, min_attendance_percent=100), {"Aynur", "Nodar"}),
    (Rule(all_required_modules=False, required_quizzes_passed=True), {"Aynur"}),
    (Rule(all_required_modules=False, min_attendance_percent=0), {"Aynur", "Giorgi", "Nodar", "Olga"}),
    (Rule(all_required_modules=True, manual_approval=True), set()),
])
def test_who_qualifies_under_each_rule(cohort, rule, qualified):  # noqa: F811
    enrollments = db.session.scalars(db.select(Enrollment).where(Enrollment.course_id == cohort.course.id))
    names = {enrollment.id: enrollment.user.name.split()[0] for enrollment in enrollments}
    records = queries.records(cohort.course)
    assert {names[e] for e, record in records.items() if not unmet_conditions(rule, record)} == qualified


def test_finishing_the_course_issues_one_certificate(graduate):
    learner, course, enrollment = graduate
    certificate = db.session.scalar(db.select(Certificate).where(Certificate.enrollment_id == enrollment.id))
    assert certificate is not None and certificate.issued_by_id is None  # issued by the rule, not by a person
    assert certificate.issued_at == GRADUATION and certificate.locale == "az"
    assert services.issue_if_earned(enrollment, GRADUATION + timedelta(days=1)) is certificate
    courses.complete_module(enrollment, course.days[0].modules[0], GRADUATION + timedelta(days=2))
    assert db.session.scalar(db.select(db.func.count(Certificate.id))) == 1


def test_no_certificate_before_the_rule_is_met(make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    course = make_course(days=[["A", "B"]])
    enrollment = courses.enrol(make_user(), course)
    courses.complete_module(enrollment, course.days[0].modules[0], NOW)
    assert db.session.scalar(db.select(db.func.count(Certificate.id))) == 0
    assert services.issue_if_earned(enrollment, NOW) is None


def test_approval_completes_a_rule_that_asks_for_it(make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    trainer = make_user()
    course = make_course(days=[["A"]])
    services.set_rule(course, all_required_modules=True, required_quizzes_passed=False,
                      min_attendance_percent=None, manual_approval=True)
    enrollment = courses.enrol(make_user(), course)
    courses.complete_module(enrollment, course.days[0].modules[0], NOW)
    assert services.issue_if_earned(enrollment, NOW) is None
    certificate = services.approve(trainer, enrollment, NOW)
    assert certificate is not None and services.approve(trainer, enrollment, NOW) is certificate


def test_codes_are_long_random_and_typed_back_in_any_case():
    codes = {services.new_code() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert len(code) == 29 and code.count("-") == 5
    assert services.normalise_code(code.lower().replace("-", " ")) == code
    assert services.normalise_code("ABCD-EFGH") is None
    assert services.normalise_code("A" * 23 + "1") is None  # 1 is not in the code alphabet


def test_revoking_needs_a_reason_and_is_logged(graduate, make_user):
    from lms.auth.models import Role

    learner, course, enrollment = graduate
    admin = make_user(Role.ADMIN)
    certificate = queries.certificates_of_course(course)[enrollment.id]
    with pytest.raises(DomainError):
        services.revoke(admin, certificate, "   ", GRADUATION)
    services.revoke(admin, certificate, "Issued by mistake", GRADUATION)
    assert certificate.revoked and certificate.revoke_reason == "Issued by mistake"
    with pytest.raises(DomainError):
        services.revoke(admin, certificate, "again", GRADUATION)
    assert services.issue_if_earned(enrollment, GRADUATION) is certificate  # not issued again by itself
    assert certificate.revoked
    services.issue_by_hand(admin, enrollment, GRADUATION)  # an admin reinstates it
    assert not certificate.revoked
    actions = list(db.session.scalars(db.select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == [AuditAction.CERTIFICATE_REVOKED, AuditAction.CERTIFICATE_ISSUED]


def test_issue_to_everyone_who_qualifies_after_the_rule_changed(cohort):  # noqa: F811
    services.set_rule(cohort.course, all_required_modules=False, required_quizzes_passed=False,
                      min_attendance_percent=100, manual_approval=False)
    assert services.issue_to_everyone_who_qualifies(cohort.course, NOW) == 1  # Nodar; Aynur already has one
    assert services.issue_to_everyone_who_qualifies(cohort.course, NOW) == 0
    assert len(queries.certificates_of_course(cohort.course)) == 2


def test_the_graduate_is_told_once_with_the_download_and_the_public_check(graduate, mailbox):
    from lms.notifications.models import Notification
    learner, course, enrollment = graduate
    certificate = db.session.scalar(db.select(Certificate).where(Certificate.enrollment_id == enrollment.id))
    services.issue_if_earned(enrollment, GRADUATION + timedelta(days=1))  # asked again: told once
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(Notification.id)).where(
        Notification.kind == "certificate_issued")) == 1
    (message,) = [m for m in mailbox.deliver() if "sertifikat" in m["Subject"]]
    text = message.get_body(("plain",)).get_content()
    assert f"http://localhost/certificates/{certificate.code}.pdf" in text
    assert f"http://localhost/verify/{certificate.code}" in text
