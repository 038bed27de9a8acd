"""Files of submissions: the learner's work and the trainer's feedback, of the types and size of attachments."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import BinaryIO

from flask_babel import ngettext

from lms.assignments.models import FilePurpose, Submission, SubmissionFile
from lms.courses.attachments import store_handed_in
from lms.errors import DomainError
from lms.extensions import db
from lms.files import services as stored_files

MAX_FILES = 10  # of each purpose on one submission


@dataclass(frozen=True)
class Upload:
    """A file as the browser sent it."""

    filename: str
    stream: BinaryIO


def change_files(submission: Submission, purpose: FilePurpose, *, added: list[Upload], removed: Collection[int],
                 max_bytes: int) -> None:
    """Remove the submission's files of `purpose` whose ids are in `removed`, then store `added`.

    Refuses (keeping nothing of the uploads) a type attachments may not have, a file over `max_bytes`,
    or more than MAX_FILES in all.
    """
    for each in submission.files_for(purpose):
        if each.id in removed:
            _remove(submission, each)
    if len(submission.files_for(purpose)) + len(added) > MAX_FILES:
        raise DomainError(ngettext("Up to %(num)d file can be handed in.", "Up to %(num)d files can be handed in.",
                                   MAX_FILES), 400)
    for upload in added:
        stored = store_handed_in(upload.filename, upload.stream, max_bytes)
        submission.files.append(SubmissionFile(purpose=purpose, filename=stored.filename, file=stored))
    db.session.flush()


def _remove(submission: Submission, each: SubmissionFile) -> None:
    stored = each.file
    submission.files.remove(each)
    db.session.flush()
    stored_files.remove(stored)
