"""The centre's intake settings as an admin uses them over a season: quotas set and changed, questions
added and taken away (answers already given stay), and seats added go to the waiting list."""
from __future__ import annotations

from sqlalchemy import select

from lms.applications import intake as settings
from lms.applications import services
from lms.applications.models import Application, ApplicationStatus, Intake, Quota
from lms.audit.models import AuditAction, AuditEntry
from lms.extensions import db
from tests.applications.conftest import NOW, applied


def test_a_quota_set_twice_is_changed_not_doubled_and_can_be_removed(client, login, intake):
    login(intake.admin)
    address = f"/admin/courses/{intake.course.slug}/applications/quotas"
    assert client.post(address, data={"country": "AZ", "seats": "3"}).status_code == 302
    assert client.post(address, data={"country": "AZ", "seats": "5"}).status_code == 302
    [quota] = db.session.scalars(select(Quota)).all()
    assert (quota.country, quota.seats) == ("AZ", 5)
    both = client.post(address, data={"country": "GE", "organisation": str(intake.georgia.id), "seats": "1"})
    assert both.status_code == 400 and "Choose a country or an organisation, not both." in both.text
    assert client.post(f"{address}/{quota.id}/remove").status_code == 302
    assert db.session.scalars(select(Quota)).all() == []
    changes = db.session.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.INTAKE_CHANGED)).all()
    assert len(changes) == 3  # set, changed, removed: each in the log


def test_a_question_of_the_course_is_asked_required_and_removed_with_the_answers_kept(client, login, intake):
    login(intake.admin)
    client.post(f"/admin/courses/{intake.course.slug}/applications/questions",
                data={"label_en": "Which unit do you work in?", "label_ru": "В каком отделе вы работаете?",
                      "required_answer": "required"})
    client.post("/auth/logout")
    client.get("/lang/ru")
    form = client.get(f"/courses/{intake.course.slug}/apply").text
    assert "В каком отделе вы работаете?" in form
    data = {"name": "Нурлан", "email": "nurlan@example.org", "country": "KZ", "organisation": "0",
            "position": "Инспектор", "motivation": "Статистика.", "locale": "ru"}
    assert client.post(f"/courses/{intake.course.slug}/apply", data=data).status_code == 400  # unanswered
    assert client.post(f"/courses/{intake.course.slug}/apply",
                       data={**data, "question_1": "Отдел статистики"}).status_code == 302
    settings.remove_question(intake.admin, intake.course, 1)
    db.session.commit()
    assert "В каком отделе" not in client.get(f"/courses/{intake.course.slug}/apply").text
    intake_row = db.session.scalar(select(Intake))
    assert intake_row.questions == []

    assert db.session.scalar(select(Application)).answers == {"1": "Отдел статистики"}


def test_seats_added_are_offered_to_the_waiting_list(intake):
    settings.set_seats(intake.admin, intake.course, 1, 24, NOW)
    first, second = applied(intake, "A", "a@example.org"), applied(intake, "B", "b@example.org")
    services.decide(intake.admin, intake.course, [first], ApplicationStatus.APPROVED, "", NOW)
    services.decide(intake.admin, intake.course, [second], ApplicationStatus.WAITLISTED, "", NOW)
    db.session.commit()
    assert not second.has_open_offer(NOW)
    settings.set_seats(intake.admin, intake.course, 2, 24, NOW)
    db.session.commit()
    assert second.has_open_offer(NOW)


def test_a_coordinator_moved_to_another_organisation_sees_the_new_one_at_the_next_request(client, login, intake):
    applied(intake, "Ours", "ours@example.org", intake.azerbaijan)
    applied(intake, "Theirs", "theirs@example.org", intake.georgia)
    login(intake.coordinator)
    assert "ours@example.org" in client.get("/applications/").text
    intake.coordinator.organisation = intake.georgia
    db.session.commit()
    page = client.get("/applications/").text
    assert "theirs@example.org" in page and "ours@example.org" not in page
