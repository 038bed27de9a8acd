"""Forms of intake: the application (or nomination) form with a course's own questions, the centre's
decisions, seats and quotas, and the questions it asks."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import NumberRange, Optional

from lms.applications.services import ANSWER_LENGTH, NAME_LENGTH, TEXT_LENGTH, ApplicantDetails
from lms.courses.forms import LANGUAGE_CHOICES, TranslatedForm, add_translated
from lms.i18n import country_choices, localized_label
from lms.web.forms import Form, email_address, max_length, required, select_choices, stripped

OTHER_ORGANISATION = -1


class ApplicationForm(Form):
    name = StringField(_l("Full name"), filters=[stripped], validators=[required(), max_length(NAME_LENGTH)])
    email = StringField(_l("E-mail address"), filters=[stripped],
                        validators=[required(), email_address(), max_length(254)])
    organisation = SelectField(_l("Organisation"), coerce=int, choices=[], validators=[Optional()])
    organisation_name = StringField(_l("Organisation, if it is not in the list"), filters=[stripped],
                                    validators=[Optional(), max_length(TEXT_LENGTH)])
    country = SelectField(_l("Country"), validators=[required()])
    position = StringField(_l("Position"), filters=[stripped], validators=[required(), max_length(TEXT_LENGTH)])
    motivation = TextAreaField(_l("Why do you wish to take this course?"), filters=[stripped],
                               validators=[required(), max_length(ANSWER_LENGTH)])
    locale = SelectField(_l("Preferred language"), choices=LANGUAGE_CHOICES, validators=[required()])
    submit = SubmitField(_l("Send the application"))

    def details(self, questions: list[dict]) -> ApplicantDetails:
        """What the services take, with the answers to the course's own questions."""
        chosen = self.organisation.data if self.organisation is not None else None  # a nomination has none
        return ApplicantDetails(
            name=self.name.data, email=self.email.data or "", locale=self.locale.data,
            organisation_id=chosen if (chosen or 0) > 0 else None,
            organisation_name=self.organisation_name.data or "" if self.organisation_name is not None else "",
            country=(self.country.data or None) if self.country is not None else None,
            position=self.position.data or "",
            motivation=self.motivation.data or "",
            answers={str(question["id"]): self[f"question_{question['id']}"].data or "" for question in questions})


def application_form(questions: list[dict], organisations: list[tuple[int, str]], *, nominating: bool,
                     **kwargs) -> ApplicationForm:
    """The form for one course: its own questions added; a coordinator's without organisation and country
    (the nominee's are the coordinator's)."""
    form_class = type("CourseApplicationForm", (ApplicationForm,), {
        f"question_{question['id']}": TextAreaField(
            localized_label(question["labels"]), filters=[stripped],
            validators=[required() if question.get("required") else Optional(), max_length(ANSWER_LENGTH)])
        for question in questions})
    form = form_class(**kwargs)
    if nominating:
        del form.organisation, form.organisation_name, form.country
        form.name.label.text = _l("Nominee's full name")
        form.email.label.text = _l("Nominee's e-mail address")
        form.motivation.label.text = _l("Why this person should take the course")
        form.submit.label.text = _l("Nominate")
    else:
        form.organisation.choices = [(0, _l("— choose —"))] + organisations + [
            (OTHER_ORGANISATION, _l("Another organisation (write its name below)"))]
        form.country.choices = [("", _l("— choose —"))] + country_choices()
    return form


class NominationFileForm(Form):
    file = FileField(_l("CSV file"), validators=[FileRequired(message=_l("Choose a file."))])
    submit = SubmitField(_l("Nominate everyone in the file"))


class WithdrawForm(Form):
    submit = SubmitField(_l("Withdraw my application"))


class OfferForm(Form):
    accept = SubmitField(_l("Accept the seat"))
    decline = SubmitField(_l("Decline the seat"))


DECISION_CHOICES = select_choices([
    ("approved", _l("Approve")), ("waitlisted", _l("Put on the waiting list")), ("declined", _l("Decline")),
])


class DecisionForm(Form):
    """The review's bulk decision: the ticked applications, what to do, a message for the applicants."""

    applications = SelectMultipleField(_l("Applications"), coerce=int, choices=[],
                                       validators=[required()])
    decision = SelectField(_l("Decision"), choices=DECISION_CHOICES, validators=[required()])
    message = TextAreaField(_l("Message to the applicants (optional)"), filters=[stripped],
                            validators=[Optional(), max_length(2000)])
    submit = SubmitField(_l("Apply the decision"))


class ReviewFilterForm(Form):
    """The review's filters; sent with GET, so no CSRF token."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Show"))


class IntakeForm(Form):
    seats = IntegerField(_l("Seats in total (empty: no limit)"), validators=[
        Optional(), NumberRange(min=1, max=100_000, message=_l("Give a number from %(min)s to %(max)s."))])
    offer_hours = IntegerField(_l("Hours to accept a seat offered from the waiting list"), validators=[
        required(), NumberRange(min=1, max=24 * 60, message=_l("Give a number from %(min)s to %(max)s."))])
    submit = SubmitField(_l("Save seats"))


class QuotaForm(Form):
    country = SelectField(_l("Country"), validators=[Optional()])
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[Optional()])
    seats = IntegerField(_l("Seats"), validators=[
        required(), NumberRange(min=0, max=100_000, message=_l("Give a number from %(min)s to %(max)s."))])
    submit = SubmitField(_l("Set the quota"))


class RemoveForm(Form):
    submit = SubmitField(_l("Remove"))


class QuestionForm(TranslatedForm):
    required_answer = SelectField(_l("Answer"), choices=select_choices([
        ("required", _l("Required")), ("optional", _l("Optional"))]), validators=[required()])
    submit = SubmitField(_l("Add the question"))


add_translated(QuestionForm, label=lambda language: StringField(
    _l("Question (%(language)s)", language=language), filters=[stripped], validators=[Optional(), max_length(300)]))
