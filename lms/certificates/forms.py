"""Forms of the certificate pages: a course's completion rule, approving, issuing, revoking."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import NumberRange, Optional

from lms.web.forms import Form, max_length, required


class RuleForm(Form):
    all_required_modules = BooleanField(_l("Every required module complete"))
    required_quizzes_passed = BooleanField(_l("Every required quiz passed"))
    min_attendance_percent = IntegerField(
        _l("Attendance at live sessions, at least (%)"),
        validators=[Optional(), NumberRange(0, 100, message=_l("Enter a number from 0 to 100."))])
    min_presence_percent = IntegerField(
        _l("A session counts as attended after this share of its length in the meeting (%)"),
        validators=[Optional(), NumberRange(0, 100, message=_l("Enter a number from 0 to 100."))])
    manual_approval = BooleanField(_l("A trainer approves each learner"))
    final_survey_answered = BooleanField(_l("The end-of-course survey answered"))
    submit = SubmitField(_l("Save the rule"))


class ActionForm(Form):
    """A button that needs nothing but the CSRF token (approve, issue, issue to all who qualify)."""

    submit = SubmitField(_l("Confirm"))


class RevokeForm(Form):
    reason = StringField(_l("Reason"), validators=[required(), max_length(500)])
    submit = SubmitField(_l("Revoke"))
