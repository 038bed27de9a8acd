"""Every form that edits something, over its life: open the edit page, save it unchanged, save it
changed; and again after a learner has used the object (a quiz with attempts, a module with progress,
a session with attendance). Found from the route list like the permission matrix: a new page that
takes GET and POST fails this suite until it is listed here.

The lesson of the worst defect: saving a quiz's settings a second time answered 500, and no test had
ever saved a form twice.
"""
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from lms.applications.models import Application, Intake
from lms.assignments import services as assignments
from lms.assignments.models import Assignment
from lms.auth.models import Organisation, Role, User
from lms.certificates.models import CompletionRule
from lms.courses import services as courses
from lms.courses.models import Course, CourseDay, ModuleKind, ModuleTranslation
from lms.extensions import db
from lms.live import services as live
from lms.live.models import LiveSession
from lms.programmes import services as programmes
from lms.programmes.models import Programme
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.quizzes.models import Question, Quiz
from lms.surveys import services as surveys
from lms.surveys.models import QuestionKind, Survey, SurveyQuestion
from tests.forms import changed, form_fields

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

GIFT = "::Q1::Who is protected by the 1951 Convention? {=Refugees ~Tourists}\n\n::Q2::A migrant crossed a border. {F}"


@dataclass
class World:
    course: Course
    lesson_id: int
    quiz_module_id: int
    live_module_id: int
    survey_module_id: int
    assignment_module_id: int
    survey_question_id: int
    question_id: int
    organisation_id: int
    person_id: int
    admin: User
    learner: User


@pytest.fixture()
def world(make_user, make_course, make_organisation, frozen_clock):
    frozen_clock(NOW)
    admin = make_user(Role.ADMIN, name="Admin")
    course = make_course(days=[["Reading"], ["Trends"]], starts_on=date(2026, 11, 23))
    day = course.days[0]
    quiz_module = courses.add_module(day, kind=ModuleKind.QUIZ, texts={"en": {"title": "Check", "body": ""}})
    live_module = courses.add_module(day, kind=ModuleKind.LIVE, texts={"en": {"title": "Talk", "body": ""}})
    live.schedule(live_module, NOW - timedelta(minutes=10), NOW + timedelta(hours=1))
    assignment_module = courses.add_module(day, kind=ModuleKind.ASSIGNMENT,
                                           texts={"en": {"title": "Action plan", "body": "Write it."}})
    assignments.assignment_for(assignment_module)
    survey_module = courses.add_module(day, kind=ModuleKind.SURVEY, texts={"en": {"title": "Feedback", "body": ""}})
    survey = surveys.survey_for(survey_module)
    surveys.start_from(survey, "end_of_day")
    questions = question_import.import_questions(course, GIFT, "gift")
    quizzes.set_questions(quizzes.quiz_for(quiz_module), [q.id for q in questions])
    organisation = make_organisation("Dövlət Miqrasiya Xidməti", "AZ")
    person = make_user(name="Nigar Əliyeva", organisation=organisation)
    learner = make_user(name="Leyla Learner")
    courses.enrol(learner, course)
    programme = programmes.create_programme(slug=course.slug, original_locale="en", texts={"en": {"title": "School"}})
    programmes.add_course(programme, course)
    db.session.commit()
    return World(course, day.modules[0].id, quiz_module.id, live_module.id, survey_module.id, assignment_module.id,
                 survey.questions[0].id,
                 questions[0].id, organisation.id, person.id, admin, learner)


def learner_uses_everything(w: World) -> None:
    """The learner reads the lesson, takes the quiz, is in the live session, answers the survey and hands in
    the assignment, which a trainer grades and returns."""
    enrollment = courses.enrol(w.learner, w.course)
    lesson = db.session.get(courses.Module, w.lesson_id)
    courses.complete_by_hand(enrollment, lesson, NOW)
    quiz = db.session.scalar(select(Quiz).where(Quiz.module_id == w.quiz_module_id))
    attempt = quizzes.start_attempt(quiz, enrollment, NOW)
    quizzes.submit_attempt(attempt, NOW)
    session = db.session.scalar(select(LiveSession).where(LiveSession.module_id == w.live_module_id))
    live.record_presence(session, w.learner, enrollment, live.PresenceEvent.JOINED, NOW)
    survey = db.session.scalar(select(Survey).where(Survey.module_id == w.survey_module_id))
    answers = {f"q{q.id}": ["2"] for q in survey.questions if q.kind in (QuestionKind.RATING, QuestionKind.SINGLE)}
    answers |= {f"q{q.id}-{session.id}": ["4"] for q in survey.questions if q.kind is QuestionKind.DAY_SESSIONS}
    surveys.submit(survey, w.learner, enrollment, answers, NOW)
    assignment = db.session.scalar(select(Assignment).where(Assignment.module_id == w.assignment_module_id))
    work = assignments.hand_in(assignment, enrollment, "My action plan.", NOW)
    assignments.grade(w.admin, work, points=80, comment="Good.", give_back=True, now=NOW)
    programmes.enrol(w.learner, _programme(w), by_admin=True)
    db.session.add(Application(course_id=w.course.id, name="Applicant", email="applicant@example.org", locale="az",
                               answers={"1": "Statistics"}))  # someone applied to the course
    db.session.commit()


