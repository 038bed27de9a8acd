"""Files in submissions: a learner hands in files with (or instead of) a text, a trainer returns a feedback
file; each file is read only by its learner and the course's trainers; bad files are refused, nothing lost."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from sqlalchemy import func, select

from lms.assignments import services as assignments
from lms.assignments.models import CompletesOn, FilePurpose, Resubmission, Submission, SubmissionFile
from lms.extensions import db
from lms.files.models import StoredFile

PDF = b"%PDF-1.4 plan for the border unit"


def _page(world) -> str:
    return f"/assignments/{world.assignment.id}/"


def _grading(world, submission) -> str:
    return f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/submissions/{submission.id}"


def _takes(world, *, text: bool, files: bool) -> None:
    a = world.assignment
    assignments.update_settings(a, due_at=a.due_at, cut_off_at=a.cut_off_at, late_allowed=True, max_points=20,
                                pass_mark=50, completes_on=CompletesOn.PASSING_GRADE,
                                resubmission=Resubmission.UNTIL_GRADED, takes_text=text, takes_files=files)
    db.session.commit()


def _post(client, url: str, data: dict):
    return client.post(url, data=data, content_type="multipart/form-data")


def _file(content: bytes, name: str):
    return (io.BytesIO(content), name)


def _stored_count() -> int:
    return db.session.scalar(select(func.count(StoredFile.id)))


def test_files_are_handed_in_kept_in_a_draft_and_read_only_by_the_learner_and_trainers(
        assignment_world, client, login):
    world = assignment_world
    _takes(world, text=True, files=True)
    login(world.learners[0])
    page = client.get(_page(world)).text
    assert "Hand in a written answer, files or both." in page and 'type="file"' in page
    assert _post(client, _page(world), {"text": "Ideas", "files": [_file(b"draft slides", "Draft ideas.pptx")],
                                        "save": "y"}).status_code == 302
    draft = db.session.scalar(select(Submission))
    (first,) = draft.files
    assert first.filename == "Draft ideas.pptx" and first.purpose is FilePurpose.WORK
    assert "Draft ideas.pptx" in client.get(_page(world)).text

    # hand in with a new file, dropping the draft's slides
    handed = _post(client, _page(world), {"text": "Final plan", "remove_file": str(first.id),
                                          "files": [_file(PDF, "План действий.pdf")], "hand_in": "y"})
    assert handed.status_code == 302
    (final,) = db.session.scalar(select(Submission)).files
    assert final.filename == "План действий.pdf" and _stored_count() == 1  # the removed file's bytes are gone
    download = client.get(f"{_page(world)}files/{final.id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf" and "attachment" in download.headers[
        "Content-Disposition"]

    client.post("/auth/logout")
    login(world.learners[1])  # another learner of the course: as if the file did not exist
    assert client.get(f"{_page(world)}files/{final.id}").status_code == 404
    client.post("/auth/logout")
    login(world.trainer)
    grading = client.get(_grading(world, final.submission)).text
    assert "План действий.pdf" in grading and "Final plan" in grading
    assert client.get(f"{_page(world)}files/{final.id}").data == PDF
    zipped = client.get(f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}"
                        "/submissions.zip")
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as archive:
        names = archive.namelist()
        assert f"Aysel-Learner-{world.learners[0].id}.txt" in names
        (pdf_name,) = [name for name in names if name.endswith(".pdf")]
        assert pdf_name.startswith(f"Aysel-Learner-{world.learners[0].id}/") and archive.read(pdf_name) == PDF

    # a feedback file saved with the grade is the learner's only once returned
    assert _post(client, _grading(world, final.submission), {
        "points": "16", "comment": "See my notes.", "files": [_file(b"notes", "Notes.docx")],
        "save": "y"}).status_code == 302
    feedback = db.session.scalar(select(SubmissionFile).where(SubmissionFile.purpose == FilePurpose.FEEDBACK))
    client.post("/auth/logout")
    login(world.learners[0])
    assert client.get(f"{_page(world)}files/{feedback.id}").status_code == 404
    assert "Notes.docx" not in client.get(_page(world)).text
    client.post("/auth/logout")
    login(world.trainer)
    assert _post(client, _grading(world, final.submission), {
        "points": "16", "comment": "See my notes.", "give_back": "y"}).status_code == 302  # the file stays
    client.post("/auth/logout")
    login(world.learners[0])
    page = client.get(_page(world)).text
    assert "Notes.docx" in page and "See my notes." in page
    assert client.get(f"{_page(world)}files/{feedback.id}").data == b"notes"
    assert client.get(f"/assignments/{world.assignment.id + 1}/files/{feedback.id}").status_code == 404


@pytest.mark.parametrize(("upload", "status", "message"), [
    (_file(b"MZ", "setup.exe"), 415, "“setup.exe” cannot be handed in"),
    (_file(b"x" * 2048, "big.pdf"), 413, "“big.pdf” is larger than 1 KB."),
])
def test_a_refused_file_keeps_nothing_and_the_text_stays_on_the_page(assignment_world, app, client, login,
                                                                      upload, status, message):
    world = assignment_world
    _takes(world, text=True, files=True)
    app.config["MAX_ATTACHMENT_BYTES"] = 1024
    login(world.learners[0])
    refused = _post(client, _page(world), {"text": "My careful plan", "files": [upload], "hand_in": "y"})
    assert refused.status_code == status and message in refused.text
    assert "My careful plan" in refused.text  # what was written is still in the form
    assert db.session.scalar(select(func.count(Submission.id))) == 0 and _stored_count() == 0


def test_what_the_assignment_does_not_take_is_refused(assignment_world, client, login):
    world = assignment_world
    login(world.learners[0])  # text only (the default)
    assert 'type="file"' not in client.get(_page(world)).text
    refused = _post(client, _page(world), {"text": "Plan", "files": [_file(PDF, "plan.pdf")], "hand_in": "y"})
    assert refused.status_code == 400 and "takes a written answer, not files" in refused.text

    _takes(world, text=False, files=True)
    page = client.get(_page(world)).text
    assert "Hand in your work as files." in page and "<textarea" not in page
    empty = _post(client, _page(world), {"text": "A text nobody asked for", "hand_in": "y"})
    assert empty.status_code == 400 and "Add a file or write your answer before handing it in." in empty.text
    too_many = _post(client, _page(world), {"files": [_file(PDF, f"part {n}.pdf") for n in range(11)], "save": "y"})
    assert too_many.status_code == 400 and "Up to 10 files can be handed in." in too_many.text
    assert _post(client, _page(world), {"text": "ignored", "files": [_file(PDF, "plan.pdf")],
                                        "hand_in": "y"}).status_code == 302
    handed = db.session.scalar(select(Submission))
    assert handed.text == "" and [f.filename for f in handed.files] == ["plan.pdf"]


def test_an_assignment_takes_a_text_files_or_both_never_neither(assignment_world, client, login):
    world = assignment_world
    login(world.trainer)
    url = f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/"
    settings = {"due_at": "2026-11-25T18:00", "cut_off_at": "2026-11-27T18:00", "late_allowed": "y",
                "max_points": "20", "pass_mark": "50", "completes_on": "passing_grade",
                "resubmission": "until_graded"}
    neither = client.post(url, data=settings)
    assert neither.status_code == 400 and "Take a written answer, files or both." in neither.text
    assert client.post(url, data={**settings, "takes_files": "y"}).status_code == 302
    assert (world.assignment.takes_text, world.assignment.takes_files) == (False, True)
    saved = client.get(url).text
    assert re.search(r'<input[^>]*checked[^>]*name="takes_files"', saved)
    assert not re.search(r'<input[^>]*checked[^>]*name="takes_text"', saved)
    assert client.post(url, data={**settings, "takes_files": "y"}).status_code == 302  # saved unchanged
