"""Every model of the app, imported in one place so that SQLAlchemy and Alembic see all tables."""
from lms.auth.models import Organisation, Role, User
from lms.courses.models import Course, CourseStatus, CourseTranslation

__all__ = ["Course", "CourseStatus", "CourseTranslation", "Organisation", "Role", "User"]
