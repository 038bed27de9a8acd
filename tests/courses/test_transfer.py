"""Export a course to JSON and import it as a new course for the next cohort."""
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lms.auth.models import Role
from lms.courses import scheduling, transfer
from lms.courses.models import Course, CourseRole, CourseStatus, EnrolmentMode, ModuleKind
from lms.courses.services import add_module, enrol
from lms.errors import DomainError
from lms.extensions import db


def structure(course: Course) -> list:
    """Everything an export must carry, without ids and dates."""
    return [
        (day.number, sorted((t.locale, t.title) for t in day.translations), [
            (m.position, m.kind, m.required, m.estimated_minutes,
             sorted((t.locale, t.title, t.body) for t in m.translations))
            for m in day.modules])
        for day in course.days
    ]


@pytest.fixture()
def source(make_course):
    course = make_course(days=[["Concepts", "Definitions"], ["Trends"]], enrolment=EnrolmentMode.KEY,
                         enrolment_key="secret-key")
    add_module(course.days[1], kind=ModuleKind.QUIZ, required=False, estimated_minutes=15,
               texts={"en": {"title": "Check", "body": ""}, "az": {"title": "Yoxlama", "body": "ə ş ğ ı İ"}})
    course.days[1].opens_at = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)  # 09:00 in Baku
    db.session.commit()
    return course


def test_round_trip_keeps_structure_and_moves_opening_times(source):
    document = json.loads(json.dumps(transfer.export_course(source)))  # as through a file
    copy = transfer.import_course(document, slug="migration-basics-2", starts_on=date(2027, 3, 1))
    db.session.commit()
    assert structure(copy) == structure(source)
    assert copy.status is CourseStatus.DRAFT and copy.starts_on == date(2027, 3, 1)
    assert copy.days[1].opens_at == datetime(2027, 3, 2, 5, 0, tzinfo=UTC)  # day 2, 09:00 in Baku
    assert sorted((t.locale, t.title) for t in copy.translations) == sorted(
        (t.locale, t.title) for t in source.translations)
    assert "secret-key" not in json.dumps(document)
    assert copy.enrolment is EnrolmentMode.ADMIN and copy.enrolment_key is None


def test_days_keep_their_gaps_in_the_next_cohort_and_older_files_stay_consecutive(source):
    scheduling.move_day(source.days[1], date(2026, 11, 26))  # a gap of two days after day 1
    document = json.loads(json.dumps(transfer.export_course(source)))
    copy = transfer.import_course(document, slug="with-a-gap", starts_on=date(2027, 3, 1))
    assert [day.date for day in copy.days] == [date(2027, 3, 1), date(2027, 3, 4)]
    assert copy.days[1].opens_at == datetime(2027, 3, 4, 5, 0, tzinfo=UTC)  # moved along with its day
    for day in document["days"]:
        del day["date_offset"]  # a file exported before days had their own dates
    older = transfer.import_course(document, slug="older-file", starts_on=date(2027, 3, 1))
    assert [day.date for day in older.days] == [date(2027, 3, 1), date(2027, 3, 2)]


def test_the_day_announcements_setting_travels_with_the_course(source):
    source.announce_days = False
    document = json.loads(json.dumps(transfer.export_course(source)))
    assert transfer.import_course(document, slug="quiet-copy").announce_days is False
    del document["course"]["announce_days"]  # a file exported before the setting existed
    assert transfer.import_course(document, slug="older-file-copy").announce_days is True


@pytest.mark.parametrize(("damage", "place"), [
    (lambda d: d.update(format="moodle"), None),
    (lambda d: d["course"].update(timezone="Mars/Olympus"), "course.timezone"),
    (lambda d: d["course"].update(original_locale="fr"), "course.original_locale"),
    (lambda d: d["days"][1]["modules"][0].update(kind="drawing"), "days[2].modules[1].kind"),
    (lambda d: d["days"][0]["modules"][1].update(texts="oops"), "days[1].modules[2].texts"),
    (lambda d: d["days"][1].update(opens={"day_offset": "one", "time": "09:00"}), "days[2].opens.day_offset"),
    (lambda d: d["days"][1]["modules"][0].update(estimated_minutes=-5), "days[2].modules[1].estimated_minutes"),
    (lambda d: d.update(days="none"), "days"),
    (lambda d: d["days"][1].update(date_offset=0), "days[2].date_offset"),  # on day 1's date
    (lambda d: d["days"][0].update(date_offset=3), "days[1].date_offset"),  # day 1 is the start
    (lambda d: d["days"][1].update(date_offset=True), "days[2].date_offset"),
    (lambda d: d["days"][1].update(date_offset=10 ** 9), "days[2].date_offset"),
])
def test_a_damaged_file_names_the_place_and_writes_nothing(source, damage, place):
    document = transfer.export_course(source)
    damage(document)
    before = db.session.scalar(select(func.count(Course.id)))
    with pytest.raises(DomainError) as error:
        transfer.import_course(document, slug="copy")
    db.session.rollback()
    if place:
        assert place in error.value.message
    assert db.session.scalar(select(func.count(Course.id))) == before


