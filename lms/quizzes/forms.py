"""Forms of the quiz pages (the answers themselves are read by responses.py)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import NumberRange, Optional

from lms.i18n import LANGUAGES
from lms.quizzes.grading import Kind
from lms.quizzes.models import GradingMethod, Question, QuizPurpose, ReviewPolicy
from lms.web.forms import Form, NumberField, max_length, present, required, select_choices


def _range(low: int, high: int) -> NumberRange:
    return NumberRange(min=low, max=high, message=_l("Enter a number from %(min)s to %(max)s."))


class StartForm(Form):
    submit = SubmitField(_l("Start the quiz"))


class AttemptPageForm(Form):
    """Only the CSRF token: the answer fields depend on the page's questions."""


class SubmitForm(Form):
    submit = SubmitField(_l("Submit all and finish"))


class QuestionImportForm(Form):
    file = FileField(_l("Questions file"), validators=[
        Optional(), FileAllowed(["gift", "txt"], message=_l("Choose a .gift or .txt file.")),
    ])
    text = TextAreaField(_l("…or type or paste the questions"), validators=[Optional(), max_length(200_000)])
    fmt = SelectField(_l("Format"), validators=[required()])
    language = SelectField(_l("Language of the questions"), validators=[required()])
    as_translation = BooleanField(_l("These are translations of questions already in the bank (matched by title, "
                                     "or by position when the questions have no titles)"))
    skip_unsupported = BooleanField(_l("Import what can be imported: leave out descriptions and matching "
                                       "distractors, and list them"))
    submit = SubmitField(_l("Import questions"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fmt.choices = select_choices([("gift", "GIFT (Moodle)"), ("aiken", "Aiken")])
        self.language.choices = select_choices(LANGUAGES.items())

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.file.data and not (self.text.data or "").strip():
            self.file.errors.append(_l("Choose a file, or type the questions."))
            return False
        return True

    def source(self) -> str:
        """The questions' text, from the file or the text box."""
        if self.file.data:
            return self.file.data.read().decode("utf-8-sig", errors="replace")
        return self.text.data

class QuizSettingsForm(Form):
    opens_at = DateTimeLocalField(_l("Opens at"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    closes_at = DateTimeLocalField(_l("Closes at"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    time_limit_minutes = IntegerField(_l("Time limit (minutes)"), validators=[Optional(), _range(1, 600)])
    attempts_allowed = IntegerField(_l("Attempts allowed"), validators=[Optional(), _range(1, 100)])
    grading_method = SelectField(_l("Grade from"), validators=[required()])
    pass_mark = IntegerField(_l("Pass mark (%)"), default=60, validators=[present(), _range(0, 100)])
    questions_per_page = IntegerField(_l("Questions per page"), default=2, validators=[required(), _range(1, 50)])
    shuffle_questions = BooleanField(_l("Shuffle the questions"))
    shuffle_choices = BooleanField(_l("Shuffle the answers"))
    draw_count = IntegerField(_l("Draw this many of the chosen questions at random"),
                              validators=[Optional(), _range(1, 500)])
    review_policy = SelectField(_l("After submitting, learners see"), validators=[required()])
    purpose = SelectField(_l("Knowledge gain"), validators=[Optional()])
    submit = SubmitField(_l("Save quiz"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.grading_method.choices = select_choices([
            (GradingMethod.HIGHEST.value, _l("the highest attempt")),
            (GradingMethod.LAST.value, _l("the last attempt")),
            (GradingMethod.AVERAGE.value, _l("the average of all attempts")),
        ])
        self.review_policy.choices = select_choices([
            (ReviewPolicy.SCORE_ONLY.value, _l("their score only")),
            (ReviewPolicy.ANSWERS.value, _l("their score, the correct answers and feedback after each attempt")),
            (ReviewPolicy.AFTER_LAST.value,
             _l("their score; the correct answers after their last attempt or once the quiz has closed")),
            (ReviewPolicy.AFTER_CLOSE.value, _l("their score; the correct answers once the quiz has closed")),
        ])
        self.purpose.choices = select_choices([
            ("", _l("An ordinary quiz")),
            (QuizPurpose.PRE_TEST.value, _l("The course's pre-test: what learners know before it")),
            (QuizPurpose.POST_TEST.value, _l("The course's post-test: what they know after it")),
        ])


def question_form_class(question: Question) -> type[Form]:
    """A form for one question: its settings, its texts per language, and each choice's.

    Field names: `text_az`, `feedback_az`, ..., and for choice 12: `c12_credit`, `c12_text_az`,
    `c12_feedback_az`, `c12_match_az`, `c12_value`, `c12_tolerance`.
    """

    class QuestionForm(Form):
        points = NumberField(_l("Points"), places=None, validators=[present(), _range(0, 100)])
        submit = SubmitField(_l("Save and regrade"))

    kind = question.kind
    if kind is Kind.MULTIPLE:
        QuestionForm.wrong_pick_penalty = NumberField(
            _l("Penalty for each wrong pick (0–1)"), places=None, validators=[Optional(), _range(0, 1)])
    if kind is Kind.SHORT_TEXT:
        QuestionForm.case_sensitive = BooleanField(_l("Letter case matters"))
    if kind is Kind.ESSAY:
        limit = [Optional(), _range(1, 10_000)]
        QuestionForm.min_words = IntegerField(_l("At least this many words"), validators=limit)
        QuestionForm.max_words = IntegerField(_l("At most this many words"), validators=limit)
        QuestionForm.takes_file = BooleanField(_l("Learners may hand in a file with their answer"))
    for code, language in LANGUAGES.items():
        setattr(QuestionForm, f"text_{code}", TextAreaField(
            _l("Question (%(language)s)", language=language), validators=[Optional(), max_length(5000)]))
        setattr(QuestionForm, f"feedback_{code}", TextAreaField(
            _l("General feedback (%(language)s)", language=language), validators=[Optional(), max_length(5000)]))
    for choice in question.choices:
        prefix = f"c{choice.id}_"
        if kind is not Kind.MATCHING:
            setattr(QuestionForm, prefix + "credit", NumberField(
                _l("Credit (%)"), places=None, validators=[present(), _range(-100, 100)]))
        if kind is Kind.NUMERIC:
            setattr(QuestionForm, prefix + "value", NumberField(_l("Number"), places=None, validators=[present()]))
            setattr(QuestionForm, prefix + "tolerance", NumberField(
                _l("Tolerance (±)"), places=None, validators=[Optional(), _range(0, 10**9)]))
        for code, language in LANGUAGES.items():
            if kind is not Kind.TRUE_FALSE and kind is not Kind.NUMERIC:
                setattr(QuestionForm, f"{prefix}text_{code}", StringField(
                    _l("Answer (%(language)s)", language=language), validators=[Optional(), max_length(1000)]))
            if kind is Kind.MATCHING:
                setattr(QuestionForm, f"{prefix}match_{code}", StringField(
                    _l("Matches (%(language)s)", language=language), validators=[Optional(), max_length(1000)]))
            else:
                setattr(QuestionForm, f"{prefix}feedback_{code}", StringField(
                    _l("Feedback (%(language)s)", language=language), validators=[Optional(), max_length(1000)]))
    return QuestionForm