def _programme(w: World) -> Programme:
    return db.session.scalar(select(Programme).where(Programme.slug == w.course.slug))


def _module_title(module_id):
    return db.session.scalar(select(ModuleTranslation.title).where(ModuleTranslation.module_id == module_id,
                                                                   ModuleTranslation.locale == "en"))


# endpoint → (address, {field: [first change, second change]}, the saved value as read back)
EDIT_FORMS = {
    "courses.settings": ("/courses/{slug}/manage/settings", {"title_en": ["Migration today", "Migration basics"]},
                         lambda w: next(t.title for t in db.session.get(Course, w.course.id).translations
                                        if t.locale == "en")),
    "courses.edit_day": ("/courses/{slug}/manage/days/2", {"title_en": ["Trends", "Trends and data"]},
                         lambda w: db.session.scalar(select(CourseDay).where(
                             CourseDay.course_id == w.course.id, CourseDay.number == 2)).translations[0].title),
    "courses.edit_module": ("/courses/{slug}/manage/modules/{lesson}", {"title_en": ["Terms", "Key terms"]},
                            lambda w: _module_title(w.lesson_id)),
    "quizzes.quiz_settings": ("/courses/{slug}/manage/quizzes/{quiz_module}", {"pass_mark": ["70", "75"]},
                                  lambda w: db.session.scalar(select(Quiz.pass_mark).where(
                                      Quiz.module_id == w.quiz_module_id))),
    "quizzes.edit_question": ("/courses/{slug}/manage/questions/{question}", {"points": ["2", "3"]},
                                  lambda w: db.session.get(Question, w.question_id).points),
    "live.schedule": ("/courses/{slug}/manage/live/{live_module}",
                             {"recording_url": ["https://video.example.org/1", "https://video.example.org/2"]},
                             lambda w: db.session.scalar(select(LiveSession.recording_url).where(
                                 LiveSession.module_id == w.live_module_id))),
    "certificates.index": ("/courses/{slug}/manage/certificates/", {"min_attendance_percent": ["50", "60"]},
                                 lambda w: db.session.scalar(select(CompletionRule.min_attendance_percent).where(
                                     CompletionRule.course_id == w.course.id))),
    "programmes.settings": ("/programmes/{slug}/manage/settings", {"title_en": ["Migration School", "School"]},
                            lambda w: next(t.title for t in _programme(w).translations if t.locale == "en")),
    "admin.edit_user": ("/admin/users/{person}", {"name": ["Nigar Əliyeva-Quliyeva", "Nigar Quliyeva"]},
                        lambda w: db.session.get(User, w.person_id).name),
    "admin.edit_organisation": ("/admin/organisations/{organisation}", {"name": ["DMX", "Dövlət Miqrasiya Xidməti"]},
                                lambda w: db.session.get(Organisation, w.organisation_id).name),
    "applications.settings": ("/admin/courses/{slug}/applications/settings", {"seats": ["30", "25"]},
                              lambda w: db.session.scalar(select(Intake.seats).where(Intake.course_id == w.course.id))),
    "assignments.overview": ("/courses/{slug}/manage/assignments/{assignment_module}/", {"pass_mark": ["60", "70"]},
                             lambda w: db.session.scalar(select(Assignment.pass_mark).where(
                                 Assignment.module_id == w.assignment_module_id))),
    "surveys.edit": ("/courses/{slug}/manage/surveys/{survey_module}/", {"purpose": ["end_of_course", "other"]},
                     lambda w: db.session.scalar(select(Survey.purpose).where(Survey.module_id == w.survey_module_id))),
    "surveys.edit_question": ("/courses/{slug}/manage/surveys/{survey_module}/questions/{survey_question}",
                              {"prompt_en": ["How was today?", "How satisfied are you with today?"]},
                              lambda w: db.session.get(SurveyQuestion, w.survey_question_id).texts["en"]["prompt"]),
    "auth.profile": ("/auth/profile", {"name": ["Admin Adminov", "Admin Adminova"]},
                     lambda w: db.session.get(User, w.admin.id).name),
}

