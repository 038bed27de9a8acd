"""What each status of an application is called on the pages, in the reader's language."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from lms.applications.models import ApplicationStatus

STATUS_LABELS = {
    ApplicationStatus.SUBMITTED: _l("Awaiting a decision"),
    ApplicationStatus.APPROVED: _l("Approved"),
    ApplicationStatus.WAITLISTED: _l("Waiting list"),
    ApplicationStatus.DECLINED: _l("Declined"),
    ApplicationStatus.WITHDRAWN: _l("Application withdrawn"),
}
