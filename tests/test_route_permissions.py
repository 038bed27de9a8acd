"""Every route, for every kind of visitor: allowed, sent to sign in, or refused.

The course in each case is published, has three days ([A, B], [C], []) and a trainer; "enrolled"
is a learner of it, "learner" a learner who is not, "other trainer" the trainer of another course,
"coordinator" a partner agency's focal point (treated as "learner" unless a row says otherwise).
"""
import io
from datetime import UTC, datetime

import pytest

from lms.applications import intake
from lms.assignments import rubric
from lms.assignments import services as assignments
from lms.assignments.files import Upload
from lms.auth import services as accounts
from lms.auth.models import Role
from lms.certificates import services as certificates
from lms.courses import attachments, messaging, services
from lms.courses.models import CourseStatus, ModuleKind
from lms.extensions import db
from lms.live import guests
from lms.live import services as live
from lms.programmes import services as programmes
from lms.quizzes import essays, question_import
from lms.quizzes import services as quizzes
from lms.surveys import services as surveys
from tests.conftest import PASSWORD

VISITORS = ANON, LEARNER, ENROLLED, OTHER_TRAINER, TRAINER, ADMIN, COORDINATOR = (
    "anonymous", "learner", "enrolled", "other trainer", "trainer", "admin", "coordinator")


def row(anon, learner, enrolled, other_trainer, trainer, admin, coordinator=None):
    """Expected statuses; a coordinator is let in or refused as a learner of no course unless given."""
    coordinator = learner if coordinator is None else coordinator
    return dict(zip(VISITORS, (anon, learner, enrolled, other_trainer, trainer, admin, coordinator), strict=True))


EVERYONE_200 = row(200, 200, 200, 200, 200, 200)
SIGNED_IN_200 = row(302, 200, 200, 200, 200, 200)
ADMINS_ONLY = row(302, 403, 403, 403, 403, 200)
ADMINS_ONLY_POST = row(302, 403, 403, 403, 403, 302)
EDITORS = row(302, 403, 403, 403, 200, 200)
EDITORS_POST = row(302, 403, 403, 403, 302, 302)
EDITORS_REFUSED_FORM = row(302, 403, 403, 403, 400, 400)  # allowed in, but an empty form is refused
ADMINS_REFUSED_FORM = row(302, 403, 403, 403, 403, 400)
NOBODY_404 = row(404, 404, 404, 404, 404, 404)

