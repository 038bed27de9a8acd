"""Forms of the course pages: a learner's, and the trainers' authoring forms."""
from __future__ import annotations

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
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import AnyOf, NumberRange, Optional

from lms.courses.models import CourseStatus, EnrolmentMode, ModuleKind
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


def _translated(form_class: type[TranslatedForm], **makers) -> type[TranslatedForm]:
    """Add one field per language for each `name=lambda language_label: Field(...)`."""
    for name, make in makers.items():
        for code, label in LANGUAGES.items():
            setattr(form_class, f"{name}_{code}", make(label))
    form_class.translated = tuple(makers)
    return form_class


def _title(language: str):
    return StringField(_l("Title (%(language)s)", language=language), validators=[Optional(), max_length(200)])


LANGUAGE_CHOICES = select_choices(LANGUAGES.items())
ENROLMENT_CHOICES = select_choices([
    (EnrolmentMode.OPEN.value, _l("Anyone signed in may enrol")),
    (EnrolmentMode.KEY.value, _l("Only with the enrolment key")),
    (EnrolmentMode.ADMIN.value, _l("Only administrators enrol people")),
])
KIND_CHOICES = select_choices([
    (ModuleKind.LESSON.value, _l("Lesson")),
    (ModuleKind.QUIZ.value, _l("Quiz")),
    (ModuleKind.LIVE.value, _l("Live session")),
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


_translated(CourseForm, title=_title,
            summary=lambda language: TextAreaField(_l("Summary (%(language)s)", language=language),
                                                   validators=[Optional(), max_length(2000)]))


class NewCourseForm(CourseForm):
    slug = StringField(_l("Address"), validators=[required(), max_length(80)])
    days = IntegerField(_l("Number of days"), default=3,
                        validators=[required(), NumberRange(min=1, max=MAX_DAYS,
                                                            message=_l("Enter a number from %(min)s to %(max)s."))])
    submit = SubmitField(_l("Create course"))


class DayForm(TranslatedForm):
    opens_at = DateTimeLocalField(_l("Opens at"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    submit = SubmitField(_l("Save day"))


_translated(DayForm, title=_title)


class ModuleForm(TranslatedForm):
    required_module = BooleanField(_l("Required for completing the course"), default=True)
    estimated_minutes = IntegerField(
        _l("Estimated minutes"),
        validators=[Optional(), NumberRange(min=1, max=1000, message=_l("Enter a number from %(min)s to %(max)s."))],
    )
    submit = SubmitField(_l("Save module"))


_translated(ModuleForm, title=_title,
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


_translated(
    MessageForm,
    subject=lambda language: StringField(_l("Subject (%(language)s)", language=language),
                                         validators=[Optional(), max_length(200)]),
    body=lambda language: TextAreaField(_l("Message (%(language)s)", language=language),
                                        validators=[Optional(), max_length(10_000)]),
)


class ResendForm(Form):
    notification = HiddenField()
    submit = SubmitField(_l("Send again"))
