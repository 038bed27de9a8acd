"""The base form and validators whose messages come from the site's own catalogues.

WTForms ships no Azerbaijani catalogue, so every message a form can show is written here and
translated with the rest of the site.
"""
from __future__ import annotations

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length

# Messages WTForms fields produce themselves (for a select with an unknown value); listed here so
# that `pybabel extract` puts them in the catalogues that Form.Meta reads them from.
FIELD_MESSAGES = (
    _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."),
    _l("Not a valid decimal value."),
    _l("Not a valid integer value."),
)


class _SiteTranslations:
    """WTForms' translations interface, answered by Flask-Babel and the site's catalogues."""

    def gettext(self, string: str) -> str:
        return gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return ngettext(singular, plural, n)


def without_nul(value):
    """Drop NUL characters: PostgreSQL cannot store them in text, and no person types one."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def stripped(value):
    """Leading and trailing spaces dropped (an address pasted from a mail often carries one)."""
    return value.strip() if isinstance(value, str) else value


class Form(FlaskForm):
    """Every form of the site: CSRF-protected, messages in the user's language, no NUL characters."""

    class Meta:
        def get_translations(self, form):
            return _SiteTranslations()

        def bind_field(self, form, unbound_field, options):
            filters = (*unbound_field.kwargs.get("filters", ()), without_nul)
            return unbound_field.bind(form=form, filters=filters, **options)


def select_choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the options of a SelectField (WTForms 3.3 deprecates raw tuples)."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def required() -> DataRequired:
    return DataRequired(message=_l("This field is required."))


def present() -> InputRequired:
    """Required, where 0 is a value (DataRequired would refuse it)."""
    return InputRequired(message=_l("This field is required."))


def email_address() -> Email:
    return Email(message=_l("Enter a valid e-mail address."))


def max_length(maximum: int) -> Length:
    return Length(max=maximum, message=_l("Use at most %(max)d characters."))


def password_length(minimum: int, maximum: int = 128) -> Length:
    return Length(min=minimum, max=maximum, message=_l("Use between %(min)d and %(max)d characters."))


def same_as(other_field: str) -> EqualTo:
    return EqualTo(other_field, message=_l("The passwords do not match."))


MAX_ROW_ID = 2**31 - 1  # the largest id an INTEGER column holds on PostgreSQL


def ids_from(values: list[str]) -> list[int]:
    """Row ids from checkbox values; anything that is not one (`²`, `-1`, 30 digits) is left out."""
    return [int(value) for value in values if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ROW_ID]


MAX_PAGE = 1_000_000


def page_number(value: str) -> int:
    """A `?page=` value as a page from 1 to a million (a 30-digit page overflowed the database's OFFSET)."""
    number = int(value)  # a ValueError makes request.args.get fall back to its default
    return min(max(number, 1), MAX_PAGE)


class NumberField(DecimalField):
    """A decimal number that is finite: "NaN", "sNaN" and "Infinity" are refused with the field's
    message (Decimal parses them, and comparing one with a range raised an error: a 500)."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None and not self.data.is_finite():
            self.data = None
            raise ValueError(self.gettext("Not a valid decimal value."))
