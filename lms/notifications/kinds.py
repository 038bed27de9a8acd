"""Kinds of notification: each feature registers its own (what it says, whether people may turn it off)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel.speaklater import LazyString

from lms.notifications.models import Notification


@dataclass(frozen=True)
class Message:
    """What a notification says, in the language in force when it was composed."""

    subject: str
    paragraphs: tuple[str, ...]
    link: str | None = None
    link_label: str | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    label: LazyString  # what the profile's choices call it, in the reader's language when shown
    compose: Callable[[Notification], Message | None]  # None: what it was about is gone
    optional: bool = True  # False for account mail (a set-password link), which nobody turns off
    on_site: bool = True  # False for mail that carries a secret link
    for_staff: bool = False  # offered on the profile only to trainers and admins


KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind) -> None:
    """Make a kind known (called from a feature's `register`; a second app registers it again, the same)."""
    KINDS[kind.name] = kind


def kind_of(name: str) -> Kind:
    return KINDS[name]


def choosable(staff: bool) -> list[Kind]:
    """The kinds a person may turn off, in the order they were registered."""
    return [kind for kind in KINDS.values() if kind.optional and (staff or not kind.for_staff)]
