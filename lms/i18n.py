"""Languages of the site: which one a request is served in, and picking translated content."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol
from zoneinfo import available_timezones

from babel import Locale
from babel.support import NullTranslations
from flask import g, has_request_context, request, session
from flask_babel import format_decimal, get_locale, get_translations, gettext
from flask_login import current_user

# Code → the language's own name, shown in the language switcher.
LANGUAGES: dict[str, str] = {"az": "Azərbaycanca", "en": "English", "ru": "Русский"}
DEFAULT_LOCALE = "az"
# The code is written in English; these catalogues must translate every string.
TRANSLATED_LOCALES = ("az", "ru")
# Commands (`flask lms ...`) speak to operators in the language the code is written in.
COMMAND_LINE_LOCALE = "en"
SESSION_KEY = "locale"
# Region codes in CLDR that are not countries (EU, the UN, pseudo-locales, "unknown").
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


def select_locale() -> str:
    """The user's saved language, then the session's, then the browser's, then Azerbaijani."""
    if not has_request_context():
        return COMMAND_LINE_LOCALE
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    return visitor_locale()


def visitor_locale() -> str:
    """The session's language, then the browser's, then Azerbaijani: what is known without the database."""
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LOCALE


def select_timezone() -> str | None:
    """A page's own zone (a guest's entry shows its session's), then the signed-in user's
    timezone; Babel's default (the centre's) otherwise."""
    if not has_request_context():
        return None
    if g.get("page_timezone"):
        return g.page_timezone
    if current_user and current_user.is_authenticated and current_user.timezone:
        return current_user.timezone
    return None


class Translation(Protocol):
    locale: str


def pick_translation(
    rows: Iterable[Translation], locale: str, original_locale: str
) -> Translation | None:
    """The row in `locale`, else in the content's original language, else any row."""
    by_locale = {row.locale: row for row in rows}
    for wanted in (locale, original_locale):
        if wanted in by_locale:
            return by_locale[wanted]
    return next(iter(by_locale.values()), None)


def localized(obj, field: str, locale: str | None = None) -> str:
    """`obj`'s translatable `field` in the current language, with the fallback chain above."""
    row = pick_translation(obj.translations, locale or current_locale(), obj.original_locale)
    return getattr(row, field) if row is not None else ""


def localized_label(texts: Mapping[str, str], original_locale: str = DEFAULT_LOCALE) -> str:
    """A short text kept as {locale: text} (a course's own question) in the current language, with the
    same fallback chain."""
    for wanted in (current_locale(), original_locale):
        if texts.get(wanted):
            return texts[wanted]
    return next((text for text in texts.values() if text), "")


def fallback_locale(obj) -> str | None:
    """The language `obj` is shown in when it lacks the current one; None when it has it."""
    wanted = current_locale()
    row = pick_translation(obj.translations, wanted, obj.original_locale)
    return row.locale if row is not None and row.locale != wanted else None


def missing_locales(obj) -> list[str]:
    """The site's languages `obj` has no translation in (for editors)."""
    present = {row.locale for row in obj.translations}
    return [code for code in LANGUAGES if code not in present]


# Each language's code and catalogue, found from the locale in force. Flask-Babel derives the
# locale's identifier again at every lookup (str(Locale) is 6 µs, a catalogue lookup 15 µs); a page
# asks for them dozens of times. Its catalogues are loaded once a process too: these keep no more.
_codes: dict[Locale | None, str] = {}
_catalogues: dict[Locale | None, NullTranslations] = {}


def current_locale() -> str:
    """The code of the language in force ("az"), following `force_locale` and `refresh`."""
    locale = get_locale()
    code = _codes.get(locale)
    if code is None:
        code = _codes[locale] = str(locale or DEFAULT_LOCALE)
    return code


def translations() -> NullTranslations:
    """The catalogue of the language in force: what Flask-Babel's `get_translations` answers, for less."""
    locale = get_locale()
    catalogue = _catalogues.get(locale)
    if catalogue is None:
        catalogue = _catalogues[locale] = get_translations()
    return catalogue


def country_name(code: str | None) -> str:
    """The country's name in the current language (the code itself when Babel does not know it)."""
    if not code:
        return ""
    return Locale.parse(current_locale()).territories.get(code.upper(), code)


def is_country_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 code of a real country (not EU, UN or "unknown")."""
    return len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES and code in Locale("en").territories


def country_choices() -> list[tuple[str, str]]:
    """(ISO 3166-1 alpha-2 code, name in the current language), sorted by name."""
    territories = Locale.parse(current_locale()).territories
    countries = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return sorted(countries, key=lambda item: item[1].casefold())


def timezone_choices() -> list[tuple[str, str]]:
    """Every IANA timezone as (name, label), sorted."""
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones()) if "/" in name]


def language_name(code: str) -> str:
    """A language's name in the current language ("ingilis", "английский")."""
    return Locale.parse(current_locale()).languages.get(code, code)


def file_size(size: int) -> str:
    """A file's size in KB or MB, with the current language's decimal sign."""
    if size < 1024 * 1024:
        return gettext("%(size)s KB", size=format_decimal(max(size / 1024, 0.1), "#,##0.#"))
    return gettext("%(size)s MB", size=format_decimal(size / (1024 * 1024), "#,##0.#"))
