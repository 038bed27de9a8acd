"""Assignments: written work handed in by learners, graded by trainers with a comment, and returned."""
from __future__ import annotations

from flask import Flask

from lms.assignments import (  # notices, digest: their jobs declared on import
    digest,
    grading_views,
    manage_views,
    notices,
    rubric,
    rubric_views,
    services,
    transfer,
    views,
)
from lms.assignments.labels import STANDING_LABELS
from lms.assignments.personal_data import submissions_of
from lms.auth.personal_data import add_section
from lms.courses import records
from lms.courses.transfer import ModulePart, register_module_part
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """Assignment pages and grading, submissions as module records, assignments in course files."""
    app.register_blueprint(feature_blueprint("assignments", views, manage_views, rubric_views, grading_views))
    app.jinja_env.globals.update(standing_labels=STANDING_LABELS, criterion_title=rubric.title_of,
                                 criterion_levels=rubric.levels_of)
    records.add_counter(services.submissions_recorded)
    notices.register()
    digest.register()
    register_module_part(ModulePart("assignment", transfer.export_assignment, transfer.load_assignment))
    add_section("assignments", submissions_of)  # the person's own data download