def test_export_download_and_import_upload(client, make_user, login, source):
    trainer = make_user(Role.TRAINER)
    enrol(trainer, source, by_admin=True, role=CourseRole.TRAINER)
    db.session.commit()
    login(trainer)
    download = client.get(f"/courses/{source.slug}/manage/export")
    assert download.mimetype == "application/json"
    assert download.headers["Content-Disposition"] == f'attachment; filename="{source.slug}.json"'
    assert "ə ş ğ ı İ" in download.text  # UTF-8, not \\u escapes
    upload = client.post("/courses/import", data={
        "file": (io.BytesIO(download.data), "course.json"), "slug": "next-cohort", "starts_on": "2027-01-10"},
        content_type="multipart/form-data")
    assert upload.status_code == 302 and upload.headers["Location"] == "/courses/next-cohort/manage/"
    copy = db.session.scalar(select(Course).where(Course.slug == "next-cohort"))
    assert structure(copy) == structure(source)


def test_importing_a_file_that_is_not_json_is_a_clear_400(client, make_user, login):
    login(make_user(Role.TRAINER))
    response = client.post("/courses/import", data={
        "file": (io.BytesIO(b"\xff\xfe not json"), "course.json"), "slug": "x"},
        content_type="multipart/form-data", headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert "не является курсом, экспортированным из Təlim" in response.text
    assert db.session.scalar(select(func.count(Course.id))) == 0


def test_cli_round_trip(runner, source, tmp_path):
    path = tmp_path / "course.json"
    exported = runner.invoke(args=["lms", "export-course", source.slug, str(path)])
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(args=["lms", "import-course", str(path), "--slug", "cli-copy",
                                   "--starts-on", "2027-02-01"])
    assert imported.exit_code == 0, imported.output
    assert "3 modules" not in imported.output and "4 modules" in imported.output
    copy = db.session.scalar(select(Course).where(Course.slug == "cli-copy"))
    assert structure(copy) == structure(source)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    failed = runner.invoke(args=["lms", "import-course", str(broken), "--slug", "broken"])
    assert failed.exit_code != 0 and "Not a JSON file" in failed.output
    assert runner.invoke(args=["lms", "export-course", "nope", str(path)]).exit_code != 0


def test_the_demo_course_round_trips_with_its_quizzes_and_live_sessions(runner):
    from lms.live.models import LiveSession
    from lms.quizzes.models import Question, Quiz

    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0
    source = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration"))
    document = json.loads(json.dumps(transfer.export_course(source), ensure_ascii=False))
    copy = transfer.import_course(document, slug="next-cohort", starts_on=source.starts_on + timedelta(days=7))
    db.session.commit()
    assert structure(copy) == structure(source)

    def quizzes_of(course):
        modules = [m.id for day in course.days for m in day.modules]
        quizzes = db.session.scalars(select(Quiz).where(Quiz.module_id.in_(modules)).order_by(Quiz.module_id)).all()
        return [(q.pass_mark, q.time_limit_minutes, [
            (s.question.kind, s.question.title, sorted((t.locale, t.text) for t in s.question.translations),
             [(c.credit, sorted((t.locale, t.text, t.match) for t in c.translations)) for c in s.question.choices])
            for s in q.slots]) for q in quizzes]

    assert quizzes_of(copy) == quizzes_of(source) and len(quizzes_of(copy)) == 4
    # the pre-test and the final quiz share their 8 questions: the file carries them with each quiz, the
    # copy's bank holds them once, as the source's does (8 + 8 + 8, and the final quiz's essay)
    assert db.session.scalar(select(func.count(Question.id)).where(Question.course_id == copy.id)) == 25

    def sessions_of(course):
        modules = [m.id for day in course.days for m in day.modules]
        return db.session.scalars(select(LiveSession).where(LiveSession.module_id.in_(modules))
                                  .order_by(LiveSession.starts_at)).all()

    old, new = sessions_of(source), sessions_of(copy)
    assert [n.starts_at - o.starts_at for o, n in zip(old, new, strict=True)] == [timedelta(days=7)] * 3
    assert {n.room_secret for n in new}.isdisjoint({o.room_secret for o in old})  # new rooms


@pytest.mark.parametrize("damage", [
    lambda quiz, live: quiz["questions"][0].update(kind="drawing"),
    lambda quiz, live: quiz.update(questions="none"),
    lambda quiz, live: quiz["settings"].update(pass_mark="sixty"),
    lambda quiz, live: live.update(starts_at="tomorrow"),
    lambda quiz, live: live.update(minutes=-5),
])
def test_a_damaged_quiz_or_session_in_a_course_file_is_a_clean_error(runner, damage):
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0
    source = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration"))
    document = json.loads(json.dumps(transfer.export_course(source)))
    modules = [m for day in document["days"] for m in day["modules"]]
    damage(next(m["quiz"] for m in modules if "quiz" in m), next(m["live"] for m in modules if "live" in m))
    before = db.session.scalar(select(func.count(Course.id)))
    with pytest.raises(DomainError) as error:
        transfer.import_course(document, slug="broken-copy")
    db.session.rollback()
    assert ".quiz" in error.value.message or ".live" in error.value.message
    assert db.session.scalar(select(func.count(Course.id))) == before  # no broken copy