# Pages that take GET and POST but edit nothing that is opened again: each with the test that covers it.
NOT_EDIT_FORMS = {
    "auth.login": "tests/auth", "auth.register": "tests/auth/test_views.py",
    "auth.forgot_password": "tests/auth/test_forgot_password.py", "auth.set_password": "tests/auth/test_sign_ins.py",
    "admin.new_user": "create: tests/admin/test_users.py", "admin.organisations": "create: tests/admin/test_people.py",
    "admin.import_users": "tests/admin/test_user_import.py", "courses.new_course": "create: below",
    "courses.new_module": "create: below", "courses.import_course": "tests/courses/test_transfer.py",
    "quizzes.questions": "tests/quizzes/test_gift_like_moodle.py",
    "courses.delete_module": "tests/courses/test_module_records_kept.py",
    "courses.enrolments": "tests/courses/test_authoring_views.py",
    "live.attendance": "tests/admin/test_result_changes_audited.py",
    "quizzes.attempt": "a learner's answers: tests/quizzes/test_views.py",
    "courses.messages": "create: tests/courses/test_messages.py", "courses.message": "resend: the same",
    "notifications.unsubscribe": "tests/notifications/test_outbox.py (the e-mail choices saved again: there too)",
    "courses.next_edition": "create: tests/courses/test_editions.py",
    "programmes.new_programme": "create: tests/programmes/test_programmes.py",
    "live.guest_list": "invite (create), withdraw, invite again: tests/live/test_guests.py",
    "courses.schedule": "preview, apply, apply again after learners used the days: tests/courses/test_day_dates.py",
    "applications.apply": "create (and a second time: refused, the first shown): tests/applications/test_applying.py",
    "assignments.page": "draft, hand in, hand in again, refused once graded: tests/assignments/test_handing_in.py",
    "assignments.grade": "graded, saved again, returned: tests/assignments/test_handing_in.py",
    "assignments.new_criterion": "create: tests/assignments/test_rubric.py",
    "assignments.edit_criterion": "edit, saved unchanged, reworded after grading: tests/assignments/test_rubric.py",
    "assignments.grade_essay": "graded, refused out of range, regraded: tests/quizzes/test_essays.py",
    "assignments.queue": "names hidden, shown again, saved unchanged: tests/assignments/test_grading_queue.py",
    "surveys.answer": "answered once (a second time: refused, nothing doubled): tests/surveys/test_answering.py",
}


def test_every_page_with_a_form_is_in_this_suite(app):
    with_forms = {rule.endpoint for rule in app.url_map.iter_rules() if {"GET", "POST"} <= rule.methods}
    assert with_forms == set(EDIT_FORMS) | set(NOT_EDIT_FORMS)


def _address(template: str, w: World) -> str:
    return template.format(slug=w.course.slug, lesson=w.lesson_id, quiz_module=w.quiz_module_id,
                           question=w.question_id, live_module=w.live_module_id, person=w.person_id,
                           survey_module=w.survey_module_id, survey_question=w.survey_question_id,
                           assignment_module=w.assignment_module_id,
                           organisation=w.organisation_id)


def _without_csrf(fields):
    return sorted((name, value) for name, value in fields if name != "csrf_token")


def _save_unchanged_then_changed(client, url, field, value):
    page = client.get(url, headers={"Accept-Language": "en"})
    assert page.status_code == 200
    fields = form_fields(page.text)
    unchanged = client.post(url, data=MultiDict(fields))
    assert unchanged.status_code == 302, unchanged.text[:3000]
    again = form_fields(client.get(url).text)
    assert _without_csrf(again) == _without_csrf(fields), "saving unchanged changed what the page shows"
    saved = client.post(url, data=MultiDict(changed(again, **{field: value})))
    assert saved.status_code == 302, saved.text[:3000]


@pytest.mark.parametrize("endpoint", sorted(EDIT_FORMS))
def test_an_edit_form_saves_again_and_again_before_and_after_a_learner_used_it(client, login, world, endpoint):
    template, changes, read_back = EDIT_FORMS[endpoint]
    [(field, (first, second))] = changes.items()
    login(world.admin)
    url = _address(template, world)
    _save_unchanged_then_changed(client, url, field, first)
    assert str(read_back(world)) in (first, str(float(first)) if first.isdigit() else first)
    learner_uses_everything(world)
    _save_unchanged_then_changed(client, url, field, second)
    assert str(read_back(world)) in (second, str(float(second)) if second.isdigit() else second)


def test_a_course_and_a_module_made_with_their_create_forms_open_and_save_on_their_edit_forms(client, login,
                                                                                          make_user):
    login(make_user(Role.ADMIN))
    created = client.post("/courses/new", data={"slug": "made-here", "title_en": "Made here", "original_locale": "en",
                                                "timezone": "Asia/Baku", "starts_on": "2026-11-23", "days": "2",
                                                "enrolment": "open"})
    assert created.status_code == 302, created.text[:2000]
    _save_unchanged_then_changed(client, "/courses/made-here/manage/settings", "title_en", "Made here, again")
    module = client.post("/courses/made-here/manage/days/1/modules/new",
                         data={"kind": "lesson", "title_en": "First lesson", "required_module": "y"})
    assert module.status_code == 302
    module_id = db.session.scalar(select(courses.Module.id).join(CourseDay).join(Course)
                                  .where(Course.slug == "made-here"))
    _save_unchanged_then_changed(client, f"/courses/made-here/manage/modules/{module_id}", "title_en", "Lesson one")
    assert _module_title(module_id) == "Lesson one"
