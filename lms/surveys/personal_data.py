"""A person's surveys for their own data download: which they answered, and their named responses.

An anonymous response has no author, so it cannot be found for anyone, the person included.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.extensions import db
from lms.i18n import localized
from lms.surveys.models import Survey, SurveyReceipt, SurveyResponse


def surveys_of(user: User) -> list[dict[str, Any]]:
    receipts = db.session.execute(
        select(SurveyReceipt, Survey).join(Survey, Survey.id == SurveyReceipt.survey_id)
        .where(SurveyReceipt.user_id == user.id).order_by(SurveyReceipt.answered_at)).all()
    named = {response.survey_id: response for response in db.session.scalars(
        select(SurveyResponse).where(SurveyResponse.user_id == user.id).options(selectinload(SurveyResponse.answers)))}
    return [{"survey": localized(survey.module, "title"), "answered_at": receipt.answered_at,
             "anonymous": survey.anonymous,
             "answers": [{"question": answer.question_id, "subject": answer.subject_id, "value": answer.value,
                          "text": answer.text} for answer in named[survey.id].answers] if survey.id in named else None}
            for receipt, survey in receipts]
