"""The catalogues use one word per key term, as translations/GLOSSARY.md says.

The review of 2026-12-01 found "parol" and "şifrə" both used for password, three Russian names for
a live session, a recording called "yazı" (writing) and tolerance called endurance.
"""
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "translations" / "GLOSSARY.md"


def glossary_rows() -> list[tuple[str, dict[str, list[str]]]]:
    """(English term, {locale: forbidden stems}) for each row of the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("English", "---"):
            continue
        term, _az, _ru, not_az, not_ru = cells
        forbidden = {"az": [w.strip() for w in not_az.split(",") if w.strip()],
                     "ru": [w.strip() for w in not_ru.split(",") if w.strip()]}
        rows.append((term, forbidden))
    return rows


def _messages(locale: str):
    with (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        for message in read_po(handle, locale=locale):
            if message.id:
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                yield " ".join(ids), " ".join(strings)


def test_the_glossary_has_its_terms():
    terms = [term for term, _ in glossary_rows()]
    assert {"password", "live session", "enrol", "recording", "tolerance"} <= set(terms)


@pytest.mark.parametrize("locale", ["az", "ru"])
def test_every_translation_uses_the_glossarys_words(locale):
    wrong = []
    for english, translated in _messages(locale):
        for term, forbidden in glossary_rows():
            if not re.search(rf"\b{re.escape(term)}", english, re.IGNORECASE):
                continue
            found = [stem for stem in forbidden[locale]  # a stem at the start of a word, any ending
                     if re.search(rf"(?<!\w){re.escape(stem.casefold())}", translated.casefold())]
            if found:
                wrong.append(f"{english!r}: {translated!r} uses {found} for “{term}”")
    assert not wrong, "\n".join(wrong)


def test_the_check_finds_a_forbidden_word(tmp_path):
    """The test above would catch "şifrə" in a password string (guarding the guard)."""
    forbidden = dict(glossary_rows())["password"]["az"]
    assert any(re.search(rf"(?<!\w){stem}", "Cari şifrəniz düzgün deyil.") for stem in forbidden)
    recording = dict(glossary_rows())["recording"]["az"]
    assert not any(re.search(rf"(?<!\w){stem}", "Videoyazıya baxın") for stem in recording)  # a word's middle
