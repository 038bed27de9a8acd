"""The answers to "gender" that the profile, the admin's account form and the user import accept."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

from lms.auth.models import Gender
from lms.web.forms import select_choices

GENDER_LABELS = {
    Gender.FEMALE: _l("Female"),
    Gender.MALE: _l("Male"),
    Gender.ANOTHER: _l("Another gender"),
    Gender.UNDISCLOSED: _l("Prefer not to say"),
}


def gender_choices() -> list[SelectChoice]:
    """A select's options: not given first, then each answer."""
    answers = [(gender.value, label) for gender, label in GENDER_LABELS.items()]
    return select_choices([("", _l("— not given —")), *answers])


def gender_from(value: str | None) -> Gender | None:
    """The chosen answer, or None when none was chosen (the form has already refused anything else)."""
    return Gender(value) if value else None
