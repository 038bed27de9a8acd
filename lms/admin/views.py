"""The admin blueprint: its home page and the audit log. People, imports and reports hang on it too."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import lazy_gettext as _l

from lms.admin import queries
from lms.admin.forms import ROLE_LABELS
from lms.audit.models import AuditAction
from lms.auth.permissions import admin_required
from lms.web.forms import page_number
from lms.web.routes import Routes

routes = Routes("/admin")

AUDIT_LABELS = {
    AuditAction.USER_CREATED: _l("Account created"),
    AuditAction.USER_UPDATED: _l("Account changed"),
    AuditAction.USER_ROLE: _l("Role changed"),
    AuditAction.USER_DEACTIVATED: _l("Account deactivated"),
    AuditAction.USER_REACTIVATED: _l("Account reactivated"),
    AuditAction.PASSWORD_LINK: _l("Set-password link made"),
    AuditAction.USERS_IMPORTED: _l("Users imported from a CSV file"),
    AuditAction.ORGANISATION_CREATED: _l("Organisation added"),
    AuditAction.ORGANISATION_UPDATED: _l("Organisation changed"),
    AuditAction.ENROLLED: _l("Enrolled in a course"),
    AuditAction.ORGANISATION_ENROLLED: _l("Organisation enrolled in a course"),
    AuditAction.TRAINER_ADDED: _l("Trainer added to a course"),
    AuditAction.TRAINER_REMOVED: _l("Trainer removed from a course"),
    AuditAction.LEARNER_WITHDRAWN: _l("Learner withdrawn from a course"),
    AuditAction.CERTIFICATE_ISSUED: _l("Certificate issued"),
    AuditAction.CERTIFICATE_REVOKED: _l("Certificate revoked"),
    AuditAction.QUIZ_SETTINGS: _l("Quiz settings changed"),
    AuditAction.QUESTION_CHANGED: _l("Question corrected and attempts regraded"),
    AuditAction.COMPLETION_RULE: _l("Completion rule changed"),
    AuditAction.MODULE_REQUIRED: _l("Module made required or optional"),
    AuditAction.ATTENDANCE_CHANGED: _l("Attendance marked by hand"),
    AuditAction.LEARNER_APPROVED: _l("Learner approved for the certificate"),
    AuditAction.GUEST_INVITED: _l("Guest invited to a live session"),
    AuditAction.GUEST_REVOKED: _l("Guest's link withdrawn"),
    AuditAction.APPLICATION_DECIDED: _l("Application decided"),
    AuditAction.INTAKE_CHANGED: _l("Seats and questions of an intake changed"),
}
DETAIL_LABELS = {
    "email": _l("E-mail"), "name": _l("Name"), "role": _l("Role"), "country": _l("Country"),
    "locale": _l("Language"), "organisation": _l("Organisation"), "course": _l("Course"),
    "created": _l("New accounts"), "enrolled": _l("Enrolments"), "mailed": _l("Sent by e-mail"),
    "file": _l("File"), "rows": _l("Rows"), "code": _l("Code"), "reason": _l("Reason"),
    "regraded": _l("Attempts regraded"), "present": _l("Marked present"), "absent": _l("Marked absent"),
    "required": _l("Required"), "pass_mark": _l("Pass mark (%)"), "attempts_allowed": _l("Attempts allowed"),
    "time_limit_minutes": _l("Time limit (minutes)"), "opens_at": _l("Opens at"), "closes_at": _l("Closes at"),
    "grading_method": _l("Grade from"), "review_policy": _l("After submitting, learners see"),
    "questions_per_page": _l("Questions per page"), "draw_count": _l("Questions drawn at random"),
    "shuffle_questions": _l("Shuffle the questions"), "shuffle_choices": _l("Shuffle the answers"),
    "all_required_modules": _l("Every required module complete"),
    "required_quizzes_passed": _l("Every required quiz passed"),
    "min_attendance_percent": _l("Attendance at live sessions, at least (%)"),
    "min_presence_percent": _l("Share of a session in the meeting (%)"),
    "manual_approval": _l("A trainer approves each learner"),
    "final_survey_answered": _l("The end-of-course survey answered"),
    "session": _l("Live session"), "moderator": _l("Moderator"),
}


@routes.route("/")
@admin_required
def index():
    return render_template("admin/index.html", counts=queries.site_counts(), role_labels=ROLE_LABELS,
                           courses=queries.courses_for_reports())


@routes.route("/audit")
@admin_required
def audit_log():
    page = queries.audit_entries(page=request.args.get("page", 1, type=page_number))
    return render_template("admin/audit.html", page=page, action_labels=AUDIT_LABELS,
                           detail_labels=DETAIL_LABELS)
