"""Benchmark: the course progress report and its exports for 2,000 learners × 40 modules × 3 quizzes.

Builds a generated cohort in a throwaway database (SQLite, then PostgreSQL), signs in as an admin
and times the report page, a filtered and sorted page, the CSV and the XLSX export through the
app (in process: no network in the figures). Prints the median and slowest of several runs and
the number of SQL statements per request. Target: page and CSV under 1 s.

    python -m bench.report_bench [--learners 2000] [--runs 5] [--db sqlite,postgresql]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy
from flask import Flask
from sqlalchemy import event, insert

from config import TestConfig
from lms import create_app
from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.courses import services as courses
from lms.courses.models import CourseRole, Enrollment, ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live import services as live
from lms.live.models import Attendance
from lms.quizzes import services as quizzes
from lms.quizzes.models import Attempt, AttemptState
from lms.schema import upgrade
from tests.database import throwaway_database

COUNTRIES = ["AZ", "GE", "KZ", "KG", "MD", "TJ", "TM", "TR", "UA", "UZ"]
DAYS, MODULES_PER_DAY, QUIZ_DAYS = 5, 8, (1, 3, 4)  # 40 modules; the last module of days 2, 4, 5 is a quiz
PASSWORD = "bench-password-123"
START = datetime(2026, 9, 1, 6, tzinfo=UTC)
TARGET_SECONDS = 1.0


def build_cohort(app: Flask, learners: int, seed: int = 7) -> str:
    """Generate the course and its learners' records; returns the course's slug."""
    rng = random.Random(seed)
    with app.app_context():
        upgrade()
        admin = accounts.create_user(email="admin@bench.example", name="Bench Admin", password=PASSWORD,
                                     role=Role.ADMIN)
        course = courses.create_course(slug="bench-course", original_locale="en", timezone="Asia/Baku",
                                       starts_on=START.date(), days=DAYS, trainer=admin,
                                       texts={"en": {"title": "Benchmark course", "summary": ""}})
        quiz_ids, sessions, modules = [], [], []
        for index, day in enumerate(course.days):
            for position in range(MODULES_PER_DAY):
                kind = ModuleKind.LESSON
                if position == MODULES_PER_DAY - 1 and index in QUIZ_DAYS:
                    kind = ModuleKind.QUIZ
                elif position == 3:
                    kind = ModuleKind.LIVE
                title = f"Module {index + 1}.{position + 1}"
                module = courses.add_module(day, kind=kind, texts={"en": {"title": title}})
                modules.append(module)
                if kind is ModuleKind.QUIZ:
                    quiz_ids.append(quizzes.quiz_for(module).id)
                if kind is ModuleKind.LIVE:
                    opens = START + timedelta(days=index, hours=4)
                    sessions.append(live.schedule(module, opens, opens + timedelta(hours=1)).id)
        organisations = [Organisation(name=f"Migration Service ({code})", country=code) for code in COUNTRIES]
        db.session.add_all(organisations)
        db.session.flush()
        module_ids = [module.id for module in modules]
        password_hash = accounts.hash_password(PASSWORD)
        now = datetime.now(UTC)
        db.session.execute(insert(User), [
            {"email": f"learner{n}@bench.example", "name": f"Learner {n:05d}", "password_hash": password_hash,
             "role": Role.LEARNER, "country": COUNTRIES[n % 10], "organisation_id": organisations[n % 10].id,
             "active": True, "created_at": now}
            for n in range(learners)])
        user_ids = db.session.scalars(sqlalchemy.select(User.id).where(User.role == Role.LEARNER)
                                      .order_by(User.id)).all()
        db.session.execute(insert(Enrollment), [
            {"user_id": user_id, "course_id": course.id, "role": CourseRole.LEARNER, "enrolled_at": START}
            for user_id in user_ids])
        enrollment_of = dict(db.session.execute(
            sqlalchemy.select(Enrollment.user_id, Enrollment.id).where(Enrollment.course_id == course.id)).all())
        progress, attempts, attendance = [], [], []
        for user_id in user_ids:
            done = rng.randint(0, len(module_ids))  # each learner is somewhere along the course
            for position, module_id in enumerate(module_ids[:done]):
                moment = START + timedelta(hours=position * 3, minutes=rng.randint(0, 120))
                progress.append({"enrollment_id": enrollment_of[user_id], "module_id": module_id,
                                 "first_viewed_at": moment, "completed_at": moment + timedelta(minutes=20)})
            for number, quiz_id in enumerate(quiz_ids):
                for attempt in range(rng.randint(0, 2)):
                    moment = START + timedelta(days=number * 2 + 1, minutes=attempt * 30)
                    attempts.append({"quiz_id": quiz_id, "user_id": user_id, "number": attempt + 1,
                                     "state": AttemptState.SUBMITTED, "started_at": moment,
                                     "submitted_at": moment + timedelta(minutes=15), "layout": [],
                                     "score": float(rng.randint(0, 16)), "max_score": 16.0})
            for session_id in sessions:
                if rng.random() < 0.7:
                    attendance.append({"session_id": session_id, "user_id": user_id, "first_joined_at": START,
                                       "last_joined_at": START, "joins": 1})
        for table, rows in ((ModuleProgress, progress), (Attempt, attempts), (Attendance, attendance)):
            for chunk in range(0, len(rows), 5000):
                db.session.execute(insert(table), rows[chunk:chunk + 5000])
        db.session.commit()
        # A real database has its planner statistics: autovacuum gathers them after bulk writes.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
        print(f"  generated: {len(user_ids):,} learners, {len(module_ids)} modules, {len(quiz_ids)} quizzes, "
              f"{len(sessions)} live sessions, {len(progress):,} module records, {len(attempts):,} attempts, "
              f"{len(attendance):,} attendances")
        slug = course.slug
        db.session.remove()
        return slug


def time_requests(app: Flask, slug: str, runs: int) -> list[tuple[str, float, float, int, int]]:
    """(what, median s, slowest s, SQL statements, bytes) for each request."""
    client = app.test_client()
    with app.app_context():
        response = client.post("/auth/login", data={"email": "admin@bench.example", "password": PASSWORD})
        assert response.status_code == 302, response.status_code
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        results = []
        for label, url in (
            ("report page (first 50, by name)", f"/admin/courses/{slug}/progress"),
            ("report page (GE, by last activity)",
             f"/admin/courses/{slug}/progress?country=GE&sort=activity&order=desc"),
            ("report page 40 (by progress)", f"/admin/courses/{slug}/progress?sort=progress&page=40"),
            ("CSV export (all learners)", f"/admin/courses/{slug}/progress.csv"),
            ("XLSX export (all learners)", f"/admin/courses/{slug}/progress.xlsx"),
        ):
            client.get(url)  # warm up
            timings, size = [], 0
            for _run in range(runs):
                statements.clear()
                started = time.perf_counter()
                response = client.get(url)
                body = response.get_data()  # the whole streamed body
                timings.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
                size = len(body)
            results.append((label, statistics.median(timings), max(timings), len(statements), size))
        db.session.remove()
        return results


def run(backend: str, learners: int, runs: int) -> list[tuple[str, float, float, int, int]]:
    os.environ["LMS_TEST_DB"] = backend
    with tempfile.TemporaryDirectory() as folder, throwaway_database(Path(folder)) as url:
        app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url, PASSWORD_HASH_METHOD="pbkdf2:sha256:1000",
                         UPLOAD_FOLDER=folder)
        slug = build_cohort(app, learners)
        try:
            return time_requests(app, slug, runs)
        finally:
            with app.app_context():
                db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"Course report benchmark — {date.today().isoformat()}, Python {platform.python_version()}, "
          f"SQLAlchemy {sqlalchemy.__version__}, {os.cpu_count()} CPUs, {platform.machine()}")
    failed = False
    for backend in args.db.split(","):
        print(f"\n{backend}:")
        results = run(backend, args.learners, args.runs)
        print(f"  {'request':<38} {'median':>9} {'slowest':>9} {'SQL':>5} {'size':>10}")
        for label, median, slowest, count, size in results:
            mark = "" if median < TARGET_SECONDS else f"  ← over the {TARGET_SECONDS:.0f} s target"
            failed |= bool(mark) and not label.startswith("XLSX")
            print(f"  {label:<38} {median * 1000:>7.0f}ms {slowest * 1000:>7.0f}ms {count:>5} {size:>9,}B{mark}")
    print("\nTarget: the report page and its CSV under 1 s (median of the runs).")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
