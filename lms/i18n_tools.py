"""Maintaining the translation catalogues: extract, update, compile, count what is missing."""
from __future__ import annotations

import subprocess  # only to run pybabel, see _pybabel  # nosec B404
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from config import BASE_DIR

TRANSLATIONS_DIR = BASE_DIR / "translations"
TEMPLATE_POT = TRANSLATIONS_DIR / "messages.pot"
BABEL_CFG = TRANSLATIONS_DIR / "babel.cfg"
# Every name the code uses for gettext; pybabel silently skips strings behind any other name.
KEYWORDS = ("_", "_l", "gettext", "ngettext:1,2", "lazy_gettext", "lazy_ngettext:1,2")


def _pybabel(*args: str) -> None:
    # A fixed command (this Python running pybabel), no shell; the arguments come from our own code.
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=BASE_DIR)  # nosec B603


def extract(output: Path = TEMPLATE_POT) -> None:
    """Collect every translatable string of lms/ and templates/ into a .pot file."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    _pybabel("extract", "-F", str(BABEL_CFG), *keywords, "--no-location", "--sort-output",
             # Babel skips folders starting with "_" by default; templates/_partials has strings.
             "--ignore-dirs", ".* __pycache__",
             "--project", "Telim LMS", "-o", str(output), "lms", "templates")


def update() -> None:
    """Extract, then merge new strings into every language's .po file."""
    extract()
    _pybabel("update", "-i", str(TEMPLATE_POT), "-d", str(TRANSLATIONS_DIR), "--no-wrap",
             "--ignore-obsolete", "--no-fuzzy-matching")


def compile_catalogues() -> None:
    """Build the .mo files the app reads."""
    _pybabel("compile", "-d", str(TRANSLATIONS_DIR), "--statistics")


@dataclass(frozen=True)
class CatalogueStats:
    locale: str
    total: int
    untranslated: int
    fuzzy: int


def catalogue_stats(locale: str) -> CatalogueStats:
    """How many strings the language's catalogue has, lacks and marks as fuzzy."""
    path = TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=locale)
    messages = [message for message in catalogue if message.id]
    untranslated = [m for m in messages if not _is_translated(m.string)]
    fuzzy = [m for m in messages if m.fuzzy]
    return CatalogueStats(locale, len(messages), len(untranslated), len(fuzzy))


def _is_translated(string: str | tuple[str, ...]) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)
