"""Forms of the admin pages."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SearchField, SelectField, SubmitField
from wtforms.validators import AnyOf, Optional

from lms.auth.models import Role
from lms.forms import Form, max_length, required

ROLE_LABELS = {
    Role.LEARNER: _l("Learner"),
    Role.TRAINER: _l("Trainer"),
    Role.ADMIN: _l("Administrator"),
}


class UserSearchForm(Form):
    """The filter above the user list; sent with GET, so it needs no CSRF token."""

    class Meta:
        csrf = False

    q = SearchField(_l("Name or e-mail"), validators=[Optional(), max_length(100)])
    role = SelectField(_l("Role"), validators=[Optional()])
    submit = SubmitField(_l("Search"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [("", _l("All roles"))] + [(r.value, label) for r, label in ROLE_LABELS.items()]


class RoleForm(Form):
    role = SelectField(_l("Role"), validators=[required()])
    submit = SubmitField(_l("Change role"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [(r.value, label) for r, label in ROLE_LABELS.items()]


class ActiveForm(Form):
    active = HiddenField(validators=[AnyOf(["0", "1"], message=_l("Not a valid choice."))])
    submit = SubmitField(_l("Save"))