# (method, url, form data, expected status per visitor); {slug}, {module} and {target} are filled in.
MATRIX = [
    ("GET", "/", None, EVERYONE_200),
    ("GET", "/healthz", None, EVERYONE_200),
    ("GET", "/lang/ru", None, row(302, 302, 302, 302, 302, 302)),
    ("GET", "/auth/login", None, row(200, 302, 302, 302, 302, 302)),
    ("POST", "/auth/login", {}, row(400, 302, 302, 302, 302, 302)),
    ("GET", "/auth/register", None, row(200, 302, 302, 302, 302, 302)),
    ("POST", "/auth/register", {}, row(400, 302, 302, 302, 302, 302)),
    ("POST", "/auth/logout", {}, row(302, 302, 302, 302, 302, 302)),
    ("GET", "/auth/forgot-password", None, EVERYONE_200),
    ("POST", "/auth/forgot-password", {}, row(400, 400, 400, 400, 400, 400)),
    ("GET", "/auth/profile", None, SIGNED_IN_200),
    ("GET", "/auth/profile/data.json", None, SIGNED_IN_200),
    # An empty post falls back to the saved profile (Flask-WTF reads no form data): saved unchanged.
    ("POST", "/auth/profile", {}, row(302, 302, 302, 302, 302, 302)),
    ("POST", "/auth/profile/password", {}, row(302, 400, 400, 400, 400, 400)),
    ("GET", "/progress/", None, SIGNED_IN_200),
    ("GET", "/admin/", None, ADMINS_ONLY),
    ("GET", "/admin/users", None, ADMINS_ONLY),
    ("POST", "/admin/users/{target}/role", {"role": "trainer"}, ADMINS_ONLY_POST),
    ("POST", "/admin/users/{target}/active", {"active": "0"}, ADMINS_ONLY_POST),
    ("GET", "/admin/users/new", None, ADMINS_ONLY),
    ("POST", "/admin/users/new", {}, ADMINS_REFUSED_FORM),
    ("GET", "/admin/users/{target}", None, ADMINS_ONLY),
    ("POST", "/admin/users/{target}", {}, ADMINS_ONLY_POST),  # an empty post saves the account unchanged
    ("POST", "/admin/users/{target}/password-link", {}, ADMINS_ONLY),  # the page that shows the link
    ("GET", "/admin/users/import", None, ADMINS_ONLY),
    ("POST", "/admin/users/import", {}, ADMINS_REFUSED_FORM),
    ("POST", "/admin/users/import/confirm", {}, ADMINS_REFUSED_FORM),
    ("GET", "/admin/organisations", None, ADMINS_ONLY),
    ("POST", "/admin/organisations", {}, ADMINS_REFUSED_FORM),
    ("GET", "/admin/organisations/{organisation}", None, ADMINS_ONLY),
    ("POST", "/admin/organisations/{organisation}", {}, ADMINS_ONLY_POST),
    ("GET", "/admin/audit", None, ADMINS_ONLY),
    ("GET", "/admin/courses/{slug}/progress", None, EDITORS),
    ("GET", "/admin/courses/{slug}/progress.csv", None, EDITORS),
    ("GET", "/admin/courses/{slug}/progress.xlsx", None, EDITORS),
    ("GET", "/admin/courses/{slug}/learners/{target}", None, EDITORS),
    ("GET", "/certificates/{certificate}.pdf", None, row(302, 404, 200, 404, 404, 200)),  # the owner's
    ("GET", "/verify/{certificate}", None, EVERYONE_200),
    ("GET", "/verify/", None, EVERYONE_200),
    ("GET", "/courses/{slug}/manage/certificates/", None, EDITORS),
    ("POST", "/courses/{slug}/manage/certificates/", {}, EDITORS_POST),  # an empty rule: nothing ticked
    ("POST", "/courses/{slug}/manage/certificates/issue-all", {}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/certificates/{target}/approve", {}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/certificates/{target}/issue", {}, ADMINS_ONLY_POST),
    ("POST", "/courses/{slug}/manage/certificates/{target}/revoke", {}, row(302, 403, 403, 403, 403, 404)),  # none
    ("GET", "/admin/courses/{slug}/certificates.zip", None, ADMINS_ONLY),
    ("GET", "/auth/password/{calendar_token}", None, NOBODY_404),  # not a set-password token
    ("POST", "/auth/password/{calendar_token}", {}, NOBODY_404),
    ("GET", "/courses/new", None, row(302, 403, 403, 200, 200, 200)),
    ("POST", "/courses/new", {}, row(302, 403, 403, 400, 400, 400)),
    ("GET", "/courses/import", None, row(302, 403, 403, 200, 200, 200)),
    ("POST", "/courses/import", {}, row(302, 403, 403, 400, 400, 400)),
    ("GET", "/courses/{slug}/manage/export", None, EDITORS),
    ("GET", "/courses/{slug}/", None, EVERYONE_200),
    ("POST", "/courses/{slug}/enrol", {}, row(302, 302, 302, 302, 302, 302)),
    ("GET", "/courses/{slug}/modules/{module}", None, row(302, 403, 200, 403, 200, 200)),
    ("POST", "/courses/{slug}/modules/{module}/complete", {}, row(302, 403, 302, 403, 403, 403)),
    ("GET", "/courses/{slug}/modules/{module}/files/{attachment}", None, row(302, 403, 200, 403, 200, 200)),
    ("GET", "/courses/{slug}/manage/", None, EDITORS),
    ("GET", "/courses/{slug}/manage/settings", None, EDITORS),
    ("POST", "/courses/{slug}/manage/settings", {}, EDITORS_REFUSED_FORM),
    ("POST", "/courses/{slug}/manage/status", {"status": "draft"}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/days", {}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/days/remove-last", {}, EDITORS_POST),
    ("GET", "/courses/{slug}/manage/days/1", None, EDITORS),
    ("POST", "/courses/{slug}/manage/days/1", {}, EDITORS_POST),
    ("GET", "/courses/{slug}/manage/days/1/modules/new", None, EDITORS),
    ("POST", "/courses/{slug}/manage/days/1/modules/new", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/modules/{module}", None, EDITORS),
    ("POST", "/courses/{slug}/manage/modules/{module}", {}, EDITORS_REFUSED_FORM),
    ("POST", "/courses/{slug}/manage/modules/{module}/move", {"direction": "down"}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/modules/{module}/attachments", {}, EDITORS_POST),  # "choose a file"
    ("POST", "/courses/{slug}/manage/modules/{module}/attachments/{attachment}/delete", {}, EDITORS_POST),
    ("GET", "/courses/{slug}/manage/modules/{module}/delete", None, EDITORS),
    ("POST", "/courses/{slug}/manage/modules/{module}/delete", {}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/trainers", {"email": "trainer-to-be@example.org"}, ADMINS_ONLY_POST),
    ("POST", "/courses/{slug}/manage/trainers/{target}/remove", {}, ADMINS_ONLY_POST),
    ("POST", "/courses/{slug}/manage/enrolments/{target}/withdraw", {}, ADMINS_ONLY_POST),
    ("GET", "/courses/{slug}/manage/enrolments", None, ADMINS_ONLY),
    ("GET", "/courses/{slug}/manage/questions", None, EDITORS),
    ("POST", "/courses/{slug}/manage/questions", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/questions/export.gift", None, EDITORS),
    ("GET", "/courses/{slug}/manage/questions/{question}", None, EDITORS),
    ("POST", "/courses/{slug}/manage/questions/{question}", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/quizzes/{quiz_module}", None, EDITORS),
    ("GET", "/courses/{slug}/manage/quizzes/{quiz_module}/results", None, EDITORS),
    ("GET", "/courses/{slug}/manage/quizzes/{quiz_module}/results.csv", None, EDITORS),
    ("POST", "/courses/{slug}/manage/quizzes/{quiz_module}", {}, EDITORS_REFUSED_FORM),
    ("GET", "/quizzes/module/{quiz_module}", None, row(302, 403, 302, 403, 302, 302)),
    ("GET", "/courses/{slug}/manage/live/{live_module}", None, EDITORS),
    ("POST", "/courses/{slug}/manage/live/{live_module}", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/live/{live_module}/attendance", None, EDITORS),
    ("POST", "/courses/{slug}/manage/live/{live_module}/attendance", {}, EDITORS_POST),
    ("GET", "/courses/{slug}/manage/live/{live_module}/guests", None, EDITORS),
    ("POST", "/courses/{slug}/manage/live/{live_module}/guests", {}, EDITORS_REFUSED_FORM),
    ("POST", "/courses/{slug}/manage/live/{live_module}/guests/{guest}/revoke", {}, EDITORS_POST),
    ("GET", "/live/{session}/guest/{calendar_token}", None, NOBODY_404),  # not a guest's link (valid ones: tests/live)
    ("POST", "/live/{session}/presence", {}, row(401, 403, 400, 403, 400, 400)),  # JSON: an empty form is no report
    ("GET", "/live/module/{live_module}", None, row(302, 403, 302, 403, 302, 302)),
    ("GET", "/courses/{slug}/manage/surveys/{survey_module}/", None, EDITORS),
    # an empty post saves the settings unchanged (Flask-WTF reads no form data)
    ("POST", "/courses/{slug}/manage/surveys/{survey_module}/", {}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/surveys/{survey_module}/template", {}, EDITORS_REFUSED_FORM),
    ("POST", "/courses/{slug}/manage/surveys/{survey_module}/questions", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/surveys/{survey_module}/questions/{survey_question}", None, EDITORS),
    ("POST", "/courses/{slug}/manage/surveys/{survey_module}/questions/{survey_question}", {}, EDITORS_REFUSED_FORM),
    ("POST", "/courses/{slug}/manage/surveys/{survey_module}/questions/{survey_question}/remove", {}, EDITORS_POST),
    ("GET", "/courses/{slug}/manage/surveys/{survey_module}/results", None, EDITORS),
    ("GET", "/courses/{slug}/manage/surveys/{survey_module}/results.csv", None, EDITORS),
    ("GET", "/courses/{slug}/manage/surveys/{survey_module}/results.xlsx", None, EDITORS),
    ("GET", "/surveys/module/{survey_module}", None, row(302, 403, 302, 403, 302, 302)),
    ("GET", "/courses/{slug}/manage/assignments/{assignment_module}/", None, EDITORS),
    ("POST", "/courses/{slug}/manage/assignments/{assignment_module}/", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/assignments/{assignment_module}/submissions/{submission}", None, EDITORS),
    ("GET", "/courses/{slug}/manage/assignments/{assignment_module}/grades.csv", None, EDITORS),
    ("GET", "/courses/{slug}/manage/assignments/{assignment_module}/submissions.zip", None, EDITORS),
    ("POST", "/courses/{slug}/manage/assignments/{assignment_module}/submissions/{submission}", {},
     EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/assignments/{assignment_module}/rubric/new", None, EDITORS),
    ("POST", "/courses/{slug}/manage/assignments/{assignment_module}/rubric/new", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/assignments/{assignment_module}/rubric/{criterion}", None, EDITORS),
    ("POST", "/courses/{slug}/manage/assignments/{assignment_module}/rubric/{criterion}", {}, EDITORS_POST),
    ("POST", "/courses/{slug}/manage/assignments/{assignment_module}/rubric/{criterion}/remove", {}, EDITORS_POST),
    ("GET", "/courses/{slug}/manage/grading", None, EDITORS),
    ("GET", "/courses/{slug}/manage/grading/essays/{essay_answer}", None, EDITORS),
    # a file handed in with an essay: its learner's and the course's trainers'; to anyone else it does not exist
    ("GET", "/quizzes/answer-files/{answer_file}", None, row(302, 404, 200, 404, 200, 200)),
    ("POST", "/courses/{slug}/manage/grading/essays/{essay_answer}", {}, EDITORS_REFUSED_FORM),
    ("POST", "/courses/{slug}/manage/grading", {"anonymous": "y"}, EDITORS_POST),
    ("GET", "/assignments/module/{assignment_module}", None, row(302, 403, 302, 403, 302, 302)),
    ("GET", "/assignments/{assignment}/", None, row(302, 403, 200, 403, 200, 200)),
    # a learner's file: theirs and the course's trainers'; to anyone else it does not exist
    ("GET", "/assignments/{assignment}/files/{submission_file}", None, row(302, 404, 200, 404, 200, 200)),
    # the enrolled learner has handed in (no draft to keep any more); nobody else hands in
    ("POST", "/assignments/{assignment}/", {}, row(302, 403, 409, 403, 403, 403)),
    ("GET", "/surveys/{survey}/", None, row(302, 403, 200, 403, 200, 200)),
    # an enrolled learner's empty answers are refused with the questions to answer; nobody else answers
    ("POST", "/surveys/{survey}/", {}, row(302, 403, 400, 403, 403, 403)),
    ("GET", "/live/{session}/", None, row(302, 403, 200, 403, 200, 200)),
    # The session is in 2030: joining now is refused even to the course's people (window tests: tests/live).
    ("GET", "/live/{session}/join", None, row(302, 403, 403, 403, 403, 403)),
    ("GET", "/calendar/session/{session}.ics", None, row(404, 404, 200, 404, 200, 200)),
    ("GET", "/calendar/{calendar_token}.ics", None, EVERYONE_200),  # the private address is the key
    ("POST", "/auth/profile/calendar", {}, row(302, 302, 302, 302, 302, 302)),
    ("GET", "/quizzes/{quiz}/", None, row(302, 403, 200, 403, 200, 200)),
    ("POST", "/quizzes/{quiz}/start", {}, row(302, 403, 302, 403, 403, 403)),
    # An attempt is its learner's alone: to anyone else it does not exist.
    ("GET", "/quizzes/attempts/{attempt}", None, row(302, 404, 200, 404, 404, 404)),
    ("POST", "/quizzes/attempts/{attempt}", {}, row(302, 404, 302, 404, 404, 404)),
    ("POST", "/quizzes/attempts/{attempt}/answers", {}, row(401, 404, 400, 404, 404, 404)),
    ("GET", "/quizzes/attempts/{attempt}/summary", None, row(302, 404, 200, 404, 404, 404)),
    ("POST", "/quizzes/attempts/{attempt}/submit", {}, row(302, 404, 302, 404, 404, 404)),
    ("GET", "/quizzes/attempts/{attempt}/review", None, row(302, 404, 302, 404, 404, 404)),
    ("POST", "/courses/{slug}/manage/enrolments", {}, ADMINS_ONLY),
    ("GET", "/notifications/", None, SIGNED_IN_200),
    ("POST", "/notifications/read", {}, row(302, 302, 302, 302, 302, 302)),
    ("POST", "/notifications/choices", {}, row(302, 302, 302, 302, 302, 302)),
    ("GET", "/unsubscribe/{calendar_token}", None, NOBODY_404),  # not an unsubscribe token
    ("POST", "/unsubscribe/{calendar_token}", {}, NOBODY_404),
    ("GET", "/courses/{slug}/manage/next-edition", None, EDITORS),
    ("POST", "/courses/{slug}/manage/next-edition", {}, EDITORS_REFUSED_FORM),
    ("GET", "/admin/courses/{slug}/editions", None, EDITORS),
    ("GET", "/admin/courses/{slug}/evaluation", None, EDITORS),
    ("GET", "/admin/courses/{slug}/evaluation.xlsx", None, EDITORS),
    ("GET", "/admin/courses/{slug}/evaluation.pdf", None, EDITORS),
    # The world's programme has the course's slug (another namespace), is published, and enrols by admins only.
    ("GET", "/programmes/", None, EVERYONE_200),
    ("GET", "/programmes/{slug}/", None, EVERYONE_200),
    ("POST", "/programmes/{slug}/enrol", {}, row(302, 302, 302, 302, 302, 302)),  # refused with a message
    ("GET", "/programmes/new", None, ADMINS_ONLY),
    ("POST", "/programmes/new", {}, ADMINS_REFUSED_FORM),
    ("GET", "/programmes/{slug}/manage/", None, ADMINS_ONLY),
    ("GET", "/programmes/{slug}/manage/settings", None, ADMINS_ONLY),
    ("POST", "/programmes/{slug}/manage/settings", {}, ADMINS_REFUSED_FORM),
    ("POST", "/programmes/{slug}/manage/courses", {}, ADMINS_REFUSED_FORM),
    ("POST", "/programmes/{slug}/manage/courses/{course_id}", {}, ADMINS_REFUSED_FORM),
    ("POST", "/programmes/{slug}/manage/status", {}, ADMINS_REFUSED_FORM),
    ("POST", "/programmes/{slug}/manage/people", {}, ADMINS_REFUSED_FORM),
    ("POST", "/programmes/{slug}/manage/next-edition", {}, ADMINS_REFUSED_FORM),
    ("GET", "/admin/programmes/{slug}/progress", None, ADMINS_ONLY),
    ("GET", "/admin/programmes/{slug}/progress.csv", None, ADMINS_ONLY),
    ("GET", "/admin/programmes/{slug}/progress.xlsx", None, ADMINS_ONLY),
    ("GET", "/admin/programmes/{slug}/evaluation", None, ADMINS_ONLY),
    ("GET", "/admin/programmes/{slug}/evaluation.xlsx", None, ADMINS_ONLY),
    ("GET", "/admin/programmes/{slug}/evaluation.pdf", None, ADMINS_ONLY),
    ("GET", "/admin/programmes/{slug}/editions", None, ADMINS_ONLY),
    ("POST", "/admin/programmes/{slug}/certificates/{target}/revoke", {}, row(302, 403, 403, 403, 403, 404)),
    ("GET", "/courses/{slug}/manage/schedule", None, EDITORS),
    ("POST", "/courses/{slug}/manage/schedule", {"preview": "1", "first": "2026-11-23", "count": "3"},
     EDITORS),  # the course's own dates, previewed: nothing moves
    ("POST", "/courses/{slug}/manage/schedule", {"apply": "1", "first": "2026-11-23", "count": "1"},
     EDITORS_REFUSED_FORM),  # one date for a course whose days have modules
    ("GET", "/courses/{slug}/manage/messages", None, EDITORS),
    ("POST", "/courses/{slug}/manage/messages", {}, EDITORS_REFUSED_FORM),
    ("GET", "/courses/{slug}/manage/messages/{message}", None, EDITORS),
    ("POST", "/courses/{slug}/manage/messages/{message}", {}, EDITORS_POST),
    # Intake: the world's course is open to enrolment, so its application form says it takes none.
    ("GET", "/courses/{slug}/apply", None, EVERYONE_200),
    ("POST", "/courses/{slug}/apply", {}, row(403, 403, 403, 403, 403, 403)),
    ("POST", "/courses/{slug}/apply/file", {}, row(302, 403, 403, 403, 403, 403, coordinator=302)),  # "choose"
    ("GET", "/applications/", None, SIGNED_IN_200),
    ("GET", "/applications/{calendar_token}", None, NOBODY_404),  # not an application's signed link
    ("POST", "/applications/{calendar_token}/withdraw", {}, NOBODY_404),
    ("POST", "/applications/{calendar_token}/offer", {}, NOBODY_404),
    ("GET", "/progress/organisation", None, row(302, 403, 403, 403, 403, 403, coordinator=200)),
    ("GET", "/admin/courses/{slug}/applications/", None, ADMINS_ONLY),
    ("GET", "/admin/courses/{slug}/applications.csv", None, ADMINS_ONLY),
    ("POST", "/admin/courses/{slug}/applications/decide", {}, ADMINS_ONLY_POST),  # "tick at least one"
    ("GET", "/admin/courses/{slug}/applications/settings", None, ADMINS_ONLY),
    ("POST", "/admin/courses/{slug}/applications/settings", {}, ADMINS_ONLY_POST),  # saved unchanged
    ("POST", "/admin/courses/{slug}/applications/quotas", {}, ADMINS_REFUSED_FORM),
    ("POST", "/admin/courses/{slug}/applications/quotas/{quota}/remove", {}, ADMINS_ONLY_POST),
    ("POST", "/admin/courses/{slug}/applications/questions", {}, ADMINS_REFUSED_FORM),
    ("POST", "/admin/courses/{slug}/applications/questions/1/remove", {}, ADMINS_ONLY_POST),
]
SIGN_IN_FIRST = "/auth/login?next="


@pytest.fixture()
def world(make_user, make_course, make_organisation, frozen_clock):
    """The people and the course each case acts on, on the course's second day (it runs 23–25 November)."""
    frozen_clock(datetime(2026, 11, 24, 8, tzinfo=UTC))
    trainer = make_user(Role.TRAINER)
    course = make_course(days=[["A", "B"], ["C"], []], trainer=trainer)
    make_course(trainer=(other_trainer := make_user(Role.TRAINER)))
    enrolled = make_user()
    services.enrol(enrolled, course)
    make_user(Role.TRAINER, email="trainer-to-be@example.org")
    db.session.commit()
    people = {LEARNER: make_user(), ENROLLED: enrolled, OTHER_TRAINER: other_trainer, TRAINER: trainer,
              ADMIN: make_user(Role.ADMIN),
              COORDINATOR: make_user(Role.COORDINATOR, organisation=make_organisation("Partner agency", "GE"))}
    attachment = attachments.add_attachment(course.days[0].modules[0], "slides.pdf", io.BytesIO(b"%PDF-1.4"), 1000)
    quiz_module = services.add_module(course.days[0], kind=ModuleKind.QUIZ, texts={"en": {"title": "Quiz"}})
    quiz = quizzes.quiz_for(quiz_module)
    question = question_import.import_questions(course, "Q {T}", "gift")[0]
    quizzes.set_questions(quiz, [question.id])
    attempt = quizzes.start_attempt(quiz, services.enrol(enrolled, course), course.created_at)
    essay_quiz = quizzes.quiz_for(services.add_module(course.days[0], kind=ModuleKind.QUIZ,
                                                      texts={"en": {"title": "Essay"}}))
    quizzes.set_questions(essay_quiz, [question_import.import_questions(course, "::E::Describe a route. {}",
                                                                        "gift")[0].id])
    essay_question = essay_quiz.slots[0].question
    essay_question.takes_file = True
    essay_attempt = quizzes.start_attempt(essay_quiz, services.enrol(enrolled, course), course.created_at)
    essay_answer = quizzes.save_answer(essay_attempt, essay_question.id, {"text": "A route."}, course.created_at)
    essay_file = essays.attach_file(essay_attempt, essay_question, "map.pdf", io.BytesIO(b"%PDF-1.4"),
                                    course.created_at, 1000)
    quizzes.submit_attempt(essay_attempt, course.created_at)
    live_module = services.add_module(course.days[1], kind=ModuleKind.LIVE, texts={"en": {"title": "Live"}})
    session = live.schedule(live_module, datetime(2030, 1, 1, 6, tzinfo=UTC), datetime(2030, 1, 1, 7, tzinfo=UTC))
    assignment_module = services.add_module(course.days[0], kind=ModuleKind.ASSIGNMENT,
                                            texts={"en": {"title": "Action plan"}})
    assignment = assignments.assignment_for(assignment_module)
    assignment.takes_files = True
    criterion = rubric.add_criterion(assignment, texts={"en": ("Clarity", ["Unclear", "Clear"])}, points=[0, 5])
    submission = assignments.hand_in(assignment, services.enrol(enrolled, course), "My plan",
                                     datetime(2026, 11, 24, 8, tzinfo=UTC),
                                     added=[Upload("plan.pdf", io.BytesIO(b"%PDF-1.4 plan"))])
    survey_module = services.add_module(course.days[0], kind=ModuleKind.SURVEY, texts={"en": {"title": "Feedback"}})
    survey = surveys.survey_for(survey_module)
    surveys.start_from(survey, "end_of_day")
    programme = programmes.create_programme(slug=course.slug, original_locale="en",
                                            texts={"en": {"title": "School"}})
    programmes.add_course(programme, course)
    programmes.set_status(programme, CourseStatus.PUBLISHED)
    db.session.commit()
    target = make_user(organisation=make_organisation())
    services.enrol(target, course)
    quota = intake.set_quota(people[ADMIN], course, country="AZ", organisation=None, seats=2,
                             now=datetime(2026, 11, 24, 8, tzinfo=UTC))
    intake.add_question(people[ADMIN], course, {"en": "Which unit do you work in?"}, required=False)
    names = {"slug": course.slug, "module": course.days[0].modules[0].id, "target": target.id,
             "organisation": target.organisation_id,
             "attachment": attachment.id, "quiz_module": quiz_module.id, "quiz": quiz.id, "attempt": attempt.id,
             "question": question.id, "live_module": live_module.id, "session": session.id,
             "calendar_token": accounts.calendar_token(enrolled),
             "course_id": course.id, "quota": quota.id, "survey_module": survey_module.id, "survey": survey.id,
             "survey_question": survey.questions[0].id, "assignment_module": assignment_module.id,
             "assignment": assignment.id, "submission": submission.id, "submission_file": submission.files[0].id,
             "criterion": criterion.id, "essay_answer": essay_answer.id, "answer_file": essay_file.id,
             "guest": guests.invite(session, name="Guest", email="guest@example.org", organisation="", locale="en",
                                    moderator=False, by=trainer, now=datetime(2026, 11, 24, 8, tzinfo=UTC)).id,
             "message": messaging.write_to_learners(trainer, course, {"en": ("Hi", "Hello.")}, country=None,
                                                    organisation_id=None, status="")[0].id,
             "certificate": certificates.issue_by_hand(people[ADMIN], services.enrol(enrolled, course),
                                                       course.created_at).code}
    db.session.commit()
    return people, names


REFUSED = (400, 401, 403, 404)


def cases() -> list:
    """Each row once per group of visitors that can share one world: a GET changes nothing, nor does a
    POST that is refused; a POST that is let through gets a world of its own (it may delete or move what
    the next visitor would need). One world per group keeps the table's hundreds of cases affordable."""
    found = []
    for method, url, data, expected in MATRIX:
        label = f"{method} {url}"
        if method == "GET":
            found.append(pytest.param(method, url, data, expected, VISITORS, id=label))
            continue
        refused = tuple(v for v in VISITORS if v == ANON or expected[v] in REFUSED)
        found.append(pytest.param(method, url, data, expected, refused, id=f"{label} refused"))
        found += [pytest.param(method, url, data, expected, (v,), id=f"{label} {v}") for v in VISITORS
                  if v not in refused]
    return found


@pytest.mark.parametrize(("method", "url", "data", "expected", "visitors"), cases())
def test_route_permissions(app, world, method, url, data, expected, visitors):
    people, names = world
    answered = {}
    for visitor in visitors:
        client = app.test_client()  # each visitor with their own cookies and language
        if visitor != ANON:
            signed_in = client.post("/auth/login", data={"email": people[visitor].email, "password": PASSWORD})
            assert signed_in.status_code == 302, visitor
        response = client.open(url.format(**names), method=method, data=data)
        response.close()
        answered[visitor] = response.status_code
        if visitor == ANON and expected[ANON] == 302 and expected[ADMIN] != 302:
            assert response.headers["Location"].startswith(SIGN_IN_FIRST)  # a protected page: sign in first
        own_pages = "/modules/" in url or url.endswith(("/join", "/apply"))  # they say why themselves
        if response.status_code == 403 and not own_pages:
            assert "Giriş qadağandır" in response.text, visitor
    assert answered == {visitor: expected[visitor] for visitor in visitors}


def test_every_route_is_in_the_matrix(app):
    placeholders = {"<int:user_id>": "{target}", "/lang/<code>": "/lang/ru", "<code>": "{certificate}",
                    "<slug>": "{slug}", "<int:module_id>": "{module}",
                    "<int:number>": "1", "<int:attachment_id>": "{attachment}", "<int:quiz_id>": "{quiz}",
                    "<int:attempt_id>": "{attempt}", "<int:quiz_module_id>": "{quiz_module}",
                    "<int:question_id>": "{question}", "<int:live_module_id>": "{live_module}",
                    "<int:session_id>": "{session}", "<token>": "{calendar_token}",
                    "<int:organisation_id>": "{organisation}", "<int:message_id>": "{message}",
                    "<int:guest_id>": "{guest}", "<int:course_id>": "{course_id}", "<int:quota_id>": "{quota}",
                    "<any(courses, programmes):kind>": "courses", "<int:survey_module_id>": "{survey_module}",
                    "<int:survey_id>": "{survey}", "<int:survey_question_id>": "{survey_question}",
                    "<int:assignment_module_id>": "{assignment_module}", "<int:assignment_id>": "{assignment}",
                    "<int:submission_id>": "{submission}", "<int:submission_file_id>": "{submission_file}",
                    "<int:criterion_id>": "{criterion}", "<int:answer_id>": "{essay_answer}",
                    "<int:answer_file_id>": "{answer_file}"}
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        url = rule.rule
        for placeholder, value in placeholders.items():
            url = url.replace(placeholder, value)
        routes |= {(method, url) for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == {(method, url) for method, url, _, _ in MATRIX}
