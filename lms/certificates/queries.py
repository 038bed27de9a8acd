"""Reading certificates and the learners' records that the completion rule is checked against."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.certificates.models import Approval, Certificate, CompletionRule
from lms.certificates.rules import Record, Rule, Unmet, unmet_conditions
from lms.courses.models import Course, CourseDay, Enrollment, Module, ModuleKind
from lms.courses.queries import required_done
from lms.extensions import db
from lms.live.models import LiveSession
from lms.live.queries import attendance_counts
from lms.programmes.models import Programme, ProgrammeEnrolment
from lms.surveys.queries import final_survey_answered


def rule_of(course: Course) -> Rule:
    """The course's rule, or the default: every required module complete."""
    row = db.session.scalar(select(CompletionRule).where(CompletionRule.course_id == course.id))
    if row is None:
        return Rule()
    return Rule(all_required_modules=row.all_required_modules, required_quizzes_passed=row.required_quizzes_passed,
                min_attendance_percent=row.min_attendance_percent, manual_approval=row.manual_approval,
                min_presence_percent=row.min_presence_percent, final_survey_answered=row.final_survey_answered)


def records(course: Course, enrollment_ids: list[int] | None = None, rule: Rule | None = None) -> dict[int, Record]:
    """Enrollment id → its learner's record in the course, for every learner (or those given): 2 queries
    (3 without the course's `rule`, which says what counts as attending a session)."""
    in_course = CourseDay.course_id == course.id
    required_total, quizzes_total, sessions_total = db.session.execute(
        select(func.count(Module.id).filter(Module.required),
               func.count(Module.id).filter(Module.required, Module.kind == ModuleKind.QUIZ),
               func.count(LiveSession.id))
        .select_from(Module).join(CourseDay, CourseDay.id == Module.day_id)
        .outerjoin(LiveSession, LiveSession.module_id == Module.id)
        .where(in_course)
    ).one()
    done = required_done(course.id)
    attended = attendance_counts(course.id, (rule or rule_of(course)).min_presence_percent)
    query = (
        select(Enrollment.id, func.coalesce(done.c.required, 0), func.coalesce(done.c.quizzes, 0),
               func.coalesce(attended.c.count, 0), Approval.id.is_not(None), final_survey_answered(course.id))
        .outerjoin(done, done.c.enrollment_id == Enrollment.id)
        .outerjoin(attended, attended.c.user_id == Enrollment.user_id)
        .outerjoin(Approval, Approval.enrollment_id == Enrollment.id)
        .where(Enrollment.course_id == course.id, Enrollment.is_active_learner())
    )
    if enrollment_ids is not None:
        query = query.where(Enrollment.id.in_(enrollment_ids))
    return {
        enrollment_id: Record(required_done=required, required_total=required_total, quizzes_passed=quizzes,
                              quizzes_total=quizzes_total, sessions_attended=sessions,
                              sessions_total=sessions_total, approved=bool(approved), survey_answered=bool(answered))
        for enrollment_id, required, quizzes, sessions, approved, answered in db.session.execute(query)
    }


def certificate_by_code(code: str) -> Certificate | None:
    return db.session.scalar(
        select(Certificate).where(Certificate.code == code)
        .options(selectinload(Certificate.enrollment).selectinload(Enrollment.user).selectinload(User.organisation),
                 selectinload(Certificate.enrollment).selectinload(Enrollment.course)
                 .selectinload(Course.translations),
                 selectinload(Certificate.programme_enrolment).selectinload(ProgrammeEnrolment.user),
                 selectinload(Certificate.programme_enrolment).selectinload(ProgrammeEnrolment.programme)
                 .selectinload(Programme.translations))
    )


def certified_pairs(user_ids: list[int], course_ids: list[int]) -> set[tuple[int, int]]:
    """(user id, course id) of each standing certificate these people hold in these courses."""
    if not user_ids or not course_ids:
        return set()
    return {(user_id, course_id) for user_id, course_id in db.session.execute(
        select(Enrollment.user_id, Enrollment.course_id).join(Certificate, Certificate.enrollment_id == Enrollment.id)
        .where(Enrollment.user_id.in_(user_ids), Enrollment.course_id.in_(course_ids),
               Certificate.revoked_at.is_(None)))}


def certified_courses(user_id: int, course_ids: list[int]) -> set[int]:
    """Which of these courses the user holds a standing certificate of (programmes' rule asks)."""
    return {course_id for _user, course_id in certified_pairs([user_id], course_ids)}


def programme_certificate_of(enrolment: ProgrammeEnrolment) -> Certificate | None:
    return db.session.scalar(select(Certificate).where(Certificate.programme_enrolment_id == enrolment.id))


def certificates_of_course(course: Course) -> dict[int, Certificate]:
    """Enrollment id → its certificate (issued or revoked)."""
    return {certificate.enrollment_id: certificate for certificate in db.session.scalars(
        select(Certificate).join(Enrollment, Enrollment.id == Certificate.enrollment_id)
        .where(Enrollment.course_id == course.id))}


@dataclass(frozen=True)
class MyCertificate:
    certificate: Certificate
    course: Course | Programme  # what it certifies: a course, or a whole programme


def certificates_of(user: User) -> list[MyCertificate]:
    """The user's certificates that stand (not revoked), newest first, with their courses' or
    programmes' titles."""
    courses = db.session.execute(
        select(Certificate, Course)
        .join(Enrollment, Enrollment.id == Certificate.enrollment_id).join(Course, Course.id == Enrollment.course_id)
        .where(Enrollment.user_id == user.id, Certificate.revoked_at.is_(None))
        .options(selectinload(Course.translations))
    ).all()
    programmes = db.session.execute(
        select(Certificate, Programme)
        .join(ProgrammeEnrolment, ProgrammeEnrolment.id == Certificate.programme_enrolment_id)
        .join(Programme, Programme.id == ProgrammeEnrolment.programme_id)
        .where(ProgrammeEnrolment.user_id == user.id, Certificate.revoked_at.is_(None))
        .options(selectinload(Programme.translations))
    ).all()
    mine = [MyCertificate(certificate, subject) for certificate, subject in [*courses, *programmes]]
    return sorted(mine, key=lambda item: item.certificate.issued_at, reverse=True)


@dataclass(frozen=True)
class Standing:
    """A learner of the course: their record, their certificate if any, and what they still lack."""

    enrollment: Enrollment
    record: Record
    certificate: Certificate | None
    unmet: list[Unmet]


def learner_standing(course: Course) -> list[Standing]:
    """Every learner of the course by name, in 5 queries."""
    learners = db.session.scalars(
        select(Enrollment).join(User, User.id == Enrollment.user_id)
        .where(Enrollment.course_id == course.id, Enrollment.is_active_learner())
        .options(selectinload(Enrollment.user)).order_by(func.lower(User.name), User.id)
    ).all()
    rule = rule_of(course)
    records_ = records(course, rule=rule)
    certificates = certificates_of_course(course)
    return [Standing(enrollment, records_[enrollment.id], certificates.get(enrollment.id),
                     unmet_conditions(rule, records_[enrollment.id])) for enrollment in learners]
