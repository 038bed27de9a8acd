"""The files' periodic clean-up: files kept only for a while (checked user lists) are deleted after it."""
from __future__ import annotations

from huey import crontab

from lms import clock
from lms.extensions import jobs
from lms.files import services


@jobs.periodic(crontab(minute="7"))
def remove_expired_files() -> int:
    return services.remove_expired(clock.now())
