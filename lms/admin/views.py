"""The admin blueprint: its home page and the audit log. People, imports and reports hang on it too."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import lazy_gettext as _l

from lms.admin import queries
from lms.admin.forms import ROLE_LABELS
from lms.audit import AuditAction
from lms.auth.permissions import admin_required
from lms.forms import page_number

bp = Blueprint("admin", __name__, url_prefix="/admin")

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
}
DETAIL_LABELS = {
    "email": _l("E-mail"), "name": _l("Name"), "role": _l("Role"), "country": _l("Country"),
    "locale": _l("Language"), "organisation": _l("Organisation"), "course": _l("Course"),
    "created": _l("New accounts"), "enrolled": _l("Enrolments"), "mailed": _l("Sent by e-mail"),
    "file": _l("File"), "rows": _l("Rows"),
}


@bp.route("/")
@admin_required
def index():
    return render_template("admin/index.html", counts=queries.site_counts(), role_labels=ROLE_LABELS,
                           courses=queries.courses_for_reports())


@bp.route("/audit")
@admin_required
def audit_log():
    page = queries.audit_entries(page=request.args.get("page", 1, type=page_number))
    return render_template("admin/audit.html", page=page, action_labels=AUDIT_LABELS,
                           detail_labels=DETAIL_LABELS)
