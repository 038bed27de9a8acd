"""The catalogues: every string of the code is there, translated, and valid for gettext."""
import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po

from lms import i18n_tools
from lms.i18n import TRANSLATED_LOCALES


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The strings the code and templates use now, freshly extracted."""
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    i18n_tools.extract(pot)
    with pot.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def catalogue(locale):
    path = i18n_tools.TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_string_of_the_code_is_in_the_catalogue(extracted, locale):
    in_catalogue = {message.id for message in catalogue(locale) if message.id}
    missing = extracted - in_catalogue
    assert not missing, f"run `make i18n` and translate: {sorted(missing, key=str)}"


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_string_is_translated_and_none_is_fuzzy(locale):
    stats = i18n_tools.catalogue_stats(locale)
    assert stats.total > 100
    assert (stats.untranslated, stats.fuzzy) == (0, 0)


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_translations_are_not_english_copies(locale):
    same_in_azerbaijani = {"Administrator", "Status", "Format", "%(size)s KB", "%(size)s MB", "%(first)s – %(last)s",
                           "Moderator", "moderator"}
    copies = [m.id for m in catalogue(locale) if m.id and isinstance(m.id, str) and m.string == m.id
              and any(c.isalpha() for c in m.id) and m.id not in same_in_azerbaijani]
    assert copies == []


def test_russian_has_three_plural_forms():
    plurals = [m for m in catalogue("ru") if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == 3 and all(m.string) for m in plurals)


@pytest.mark.parametrize("locale", ["az", "en", "ru"])
def test_msgfmt_check_passes(locale):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed (Debian package gettext)"
    path = i18n_tools.TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], check=False,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
