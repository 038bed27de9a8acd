"""What a learner may see after an attempt: pure rules over the quiz's review policy."""
from __future__ import annotations

from datetime import datetime

from lms.quizzes.models import Attempt, AttemptState, Quiz, ReviewPolicy


def may_see_answers(quiz: Quiz, attempt: Attempt, now: datetime) -> bool:
    """Correct answers and feedback are shown only as the quiz's review policy allows."""
    if attempt.state is not AttemptState.SUBMITTED:
        return False
    if quiz.review_policy is ReviewPolicy.ANSWERS:
        return True
    if quiz.review_policy is ReviewPolicy.AFTER_CLOSE:
        return quiz.closes_at is not None and now >= quiz.closes_at
    return False
