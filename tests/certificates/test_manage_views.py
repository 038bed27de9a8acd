"""Trainers set the rule and approve; admins issue, revoke and see certificates in the report."""
from lms.auth.models import Role
from lms.certificates import queries
from lms.certificates.rules import Rule
from lms.extensions import db
from tests.admin.conftest import cohort  # noqa: F401

RU = {"Accept-Language": "ru"}


def test_a_trainer_sets_the_rule_and_sees_who_still_needs_what(client, login, cohort):  # noqa: F811
    login(cohort.trainer)
    response = client.post("/courses/key-concepts/manage/certificates/", data={
        "required_quizzes_passed": "y", "min_attendance_percent": "100", "manual_approval": "y"})
    assert response.status_code == 302
    assert queries.rule_of(cohort.course) == Rule(all_required_modules=False, required_quizzes_passed=True,
                                                  min_attendance_percent=100, manual_approval=True)
    page = client.get("/courses/key-concepts/manage/certificates/", headers=RU).text
    assert "Ещё нужно: обязательные тесты, посещение, одобрение" in page  # Olga
    assert "Выдан" in page  # Aynur's certificate, issued under the old rule, stays


def test_a_percentage_out_of_range_is_refused(client, login, cohort):  # noqa: F811
    login(cohort.trainer)
    response = client.post("/courses/key-concepts/manage/certificates/", headers=RU,
                           data={"min_attendance_percent": "150"})
    assert response.status_code == 400 and "Введите число от 0 до 100." in response.text


def test_approving_issues_when_the_rest_is_met(client, login, cohort):  # noqa: F811
    login(cohort.trainer)
    client.post("/courses/key-concepts/manage/certificates/", data={
        "min_attendance_percent": "100", "manual_approval": "y"})
    response = client.post(f"/courses/key-concepts/manage/certificates/{cohort.nodar.id}/approve", headers=RU)
    assert response.status_code == 302
    assert len(queries.certificates_of_course(cohort.course)) == 2  # Aynur's and now Nodar's
    assert client.post(f"/courses/key-concepts/manage/certificates/{cohort.trainer.id}/approve").status_code == 404


def test_trainers_may_not_issue_or_revoke(client, login, cohort):  # noqa: F811
    login(cohort.trainer)
    assert client.post(f"/courses/key-concepts/manage/certificates/{cohort.olga.id}/issue").status_code == 403
    assert client.post(f"/courses/key-concepts/manage/certificates/{cohort.aynur.id}/revoke",
                       data={"reason": "no"}).status_code == 403


def test_an_admin_revokes_with_a_reason_and_the_report_shows_it(client, login, cohort):  # noqa: F811
    login(cohort.admin)
    url = f"/courses/key-concepts/manage/certificates/{cohort.aynur.id}/revoke"
    empty = client.post(url, data={"reason": " "}, headers=RU)
    assert empty.status_code == 400 and "Укажите причину отзыва сертификата." in empty.text
    assert client.post(url, data={"reason": "Plagiarism in the final test"}).status_code == 302
    certificate = next(iter(queries.certificates_of_course(cohort.course).values()))
    db.session.refresh(certificate)
    assert certificate.revoked and certificate.revoke_reason == "Plagiarism in the final test"
    report = client.get("/admin/courses/key-concepts/progress", headers=RU).text
    assert "Отозван" in report
    client.post(f"/courses/key-concepts/manage/certificates/{cohort.olga.id}/issue")
    rows = client.get("/admin/courses/key-concepts/progress.csv", headers=RU).data.decode("utf-8-sig")
    assert "Olga Sidorova" in rows and rows.count("Выдан") == 1 and rows.count("Отозван") == 1


def test_the_zip_is_for_admins(client, login, cohort, make_user):  # noqa: F811
    login(cohort.trainer)
    assert client.get("/admin/courses/key-concepts/certificates.zip").status_code == 403
    client.post("/auth/logout")
    login(make_user(Role.ADMIN))
    assert client.get("/admin/courses/key-concepts/certificates.zip").mimetype == "application/zip"
