"""Stored files: bytes kept in the database in chunks, so that every app server reads the same files."""
from __future__ import annotations

from flask import Flask

from lms.files import jobs  # noqa: F401  (declares the periodic clean-up)


def register(app: Flask) -> None:
    """No pages of its own: features store and serve files through `lms.files.services`."""
