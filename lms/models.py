"""Every model of the app, imported in one place so that SQLAlchemy and Alembic see all tables."""
from lms.auth.models import Organisation, Role, User
from lms.courses.models import (
    Attachment,
    Course,
    CourseDay,
    CourseDayTranslation,
    CourseTranslation,
    Enrollment,
    Module,
    ModuleProgress,
    ModuleTranslation,
)

__all__ = [
    "Attachment", "Course", "CourseDay", "CourseDayTranslation", "CourseTranslation", "Enrollment", "Module",
    "ModuleProgress", "ModuleTranslation", "Organisation", "Role", "User",
]
