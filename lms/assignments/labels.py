"""What each learner's standing on an assignment is called on the trainers' page."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from lms.assignments.queries import Standing

STANDING_LABELS = {
    Standing.NOT_STARTED: _l("Not started"),
    Standing.DRAFT: _l("Draft"),
    Standing.SUBMITTED: _l("Handed in"),
    Standing.LATE: _l("Handed in late"),
    Standing.GRADED: _l("Graded, not returned"),
    Standing.RETURNED: _l("Graded and returned"),
}
