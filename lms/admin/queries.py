"""Read models for the admin pages."""
from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from lms.audit.models import AuditEntry
from lms.auth.models import Organisation, Role, User
from lms.courses.models import Course
from lms.extensions import db


@dataclass(frozen=True)
class SiteCounts:
    users_by_role: dict[Role, int]
    inactive_users: int
    organisations: int
    courses: int

    @property
    def users(self) -> int:
        return sum(self.users_by_role.values())


def site_counts() -> SiteCounts:
    """How many users (by role), organisations and courses the site has."""
    by_role = {role: 0 for role in Role}
    rows = db.session.execute(select(User.role, func.count(User.id)).group_by(User.role))
    for role, count in rows:
        by_role[role] = count
    return SiteCounts(
        users_by_role=by_role,
        inactive_users=db.session.scalar(select(func.count(User.id)).where(User.active.is_(False))) or 0,
        organisations=db.session.scalar(select(func.count(Organisation.id))) or 0,
        courses=db.session.scalar(select(func.count(Course.id))) or 0,
    )


@dataclass(frozen=True)
class UserFilter:
    """What the admin narrowed the user list to; empty fields do not filter."""

    text: str = ""
    role: Role | None = None
    organisation_id: int | None = None
    country: str | None = None
    active: bool | None = None


def courses_for_reports() -> list[Course]:
    """Every course, newest start first, for the admin's report links."""
    return list(db.session.scalars(
        select(Course).options(selectinload(Course.translations))
        .order_by(Course.starts_on.desc(), Course.id.desc())
    ))


def search_users(found: UserFilter, page: int = 1, per_page: int = 25) -> Pagination:
    """Users matching the filter (name or e-mail contains the text), by name, one page."""
    query = select(User).options(joinedload(User.organisation)).order_by(func.lower(User.name), User.id)
    text, role = found.text, found.role
    text = text.strip()
    if text:
        pattern = f"%{_escape_like(text.lower())}%"
        query = query.where(
            or_(func.lower(User.name).like(pattern, escape="\\"), User.email.like(pattern, escape="\\"))
        )
    if role is not None:
        query = query.where(User.role == role)
    if found.organisation_id:
        query = query.where(User.organisation_id == found.organisation_id)
    if found.country:
        query = query.where(User.country == found.country)
    if found.active is not None:
        query = query.where(User.active.is_(found.active))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def _escape_like(text: str) -> str:
    """Make % and _ in the user's search text match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    members: int


def organisations_with_counts() -> list[OrganisationRow]:
    """Every organisation by name, with how many people belong to it, in one query."""
    members = (
        select(User.organisation_id, func.count(User.id).label("count"))
        .group_by(User.organisation_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Organisation, func.coalesce(members.c.count, 0))
        .outerjoin(members, members.c.organisation_id == Organisation.id)
        .order_by(func.lower(Organisation.name))
    )
    return [OrganisationRow(organisation, count) for organisation, count in rows]


def audit_entries(page: int = 1, per_page: int = 50) -> Pagination:
    """The audit log, newest first, one page, with who did each thing."""
    query = (select(AuditEntry).options(joinedload(AuditEntry.actor))
             .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
