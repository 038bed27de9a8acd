"""A person's certificates (revoked ones too), for their own data download."""
from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from lms.auth.models import User
from lms.certificates.models import Certificate
from lms.courses.models import Enrollment
from lms.extensions import db
from lms.i18n import localized
from lms.programmes.models import ProgrammeEnrolment


def certificates_of(user: User) -> list[dict[str, Any]]:
    certificates = db.session.scalars(
        select(Certificate)
        .outerjoin(Enrollment, Enrollment.id == Certificate.enrollment_id)
        .outerjoin(ProgrammeEnrolment, ProgrammeEnrolment.id == Certificate.programme_enrolment_id)
        .where(or_(Enrollment.user_id == user.id, ProgrammeEnrolment.user_id == user.id))
        .order_by(Certificate.issued_at)).all()
    return [{"code": c.code, "for": localized(c.awarded_for, "title"), "issued_at": c.issued_at,
             "revoked_at": c.revoked_at, "revoke_reason": c.revoke_reason} for c in certificates]
