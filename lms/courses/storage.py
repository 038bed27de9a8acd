"""Where attachment files live: a folder on disk (instance/uploads unless configured)."""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import BinaryIO

from flask import current_app

CHUNK = 64 * 1024


class TooLarge(Exception):
    """The file is bigger than the limit; nothing was kept."""


def folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def save(stream: BinaryIO, suffix: str, max_bytes: int) -> tuple[str, int]:
    """Copy `stream` to a new randomly named file; returns (stored name, size in bytes)."""
    name = f"{secrets.token_hex(16)}{suffix}"
    path = folder() / name
    size = 0
    with path.open("xb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                break
            out.write(chunk)
    if size > max_bytes:
        path.unlink()
        raise TooLarge
    return name, size


def remove(stored_name: str) -> None:
    """Delete a stored file (it is fine if it is already gone)."""
    (folder() / stored_name).unlink(missing_ok=True)
