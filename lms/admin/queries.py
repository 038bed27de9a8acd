"""Read models for the admin pages."""
from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

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


def search_users(text: str = "", role: Role | None = None, page: int = 1, per_page: int = 25) -> Pagination:
    """Users whose name or e-mail contains `text`, optionally of one role, by name, one page."""
    query = select(User).options(joinedload(User.organisation)).order_by(func.lower(User.name), User.id)
    text = text.strip()
    if text:
        pattern = f"%{_escape_like(text.lower())}%"
        query = query.where(
            or_(func.lower(User.name).like(pattern, escape="\\"), User.email.like(pattern, escape="\\"))
        )
    if role is not None:
        query = query.where(User.role == role)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def _escape_like(text: str) -> str:
    """Make % and _ in the user's search text match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
