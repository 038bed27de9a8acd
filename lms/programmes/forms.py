"""Forms of the programme pages: enrolling, and the training centre's authoring forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Optional

from lms.courses.forms import LANGUAGE_CHOICES, TranslatedForm, add_translated, title_field
from lms.courses.models import EnrolmentMode
from lms.web.forms import Form, max_length, required, select_choices

ENROLMENT_CHOICES = select_choices([
    (EnrolmentMode.ADMIN.value, _l("Only administrators enrol people")),
    (EnrolmentMode.OPEN.value, _l("Anyone signed in may enrol")),
    (EnrolmentMode.APPLICATION.value, _l("By application: people apply or are nominated, the centre selects")),
])


class EnrolForm(Form):
    submit = SubmitField(_l("Enrol in this programme"))


class ProgrammeForm(TranslatedForm):
    original_locale = SelectField(_l("Original language"), choices=LANGUAGE_CHOICES, validators=[required()])
    enrolment = SelectField(_l("Enrolment"), choices=ENROLMENT_CHOICES, validators=[required()])
    submit = SubmitField(_l("Save programme"))


add_translated(ProgrammeForm, title=title_field,
            summary=lambda language: TextAreaField(_l("Summary (%(language)s)", language=language),
                                                   validators=[Optional(), max_length(2000)]))


class NewProgrammeForm(ProgrammeForm):
    slug = StringField(_l("Address"), validators=[required(), max_length(80)])
    submit = SubmitField(_l("Create programme"))


class AddCourseForm(Form):
    course = SelectField(_l("Course"), coerce=int, choices=[], validators=[required()])
    required_course = BooleanField(_l("Required for the programme's certificate"), default=True)
    submit = SubmitField(_l("Add the course"))


class CourseItemForm(Form):
    """Change one course of the programme: required or optional, its place, or take it out."""

    action = SelectField(choices=select_choices([(name, name) for name in ("required", "optional", "up", "down",
                                                                           "remove")]), validators=[required()])


class PeopleForm(Form):
    emails = TextAreaField(_l("E-mail addresses"), validators=[required(), max_length(20_000)])
    submit = SubmitField(_l("Enrol them"))


class NextEditionForm(Form):
    slug = StringField(_l("Address of the new edition"), validators=[required(), max_length(80)])
    starts_on = DateField(_l("Its first course starts on"), validators=[required()])
    submit = SubmitField(_l("Make the next edition"))
