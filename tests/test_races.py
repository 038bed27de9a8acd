"""Double clicks and two tabs: each of these answers as if the first click had been the only one.

The defect this guards: quiz start, enrolment, the first view of a lesson and the live join answered
500 on the unique constraint when two requests came at once. Each test holds the first request's
row uncommitted in the test's own transaction while a real request runs in a thread: that request
finds nothing yet, inserts, waits on the database's unique check, and must then answer with the
row the first one made. It runs on SQLite and on PostgreSQL.
"""
import threading
from datetime import timedelta

from sqlalchemy import func, select

from lms.applications import intake as settings
from lms.applications import services as applications
from lms.applications.models import Application, ApplicationStatus
from lms.assignments import rubric
from lms.assignments import services as assignments
from lms.assignments.models import CourseGrading, RubricChoice, Submission
from lms.auth.models import Role
from lms.certificates.models import Certificate
from lms.courses import services as courses
from lms.courses.models import CourseStatus, Enrollment, EnrolmentMode, ModuleKind, ModuleProgress
from lms.extensions import db
from lms.live import services as live
from lms.live.models import Attendance
from lms.programmes import services as programmes
from lms.programmes.models import ProgrammeEnrolment
from lms.quizzes import essays
from lms.quizzes import services as quizzes
from lms.quizzes.models import Attempt
from lms.surveys import services as surveys
from lms.surveys.models import SurveyReceipt, SurveyResponse
from tests.applications.conftest import NOW as APPLICATIONS_NOW
from tests.applications.conftest import applied, intake  # noqa: F401  (the fixture)
from tests.assignments.conftest import NOW as ASSIGNMENT_NOW
from tests.assignments.conftest import assignment_world  # noqa: F401  (the fixture)
from tests.quizzes.conftest import NOW, quiz_world  # noqa: F401  (the fixture)
from tests.surveys.conftest import NOW as SURVEY_NOW
from tests.surveys.conftest import full_answers, survey_world  # noqa: F401  (the fixture)


def _while_held(request) -> list:
    """Send `request()` in a thread while the test's transaction holds its row; commit; its response."""
    answers: list = []
    sender = threading.Thread(target=lambda: answers.append(request()))
    sender.start()
    sender.join(timeout=0.5)  # the request runs into the row the test has not committed yet
    db.session.commit()
    sender.join(timeout=20)
    assert not sender.is_alive(), "the request never finished"
    return answers


def _count(model, *conditions) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


def test_two_quiz_starts_give_one_attempt(client, login, quiz_world, frozen_clock):  # noqa: F811
    frozen_clock(NOW)
    _, quiz, enrollment = quiz_world
    login(enrollment.user)
    first = quizzes.start_attempt(quiz, enrollment, NOW)  # the first tab's, not committed yet
    [second] = _while_held(lambda: client.post(f"/quizzes/{quiz.id}/start"))
    assert second.status_code == 302 and second.headers["Location"] == f"/quizzes/attempts/{first.id}"
    assert _count(Attempt, Attempt.user_id == enrollment.user_id) == 1


def test_two_enrolments_give_one(client, login, make_user, make_course, frozen_clock):
    frozen_clock(NOW)  # while the course runs
    course, learner = make_course(), make_user()
    login(learner)
    courses.enrol(learner, course)
    [second] = _while_held(lambda: client.post(f"/courses/{course.slug}/enrol"))
    assert second.status_code == 302
    assert _count(Enrollment, Enrollment.user_id == learner.id) == 1


