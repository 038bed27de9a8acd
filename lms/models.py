"""Every model of the app, imported in one place so that SQLAlchemy and Alembic see all tables."""
from lms.applications.models import Application, Intake, Quota
from lms.assignments.models import Assignment, Submission
from lms.audit.models import AuditAction, AuditEntry
from lms.auth.models import Organisation, Role, User
from lms.certificates.models import Approval, Certificate, CompletionRule
from lms.courses.content_cache import ContentVersion
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
from lms.files.models import StoredFile, StoredFileChunk
from lms.live.models import Attendance, GuestInvite, LiveSession
from lms.notifications.models import MailState, Notification, OptOut
from lms.programmes.models import Programme, ProgrammeCourse, ProgrammeEnrolment, ProgrammeTranslation
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
from lms.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyReceipt, SurveyResponse

__all__ = [
    "Application", "Intake", "Quota", "Assignment", "Submission",
    "AuditAction", "AuditEntry", "Approval", "Certificate", "CompletionRule",
    "Attendance", "LiveSession", "ContentVersion",
    "Answer", "Attempt", "Choice", "ChoiceTranslation", "Question", "QuestionTranslation", "Quiz", "QuizQuestion",
    "Attachment", "Course", "CourseDay", "CourseDayTranslation", "CourseTranslation", "Enrollment", "Module",
    "ModuleProgress", "ModuleTranslation", "Organisation", "Role", "User", "StoredFile", "StoredFileChunk",
    "MailState", "Notification", "OptOut", "GuestInvite", "Programme", "ProgrammeCourse", "ProgrammeEnrolment",
    "ProgrammeTranslation", "Survey", "SurveyAnswer", "SurveyQuestion", "SurveyReceipt", "SurveyResponse",
]
