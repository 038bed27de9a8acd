"""The course progress report: per learner, totals and aggregates, all computed in SQL.

Every function here costs a fixed number of queries, whatever the number of learners: one statement
builds a row per learner (`_learner_stats`), and the other figures group or page over it.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, and_, case, func, literal_column, select, type_coerce
from sqlalchemy.orm import selectinload
from sqlalchemy.sql import ColumnElement, Subquery

from lms.admin.report_rows import (
    ACTIVE_DAYS,
    CourseStructure,
    DayColumn,
    GroupRow,
    LearnerRow,
    LearnerStatus,
    ReportFilter,
    ReportPage,
    SortKey,
    Totals,
)
from lms.auth.models import Organisation, User
from lms.certificates.models import Certificate
from lms.courses.models import Course, CourseDay, Enrollment, Module, ModuleProgress
from lms.courses.queries import CourseProgress, last_activity, progress_events, required_done
from lms.extensions import db
from lms.live.models import LiveSession
from lms.live.queries import attendance_counts, attendance_events
from lms.quizzes.models import Quiz
from lms.quizzes.queries import attempt_events, best_scores
from lms.types import UTCDateTime


def course_structure(course: Course) -> CourseStructure:
    """The course's days (with module counts), quizzes (with titles) and live sessions, in 3 queries."""
    day_rows = db.session.execute(
        select(CourseDay, func.count(Module.id))
        .outerjoin(Module, Module.day_id == CourseDay.id)
        .where(CourseDay.course_id == course.id)
        .group_by(CourseDay.id)
        .order_by(CourseDay.number)
        .options(selectinload(CourseDay.course))
    ).all()
    quizzes = list(db.session.scalars(
        select(Quiz).join(Module, Module.id == Quiz.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course.id)
        .order_by(CourseDay.number, Module.position)
        .options(selectinload(Quiz.module).selectinload(Module.translations))
    ))
    counts = db.session.execute(
        select(func.count(LiveSession.id.distinct()), func.count(Module.id.distinct()).filter(Module.required))
        .select_from(Module).join(CourseDay, CourseDay.id == Module.day_id)
        .outerjoin(LiveSession, LiveSession.module_id == Module.id)
        .where(CourseDay.course_id == course.id)
    ).one()
    return CourseStructure(days=[DayColumn(day, modules) for day, modules in day_rows], quizzes=quizzes,
                           live_sessions=counts[0], required_modules=counts[1])


