"""What a learner may see after an attempt: pure rules over the quiz's review policy."""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from lms.quizzes.models import Attempt, AttemptState, Quiz, ReviewPolicy


def may_see_answers(quiz: Quiz, attempt: Attempt, attempts_made: int, now: datetime) -> bool:
    """Correct answers and feedback are shown only as the quiz's review policy allows.

    `attempts_made` is how many attempts the learner has started at this quiz.
    """
    if attempt.state is not AttemptState.SUBMITTED:
        return False
    closed = quiz.closes_at is not None and now >= quiz.closes_at
    if quiz.review_policy is ReviewPolicy.ANSWERS:
        return True
    if quiz.review_policy is ReviewPolicy.AFTER_CLOSE:
        return closed
    if quiz.review_policy is ReviewPolicy.AFTER_LAST:
        return closed or (quiz.attempts_allowed is not None and attempts_made >= quiz.attempts_allowed)
    return False


def what_learners_see(quiz: Quiz) -> str:
    """One sentence for the settings page: when this quiz's learners will see the correct answers."""
    policy, attempts = quiz.review_policy, quiz.attempts_allowed
    if policy is ReviewPolicy.SCORE_ONLY:
        return _("Learners will see their score only, never the correct answers.")
    if policy is ReviewPolicy.ANSWERS:
        if attempts == 1:
            return _("Learners will see the correct answers right after their attempt.")
        return _("Learners will see the correct answers right after each attempt, "
                 "and can use them in their next attempt.")
    if policy is ReviewPolicy.AFTER_CLOSE:
        if quiz.closes_at is None:
            return _("Learners will not see the correct answers until you set a closing time.")
        return _("Learners will see the correct answers once the quiz has closed.")
    if attempts is None and quiz.closes_at is None:
        return _("Learners have unlimited attempts and the quiz never closes, so they will not see "
                 "the correct answers.")
    return _("Learners will see the correct answers once they have used their last attempt "
             "or the quiz has closed.")
