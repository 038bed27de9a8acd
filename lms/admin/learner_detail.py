"""One learner of a course in full: each module's state with its times, quiz attempts, attendance."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.courses.models import Course, CourseDay, Enrollment, Module, ModuleProgress
from lms.extensions import db
from lms.live.models import Attendance, LiveSession
from lms.quizzes.models import Attempt, Quiz


@dataclass(frozen=True)
class LearnerDetail:
    user: User
    enrollment: Enrollment
    progress: dict[int, ModuleProgress]  # module id → its progress row
    attempts: dict[int, list[Attempt]]  # module id → the attempts at its quiz
    attendance: dict[int, Attendance]  # module id → attendance at its live session


def learner_detail(course: Course, user_id: int) -> LearnerDetail | None:
    """Everything the learner did in the course, in four queries (the outline is already loaded)."""
    enrollment = db.session.scalar(
        select(Enrollment).where(Enrollment.course_id == course.id, Enrollment.user_id == user_id)
        .options(selectinload(Enrollment.user).selectinload(User.organisation))
    )
    if enrollment is None:
        return None
    progress = db.session.scalars(select(ModuleProgress).where(ModuleProgress.enrollment_id == enrollment.id))
    attempts: dict[int, list[Attempt]] = {}
    for attempt, module_id in db.session.execute(
        select(Attempt, Quiz.module_id).join(Quiz, Quiz.id == Attempt.quiz_id)
        .join(Module, Module.id == Quiz.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course.id, Attempt.user_id == user_id)
        .order_by(Attempt.number)
    ):
        attempts.setdefault(module_id, []).append(attempt)
    attendance = dict(db.session.execute(
        select(LiveSession.module_id, Attendance).join(LiveSession, LiveSession.id == Attendance.session_id)
        .join(Module, Module.id == LiveSession.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course.id, Attendance.user_id == user_id)
    ).all())
    return LearnerDetail(user=enrollment.user, enrollment=enrollment,
                         progress={row.module_id: row for row in progress}, attempts=attempts,
                         attendance=attendance)
