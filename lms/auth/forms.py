"""Forms for signing in, registering and editing one's profile."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import Optional

from lms.auth.genders import gender_choices
from lms.auth.services import MIN_PASSWORD_LENGTH
from lms.i18n import LANGUAGES, country_choices, timezone_choices
from lms.web.forms import Form, email_address, max_length, password_length, required, same_as, stripped


class LoginForm(Form):
    email = EmailField(_l("E-mail"), validators=[required(), email_address()])
    password = PasswordField(_l("Password"), validators=[required()])
    remember = BooleanField(_l("Keep me signed in"))
    submit = SubmitField(_l("Sign in"))


class RegisterForm(Form):
    name = StringField(_l("Full name"), validators=[required(), max_length(120)])
    email = EmailField(_l("E-mail"), validators=[required(), email_address(), max_length(254)])
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    password = PasswordField(_l("Password"), validators=[required(), password_length(MIN_PASSWORD_LENGTH)])
    confirm = PasswordField(_l("Repeat the password"), validators=[required(), same_as("password")])
    submit = SubmitField(_l("Create account"))

    def __init__(self, organisations: list[tuple[int, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisation.choices = [(0, _l("— none —"))] + organisations
        self.country.choices = [("", _l("— choose —"))] + country_choices()


class ProfileForm(Form):
    name = StringField(_l("Full name"), validators=[required(), max_length(120)])
    locale = SelectField(_l("Language"), validators=[Optional()])
    timezone = SelectField(_l("Time zone"), validators=[Optional()])
    gender = SelectField(_l("Gender"), validators=[Optional()])
    submit = SubmitField(_l("Save profile"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.locale.choices = [("", _l("As my browser asks"))] + list(LANGUAGES.items())
        self.timezone.choices = [("", _l("The training centre's time zone"))] + timezone_choices()
        self.gender.choices = gender_choices()


class PasswordForm(Form):
    current_password = PasswordField(_l("Current password"), validators=[required()])
    new_password = PasswordField(
        _l("New password"), validators=[required(), password_length(MIN_PASSWORD_LENGTH)]
    )
    confirm = PasswordField(_l("Repeat the new password"), validators=[required(), same_as("new_password")])
    submit = SubmitField(_l("Change password"))


class RenewCalendarForm(Form):
    submit = SubmitField(_l("Make a new private address"))


class SetPasswordForm(Form):
    """Choosing a password through a one-time link."""

    new_password = PasswordField(
        _l("New password"), validators=[required(), password_length(MIN_PASSWORD_LENGTH)]
    )
    confirm = PasswordField(_l("Repeat the new password"), validators=[required(), same_as("new_password")])
    submit = SubmitField(_l("Set my password"))


class ForgotPasswordForm(Form):
    email = EmailField(_l("E-mail"), filters=[stripped], validators=[required(), email_address(), max_length(254)])
    submit = SubmitField(_l("Send me a link"))
