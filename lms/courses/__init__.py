"""Courses: their days and modules, enrolments and module progress."""
from __future__ import annotations

from flask import Flask

from lms.auth.personal_data import add_section
from lms.cli import add_commands
from lms.courses import (
    cli,
    content_cache,
    edition_views,
    manage_views,
    message_views,
    notices,
    schedule_views,
    views,
)
from lms.courses.models import (
    Attachment,
    Course,
    CourseDay,
    CourseDayTranslation,
    CourseTranslation,
    Module,
    ModuleTranslation,
)
from lms.courses.personal_data import enrolments_of
from lms.web.routes import feature_blueprint


def register(app: Flask) -> None:
    """The course pages and their authoring, `flask lms export-course | import-course`, the outline cache."""
    app.register_blueprint(feature_blueprint("courses", views, manage_views, message_views, schedule_views,
                                             edition_views))
    add_commands(app, *cli.COMMANDS)
    notices.register()
    content_cache.track(Course, CourseTranslation, CourseDay, CourseDayTranslation, Module, ModuleTranslation,
                        Attachment)
    add_section("courses", enrolments_of)  # the person's own data download
