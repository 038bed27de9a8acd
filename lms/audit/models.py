"""The audit log's rows: who changed what, when."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.extensions import db
from lms.types import UTCDateTime, enum_column, utcnow


class AuditAction(enum.StrEnum):
    """Everything the log knows how to describe; the admin page translates each one."""

    USER_CREATED = "user.created"
    USER_UPDATED = "user.updated"
    USER_ROLE = "user.role"
    USER_DEACTIVATED = "user.deactivated"
    USER_REACTIVATED = "user.reactivated"
    PASSWORD_LINK = "user.password_link"  # noqa: S105  (an action's name, not a password)  # nosec B105
    USERS_IMPORTED = "users.imported"
    ORGANISATION_CREATED = "org.created"
    ORGANISATION_UPDATED = "org.updated"
    ENROLLED = "course.enrolled"
    ORGANISATION_ENROLLED = "course.org_enrolled"
    TRAINER_ADDED = "course.trainer"
    TRAINER_REMOVED = "course.trainer_removed"
    LEARNER_WITHDRAWN = "course.withdrawn"
    CERTIFICATE_ISSUED = "certificate.issued"
    CERTIFICATE_REVOKED = "certificate.revoked"
    # Changes a trainer makes that can alter a learner's result
    QUIZ_SETTINGS = "quiz.settings"
    QUESTION_CHANGED = "quiz.question"
    COMPLETION_RULE = "course.rule"
    MODULE_REQUIRED = "course.module_required"
    ATTENDANCE_CHANGED = "live.attendance"
    LEARNER_APPROVED = "certificate.approved"
    GUEST_INVITED = "live.guest_invited"
    GUEST_REVOKED = "live.guest_revoked"
    APPLICATION_DECIDED = "application.decided"
    INTAKE_CHANGED = "application.intake"


class AuditEntry(db.Model):
    """One admin action. The target's name is copied so that the entry reads the same years later."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction, length=24))
    target: Mapped[str] = mapped_column(String(300), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    actor: Mapped[User | None] = relationship()
