"""A learner keeps a draft, hands it in (late after the due date, refused after the cut-off), and reads
the grade and feedback once a trainer returns them; the module completes at the pass mark."""
from __future__ import annotations

import io
from datetime import timedelta

from sqlalchemy import func, select

from lms.assignments import services as assignments
from lms.assignments.files import Upload
from lms.assignments.models import CompletesOn, Resubmission, Submission, SubmissionStatus
from lms.auth.models import Role
from lms.certificates.grounds import certificates_in_doubt
from lms.courses.models import ModuleProgress
from lms.extensions import db
from tests.assignments.conftest import CUT_OFF, DUE


def _page(world) -> str:
    return f"/assignments/{world.assignment.id}/"


def _completed(world, index: int) -> bool:
    return db.session.scalar(select(func.count(ModuleProgress.id)).where(
        ModuleProgress.enrollment_id == world.enrollments[index].id,
        ModuleProgress.module_id == world.assignment.module_id, ModuleProgress.completed_at.is_not(None))) == 1


def test_a_draft_is_kept_handed_in_graded_and_returned(assignment_world, client, login, frozen_clock):
    world = assignment_world
    login(world.learners[0])
    page = client.get(_page(world))
    assert "<strong>action plan</strong>" in page.text and "Graded out of 20 points" in page.text
    assert client.post(_page(world), data={"text": "First ideas", "save": "y"}).status_code == 302
    assert "First ideas" in client.get(_page(world)).text
    empty = client.post(_page(world), data={"text": "  ", "hand_in": "y"})
    assert empty.status_code == 400 and "Write your answer before handing it in." in empty.text
    assert client.post(_page(world), data={"text": "Plan: train 20 officers.", "hand_in": "y"}).status_code == 302
    submission = db.session.scalar(select(Submission))
    assert submission.status is SubmissionStatus.SUBMITTED and not submission.late
    assert "Waiting for grading." in client.get(_page(world)).text
    assert not _completed(world, 0)

    client.post("/auth/logout")
    login(world.trainer)
    overview = client.get(f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/").text
    assert "Handed in" in overview and "Not started" in overview  # Giorgi has not started
    url = f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/submissions/{submission.id}"
    assert "Plan: train 20 officers." in client.get(url).text
    assert client.post(url, data={"points": "25", "comment": "x", "save": "y"}).status_code == 400  # over 20
    assert client.post(url, data={"points": "15", "comment": "Clear and concrete.", "save": "y"}).status_code == 302
    assert submission.status is SubmissionStatus.GRADED and not _completed(world, 0)  # not returned yet
    client.post("/auth/logout")
    login(world.learners[0])
    assert "Clear and concrete." not in client.get(_page(world)).text

    client.post("/auth/logout")
    login(world.trainer)
    returned = client.post(url, data={"points": "15", "comment": "Clear and concrete.", "give_back": "y"})
    assert returned.status_code == 302
    assert _completed(world, 0)
    client.post("/auth/logout")
    login(world.learners[0])
    page = client.get(_page(world)).text
    assert "15 of 20 points (75%)" in page and "Clear and concrete." in page
    refused = client.post(_page(world), data={"text": "Changed", "hand_in": "y"})
    assert refused.status_code == 409 and "it can no longer be changed" in refused.text
    assert certificates_in_doubt() == []


def test_late_work_is_marked_and_nothing_is_taken_after_the_cut_off(assignment_world, client, login, frozen_clock):
    world = assignment_world
    frozen_clock(DUE + timedelta(hours=1))
    login(world.learners[0])
    client.post(_page(world), data={"text": "Late plan", "hand_in": "y"})
    assert db.session.scalar(select(Submission.late)) is True
    frozen_clock(CUT_OFF + timedelta(minutes=1))
    client.post("/auth/logout")
    login(world.learners[1])
    closed = client.post(_page(world), data={"text": "Too late", "hand_in": "y"})
    assert closed.status_code == 409 and "cut-off date has passed" in closed.text
    assert db.session.scalar(select(func.count(Submission.id)).where(Submission.user_id == world.learners[1].id)) == 0


def test_the_rules_for_handing_in_again(assignment_world):
    world = assignment_world
    a, enrollment = world.assignment, world.enrollments[0]
    assignments.hand_in(a, enrollment, "One", DUE - timedelta(hours=2))
    assignments.hand_in(a, enrollment, "Two", DUE - timedelta(hours=1))  # until graded: again
    assert assignments.submission_of(a, enrollment.user_id).text == "Two"
    a.resubmission = Resubmission.UNTIL_DUE
    try:
        assignments.hand_in(a, enrollment, "Three", DUE + timedelta(hours=1))
        raise AssertionError("handed in again after the due date")
    except Exception as error:  # noqa: BLE001
        assert "only once" in str(getattr(error, "message", error))
    a.completes_on = CompletesOn.SUBMISSION
    assignments.hand_in(world.assignment, world.enrollments[1], "Done", DUE)
    db.session.commit()
    assert _completed(world, 1)  # handing in is enough here


def test_only_learners_hand_in_and_only_editors_grade(assignment_world, client, login, make_user):
    world = assignment_world
    assignments.hand_in(world.assignment, world.enrollments[0], "Plan", DUE)
    db.session.commit()
    submission = db.session.scalar(select(Submission))
    grade_url = (f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}"
                 f"/submissions/{submission.id}")
    login(world.trainer)
    assert client.get(_page(world)).status_code == 200  # a preview
    assert client.post(_page(world), data={"text": "x", "hand_in": "y"}).status_code == 403
    client.post("/auth/logout")
    login(world.learners[1])
    assert client.get(grade_url).status_code == 403
    assert client.post(grade_url, data={"points": "20", "give_back": "y"}).status_code == 403
    client.post("/auth/logout")
    login(make_user(Role.TRAINER))  # another course's trainer
    assert client.post(grade_url, data={"points": "20", "give_back": "y"}).status_code == 403
    assert db.session.scalar(select(Submission.points)) is None