def test_two_first_views_of_a_lesson_give_one_record(client, login, make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    course, learner = make_course(), make_user()
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    login(learner)
    lesson = course.days[0].modules[0]
    courses.record_view(enrollment, lesson, NOW)
    [second] = _while_held(lambda: client.get(f"/courses/{course.slug}/modules/{lesson.id}"))
    assert second.status_code == 200
    assert _count(ModuleProgress, ModuleProgress.enrollment_id == enrollment.id) == 1


def test_two_joins_of_a_live_session_give_one_attendance(client, login, make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    course, learner = make_course(days=[["Lesson"]]), make_user()
    module = courses.add_module(course.days[0], kind=ModuleKind.LIVE, texts={"en": {"title": "Talk", "body": ""}})
    session = live.schedule(module, NOW, NOW + timedelta(hours=1))
    enrollment = courses.enrol(learner, course)
    db.session.commit()
    login(learner)
    live.record_join(session, learner, enrollment, NOW)
    [second] = _while_held(lambda: client.get(f"/live/{session.id}/join"))
    assert second.status_code == 302
    assert _count(Attendance, Attendance.user_id == learner.id) == 1
    assert db.session.scalar(select(Attendance.joins).where(Attendance.user_id == learner.id)) == 2


def test_two_enrolments_in_a_programme_give_one(client, login, make_user, make_course, frozen_clock):
    frozen_clock(NOW)
    learner, course = make_user(), make_course()
    programme = programmes.create_programme(slug="school", original_locale="en", texts={"en": {"title": "School"}},
                                            enrolment=EnrolmentMode.OPEN)
    programmes.add_course(programme, course)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    db.session.commit()
    login(learner)
    programmes.enrol(learner, programme)
    [second] = _while_held(lambda: client.post("/programmes/school/enrol"))
    assert second.status_code == 302
    assert _count(ProgrammeEnrolment, ProgrammeEnrolment.user_id == learner.id) == 1
    assert _count(Enrollment, Enrollment.user_id == learner.id) == 1


def test_a_programme_completed_by_two_events_at_once_gets_one_certificate(client, login, make_user, make_course,
                                                                         frozen_clock):
    """The learner finishes the last required course while an admin issues another course's certificate
    by hand at the same moment: the programme has one certificate, and neither request fails."""
    frozen_clock(NOW)
    admin, learner = make_user(Role.ADMIN), make_user()
    required, optional = make_course(days=[["A"]]), make_course(days=[["B"]])
    programme = programmes.create_programme(slug="school", original_locale="en", texts={"en": {"title": "School"}})
    programmes.add_course(programme, required)
    programmes.add_course(programme, optional, required=False)
    programmes.enrol(learner, programme, by_admin=True)
    db.session.commit()
    login(admin)
    enrollment = db.session.scalar(select(Enrollment).where(Enrollment.course_id == required.id))
    issue = f"/courses/{optional.slug}/manage/certificates/{learner.id}/issue"
    courses.complete_by_hand(enrollment, required.days[0].modules[0], NOW)  # held: course and programme done
    [second] = _while_held(lambda: client.post(issue))
    assert second.status_code == 302
    assert _count(Certificate, Certificate.programme_enrolment_id.is_not(None)) == 1
    assert _count(Certificate, Certificate.enrollment_id.is_not(None)) == 2


def test_two_approvals_of_the_last_seat_give_one_seat(client, login, intake):  # noqa: F811
    """Two admins approve different applicants for the course's last seat at the same moment: one is
    approved, the other is refused with the reason, and the seats are not exceeded."""
    settings.set_seats(intake.admin, intake.course, 1, 72, APPLICATIONS_NOW)
    first, second = applied(intake, "First", "first@example.org"), applied(intake, "Second", "second@example.org")
    login(intake.admin)
    address, second_id = f"/admin/courses/{intake.course.slug}/applications/decide", second.id
    applications.decide(intake.admin, intake.course, [first], ApplicationStatus.APPROVED, "", APPLICATIONS_NOW)
    [response] = _while_held(lambda: client.post(address, data={"applications": [second_id], "decision": "approved"}))
    assert response.status_code == 302
    assert _count(Application, Application.status == ApplicationStatus.APPROVED) == 1
    assert _count(Enrollment, Enrollment.course_id == intake.course.id) == 1
    assert "Every seat is taken." in client.get(response.headers["Location"],
                                                              headers={"Accept-Language": "en"}).text


def test_two_submissions_of_a_survey_keep_one_response(client, login, survey_world):  # noqa: F811
    world = survey_world
    learner, enrollment = world.learners[0], world.enrollments[0]
    answers = full_answers(world.survey, trainer_id=world.trainer.id, session_id=world.session_id)
    login(learner)
    surveys.submit(world.survey, learner, enrollment, answers, SURVEY_NOW)  # the first tab's, not committed yet
    [second] = _while_held(lambda: client.post(f"/surveys/{world.survey.id}/", data=answers))
    assert second.status_code == 409 and "You have already answered this survey." in second.text
    assert _count(SurveyReceipt) == 1 and _count(SurveyResponse) == 1


def test_two_hand_ins_of_an_assignment_keep_one_submission(client, login, assignment_world):  # noqa: F811
    world = assignment_world
    login(world.learners[0])
    assignments.save_draft(world.assignment, world.enrollments[0], "First tab", ASSIGNMENT_NOW)  # not committed
    [second] = _while_held(lambda: client.post(f"/assignments/{world.assignment.id}/",
                                               data={"text": "Second tab", "hand_in": "y"}))
    assert second.status_code == 302
    assert _count(Submission) == 1
    assert db.session.scalar(select(Submission.text)) == "Second tab"


def test_two_trainers_hiding_names_at_once_keep_one_setting(client, login, assignment_world):  # noqa: F811
    world = assignment_world
    login(world.trainer)
    assignments.grade_anonymously(world.course, True)  # another trainer's save, not committed yet
    [second] = _while_held(lambda: client.post(f"/courses/{world.course.slug}/manage/grading",
                                               data={"anonymous": "y"}))
    assert second.status_code == 302
    assert _count(CourseGrading) == 1


def test_two_trainers_grading_one_work_with_a_rubric_at_once_keep_one_grade(client, login,
                                                                            assignment_world):  # noqa: F811
    world = assignment_world
    [clarity] = [rubric.add_criterion(world.assignment, texts={"en": ("Clarity", ["Unclear", "Clear"])},
                                      points=[0, 20])]
    work = assignments.hand_in(world.assignment, world.enrollments[0], "Plan", ASSIGNMENT_NOW)
    db.session.commit()
    login(world.trainer)
    assignments.grade(world.trainer, work, points=None, levels={clarity.id: 0}, comment="First",
                      give_back=False, now=ASSIGNMENT_NOW)  # another trainer's grade, not committed yet
    url = f"/courses/{world.course.slug}/manage/assignments/{world.assignment.module_id}/submissions/{work.id}"
    [second] = _while_held(lambda: client.post(url, data={f"level-{clarity.id}": "1", "comment": "Second",
                                                          "save": "y"}))
    assert second.status_code == 302
    assert _count(RubricChoice) == 1
    assert db.session.scalar(select(RubricChoice.level)) == 1 and db.session.get(Submission, work.id).points == 20


def test_two_essays_of_one_attempt_graded_at_once_score_the_attempt(client, login, make_course, make_user):
    from lms.quizzes import question_import
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["Lesson"]], trainer=trainer)
    quiz = quizzes.quiz_for(courses.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Q"}}))
    first, second = question_import.import_questions(course, "::A::Route? {}\n\n::B::Risk? {}", "gift")
    quizzes.set_questions(quiz, [first.id, second.id])
    attempt = quizzes.start_attempt(quiz, courses.enrol(make_user(), course), course.created_at)
    answers = [quizzes.save_answer(attempt, q.id, {"text": "Written."}, course.created_at) for q in (first, second)]
    quizzes.submit_attempt(attempt, course.created_at)
    db.session.commit()
    login(trainer)
    essays.grade_written_answer(trainer, answers[0], points=1, comment="", now=course.created_at)  # not committed
    [graded] = _while_held(lambda: client.post(f"/courses/{course.slug}/manage/grading/essays/{answers[1].id}",
                                               data={"points": "1", "comment": "Good"}))
    assert graded.status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).score == 2  # neither grade left the attempt waiting
