"""Forms of the admin pages."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, HiddenField, SearchField, SelectField, StringField, SubmitField
from wtforms.validators import AnyOf, Optional

from lms.admin.report_rows import SortKey
from lms.admin.report_table import STATUS_LABELS
from lms.auth.genders import gender_choices
from lms.auth.models import Role
from lms.i18n import LANGUAGES, country_choices
from lms.web.forms import Form, email_address, max_length, required

ROLE_LABELS = {
    Role.LEARNER: _l("Learner"),
    Role.TRAINER: _l("Trainer"),
    Role.ADMIN: _l("Administrator"),
    Role.COORDINATOR: _l("Coordinator of an organisation"),
}


class UserSearchForm(Form):
    """The filter above the user list; sent with GET, so it needs no CSRF token."""

    class Meta:
        csrf = False

    q = SearchField(_l("Name or e-mail"), validators=[Optional(), max_length(100)])
    role = SelectField(_l("Role"), validators=[Optional()])
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    active = SelectField(_l("Status"), validators=[Optional()])
    submit = SubmitField(_l("Search"))

    def __init__(self, organisations: list[tuple[int, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [("", _l("All roles"))] + [(r.value, label) for r, label in ROLE_LABELS.items()]
        self.organisation.choices = [(0, _l("All organisations"))] + organisations
        self.country.choices = [("", _l("All countries"))] + country_choices()
        self.active.choices = [("", _l("Everyone")), ("1", _l("Active")), ("0", _l("Deactivated"))]


class UserForm(Form):
    """Creating or editing an account; the password is set by its owner through a link."""

    name = StringField(_l("Full name"), validators=[required(), max_length(120)])
    email = EmailField(_l("E-mail"), validators=[required(), email_address(), max_length(254)])
    role = SelectField(_l("Role"), validators=[required()])
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    locale = SelectField(_l("Language"), validators=[Optional()])
    gender = SelectField(_l("Gender"), validators=[Optional()])
    submit = SubmitField(_l("Save"))

    def __init__(self, organisations: list[tuple[int, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [(r.value, label) for r, label in ROLE_LABELS.items()]
        self.organisation.choices = [(0, _l("— none —"))] + organisations
        self.country.choices = [("", _l("— choose —"))] + country_choices()
        self.locale.choices = [("", _l("As their browser asks"))] + list(LANGUAGES.items())
        self.gender.choices = gender_choices()


class OrganisationForm(Form):
    name = StringField(lazy_pgettext("organisation", "Name"), validators=[required(), max_length(200)])
    country = SelectField(_l("Country"), validators=[required()])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = [("", _l("— choose —"))] + country_choices()


class RoleForm(Form):
    role = SelectField(_l("Role"), validators=[required()])
    submit = SubmitField(_l("Change role"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [(r.value, label) for r, label in ROLE_LABELS.items()]


class ActiveForm(Form):
    active = HiddenField(validators=[AnyOf(["0", "1"], message=_l("Not a valid choice."))])
    submit = SubmitField(_l("Save"))


class PasswordLinkForm(Form):
    submit = SubmitField(_l("Make a set-password link"))


class UserImportForm(Form):
    file = FileField(_l("CSV file"), validators=[required()])
    send_links = BooleanField(_l("E-mail each new person a link to set their password"))
    submit = SubmitField(_l("Check the file"))


class ConfirmImportForm(Form):
    token = HiddenField(validators=[required()])
    send_links = HiddenField()
    submit = SubmitField(_l("Import"))


class ReportFilterForm(Form):
    """The filter and order above the course report; sent with GET, so it needs no CSRF token."""

    class Meta:
        csrf = False

    country = SelectField(_l("Country"), validators=[Optional()])
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])
    sort = SelectField(_l("Sort by"), validators=[Optional()])
    order = SelectField(_l("Order"), validators=[Optional()])
    submit = SubmitField(_l("Show"))

    def __init__(self, countries: list[tuple[str, str]], organisations: list[tuple[int, str]],
                 *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = [("", _l("All countries"))] + countries
        self.organisation.choices = [(0, _l("All organisations"))] + organisations
        self.status.choices = [("", _l("Any status"))] + [(s.value, label) for s, label in STATUS_LABELS.items()]
        self.sort.choices = [(key.value, label) for key, label in SORT_LABELS.items()]
        self.order.choices = [("asc", _l("Ascending")), ("desc", _l("Descending"))]


SORT_LABELS = {
    SortKey.NAME: _l("Name"),
    SortKey.ORGANISATION: _l("Organisation"),
    SortKey.COUNTRY: _l("Country"),
    SortKey.PROGRESS: _l("Progress"),
    SortKey.QUIZ: _l("Average quiz score"),
    SortKey.ATTENDED: _l("Live sessions attended"),
    SortKey.ACTIVITY: _l("Last activity"),
}
