"""A whole course as one JSON document: exported to reuse it, imported as a new course.

Dates are stored relative to the course's start, so that an imported course can start on
another day (the next cohort) with every day's opening time moved along with it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import gettext as _

from lms.courses import services
from lms.courses.models import Course, EnrolmentMode, Module, ModuleKind
from lms.errors import DomainError
from lms.i18n import LANGUAGES
from lms.timezones import local_to_utc, utc_to_local

FORMAT = "telim-course"
VERSION = 1


@dataclass(frozen=True)
class ModulePart:
    """What a later feature adds to a module's export (a quiz, a live session's time).

    `courses` never imports those features: they register a part here, and the export and import
    call it. `export` returns JSON-ready data or None; `load` gets the new module, that data, the
    place in the file (for messages) and the number of days the new course's start moved by.
    """

    name: str
    export: Callable[[Module], Any]
    load: Callable[[Module, Any, str, int], None]


MODULE_PARTS: list[ModulePart] = []


def register_module_part(part: ModulePart) -> None:
    if all(existing.name != part.name for existing in MODULE_PARTS):
        MODULE_PARTS.append(part)


def invalid(where: str) -> DomainError:
    """The error for a damaged part of a course file, naming where it is."""
    return _invalid(where)


def export_course(course: Course) -> dict[str, Any]:
    """The course's structure and every translation, ready for json.dump."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "course": {
            "slug": course.slug,
            "original_locale": course.original_locale,
            "timezone": course.timezone,
            "starts_on": course.starts_on.isoformat(),
            "enrolment": course.enrolment.value,
            "announce_days": course.announce_days,
            "texts": {t.locale: {"title": t.title, "summary": t.summary} for t in course.translations},
        },
        "days": [
            {
                "number": day.number,
                "date_offset": (day.date - course.starts_on).days,  # days after the course's start
                "opens": _relative_opening(course, day.opens_at),
                "titles": {t.locale: t.title for t in day.translations},
                "modules": [
                    {
                        "kind": module.kind.value,
                        "required": module.required,
                        "estimated_minutes": module.estimated_minutes,
                        "texts": {t.locale: {"title": t.title, "body": t.body} for t in module.translations},
                        # What was attached, for the record; the files themselves are uploaded again.
                        "attachments": [
                            {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                            for a in module.attachments
                        ],
                        **_parts_of(module),
                    }
                    for module in day.modules
                ],
            }
            for day in course.days
        ],
    }


TITLE_LENGTH, TEXT_LENGTH = 200, 100_000
EARLIEST, LATEST = date(2000, 1, 1), date(2199, 12, 31)


def import_course(document: Any, *, slug: str, starts_on: date | None = None) -> Course:
    """A new draft course built from an exported document.

    Raises DomainError naming the first part that is wrong; the caller then rolls back, so that
    nothing of a damaged file is kept.
    """
    data = _expect(document, dict, "document")
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise DomainError(_("This file is not a course exported from Təlim."))
    head = _expect(data.get("course"), dict, "course")
    days = _expect(data.get("days"), list, "days")
    zone = _timezone(head.get("timezone"))
    start = starts_on or _date(head.get("starts_on"))
    enrolment = _choice(EnrolmentMode, head.get("enrolment"), "course.enrolment")
    course = services.create_course(
        slug=slug, original_locale=_locale(head.get("original_locale"), "course.original_locale"), timezone=zone,
        starts_on=start, texts=_texts(head.get("texts"), ("title", "summary"), "course.texts"),
        days=max(len(days), 1),
        # A key is not exported (it is the old cohort's); key enrolment becomes admin-only until one is set.
        enrolment=EnrolmentMode.ADMIN if enrolment is EnrolmentMode.KEY else enrolment,
        announce_days=head.get("announce_days") is not False,  # files made before the setting: announce
    )
    shift = (start - _date(head.get("starts_on"))).days  # how far the new cohort's start moved
    previous = None
    for index, (day, raw_day) in enumerate(zip(course.days, days, strict=False), start=1):
        where = f"days[{index}]"
        raw_day = _expect(raw_day, dict, where)
        day.date = _day_date(start, raw_day.get("date_offset", index - 1), previous, where)
        previous = day.date
        titles = _texts({k: {"title": v} for k, v in _expect(raw_day.get("titles", {}), dict, where).items()},
                        ("title",), f"{where}.titles", need_title=False)
        services.update_day(day, titles={code: t["title"] for code, t in titles.items()},
                            opens_at=_absolute_opening(start, zone, raw_day.get("opens"), where))
        for position, raw_module in enumerate(_expect(raw_day.get("modules", []), list, where), start=1):
            spot = f"{where}.modules[{position}]"
            raw_module = _expect(raw_module, dict, spot)
            minutes = raw_module.get("estimated_minutes")
            if minutes is not None and (not isinstance(minutes, int) or not 1 <= minutes <= 1000):
                raise _invalid(f"{spot}.estimated_minutes")
            module = services.add_module(
                day, kind=_choice(ModuleKind, raw_module.get("kind"), f"{spot}.kind"),
                texts=_texts(raw_module.get("texts"), ("title", "body"), f"{spot}.texts"),
                required=bool(raw_module.get("required", True)), estimated_minutes=minutes,
            )
            for part in MODULE_PARTS:
                if raw_module.get(part.name) is not None:
                    part.load(module, raw_module[part.name], f"{spot}.{part.name}", shift)
    return course


