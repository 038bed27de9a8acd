"""Course rules: authoring, enrolment modes, release of days, progress and completion."""
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from lms.auth.models import Role
from lms.courses import services
from lms.courses.models import (
    CourseRole,
    CourseStatus,
    Enrollment,
    EnrolmentMode,
    ModuleKind,
    ModuleProgress,
)
from lms.courses.queries import CourseProgress, progress_of
from lms.errors import DomainError
from lms.extensions import db

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TEXTS = {"en": {"title": "A course", "summary": ""}}


def titles(day):
    return [t.title for m in day.modules for t in m.translations if t.locale == "en"]


@pytest.mark.parametrize("slug", ["Bad Slug", "-start", "new", "ümid", "a" * 81, ""])
def test_a_course_address_must_be_a_clean_slug(app, slug):
    with pytest.raises(DomainError):
        services.create_course(slug=slug, original_locale="en", timezone="Asia/Baku",
                               starts_on=date(2026, 11, 23), texts=TEXTS)


def test_a_course_needs_a_title_in_its_original_language(app):
    with pytest.raises(DomainError, match="original language"):
        services.create_course(slug="c", original_locale="az", timezone="Asia/Baku",
                               starts_on=date(2026, 11, 23), texts=TEXTS)


def test_key_enrolment_needs_a_key(app):
    with pytest.raises(DomainError, match="enrolment key"):
        services.create_course(slug="c", original_locale="en", timezone="Asia/Baku", starts_on=date(2026, 11, 23),
                               texts=TEXTS, enrolment=EnrolmentMode.KEY)


def test_create_course_makes_its_days_and_its_first_trainer(make_user, app):
    trainer = make_user(Role.TRAINER)
    course = services.create_course(slug="migration-school", original_locale="en", timezone="Asia/Baku",
                                    starts_on=date(2026, 11, 23), texts=TEXTS, days=3, trainer=trainer)
    assert [day.number for day in course.days] == [1, 2, 3]
    assert [day.date for day in course.days] == [date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)]
    enrollment = db.session.scalar(select(Enrollment).where(Enrollment.user_id == trainer.id))
    assert enrollment.role is CourseRole.TRAINER


def test_texts_with_an_empty_title_are_removed(make_course):
    course = make_course()
    services.update_course(course, original_locale="en", timezone="Asia/Baku", starts_on=course.starts_on,
                           texts={"en": {"title": "New", "summary": "S"}, "ru": {"title": "", "summary": "x"},
                                  "az": {"title": "Yeni", "summary": ""}},
                           enrolment=EnrolmentMode.OPEN, enrolment_key="ignored")
    assert sorted((t.locale, t.title) for t in course.translations) == [("az", "Yeni"), ("en", "New")]
    assert course.enrolment_key is None


def test_modules_move_within_their_day_and_close_gaps_when_deleted(make_course):
    course = make_course(days=[["A", "B", "C"]])
    day = course.days[0]
    services.move_module(day.modules[2], -1)
    db.session.commit()
    db.session.expire_all()
    assert titles(day) == ["A", "C", "B"]
    services.move_module(day.modules[0], -1)  # already first: nothing moves
    assert titles(day) == ["A", "C", "B"]
    services.delete_module(day.modules[1])
    assert titles(day) == ["A", "B"] and [m.position for m in day.modules] == [1, 2]


def test_publishing_needs_a_module(make_course):
    course = make_course(days=[[]], status=CourseStatus.DRAFT)
    with pytest.raises(DomainError):
        services.set_status(course, CourseStatus.PUBLISHED)


def test_the_last_day_is_removed_only_when_empty(make_course):
    course = make_course(days=[["A"], ["B"]])
    with pytest.raises(DomainError):
        services.remove_last_day(course)
    services.add_day(course)
    services.remove_last_day(course)
    assert len(course.days) == 2