def test_an_assignment_module_is_not_completed_by_hand(assignment_world, client, login):
    world = assignment_world
    login(world.learners[0])
    response = client.post(f"/courses/{world.course.slug}/modules/{world.assignment.module_id}/complete")
    assert response.status_code == 403
    assert not _completed(world, 0)


def test_a_course_file_carries_the_rules_with_the_dates_moved(assignment_world):
    import json
    from datetime import date

    from lms.courses import transfer
    from lms.courses.models import ModuleKind
    world = assignment_world
    world.assignment.takes_text, world.assignment.takes_files = False, True
    assignments.hand_in(world.assignment, world.enrollments[0], "", DUE,
                        added=[Upload("plan.pdf", io.BytesIO(b"%PDF"))])
    document = json.loads(json.dumps(transfer.export_course(world.course)))
    copy = transfer.import_course(document, slug="next-cohort", starts_on=date(2026, 12, 7))  # two weeks on
    db.session.commit()
    module = next(m for day in copy.days for m in day.modules if m.kind is ModuleKind.ASSIGNMENT)
    moved = assignments.existing_assignment(module)
    assert moved.due_at == DUE + timedelta(days=14) and moved.cut_off_at == CUT_OFF + timedelta(days=14)
    assert (moved.max_points, moved.pass_mark, moved.takes_text, moved.takes_files) == (20, 50, False, True)
    assert db.session.scalar(select(func.count(Submission.id)).where(Submission.assignment_id == moved.id)) == 0


def test_the_persons_data_has_their_work_and_only_a_returned_grade(assignment_world, client, login):
    world = assignment_world
    world.assignment.takes_files = True
    work = assignments.hand_in(world.assignment, world.enrollments[0], "Plan", DUE,
                               added=[Upload("Plan.docx", io.BytesIO(b"docx"))])
    assignments.grade(world.trainer, work, points=12, comment="Not yet shared", give_back=False, now=DUE,
                      added=[Upload("Notes.pdf", io.BytesIO(b"%PDF"))])
    db.session.commit()
    login(world.learners[0])
    [entry] = client.get("/auth/profile/data.json").get_json()["assignments"]
    assert entry["text"] == "Plan" and entry["points"] is None and entry["comment"] is None
    assert entry["files"] == ["Plan.docx"]  # their own files; the feedback file is the trainer's until returned


def test_the_grades_download_lists_every_learner_and_defuses_formulas(assignment_world, client, login):
    import csv
    import io
    world = assignment_world
    world.learners[1].name = '=HYPERLINK("http://evil.example","x")'
    work = assignments.hand_in(world.assignment, world.enrollments[0], "Plan", DUE + timedelta(minutes=5))
    assignments.grade(world.trainer, work, points=15, comment="", give_back=True, now=DUE + timedelta(days=1))
    db.session.commit()
    login(world.trainer)
    url = f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/grades.csv"
    rows = list(csv.reader(io.StringIO(client.get(url).text)))
    assert rows[0][:5] == ["Full name", "E-mail address", "Organisation", "Country", "Status"]
    aysel = next(row for row in rows if row[0] == "Aysel Learner")
    assert aysel[4:] == ["Graded and returned", "November 25, 2026, 18:05", "Yes", "15.0", "75.0"]
    assert any(row[0].startswith("'=HYPERLINK") and row[4] == "Not started" for row in rows)
    client.post("/auth/logout")
    login(world.learners[0])
    assert client.get(url).status_code == 403


def test_all_work_handed_in_as_one_zip_named_by_learner(assignment_world, client, login):
    import io
    import zipfile
    world = assignment_world
    assignments.hand_in(world.assignment, world.enrollments[0], "Plan for the border unit", DUE)
    assignments.save_draft(world.assignment, world.enrollments[1], "Not handed in", DUE)  # a draft stays out
    db.session.commit()
    login(world.trainer)
    response = client.get(f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}"
                          "/submissions.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.namelist() == [f"Aysel-Learner-{world.learners[0].id}.txt"]
    assert archive.read(archive.namelist()[0]).decode() == "Plan for the border unit"


def test_a_withdrawn_learner_can_no_longer_hand_in(assignment_world, client, login, make_user):
    from lms.courses import services as courses
    world = assignment_world
    login(world.learners[0])
    assert client.post(_page(world), data={"text": "Draft", "save": "y"}).status_code == 302
    courses.withdraw(make_user(Role.ADMIN), world.enrollments[0], DUE)
    db.session.commit()
    refused = client.post(_page(world), data={"text": "Plan", "hand_in": "y"})
    assert refused.status_code == 403
    assert db.session.scalar(select(Submission.status)) is SubmissionStatus.DRAFT


def test_the_trainers_list_filters_by_standing(assignment_world, client, login):
    world = assignment_world
    assignments.hand_in(world.assignment, world.enrollments[0], "Plan", DUE)
    db.session.commit()
    login(world.trainer)
    url = f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/"
    everyone = client.get(url).text
    assert "Every learner (2)" in everyone and "Handed in (1)" in everyone and "Not started (1)" in everyone
    handed_in = client.get(url + "?standing=submitted").text
    assert "Aysel Learner" in handed_in and "Giorgi Learner" not in handed_in
    not_started = client.get(url + "?standing=not_started").text
    assert "Giorgi Learner" in not_started and "Aysel Learner" not in not_started
    junk = client.get(url + "?standing=%3Cscript%3E")
    assert junk.status_code == 200 and "No learner is in this state." in junk.text
