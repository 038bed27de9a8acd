"""A programme's progress report (each learner across its courses, by country and organisation) and the
comparison of editions of a course or programme: read models, a fixed number of queries each."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from lms.auth.models import User
from lms.certificates.models import Certificate
from lms.certificates.queries import certified_pairs
from lms.courses.models import Course, Enrollment
from lms.courses.queries import CourseProgress
from lms.extensions import db
from lms.i18n import country_name
from lms.programmes import rules
from lms.programmes.models import Programme, ProgrammeCourse, ProgrammeEnrolment
from lms.programmes.queries import progress_table
from lms.quizzes.queries import best_scores_by_course


@dataclass(frozen=True)
class CourseCell:
    progress: CourseProgress | None  # None: not enrolled in that course (any more)
    completed: bool
    certified: bool


@dataclass(frozen=True)
class ProgrammeRow:
    user: User
    cells: list[CourseCell]
    required_done: int
    complete: bool
    certified: bool

    @property
    def organisation(self) -> str:
        return self.user.organisation.name if self.user.organisation else ""


@dataclass(frozen=True)
class GroupRow:
    name: str
    learners: int
    complete: int
    certified: int


@dataclass(frozen=True)
class ProgrammeReport:
    rows: list[ProgrammeRow]
    by_country: list[GroupRow]
    by_organisation: list[GroupRow]


def programme_report(programme: Programme) -> ProgrammeReport:
    """Every learner of the programme with their standing in each course and in the programme."""
    enrolments = db.session.scalars(
        select(ProgrammeEnrolment).where(ProgrammeEnrolment.programme_id == programme.id)
        .join(User, User.id == ProgrammeEnrolment.user_id).order_by(User.name, User.id)
        .options(selectinload(ProgrammeEnrolment.user).selectinload(User.organisation))).all()
    user_ids = [enrolment.user_id for enrolment in enrolments]
    course_ids = [item.course_id for item in programme.courses]
    required = [item.course_id for item in programme.courses if item.required]
    table = progress_table(user_ids, course_ids)
    certified = certified_pairs(user_ids, course_ids)
    holders = set(db.session.scalars(
        select(Certificate.programme_enrolment_id).where(
            Certificate.programme_enrolment_id.in_([e.id for e in enrolments]), Certificate.revoked_at.is_(None))))
    rows = []
    for enrolment in enrolments:
        cells = [CourseCell(*(table.get((enrolment.user_id, course_id)) or (None, False)),
                            (enrolment.user_id, course_id) in certified) for course_id in course_ids]
        done = {course_id for course_id, cell in zip(course_ids, cells, strict=True)
                if cell.completed or cell.certified}
        rows.append(ProgrammeRow(enrolment.user, cells, sum(1 for course_id in required if course_id in done),
                                 rules.programme_complete(required, done, ()), enrolment.id in holders))
    return ProgrammeReport(rows, _groups(rows, lambda row: country_name(row.user.country) or ""),
                           _groups(rows, lambda row: row.organisation))


def programme_certificate(programme: Programme, user_id: int) -> Certificate | None:
    """A learner's certificate of this programme (revoked or not)."""
    return db.session.scalar(
        select(Certificate).join(ProgrammeEnrolment, ProgrammeEnrolment.id == Certificate.programme_enrolment_id)
        .where(ProgrammeEnrolment.programme_id == programme.id, ProgrammeEnrolment.user_id == user_id))


def _groups(rows: Iterable[ProgrammeRow], key: Callable[[ProgrammeRow], str]) -> list[GroupRow]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        count = counts[key(row)]
        count[0] += 1
        count[1] += row.complete
        count[2] += row.certified
    return [GroupRow(name, *count) for name, count in sorted(counts.items())]


@dataclass(frozen=True)
class EditionRow:
    """One edition's figures, for comparing the runs of a course or a programme."""

    edition: int
    slug: str
    enrolled: int
    completed: int
    certified: int
    average_score: float | None  # the learners' best quiz scores, averaged (percent); None without quizzes taken

    @property
    def completed_percent(self) -> float | None:
        return self.completed * 100 / self.enrolled if self.enrolled else None


def course_editions(series: str) -> list[EditionRow]:
    """Every edition of a course, oldest first: learners, completed, certified, average best score."""
    courses = db.session.scalars(
        select(Course).where(Course.series == series).order_by(Course.edition, Course.id)).all()
    ids = [course.id for course in courses]
    learners = {course_id: (total, done) for course_id, total, done in db.session.execute(
        select(Enrollment.course_id, func.count(Enrollment.id), func.count(Enrollment.completed_at))
        .where(Enrollment.course_id.in_(ids), Enrollment.is_active_learner()).group_by(Enrollment.course_id))}
    certified = dict(db.session.execute(
        select(Enrollment.course_id, func.count(Certificate.id))
        .join(Certificate, Certificate.enrollment_id == Enrollment.id)
        .where(Enrollment.course_id.in_(ids), Certificate.revoked_at.is_(None)).group_by(Enrollment.course_id)).all())
    scores = _average_best_scores(ids)
    return [EditionRow(course.edition, course.slug, *learners.get(course.id, (0, 0)), certified.get(course.id, 0),
                       scores.get(course.id)) for course in courses]


def programme_editions(series: str) -> list[EditionRow]:
    """Every edition of a programme, oldest first: enrolled, completed, certified, average best score
    over all its courses."""
    programmes = db.session.scalars(select(Programme).where(Programme.series == series)
                                    .options(selectinload(Programme.courses))
                                    .order_by(Programme.edition, Programme.id)).all()
    ids = [programme.id for programme in programmes]
    enrolled = {programme_id: (total, done) for programme_id, total, done in db.session.execute(
        select(ProgrammeEnrolment.programme_id, func.count(ProgrammeEnrolment.id),
               func.count(ProgrammeEnrolment.completed_at))
        .where(ProgrammeEnrolment.programme_id.in_(ids)).group_by(ProgrammeEnrolment.programme_id))}
    certified = dict(db.session.execute(
        select(ProgrammeEnrolment.programme_id, func.count(Certificate.id))
        .join(Certificate, Certificate.programme_enrolment_id == ProgrammeEnrolment.id)
        .where(ProgrammeEnrolment.programme_id.in_(ids), Certificate.revoked_at.is_(None))
        .group_by(ProgrammeEnrolment.programme_id)).all())
    scores = _average_best_scores([item.course_id for p in programmes for item in p.courses], by_programme=True)
    return [EditionRow(p.edition, p.slug, *enrolled.get(p.id, (0, 0)), certified.get(p.id, 0), scores.get(p.id))
            for p in programmes]


def _average_best_scores(course_ids: list[int], by_programme: bool = False) -> dict[int, float]:
    """Course (or programme) id → the mean of each learner's best percent in each quiz."""
    if not course_ids:
        return {}
    best = best_scores_by_course(course_ids).subquery()
    if not by_programme:
        return {key: float(value) for key, value in db.session.execute(
            select(best.c.course_id, func.avg(best.c.best)).group_by(best.c.course_id))}
    return {key: float(value) for key, value in db.session.execute(
        select(ProgrammeCourse.programme_id, func.avg(best.c.best))
        .join(best, best.c.course_id == ProgrammeCourse.course_id).group_by(ProgrammeCourse.programme_id))}
