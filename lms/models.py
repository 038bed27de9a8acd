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
from lms.quizzes.models import (
    Answer,
    Attempt,
    Choice,
    ChoiceTranslation,
    Question,
    QuestionTranslation,
    Quiz,
    QuizQuestion,
)

__all__ = [
    "Answer", "Attempt", "Choice", "ChoiceTranslation", "Question", "QuestionTranslation", "Quiz", "QuizQuestion",
    "Attachment", "Course", "CourseDay", "CourseDayTranslation", "CourseTranslation", "Enrollment", "Module",
    "ModuleProgress", "ModuleTranslation", "Organisation", "Role", "User",
]