def test_open_enrolment_and_idempotence(make_course, make_user):
    course, learner = make_course(), make_user()
    first = services.enrol(learner, course)
    assert services.enrol(learner, course) is first
    assert first.role is CourseRole.LEARNER


def test_key_enrolment(make_course, make_user):
    course = make_course(enrolment=EnrolmentMode.KEY, enrolment_key="baku-2026")
    with pytest.raises(DomainError) as error:
        services.enrol(make_user(), course, key="wrong")
    assert error.value.status == 403
    assert services.enrol(make_user(), course, key=" baku-2026 ").course is course


def test_admin_only_and_draft_courses_refuse_self_enrolment(make_course, make_user):
    with pytest.raises(DomainError):
        services.enrol(make_user(), make_course(enrolment=EnrolmentMode.ADMIN))
    with pytest.raises(DomainError):
        services.enrol(make_user(), make_course(status=CourseStatus.DRAFT))
    assert services.enrol(make_user(), make_course(enrolment=EnrolmentMode.ADMIN), by_admin=True)


def test_enrol_a_whole_organisation(make_course, make_user, make_organisation):
    course = make_course()
    ministry = make_organisation()
    members = [make_user(organisation=ministry) for _ in range(3)]
    members[2].active = False
    make_user()  # someone from elsewhere
    services.enrol(members[0], course)
    assert services.enrol_organisation(course, ministry) == 1  # one already in, one inactive
    enrolled = set(db.session.scalars(select(Enrollment.user_id).where(Enrollment.course_id == course.id)))
    assert enrolled == {members[0].id, members[1].id}


def test_a_locked_day_refuses_views_and_completion(make_course, make_user):
    course = make_course(days=[["A"], ["B"]])
    course.days[1].opens_at = NOW + timedelta(days=1)
    enrollment = services.enrol(make_user(), course)
    with pytest.raises(DomainError) as error:
        services.record_view(enrollment, course.days[1].modules[0], NOW)
    assert error.value.status == 403
    services.complete_module(enrollment, course.days[1].modules[0], NOW + timedelta(days=1))


def test_progress_counts_required_modules_and_completes_the_course(make_course, make_user):
    course = make_course(days=[["A", "B"], ["C", "Optional"]])
    optional = course.days[1].modules[1]
    optional.required = False
    enrollment = services.enrol(make_user(), course)
    a, b, c = course.days[0].modules + course.days[1].modules[:1]
    services.record_view(enrollment, a, NOW)
    services.complete_module(enrollment, optional, NOW)  # optional: does not count
    assert progress_of([enrollment.id])[enrollment.id] == CourseProgress(completed=0, required=3)
    services.complete_module(enrollment, a, NOW)
    services.complete_module(enrollment, a, NOW + timedelta(hours=1))  # twice counts once
    services.complete_module(enrollment, b, NOW)
    assert progress_of([enrollment.id])[enrollment.id].percent == 66
    assert enrollment.completed_at is None
    services.complete_module(enrollment, c, NOW + timedelta(hours=2))
    assert progress_of([enrollment.id])[enrollment.id] == CourseProgress(completed=3, required=3)
    assert enrollment.completed_at == NOW + timedelta(hours=2)
    first = db.session.scalar(select(ModuleProgress).where(ModuleProgress.module_id == a.id))
    assert first.first_viewed_at == NOW and first.completed_at == NOW


def test_quiz_and_live_modules_complete_through_the_same_hook(make_course, make_user):
    course = make_course(days=[[]], status=CourseStatus.DRAFT)
    quiz = services.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Quiz", "body": ""}})
    enrollment = services.enrol(make_user(), course, by_admin=True)
    services.complete_module(enrollment, quiz, NOW)
    assert enrollment.completed_at == NOW


def test_a_module_needs_a_title_in_the_original_language(make_course):
    course = make_course()
    with pytest.raises(DomainError):
        services.add_module(course.days[0], kind=ModuleKind.LESSON, texts={"ru": {"title": "Только русский"}})
