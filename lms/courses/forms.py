"""Forms of the course pages: a learner's, and the trainers' authoring forms."""
from __future__ import annotations

from datetime import date

from babel.dates import get_day_names
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import AnyOf, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from lms.courses.models import CourseStatus, EnrolmentMode, ModuleKind
from lms.courses.schedule import Pattern
from lms.courses.services import MAX_DAYS
from lms.i18n import LANGUAGES, timezone_choices
from lms.web.forms import Form, email_address, max_length, required, select_choices


class EnrolForm(Form):
    key = StringField(_l("Enrolment key"), validators=[Optional(), max_length(64)])
    submit = SubmitField(_l("Enrol in this course"))


class CompleteForm(Form):
    submit = SubmitField(_l("Mark as complete"))


# --- authoring: fields repeated for every language ------------------------------------------

class TranslatedForm(Form):
    """A form with some fields once per language: `title_az`, `title_en`, `title_ru`, ..."""

    translated: tuple[str, ...] = ()

    def texts(self) -> dict[str, dict[str, str]]:
        """{locale: {field: value}} as the services take them."""
        return {code: {name: self[f"{name}_{code}"].data or "" for name in self.translated} for code in LANGUAGES}

    def fill_texts(self, translations) -> None:
        """Put existing translation rows into the fields (for an edit page shown the first time)."""
        for row in translations:
            for name in self.translated:
                self[f"{name}_{row.locale}"].data = getattr(row, name)

    def by_language(self) -> list[tuple[str, str, list]]:
        """(code, language name, its fields) for a fieldset per language."""
        return [(code, label, [self[f"{name}_{code}"] for name in self.translated])
                for code, label in LANGUAGES.items()]


def add_translated(form_class: type[TranslatedForm], **makers) -> type[TranslatedForm]:
    """Add one field per language for each `name=lambda language_label: Field(...)`."""
    for name, make in makers.items():
        for code, label in LANGUAGES.items():
            setattr(form_class, f"{name}_{code}", make(label))
    form_class.translated = tuple(makers)
    return form_class


def title_field(language: str):
    return StringField(_l("Title (%(language)s)", language=language), validators=[Optional(), max_length(200)])


LANGUAGE_CHOICES = select_choices(LANGUAGES.items())
ENROLMENT_CHOICES = select_choices([
    (EnrolmentMode.OPEN.value, _l("Anyone signed in may enrol")),
    (EnrolmentMode.KEY.value, _l("Only with the enrolment key")),
    (EnrolmentMode.ADMIN.value, _l("Only administrators enrol people")),
    (EnrolmentMode.APPLICATION.value, _l("By application: people apply or are nominated, the centre selects")),
])
KIND_CHOICES = select_choices([
    (ModuleKind.LESSON.value, _l("Lesson")),
    (ModuleKind.QUIZ.value, _l("Quiz")),
    (ModuleKind.LIVE.value, _l("Live session")),
    (ModuleKind.SURVEY.value, _l("Survey")),
    (ModuleKind.ASSIGNMENT.value, _l("Assignment")),
])


