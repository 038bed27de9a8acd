"""A coordinator's CSV of nominees, in the user import's columns (email, firstname, lastname, lang) and
position and motivation: read into applicant details, or refused whole with the line that is wrong."""
from __future__ import annotations

from flask_babel import gettext as _

from lms.applications.services import ApplicantDetails
from lms.csv_input import UnreadableCSV, cell, read_rows
from lms.errors import DomainError
from lms.i18n import LANGUAGES

MAX_NOMINEES = 500


def read_nominees(data: bytes, default_locale: str) -> list[ApplicantDetails]:
    """Every nominee in the file; a DomainError naming the first line that cannot be used."""
    try:
        headers, lines = read_rows(data)
    except UnreadableCSV as error:
        raise DomainError(error.message) from None
    if "email" not in headers or not {"firstname", "lastname"} & set(headers):
        raise DomainError(_("The first line must name the columns, with at least email and firstname or lastname."))
    if not lines:
        raise DomainError(_("The file has no rows under its header."))
    if len(lines) > MAX_NOMINEES:
        raise DomainError(_("The file has more than %(count)d rows; split it.", count=MAX_NOMINEES))
    nominees = []
    for line, values in lines:
        locale = cell(values, "lang").lower() or default_locale
        if locale not in LANGUAGES:
            raise DomainError(_("Line %(line)d: the language must be az, en or ru.", line=line))
        nominees.append(ApplicantDetails(
            name=" ".join(part for part in (cell(values, "firstname"), cell(values, "lastname")) if part),
            email=cell(values, "email"), locale=locale, position=cell(values, "position"),
            motivation=cell(values, "motivation")))
    return nominees
