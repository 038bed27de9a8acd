"""Quizzes: a question bank per course, attempts whose every answer is saved, grading, review."""
from __future__ import annotations

from flask import Flask

from lms import signals
from lms.auth.personal_data import add_section
from lms.cli import add_commands
from lms.courses import content_cache, records
from lms.courses.transfer import ModulePart, register_module_part
from lms.quizzes import (  # noqa: F401  (jobs: declared on import)
    cli,
    essays,
    jobs,
    manage_views,
    notices,
    services,
    transfer,
    views,
)
from lms.quizzes.grading import word_count
from lms.quizzes.models import Choice, ChoiceTranslation, Question, QuestionTranslation, Quiz, QuizQuestion
from lms.quizzes.personal_data import attempts_of
from lms.quizzes.responses import fields_from_response
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """Quiz pages and authoring, quizzes in course files, attempts as module records, grading's reaction."""
    app.register_blueprint(feature_blueprint("quizzes", views, manage_views))
    add_commands(app, *cli.COMMANDS)
    app.add_template_global(fields_from_response, "saved_fields")  # fills a question with its saved answer
    app.jinja_env.globals.update(essay_limits=essays.limits_text, word_count=word_count)
    content_cache.track(Quiz, QuizQuestion, Question, QuestionTranslation, Choice, ChoiceTranslation)
    register_module_part(ModulePart("quiz", transfer.export_quiz, transfer.load_quiz))
    records.add_counter(services.attempts_recorded)
    signals.attempt_graded.connect(services.on_attempt_graded)
    notices.register()
    add_section("quiz_attempts", attempts_of)  # the person's own data download
