"""An assignment's grades as CSV, in the reader's language and time zone, safe to open in a spreadsheet;
and the work handed in as one ZIP, a file per learner named after them."""
from __future__ import annotations

import csv
import io
import zipfile

from flask_babel import gettext as _

from lms.assignments.labels import STANDING_LABELS
from lms.assignments.models import FilePurpose, RubricCriterion
from lms.assignments.queries import LearnerWork
from lms.assignments.rubric import title_of
from lms.dates import datetime_text
from lms.files import services as stored_files
from lms.i18n import country_name
from lms.numbers import round_percent, round_points
from lms.spreadsheets import csv_text


def grades_csv(work: list[LearnerWork], criteria: list[RubricCriterion]) -> str:
    """One row per learner: who, the standing, when handed in (late or not), points and percent, and the
    points of each rubric criterion."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Full name"), _("E-mail address"), _("Organisation"), _("Country"), _("Status"),
                     _("Handed in"), _("late"), _("Points"), _("Percent"),
                     *(csv_text(title_of(criterion)) for criterion in criteria)])
    for row in work:
        found, learner = row.submission, row.learner
        graded = found is not None and found.points is not None
        chosen = found.chosen_levels if graded else {}
        writer.writerow([csv_text(value) for value in (
            learner.name, learner.email, learner.organisation.name if learner.organisation else "",
            country_name(learner.country) if learner.country else "", str(STANDING_LABELS[row.standing]),
            datetime_text(found.submitted_at) if found and found.submitted_at else "",
            _("Yes") if found is not None and found.late else "",
            round_points(found.points) if graded else "", round_percent(found.percent) if graded else "",
            *(str(criterion.points[chosen[criterion.id]]) if criterion.id in chosen else ""
              for criterion in criteria))])
    return buffer.getvalue()


def submissions_zip(work: list[LearnerWork]) -> bytes:
    """Each handed-in text as `<name>-<id>.txt` and its files in a folder `<name>-<id>/` (the id keeps two
    learners of one name apart)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for row in work:
            found = row.submission
            if found is None or found.submitted_at is None:
                continue
            name = "".join(char if char.isalnum() else "-" for char in row.learner.name).strip("-") or "learner"
            if found.text:
                archive.writestr(f"{name}-{row.learner.id}.txt", found.text)
            for each in found.files_for(FilePurpose.WORK):
                with archive.open(f"{name}-{row.learner.id}/{each.id}-{each.filename}", "w") as member:
                    for chunk in stored_files.chunks(each.file):
                        member.write(chunk)
    return buffer.getvalue()
