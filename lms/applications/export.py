"""The review's applications as CSV, in the reader's language and time zone, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from flask_babel import gettext as _

from lms.applications.labels import STATUS_LABELS
from lms.applications.models import Application
from lms.applications.queries import intake_of
from lms.applications.targets import Target
from lms.dates import datetime_text
from lms.i18n import country_name, language_name, localized_label
from lms.spreadsheets import csv_text


def applications_csv(target: Target, applications: Sequence[Application]) -> str:
    """One row per application with the answers to the course's (or programme's) own questions."""
    intake = intake_of(target)
    questions = intake.questions if intake is not None else []
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Submitted"), _("Full name"), _("E-mail address"), _("Organisation"), _("Country"),
                     _("Position"), _("Motivation"), _("Preferred language"),
                     *(localized_label(question["labels"]) for question in questions),
                     _("Status"), _("Nominated by"), _("Decided"), _("Decided by"), _("Message")])
    for found in applications:
        writer.writerow([csv_text(value) for value in (
            datetime_text(found.submitted_at), found.name, found.email, found.organisation_label,
            country_name(found.country), found.position, found.motivation, language_name(found.locale),
            *(found.answers.get(str(question["id"]), "") for question in questions),
            str(STATUS_LABELS[found.status]), found.nominated_by.name if found.nominated_by else "",
            datetime_text(found.decided_at) if found.decided_at else "",
            found.decided_by.name if found.decided_by else "", found.message)])
    return buffer.getvalue()
