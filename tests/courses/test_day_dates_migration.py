"""The migration that gives each course day its own date keeps every existing course where it was."""
from __future__ import annotations

from sqlalchemy import text

from config import TestConfig
from lms import create_app
from lms.extensions import db
from lms.schema import downgrade, upgrade
from tests.database import throwaway_database

BEFORE = "270714315119"  # the last revision where day N fell on the start date plus N-1


def test_existing_days_get_the_dates_they_had(tmp_path):
    with throwaway_database(tmp_path) as url:
        app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url)
        with app.app_context():
            upgrade(revision=BEFORE)
            with db.engine.begin() as connection:
                for course_id, starts_on in ((1, "2026-11-23"), (2, "2027-02-27")):
                    connection.execute(text(
                        "INSERT INTO courses (id, slug, original_locale, timezone, starts_on, status, created_at) "
                        "VALUES (:id, :slug, 'en', 'Asia/Baku', :starts_on, 'draft', '2026-11-01 00:00:00')"),
                        {"id": course_id, "slug": f"c{course_id}", "starts_on": starts_on})
                    for number in (1, 2, 3):
                        connection.execute(text(
                            "INSERT INTO course_days (course_id, number) VALUES (:course, :number)"),
                            {"course": course_id, "number": number})
            upgrade()
            with db.engine.connect() as connection:
                rows = connection.execute(text(
                    "SELECT course_id, number, date FROM course_days ORDER BY course_id, number")).all()
            found = [(course, number, str(day)) for course, number, day in rows]
            assert found == [(1, 1, "2026-11-23"), (1, 2, "2026-11-24"), (1, 3, "2026-11-25"),
                             (2, 1, "2027-02-27"), (2, 2, "2027-02-28"), (2, 3, "2027-03-01")]  # across February
            downgrade(revision=BEFORE)
            with db.engine.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM course_days")).scalar() == 6
            db.session.remove()
            db.engine.dispose()
