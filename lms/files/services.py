"""Writing, reading, serving and deleting stored files, chunk by chunk."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO
from urllib.parse import quote

from flask import Response, stream_with_context
from sqlalchemy import delete, insert, select

from lms.extensions import db
from lms.files.models import StoredFile, StoredFileChunk

CHUNK_BYTES = 256 * 1024


class TooLarge(Exception):
    """The file is bigger than the limit; nothing of it was kept."""


def store(stream: BinaryIO, filename: str, content_type: str, max_bytes: int, *, owner_id: int | None = None,
          expires_at: datetime | None = None) -> StoredFile:
    """Copy `stream` into the database chunk by chunk; raises TooLarge (keeping nothing) past `max_bytes`."""
    stored = StoredFile(filename=filename, content_type=content_type, owner_id=owner_id, expires_at=expires_at)
    db.session.add(stored)
    db.session.flush()
    size, position = 0, 0
    while chunk := stream.read(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            remove(stored)
            raise TooLarge
        # A Core insert: the chunk is not kept in the session, so memory holds one chunk at a time.
        db.session.execute(insert(StoredFileChunk), {"file_id": stored.id, "position": position, "data": chunk})
        position += 1
    stored.size = size
    db.session.flush()
    return stored


def chunks(stored: StoredFile) -> Iterator[bytes]:
    """The file's bytes in order, one chunk per query."""
    file_id, position = stored.id, 0
    while (data := db.session.scalar(select(StoredFileChunk.data).where(
            StoredFileChunk.file_id == file_id, StoredFileChunk.position == position))) is not None:
        yield data
        position += 1


def read_bytes(stored: StoredFile) -> bytes:
    """The whole file (for small files such as an uploaded user list)."""
    return b"".join(chunks(stored))


def response(stored: StoredFile, download_name: str, *, inline: bool) -> Response:
    """Serve the file as its recorded type, streamed from the database, never cached by the browser."""
    served = Response(stream_with_context(chunks(stored)), mimetype=stored.content_type)
    served.headers["Content-Length"] = str(stored.size)
    served.headers["Cache-Control"] = "no-cache"
    served.headers.set("Content-Disposition", "inline" if inline else "attachment", **_names(download_name))
    return served


def private_file(key: str, owner_id: int, now: datetime) -> StoredFile | None:
    """The owner's file kept under `key`, unless it has expired."""
    stored = db.session.scalar(select(StoredFile).where(StoredFile.key == key, StoredFile.owner_id == owner_id))
    return None if stored is None or stored.is_expired(now) else stored


def remove(stored: StoredFile) -> None:
    """Delete a file and its bytes."""
    db.session.execute(delete(StoredFileChunk).where(StoredFileChunk.file_id == stored.id))
    db.session.delete(stored)
    db.session.flush()


def remove_expired(now: datetime) -> int:
    """Delete every file kept only for a while whose time is up; returns how many."""
    expired = db.session.scalars(select(StoredFile).where(StoredFile.expires_at <= now)).all()
    for stored in expired:
        remove(stored)
    return len(expired)


def _names(download_name: str) -> dict[str, str]:
    """The file name for Content-Disposition: as is when ASCII, else an ASCII form plus the RFC 5987 one."""
    try:
        download_name.encode("ascii")
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", download_name).encode("ascii", "ignore").decode("ascii")
        return {"filename": simple or "file", "filename*": f"UTF-8''{quote(download_name, safe='!#$&+^`|~')}"}
    return {"filename": download_name}
