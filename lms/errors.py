"""DomainError: a rule of the domain broken, raised by services with a message for the user."""
from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken; `message` is already translated for the user."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
