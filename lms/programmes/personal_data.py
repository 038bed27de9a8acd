"""A person's programme enrolments, for their own data download."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.extensions import db
from lms.i18n import localized
from lms.programmes.models import Programme, ProgrammeEnrolment


def programmes_of(user: User) -> list[dict[str, Any]]:
    enrolments = db.session.scalars(
        select(ProgrammeEnrolment).where(ProgrammeEnrolment.user_id == user.id).order_by(ProgrammeEnrolment.id)
        .options(selectinload(ProgrammeEnrolment.programme).selectinload(Programme.translations))).all()
    return [{"programme": e.programme.slug, "title": localized(e.programme, "title"), "edition": e.programme.edition,
             "enrolled_at": e.enrolled_at, "completed_at": e.completed_at} for e in enrolments]
