"""Files of submissions: the learner's work and the trainer's feedback, of the types and size of attachments."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from flask_babel import gettext as _
from flask_babel import ngettext

from lms.assignments.models import FilePurpose, Submission, SubmissionFile
from lms.courses.attachments import ATTACHMENT_TYPES, clean_filename
from lms.errors import DomainError
from lms.extensions import db
from lms.files import services as stored_files
from lms.i18n import file_size

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
        name = clean_filename(upload.filename)
        suffix = PurePath(name).suffix.lower()
        if suffix not in ATTACHMENT_TYPES:
            raise DomainError(_("“%(name)s” cannot be handed in: use PDF, slides, documents, spreadsheets or images.",
                                name=name), 415)
        try:
            stored = stored_files.store(upload.stream, name, ATTACHMENT_TYPES[suffix], max_bytes)
        except stored_files.TooLarge:
            raise DomainError(_("“%(name)s” is larger than %(size)s.", name=name, size=file_size(max_bytes)),
                              413) from None
        submission.files.append(SubmissionFile(purpose=purpose, filename=name, file=stored))
    db.session.flush()


def _remove(submission: Submission, each: SubmissionFile) -> None:
    stored = each.file
    submission.files.remove(each)
    db.session.flush()
    stored_files.remove(stored)
