"""A stored file and its chunks: the bytes live in the database, not on one machine's disk."""
from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from lms.extensions import db
from lms.types import UTCDateTime, utcnow


def new_key() -> str:
    return secrets.token_urlsafe(24)


class StoredFile(db.Model):
    """A file's name, type and size; its bytes are `StoredFileChunk` rows, read and written in order."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random: the name under which a page may refer to the file without giving away anything about it.
    key: Mapped[str] = mapped_column(String(64), unique=True, default=new_key)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who may read a private file (an uploaded user list waiting to be confirmed); None for files that
    # another row (an attachment) gives access to.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # A file kept only for a while is deleted by the periodic clean-up after this time.
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    def is_expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now


class StoredFileChunk(db.Model):
    """One piece of a file's bytes (CHUNK_BYTES at most), so no request holds a whole large file in memory."""

    __tablename__ = "stored_file_chunks"

    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
