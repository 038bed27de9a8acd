"""Writing courses: creating one with its texts in several languages."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from lms.courses.models import Course, CourseStatus, CourseTranslation
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import LANGUAGES


def create_course(
    *,
    slug: str,
    original_locale: str,
    timezone: str,
    starts_on: date,
    texts: dict[str, tuple[str, str]],
    status: CourseStatus = CourseStatus.DRAFT,
) -> Course:
    """A new course; `texts` maps a language code to (title, summary)."""
    if original_locale not in texts:
        raise DomainError(_("A course needs a title in its original language."))
    if db.session.scalar(select(Course.id).where(Course.slug == slug)) is not None:
        raise DomainError(_("This address is already used by another course."), 409)
    course = Course(slug=slug, original_locale=original_locale, timezone=timezone,
                    starts_on=starts_on, status=status)
    for locale, (title, summary) in texts.items():
        if locale not in LANGUAGES:
            raise DomainError(_("Unknown language: %(code)s.", code=locale))
        course.translations.append(CourseTranslation(locale=locale, title=title, summary=summary))
    db.session.add(course)
    db.session.flush()
    return course
