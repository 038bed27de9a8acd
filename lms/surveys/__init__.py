"""Feedback surveys: anonymous (or named) questionnaires as modules, receipts of who answered, results."""
from __future__ import annotations

from flask import Flask

from lms.auth.personal_data import add_section
from lms.courses import records
from lms.courses.transfer import ModulePart, register_module_part
from lms.surveys import manage_views, notices, queries, services, transfer, views  # notices: its job declared on import
from lms.surveys.forms import KIND_LABELS
from lms.surveys.labels import RATING_LABELS, RECOMMEND_ENDS
from lms.surveys.personal_data import surveys_of
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """Survey pages and authoring, surveys in course files, receipts as module records, reminders."""
    app.register_blueprint(feature_blueprint("surveys", views, manage_views))
    app.jinja_env.globals.update(survey_prompt=queries.prompt_of, survey_options=queries.options_of,
                                 rating_labels=RATING_LABELS, recommend_ends=RECOMMEND_ENDS,
                                 question_kind_labels=KIND_LABELS)
    register_module_part(ModulePart("survey", transfer.export_survey, transfer.load_survey))
    records.add_counter(services.receipts_recorded)
    notices.register()  # reminders to those without a receipt
    add_section("surveys", surveys_of)  # the person's own data download