def report_page(course: Course, structure: CourseStructure, found: ReportFilter, page: int,
                per_page: int) -> ReportPage:
    """One page of learner rows with the totals of every learner the filter lets through."""
    stats = _filtered(_learner_stats(course), found)
    totals = _totals(stats, structure)
    pages = max(1, -(-totals.learners // per_page))
    page = min(max(page, 1), pages)
    rows = _rows(course, stats, structure, found, limit=per_page, offset=(page - 1) * per_page)
    return ReportPage(rows=rows, totals=totals, page=page, pages=pages)


def all_rows(course: Course, structure: CourseStructure, found: ReportFilter) -> list[LearnerRow]:
    """Every row the filter lets through, for an export."""
    return _rows(course, _filtered(_learner_stats(course), found), structure, found)


def learner_row(course: Course, structure: CourseStructure, user_id: int) -> LearnerRow | None:
    stats = _learner_stats(course)
    rows = _rows(course, select(stats).where(stats.c.user_id == user_id).subquery(), structure, ReportFilter())
    return rows[0] if rows else None


def by_country(course: Course, structure: CourseStructure, now: datetime) -> list[GroupRow]:
    """The cohort grouped by the learners' countries, largest first."""
    stats = _learner_stats(course)
    return _groups(stats, stats.c.country, structure, now)


def by_organisation(course: Course, structure: CourseStructure, now: datetime) -> list[GroupRow]:
    """The cohort grouped by the learners' organisations, largest first."""
    stats = _learner_stats(course)
    return _groups(stats, stats.c.organisation, structure, now)


def completion_by_day_and_country(course: Course, structure: CourseStructure) -> dict[str | None, list[float]]:
    """Country → per day, the share of that country's learners who completed every module of the day."""
    learners_of_course = (
        select(Enrollment.id.label("enrollment_id"), User.country.label("country"))
        .join(User, User.id == Enrollment.user_id)
        .where(Enrollment.course_id == course.id, Enrollment.is_active_learner())
        .subquery()
    )
    day_size = (
        select(Module.day_id, func.count(Module.id).label("modules"))
        .join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course.id)
        .group_by(Module.day_id)
        .subquery()
    )
    done = _completed_per_day(course).subquery()
    finished = db.session.execute(
        select(learners_of_course.c.country, done.c.day_id, func.count())
        .join(done, done.c.enrollment_id == learners_of_course.c.enrollment_id)
        .join(day_size, and_(day_size.c.day_id == done.c.day_id, done.c.completed >= day_size.c.modules))
        .group_by(learners_of_course.c.country, done.c.day_id)
    ).all()
    learners = dict(db.session.execute(
        select(learners_of_course.c.country, func.count()).group_by(learners_of_course.c.country)).all())
    day_index = {column.day.id: index for index, column in enumerate(structure.days)}
    shares = {country: [0.0] * len(structure.days) for country in learners}
    for country, day_id, count in finished:
        shares[country][day_index[day_id]] = count / learners[country]
    return dict(sorted(shares.items(), key=lambda item: (-learners[item[0]], item[0] or "")))


def cohort_countries_and_organisations(course: Course) -> tuple[list[str], list[tuple[int, str]]]:
    """The country codes and (id, name) organisations the course's learners come from, for filters."""
    stats = _learner_stats(course)
    countries = db.session.scalars(
        select(stats.c.country).where(stats.c.country.is_not(None)).distinct()).all()
    organisations = db.session.execute(
        select(stats.c.organisation_id, stats.c.organisation).where(stats.c.organisation_id.is_not(None))
        .distinct().order_by(stats.c.organisation)).all()
    return sorted(countries), [(row[0], row[1]) for row in organisations]


# --- the statement everything above is built on ---------------------------------------------------

def _learner_stats(course: Course) -> Subquery:
    """One row per learner of the course with every per-learner figure, as a subquery."""
    done = required_done(course.id)
    attended = attendance_counts(course.id)
    best = best_scores(course.id).subquery()
    quiz_totals = (
        select(best.c.user_id, func.sum(best.c.best).label("total"), func.count().label("count"))
        .group_by(best.c.user_id)
        .subquery()
    )
    activity = last_activity(progress_events(course.id), attempt_events(course.id), attendance_events(course.id))
    return (
        select(
            Enrollment.id.label("enrollment_id"),
            User.id.label("user_id"),
            User.name.label("name"),
            User.email.label("email"),
            User.country.label("country"),
            Organisation.id.label("organisation_id"),
            Organisation.name.label("organisation"),
            func.coalesce(done.c.required, 0).label("completed"),
            func.coalesce(attended.c.count, 0).label("attended"),
            func.coalesce(quiz_totals.c.total, 0.0).label("quiz_total"),
            func.coalesce(quiz_totals.c.count, 0).label("quiz_count"),
            activity.c.at.label("last_activity"),
            Enrollment.completed_at.label("completed_at"),
            Certificate.issued_at.label("certificate_issued_at"),
            Certificate.revoked_at.label("certificate_revoked_at"),
        )
        .join(User, User.id == Enrollment.user_id)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .outerjoin(done, done.c.enrollment_id == Enrollment.id)
        .outerjoin(attended, attended.c.user_id == User.id)
        .outerjoin(quiz_totals, quiz_totals.c.user_id == User.id)
        .outerjoin(activity, activity.c.user_id == User.id)
        .outerjoin(Certificate, Certificate.enrollment_id == Enrollment.id)
        .where(Enrollment.course_id == course.id, Enrollment.is_active_learner())
        .subquery("learner_stats")
    )


def _completed_per_day(course: Course) -> Select:
    """(enrollment, day, modules completed that day) for the course."""
    return (
        select(ModuleProgress.enrollment_id, Module.day_id, func.count().label("completed"))
        .join(Module, Module.id == ModuleProgress.module_id).join(CourseDay, CourseDay.id == Module.day_id)
        .where(CourseDay.course_id == course.id, ModuleProgress.completed_at.is_not(None))
        .group_by(ModuleProgress.enrollment_id, Module.day_id)
    )


def _status_expression(stats: Subquery) -> ColumnElement:
    return case(
        (stats.c.completed_at.is_not(None), LearnerStatus.COMPLETED.value),
        (stats.c.last_activity.is_not(None), LearnerStatus.IN_PROGRESS.value),
        else_=LearnerStatus.NOT_STARTED.value,
    )


def _filtered(stats: Subquery, found: ReportFilter) -> Subquery:
    query = select(stats)
    if found.country:
        query = query.where(stats.c.country == found.country)
    if found.organisation_id:
        query = query.where(stats.c.organisation_id == found.organisation_id)
    if found.status:
        query = query.where(_status_expression(stats) == found.status.value)
    return query.subquery("filtered")


def _sort_columns(stats: Subquery, found: ReportFilter) -> list[ColumnElement]:
    key = {
        SortKey.NAME: func.lower(stats.c.name),
        SortKey.ORGANISATION: func.lower(stats.c.organisation),
        SortKey.COUNTRY: stats.c.country,
        SortKey.PROGRESS: stats.c.completed,
        SortKey.QUIZ: stats.c.quiz_total * 1.0 / func.nullif(stats.c.quiz_count, 0),
        SortKey.ATTENDED: stats.c.attended,
        SortKey.ACTIVITY: stats.c.last_activity,
    }[found.sort]
    key = (key.desc() if found.descending else key.asc()).nulls_last()
    return [key, func.lower(stats.c.name), stats.c.user_id]


def _rows(course: Course, stats: Subquery, structure: CourseStructure, found: ReportFilter, limit: int | None = None,
          offset: int = 0) -> list[LearnerRow]:
    """Learner rows in the filter's order, with their per-day and per-quiz figures: 3 queries."""
    query = select(stats).order_by(*_sort_columns(stats, found)).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    base = db.session.execute(query).mappings().all()
    if not base:
        return []
    enrollment_ids = [row["enrollment_id"] for row in base]
    user_ids = [row["user_id"] for row in base]
    done = _completed_per_day(course).subquery()
    scores = best_scores(course.id).subquery()
    per_day_query, best_query = select(done), select(scores)
    if limit is not None:  # one page: only its learners' figures (an export reads the whole course's)
        per_day_query = per_day_query.where(done.c.enrollment_id.in_(enrollment_ids))
        best_query = best_query.where(scores.c.user_id.in_(user_ids))
    per_day = {(enrollment, day): count for enrollment, day, count in db.session.execute(per_day_query)}
    best = {(user, quiz): score for user, quiz, score in db.session.execute(best_query)}
    required = structure.required_modules
    return [
        LearnerRow(
            user_id=row["user_id"], name=row["name"], email=row["email"], organisation=row["organisation"],
            country=row["country"], completed=row["completed"],
            percent=CourseProgress(row["completed"], required).percent,
            per_day=[per_day.get((row["enrollment_id"], column.day.id), 0) for column in structure.days],
            quiz_best=[best.get((row["user_id"], quiz.id)) for quiz in structure.quizzes],
            attended=row["attended"], last_activity=row["last_activity"], completed_at=row["completed_at"],
            certificate_issued_at=row["certificate_issued_at"], certificate_revoked_at=row["certificate_revoked_at"],
        )
        for row in base
    ]


def _totals(stats: Subquery, structure: CourseStructure) -> Totals:
    learners, completed, certificates, done_sum, quiz_total, quiz_count, attended = db.session.execute(
        select(
            func.count(),
            func.count(stats.c.completed_at),
            func.count(case((stats.c.certificate_revoked_at.is_(None), stats.c.certificate_issued_at))),
            func.coalesce(func.sum(stats.c.completed), 0),
            func.coalesce(func.sum(stats.c.quiz_total), 0.0),
            func.coalesce(func.sum(stats.c.quiz_count), 0),
            func.coalesce(func.sum(stats.c.attended), 0),
        )
    ).one()
    # PostgreSQL sums integers as NUMERIC: bring every figure back to plain Python numbers.
    done_sum, quiz_total, quiz_count, attended = int(done_sum), float(quiz_total), int(quiz_count), int(attended)
    required = structure.required_modules
    return Totals(
        learners=learners,
        completed=completed,
        certificates=certificates,
        average_percent=(100.0 if required == 0 else done_sum * 100.0 / (required * learners)) if learners else None,
        average_quiz=quiz_total / quiz_count if quiz_count else None,
        attendance_rate=_rate(attended, learners * structure.live_sessions),
    )


def _groups(stats: Subquery, key: ColumnElement, structure: CourseStructure, now: datetime) -> list[GroupRow]:
    since = type_coerce(now - timedelta(days=ACTIVE_DAYS), UTCDateTime)
    rows = db.session.execute(
        select(
            key,
            func.count().label("enrolled"),
            func.count(case((stats.c.last_activity >= since, literal_column("1")))),
            func.count(stats.c.completed_at),
            func.sum(stats.c.quiz_total),
            func.sum(stats.c.quiz_count),
            func.sum(stats.c.attended),
        )
        .group_by(key)
        .order_by(func.count().desc(), key)
    ).all()
    return [
        GroupRow(key=group, enrolled=enrolled, active=active, completed=completed,
                 average_quiz=float(quiz_total) / int(quiz_count) if quiz_count else None,
                 attendance_rate=_rate(int(attended or 0), enrolled * structure.live_sessions))
        for group, enrolled, active, completed, quiz_total, quiz_count, attended in rows
    ]


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None
