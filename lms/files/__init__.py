"""Stored files: bytes kept in the database in chunks, so that every app server reads the same files."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Nothing to add to the app: other features store and serve files through `lms.files.services`."""
