"""The migration that moves attachment files from the upload folder into the database, and back."""
from __future__ import annotations

from sqlalchemy import text

from config import TestConfig
from lms import create_app
from lms.extensions import db
from lms.schema import downgrade, upgrade
from tests.database import throwaway_database

BEFORE = "39198145b220"  # the last revision with files on disk
SLIDES = b"%PDF-1.4 slides " * 50_000  # 800 kB: four chunks


def _insert_module(connection) -> int:
    """The fewest rows an attachment needs, written as the schema of BEFORE has them."""
    connection.execute(text(
        "INSERT INTO courses (id, slug, original_locale, timezone, starts_on, status, created_at) "
        "VALUES (1, 'c', 'en', 'Asia/Baku', '2026-11-23', 'draft', '2026-11-01 00:00:00')"))
    connection.execute(text("INSERT INTO course_days (id, course_id, number) VALUES (1, 1, 1)"))
    connection.execute(text(
        "INSERT INTO modules (id, day_id, position, kind, required, created_at) "
        "VALUES (1, 1, 1, 'lesson', true, '2026-11-01 00:00:00')"))
    return 1


def test_attachment_files_move_into_the_database_and_back(tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "a1b2.pdf").write_bytes(SLIDES)
    with throwaway_database(tmp_path) as url:
        app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url, UPLOAD_FOLDER=str(uploads))
        with app.app_context():
            upgrade(revision=BEFORE)
            with db.engine.begin() as connection:
                module_id = _insert_module(connection)
                for id_, stored in ((1, "a1b2.pdf"), (2, "gone.pdf")):
                    connection.execute(text(
                        "INSERT INTO attachments (id, module_id, filename, stored_name, content_type, size, "
                        "uploaded_at) VALUES (:id, :module, :name, :stored, 'application/pdf', 1, "
                        "'2026-11-01 00:00:00')"), {"id": id_, "module": module_id, "name": f"Slayd {id_}.pdf",
                                                    "stored": stored})
            upgrade()
            with db.engine.connect() as connection:
                rows = connection.execute(text(
                    "SELECT a.id, f.filename, f.size FROM attachments a JOIN stored_files f ON f.id = a.file_id")).all()
                data = b"".join(connection.execute(text(
                    "SELECT data FROM stored_file_chunks ORDER BY position")).scalars())
            assert [tuple(row) for row in rows] == [(1, "Slayd 1.pdf", len(SLIDES))]  # the missing file's row went
            with db.engine.connect() as connection:  # later migrations rebuild tables: nothing cascades away
                assert connection.execute(text("SELECT count(*) FROM modules")).scalar() == 1
                if connection.dialect.name == "sqlite":  # the migration's connection enforces them again
                    assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert data == SLIDES

            (uploads / "a1b2.pdf").unlink()
            downgrade(revision=BEFORE)
            with db.engine.connect() as connection:
                stored_name, size = connection.execute(text("SELECT stored_name, size FROM attachments")).one()
            assert (uploads / stored_name).read_bytes() == SLIDES and size == len(SLIDES)
            db.session.remove()
            db.engine.dispose()
