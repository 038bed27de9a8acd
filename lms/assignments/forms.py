"""Forms of assignments: a trainer's settings and grade, a learner's answer."""
from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import NumberRange, Optional, Regexp

from lms.assignments.files import Upload
from lms.assignments.models import CompletesOn, Resubmission, RubricCriterion
from lms.courses.forms import TranslatedForm, add_translated
from lms.web.forms import Form, ids_from, max_length, present, required, select_choices, stripped

COMPLETES_ON_LABELS = {
    CompletesOn.PASSING_GRADE: _l("When its grade, at or above the pass mark, is returned"),
    CompletesOn.SUBMISSION: _l("When the work is handed in"),
}
RESUBMISSION_LABELS = {
    Resubmission.UNTIL_GRADED: _l("Until it is graded"),
    Resubmission.UNTIL_DUE: _l("Until it is graded, and only before the due date"),
    Resubmission.NEVER: _l("No: handed in once"),
}


class AssignmentSettingsForm(Form):
    due_at = DateTimeLocalField(_l("Due"), validators=[Optional()])
    cut_off_at = DateTimeLocalField(_l("Cut-off: nothing is taken after"), validators=[Optional()])
    late_allowed = BooleanField(_l("Take late work (marked late) until the cut-off"), default=True)
    takes_text = BooleanField(_l("A written answer on the page"), default=True)
    takes_files = BooleanField(_l("Files (PDF, documents, slides, spreadsheets, images)"))
    max_points = IntegerField(_l("Points"), validators=[present(), NumberRange(
        1, 1000, message=_l("Enter a number from 1 to 1000."))])
    pass_mark = IntegerField(_l("Pass mark (%)"), validators=[present(), NumberRange(
        0, 100, message=_l("Enter a number from 0 to 100."))])
    completes_on = SelectField(_l("The module is complete"), validators=[required()], choices=select_choices(
        (value.value, label) for value, label in COMPLETES_ON_LABELS.items()))
    resubmission = SelectField(_l("Learners may hand in again"), validators=[required()], choices=select_choices(
        (value.value, label) for value, label in RESUBMISSION_LABELS.items()))
    submit = SubmitField(_l("Save the assignment"))


class AnswerForm(Form):
    text = TextAreaField(_l("Your answer"), validators=[max_length(50_000)], render_kw={"rows": 14})
    files = MultipleFileField(_l("Add files"))
    save = SubmitField(_l("Save draft"))
    hand_in = SubmitField(_l("Hand in"))


class GradeForm(Form):
    points = DecimalField(_l("Points"), places=2, validators=[present(), NumberRange(
        0, message=_l("Enter a number of points, 0 or more."))])
    comment = TextAreaField(_l("Feedback to the learner"), validators=[max_length(10_000)], render_kw={"rows": 6})
    files = MultipleFileField(_l("Feedback files"))
    save = SubmitField(_l("Save the grade"))
    give_back = SubmitField(_l("Save and return to the learner"))


def uploads_of(field: MultipleFileField) -> list[Upload]:
    """The files chosen in a file field (a field left empty sends one nameless part)."""
    return [Upload(each.filename, each.stream) for each in field.data or [] if each and each.filename]


def removed_files() -> list[int]:
    """The ids of the files ticked "remove" on the page."""
    return ids_from(request.form.getlist("remove_file"))


class AnonymousGradingForm(Form):
    anonymous = BooleanField(_l("Grade anonymously: show “Participant” and a number instead of names"))
    submit = SubmitField(_l("Save"))


def levels_posted(criteria: list[RubricCriterion]) -> dict[int, int]:
    """{criterion id: level} from the grading page's radio buttons (`level-<criterion id>`); junk left out."""
    chosen = {}
    for criterion in criteria:
        value = request.form.get(f"level-{criterion.id}", "")
        if value.isascii() and value.isdigit() and len(value) < 3:
            chosen[criterion.id] = int(value)
    return chosen


class CriterionForm(TranslatedForm):
    """A rubric criterion: its name and a description of each level in each language, the levels' points."""

    points = StringField(_l("Points of each level, lowest first, separated by commas"), filters=[stripped],
                         validators=[required(), max_length(60), Regexp(
                             r"^\d{1,3}(\s*,\s*\d{1,3})+$",
                             message=_l("Give the points as numbers separated by commas, such as 0, 2, 4, 5."))])
    submit = SubmitField(_l("Save the criterion"))

    def level_points(self) -> list[int]:
        return [int(value) for value in self.points.data.split(",")]

    def texts_and_levels(self) -> dict[str, tuple[str, list[str]]]:
        """{locale: (title, a description per level)} as the rubric takes them."""
        return {code: (texts["title"], texts["levels"].splitlines()) for code, texts in self.texts().items()}


add_translated(
    CriterionForm,
    title=lambda language: StringField(_l("Criterion (%(language)s)", language=language), filters=[stripped],
                                       validators=[Optional(), max_length(200)]),
    levels=lambda language: TextAreaField(
        _l("Levels, one per line, lowest first (%(language)s)", language=language),
        validators=[Optional(), max_length(3000)], render_kw={"rows": 5}),
)


class RemoveForm(Form):
    submit = SubmitField(_l("Remove"))


class EssayGradeForm(Form):
    points = DecimalField(_l("Points"), places=2, validators=[present(), NumberRange(
        0, message=_l("Enter a number of points, 0 or more."))])
    comment = TextAreaField(_l("Comment to the learner"), validators=[max_length(10_000)], render_kw={"rows": 5})
    submit = SubmitField(_l("Save the grade"))
