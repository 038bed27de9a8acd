"""The applications' periodic work: offers not taken in time pass to the next in line, and declined or
withdrawn applications are deleted once the centre's retention time is over."""
from __future__ import annotations

from flask import current_app
from huey import crontab

from lms import clock
from lms.applications import services
from lms.extensions import jobs


@jobs.periodic(crontab(minute="*/5"))
def lapse_offers() -> int:
    return services.lapse_offers(clock.now())


@jobs.periodic(crontab(minute="23", hour="3"))
def forget_closed_applications() -> int:
    return services.forget_closed(clock.now(), current_app.config["APPLICATION_RETENTION_DAYS"])
