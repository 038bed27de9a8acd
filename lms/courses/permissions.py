"""Who may see and change a course, and the check that stops a page for anyone else."""
from __future__ import annotations

from flask import abort, g
from flask_login import current_user

from lms.auth.models import Role, User
from lms.courses.models import Course, CourseRole, CourseStatus, Enrollment, Module
from lms.courses.queries import course_outline, enrollment_of
from lms.extensions import db, login_manager


def course_role(user: User, course: Course) -> CourseRole | None:
    """The user's role inside the course, or None when they are not enrolled."""
    if not user.is_authenticated:
        return None
    # A page asks this several times (may see? may edit? may open?); ask the database once.
    cache = g.setdefault("course_roles", {})
    key = (user.id, course.id)
    if key not in cache:
        enrollment = enrollment_of(user, course)  # kept for the page, which usually asks for it next
        cache[key] = enrollment.role if enrollment is not None else None
    return cache[key]


def is_learner(enrollment: Enrollment | None) -> bool:
    """Learners see their progress and complete modules; a course's trainers preview the same pages."""
    return enrollment is not None and enrollment.role is CourseRole.LEARNER


def can_edit_course(user: User, course: Course) -> bool:
    """Admins edit every course; trainers only the courses they are trainers of.

    Rights follow the site role and the course role together: someone set back to learner on the
    site keeps no trainer's rights in a course they once trained.
    """
    if not user.is_authenticated:
        return False
    if user.role is Role.ADMIN:
        return True
    return user.role is Role.TRAINER and course_role(user, course) is CourseRole.TRAINER


def can_see_course(user: User, course: Course) -> bool:
    """A published course is public; a draft or archived one is seen by its people and editors."""
    if course.status is CourseStatus.PUBLISHED:
        return True
    return can_edit_course(user, course) or (
        course.status is CourseStatus.ARCHIVED and course_role(user, course) is not None
    )


def can_open_modules(user: User, course: Course) -> bool:
    """Module content is for the course's enrolled people and its editors."""
    return course_role(user, course) is not None or can_edit_course(user, course)


def editable_course(slug: str) -> Course:
    """The course with its outline; 404 when unknown, 403 for someone who may not edit it."""
    course = course_outline(slug)
    if course is None:
        abort(404)
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    if not can_edit_course(current_user, course):
        abort(403)
    return course


def module_of_or_404(course: Course, module_id: int) -> Module:
    """One of the course's modules; 404 for an unknown id or another course's module."""
    module = db.session.get(Module, module_id)
    if module is None or module.day.course_id != course.id:
        abort(404)
    return module