class CourseForm(TranslatedForm):
    original_locale = SelectField(_l("Original language"), choices=LANGUAGE_CHOICES, validators=[required()])
    timezone = SelectField(_l("Time zone"), validators=[required()])
    starts_on = DateField(_l("Start date"), validators=[required()])
    enrolment = SelectField(_l("Enrolment"), choices=ENROLMENT_CHOICES, validators=[required()])
    enrolment_key = StringField(_l("Enrolment key"), validators=[Optional(), max_length(64)])
    announce_days = BooleanField(_l("Tell learners when each day opens"), default=True)
    submit = SubmitField(_l("Save course"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.timezone.choices = timezone_choices()


add_translated(CourseForm, title=title_field,
            summary=lambda language: TextAreaField(_l("Summary (%(language)s)", language=language),
                                                   validators=[Optional(), max_length(2000)]))


class NewCourseForm(CourseForm):
    slug = StringField(_l("Address"), validators=[required(), max_length(80)])
    days = IntegerField(_l("Number of days"), default=3,
                        validators=[required(), NumberRange(min=1, max=MAX_DAYS,
                                                            message=_l("Enter a number from %(min)s to %(max)s."))])
    submit = SubmitField(_l("Create course"))


class DayForm(TranslatedForm):
    date = DateField(_l("Date"), validators=[required()])
    opens_at = DateTimeLocalField(_l("Opens at"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    submit = SubmitField(_l("Save day"))


add_translated(DayForm, title=title_field)


class NextEditionForm(Form):
    slug = StringField(_l("Address of the new edition"), validators=[required(), max_length(80)])
    starts_on = DateField(_l("Its first day"), validators=[required()])
    submit = SubmitField(_l("Make the next edition"))


class ScheduleForm(Form):
    """A rule for the dates of every day: the first date, the weekdays, an end, dates to skip."""

    first = DateField(_l("First date"), validators=[required()])
    weekdays = SelectMultipleField(_l("On these weekdays"), coerce=int, choices=[], validators=[Optional()],
                                   widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    until = DateField(_l("Last possible date"), validators=[Optional()])
    count = IntegerField(_l("Number of days"), validators=[
        Optional(), NumberRange(min=1, max=MAX_DAYS, message=_l("Enter a number from %(min)s to %(max)s."))])
    skip = TextAreaField(_l("Dates to skip"), validators=[Optional(), max_length(5000)])
    opens_at = TimeField(_l("Each day opens at"), validators=[Optional()])
    preview = SubmitField(_l("Preview"))
    apply = SubmitField(_l("Apply the schedule"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Monday first, as dateutil counts them; names in the reader's language.
        names = get_day_names("wide", locale=get_locale())
        self.weekdays.choices = [(number, names[number][:1].upper() + names[number][1:]) for number in range(7)]

    def validate_until(self, field) -> None:
        if field.data is not None and self.first.data is not None and field.data < self.first.data:
            raise ValidationError(_l("The last date comes before the first."))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and self.count.data is None and self.until.data is None:  # both optional, one needed
            self.count.errors = [_l("Give the last possible date, the number of days, or both.")]
            return False
        return valid

    def validate_skip(self, field) -> None:
        for text in (field.data or "").split():
            try:
                date.fromisoformat(text)
            except ValueError:
                raise ValidationError(_l("“%(text)s” is not a date written like 2027-03-08.", text=text)) from None

    def pattern(self) -> Pattern:
        return Pattern(first=self.first.data, weekdays=tuple(sorted(self.weekdays.data or ())),
                       until=self.until.data, count=self.count.data,
                       skip=frozenset(date.fromisoformat(text) for text in (self.skip.data or "").split()))


class ModuleForm(TranslatedForm):
    required_module = BooleanField(_l("Required for completing the course"), default=True)
    estimated_minutes = IntegerField(
        _l("Estimated minutes"),
        validators=[Optional(), NumberRange(min=1, max=1000, message=_l("Enter a number from %(min)s to %(max)s."))],
    )
    submit = SubmitField(_l("Save module"))


add_translated(ModuleForm, title=title_field,
            body=lambda language: TextAreaField(_l("Text in Markdown (%(language)s)", language=language),
                                                validators=[Optional(), max_length(100_000)]))


class NewModuleForm(ModuleForm):
    kind = SelectField(_l("Kind"), choices=KIND_CHOICES, validators=[required()])
    submit = SubmitField(_l("Add module"))


class ImportCourseForm(Form):
    file = FileField(_l("Course file (JSON)"), validators=[
        FileRequired(message=_l("Choose a file.")),
        FileAllowed(["json"], message=_l("Choose a .json file exported from a course.")),
    ])
    slug = StringField(_l("Address of the new course"), validators=[required(), max_length(80)])
    starts_on = DateField(_l("Start date"), validators=[Optional()])
    submit = SubmitField(_l("Import course"))


class AttachmentForm(Form):
    file = FileField(_l("File"), validators=[FileRequired(message=_l("Choose a file."))])
    submit = SubmitField(_l("Attach"))


class StatusForm(Form):
    status = HiddenField(validators=[AnyOf([s.value for s in CourseStatus], message=_l("Not a valid choice."))])
    confirmed = HiddenField()  # "1" once the trainer has confirmed archiving on the page that asks


class MoveForm(Form):
    direction = HiddenField(validators=[AnyOf(["up", "down"], message=_l("Not a valid choice."))])


class ActionForm(Form):
    """A button that only needs its CSRF token (delete, add a day, ...)."""


class PersonForm(Form):
    email = EmailField(_l("E-mail"), validators=[required(), email_address()])
    submit = SubmitField(_l("Add"))


class OrganisationEnrolForm(Form):
    organisation = SelectField(_l("Organisation"), coerce=int, validators=[required()])
    submit = SubmitField(_l("Enrol all its members"))


AUDIENCE_STATUSES = {"": _l("Every learner"), "completed": _l("Learners who have completed the course"),
                     "not_completed": _l("Learners who have not completed it yet")}


class MessageForm(TranslatedForm):
    """A message to a course's learners, written in one to three languages, and whom it goes to."""

    country = SelectField(_l("Country"), choices=[], validate_choice=False)
    organisation = SelectField(_l("Organisation"), coerce=int, choices=[], validate_choice=False)
    status = SelectField(_l("Learners"), choices=select_choices(AUDIENCE_STATUSES.items()),
                         validators=[AnyOf(list(AUDIENCE_STATUSES))])
    submit = SubmitField(_l("Send the message"))

    def __init__(self, countries: list[tuple[str, str]], organisations: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.country.choices = [("", _l("Every country"))] + countries
        self.organisation.choices = [(0, _l("Every organisation"))] + organisations

    def written(self) -> dict[str, tuple[str, str]]:
        """{locale: (subject, body)} for each language with both filled in."""
        return {code: (texts["subject"].strip(), texts["body"].strip()) for code, texts in self.texts().items()
                if texts["subject"].strip() and texts["body"].strip()}


add_translated(
    MessageForm,
    subject=lambda language: StringField(_l("Subject (%(language)s)", language=language),
                                         validators=[Optional(), max_length(200)]),
    body=lambda language: TextAreaField(_l("Message (%(language)s)", language=language),
                                        validators=[Optional(), max_length(10_000)]),
)


class ResendForm(Form):
    notification = HiddenField()
    submit = SubmitField(_l("Send again"))
