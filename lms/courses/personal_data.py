"""A person's enrolments and module progress, for their own data download."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.courses.models import Course, Enrollment, Module, ModuleProgress
from lms.extensions import db
from lms.i18n import localized


def enrolments_of(user: User) -> list[dict[str, Any]]:
    """Each course the person is or was enrolled in, with every module they opened or completed."""
    enrollments = db.session.scalars(
        select(Enrollment).where(Enrollment.user_id == user.id).order_by(Enrollment.enrolled_at, Enrollment.id)
        .options(selectinload(Enrollment.course).selectinload(Course.translations))).all()
    progress = db.session.execute(
        select(ModuleProgress, Module).join(Module, Module.id == ModuleProgress.module_id)
        .where(ModuleProgress.enrollment_id.in_([e.id for e in enrollments]))
        .options(selectinload(Module.translations)).order_by(ModuleProgress.first_viewed_at)).all()
    modules: dict[int, list[dict[str, Any]]] = {}
    for record, module in progress:
        modules.setdefault(record.enrollment_id, []).append({
            "module": localized(module, "title"), "kind": module.kind,
            "first_viewed_at": record.first_viewed_at, "completed_at": record.completed_at})
    return [{"course": e.course.slug, "title": localized(e.course, "title"), "role": e.role,
             "enrolled_at": e.enrolled_at, "completed_at": e.completed_at, "withdrawn_at": e.withdrawn_at,
             "modules": modules.get(e.id, [])} for e in enrollments]
