"""Who may do what: `can_*` rules and the decorator that enforces them on views."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user

from lms.auth.models import Role, User
from lms.extensions import login_manager


def can_manage_users(user: User) -> bool:
    """Admins manage accounts, roles and organisations."""
    return user.is_authenticated and user.role is Role.ADMIN


def can_author_courses(user: User) -> bool:
    """Trainers and admins build courses."""
    return user.is_authenticated and user.role in (Role.TRAINER, Role.ADMIN)


def requires(rule: Callable[[User], bool]):
    """Allow a view only to users for whom `rule` holds: sign-in first, then 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not rule(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = requires(can_manage_users)
