"""The quizzes' periodic work: attempts whose time is up are submitted, as if their learner had."""
from __future__ import annotations

from huey import crontab

from lms import clock
from lms.extensions import jobs
from lms.quizzes import services


@jobs.periodic(crontab(minute="*"))
def close_overdue_attempts() -> int:
    return services.close_overdue_attempts(clock.now())
