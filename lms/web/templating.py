"""What every template can use: the current language, navigation rights, form and content helpers."""
from __future__ import annotations

from flask import Flask, request
from wtforms import Field

from lms import dates, numbers
from lms.i18n import (
    LANGUAGES,
    country_name,
    current_locale,
    fallback_locale,
    file_size,
    language_name,
    localized,
    localized_label,
    missing_locales,
)
from lms.links import absolute_url
from lms.web import site_nav
from lms.web.markdown import render_markdown
from lms.web.template_gettext import bound_gettext, install_gettext


def input_attributes(field: Field, hint: str | None = None, autocomplete: str | None = None) -> dict[str, str]:
    """HTML attributes that tie an input to its hint and errors (WTForms prints None as "None")."""
    described_by = []
    if hint:
        described_by.append(f"{field.id}-hint")
    if field.errors:
        described_by.append(f"{field.id}-errors")
    attributes = {}
    if described_by:
        attributes["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attributes["aria-invalid"] = "true"
    if autocomplete:
        attributes["autocomplete"] = autocomplete
    return attributes


def register_template_helpers(app: Flask) -> None:
    """Make the language and navigation helpers available in every template."""

    @app.context_processor
    def page_context() -> dict:
        return {
            "current_locale": current_locale(),
            "languages": LANGUAGES,
            "current_path": request.full_path.rstrip("?"),
        }

    app.context_processor(bound_gettext)
    install_gettext(app.jinja_env)
    site_nav.init_app(app)  # the header's menu, kept for each kind of visitor and page
    app.jinja_env.filters["filesize"] = file_size
    app.jinja_env.filters.update(date_text=dates.date_text, datetime_text=dates.datetime_text,
                                 time_text=dates.time_text, weekday_date_text=dates.weekday_date_text)
    app.jinja_env.globals["time_range_text"] = dates.time_range_text
    app.jinja_env.filters.update(points=numbers.points_text, percent=numbers.percent_text)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["label_text"] = localized_label  # a short {locale: text} in the reader's language
    app.jinja_env.globals.update(
        localized=localized,
        fallback_locale=fallback_locale,
        missing_locales=missing_locales,
        country_name=country_name,
        input_attributes=input_attributes,
        language_name=language_name,
        absolute_url=absolute_url,
    )
