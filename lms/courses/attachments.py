"""Files attached to a module: kept in the database, served as the type their extension says."""
from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath
from typing import BinaryIO

from flask_babel import gettext as _

from lms.courses.models import Attachment, Module
from lms.errors import DomainError
from lms.extensions import db
from lms.files import services as files
from lms.files.models import StoredFile
from lms.i18n import file_size

# Extension → the type the file is served as (never the type the uploader's browser claimed).
ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


def add_attachment(module: Module, filename: str, stream: BinaryIO, max_bytes: int) -> Attachment:
    """Store an uploaded file with the module; refuses other types and files over `max_bytes`."""
    safe_name = clean_filename(filename)
    suffix = PurePath(safe_name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise DomainError(_("This type of file cannot be attached. Use PDF, slides, documents, "
                            "spreadsheets or images."), 415)
    try:
        stored = files.store(stream, safe_name, ATTACHMENT_TYPES[suffix], max_bytes)
    except files.TooLarge:
        raise DomainError(_("The file is larger than %(size)s.", size=file_size(max_bytes)), 413) from None
    attachment = Attachment(filename=safe_name, file=stored)
    module.attachments.append(attachment)
    db.session.flush()
    return attachment


def store_handed_in(filename: str, stream: BinaryIO, max_bytes: int) -> StoredFile:
    """Store a file a learner hands in (work, an essay's file) or a grader returns, as attachments are: the
    type from the extension, refused (naming the file, keeping nothing) when of another type or too large."""
    name = clean_filename(filename)
    suffix = PurePath(name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise DomainError(_("“%(name)s” cannot be handed in: use PDF, slides, documents, spreadsheets or images.",
                            name=name), 415)
    try:
        return files.store(stream, name, ATTACHMENT_TYPES[suffix], max_bytes)
    except files.TooLarge:
        raise DomainError(_("“%(name)s” is larger than %(size)s.", name=name, size=file_size(max_bytes)), 413) from None


def clean_filename(filename: str) -> str:
    """The file's own name without any folder or odd characters; Azerbaijani and Cyrillic letters stay."""
    name = unicodedata.normalize("NFC", filename).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w.\- ]", "", name).strip(" .")
    return name[-200:] or "file"


def remove_attachment(attachment: Attachment) -> None:
    """Remove an attachment and its file."""
    stored = attachment.file
    db.session.delete(attachment)
    db.session.flush()
    files.remove(stored)