def _parts_of(module: Module) -> dict[str, Any]:
    exported = {part.name: part.export(module) for part in MODULE_PARTS}
    return {name: data for name, data in exported.items() if data is not None}


def _relative_opening(course: Course, opens_at: datetime | None) -> dict[str, Any] | None:
    if opens_at is None:
        return None
    local = utc_to_local(opens_at, course.timezone)
    return {"day_offset": (local.date() - course.starts_on).days, "time": local.strftime("%H:%M")}


def _absolute_opening(start: date, zone: str, opens: Any, where: str) -> datetime | None:
    if opens is None:
        return None
    opens = _expect(opens, dict, f"{where}.opens")
    offset = opens.get("day_offset")
    try:
        at = time.fromisoformat(opens.get("time", ""))
    except (TypeError, ValueError):
        raise _invalid(f"{where}.opens.time") from None
    if not isinstance(offset, int) or abs(offset) > services.MAX_DAYS:
        raise _invalid(f"{where}.opens.day_offset")
    return local_to_utc(datetime.combine(start + timedelta(days=offset), at), zone)


def _day_date(start: date, offset: Any, previous: date | None, where: str) -> date:
    """A day's date from its offset after the start (files made before days had their own dates
    have none: their days are consecutive); days must come in date order."""
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= (LATEST - EARLIEST).days:
        raise _invalid(f"{where}.date_offset")
    found = start + timedelta(days=offset)
    if found > LATEST or (found <= previous if previous is not None else found != start):
        raise _invalid(f"{where}.date_offset")
    return found


def _texts(raw: Any, fields: tuple[str, ...], where: str, need_title: bool = True) -> dict[str, dict[str, str]]:
    texts = {}
    for locale, values in _expect(raw, dict, where).items():
        values = _expect(values, dict, f"{where}.{locale}")
        _locale(locale, where)
        if not all(isinstance(values.get(field, ""), str) for field in fields):
            raise _invalid(f"{where}.{locale}")
        if len(values.get("title", "")) > TITLE_LENGTH or len(values.get("summary", "")) > TEXT_LENGTH:
            raise _invalid(f"{where}.{locale}")  # longer than the database keeps
        texts[locale] = {field: values.get(field, "") for field in fields}
    if need_title and not texts:
        raise _invalid(where)
    return texts


def _expect(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind):
        raise _invalid(where)
    return value


def _choice(enum_class, value: Any, where: str):
    try:
        return enum_class(value)
    except ValueError:
        raise _invalid(where) from None


def _locale(value: Any, where: str) -> str:
    if value not in LANGUAGES:
        raise _invalid(where)
    return value


def _timezone(value: Any) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, TypeError, ValueError):
        raise _invalid("course.timezone") from None
    return value


def _date(value: Any) -> date:
    try:
        found = date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _invalid("course.starts_on") from None
    if not EARLIEST <= found <= LATEST:  # days and opening times are counted from it
        raise _invalid("course.starts_on")
    return found


def _invalid(where: str) -> DomainError:
    return DomainError(_("The course file is damaged or incomplete (at %(place)s).", place=where))
