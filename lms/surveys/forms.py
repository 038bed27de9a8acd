"""Forms for authoring a survey: its settings, a template to start from, and its questions."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Optional

from lms.courses.forms import TranslatedForm, add_translated
from lms.surveys.models import QuestionKind, SurveyPurpose
from lms.surveys.starters import STARTERS
from lms.web.forms import Form, max_length, required, select_choices, stripped

KIND_LABELS = {
    QuestionKind.RATING: _l("Rating from 1 to 5"),
    QuestionKind.SINGLE: _l("One of several options"),
    QuestionKind.MULTIPLE: _l("Any of several options"),
    QuestionKind.TRAINERS: _l("A rating of each trainer"),
    QuestionKind.DAY_SESSIONS: _l("A rating of each live session of the survey's day"),
    QuestionKind.COURSE_SESSIONS: _l("A rating of each live session of the course"),
    QuestionKind.RECOMMEND: _l("Would you recommend it, from 0 to 10"),
    QuestionKind.TEXT: _l("Free text"),
}
PURPOSE_LABELS = {
    SurveyPurpose.END_OF_COURSE: _l(
        "End-of-course evaluation (read by the evaluation report and the certificate rule)"),
    SurveyPurpose.END_OF_DAY: _l("End-of-day feedback"),
    SurveyPurpose.OTHER: _l("Other feedback"),
}


class SurveySettingsForm(Form):
    purpose = SelectField(_l("What the survey evaluates"), choices=select_choices(
        (purpose.value, label) for purpose, label in PURPOSE_LABELS.items()), validators=[required()])
    anonymous = BooleanField(_l("Anonymous: responses are kept without names"), default=True)
    submit = SubmitField(_l("Save settings"))


class StarterForm(Form):
    starter = SelectField(_l("Template"), choices=select_choices(
        (starter.name, starter.label) for starter in STARTERS.values()), validators=[required()])
    submit = SubmitField(_l("Add its questions"))


class QuestionForm(TranslatedForm):
    """A question's wording in each language and whether it must be answered (its kind stays as made)."""

    must_answer = BooleanField(_l("An answer is required"), default=True)
    submit = SubmitField(_l("Save the question"))

    def texts_and_options(self) -> dict[str, tuple[str, list[str]]]:
        """{locale: (prompt, options)} as the services take them; options one per line."""
        return {code: (texts["prompt"], texts["options"].splitlines()) for code, texts in self.texts().items()}


add_translated(
    QuestionForm,
    prompt=lambda language: StringField(_l("Question (%(language)s)", language=language), filters=[stripped],
                                        validators=[Optional(), max_length(300)]),
    options=lambda language: TextAreaField(_l("Options, one per line (%(language)s)", language=language),
                                           validators=[Optional(), max_length(2000)], render_kw={"rows": 4}),
)


class NewQuestionForm(QuestionForm):
    kind = SelectField(_l("Kind of question"), choices=select_choices(
        (kind.value, label) for kind, label in KIND_LABELS.items()), validators=[required()])


class ActionForm(Form):
    """A button that posts (remove a question)."""

    submit = SubmitField(_l("Remove"))


class AnswerForm(Form):
    """The survey's own fields are read by the rules; this form carries the CSRF token and the button."""

    submit = SubmitField(_l("Send my answers"))
