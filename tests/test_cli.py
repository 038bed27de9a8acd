"""The `flask lms` commands."""
from datetime import timedelta

from sqlalchemy import func, select

from lms.applications.models import Application, Intake
from lms.assignments.models import Assignment, Submission
from lms.auth import services as accounts
from lms.auth.models import Organisation, Role, User
from lms.certificates.models import Certificate
from lms.courses.models import Course, CourseDay, CourseRole, CourseStatus, Enrollment, EnrolmentMode, Module
from lms.courses.queries import progress_of
from lms.extensions import db
from lms.i18n import localized
from lms.live.models import GuestInvite, LiveSession
from lms.programmes.models import Programme, ProgrammeEnrolment
from lms.quizzes.grading import Kind
from lms.quizzes.knowledge import knowledge_gain
from lms.quizzes.models import Answer, Attempt, Quiz, QuizPurpose
from lms.surveys.models import Survey, SurveyPurpose, SurveyReceipt


def test_create_admin_asks_for_the_password_without_echoing_it(runner):
    result = runner.invoke(args=["lms", "create-admin", "--email", "Boss@Example.org", "--name", "Boss"],
                           input="a long secret\na long secret\n")
    assert result.exit_code == 0, result.output
    assert "a long secret" not in result.output
    user = accounts.find_user_by_email("boss@example.org")
    assert user.role is Role.ADMIN
    assert accounts.authenticate("boss@example.org", "a long secret") is user


def test_create_admin_refuses_a_taken_email(runner, make_user):
    make_user(email="boss@example.org")
    result = runner.invoke(args=["lms", "create-admin", "--email", "boss@example.org", "--name", "B",
                                 "--password", "a long secret"])
    assert result.exit_code != 0
    assert "already exists" in result.output


def test_demo_creates_accounts_organisations_and_the_course_once(runner):
    first = runner.invoke(args=["lms", "demo", "--password", "demo password"])
    assert first.exit_code == 0, first.output
    assert "demo password" in first.output
    second = runner.invoke(args=["lms", "demo", "--password", "demo password"])
    assert second.exit_code == 0, second.output
    emails = set(db.session.scalars(select(User.email)))
    expected = {"admin@example.org", "trainer1@example.org", "trainer2@example.org", "coordinator1@example.org",
                "applicant1@example.org", "applicant2@example.org"} | {  # the two approved applicants
        f"learner{n}@example.org" for n in range(1, 11)}
    assert emails == expected
    countries = set(db.session.scalars(select(Organisation.country)))
    assert len(countries) >= 5
    three_day = Course.slug.like("key-concepts%")
    # today's cohort, the finished one, and the next taking applications
    assert db.session.scalar(select(func.count(Course.id)).where(three_day)) == 3
    course = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration"))
    assert {t.locale for t in course.translations} == {"az", "en", "ru"}
    assert localized(course, "title", "ru") == "Ключевые понятия и тенденции в сфере миграции"
    assert accounts.authenticate("learner10@example.org", "demo password").role is Role.LEARNER
    # day 1 opens with the pre-test and ends with a feedback survey; day 3 ends with the course evaluation
    assert [len(day.modules) for day in course.days] == [7, 5, 6]
    assert db.session.scalar(select(func.count(LiveSession.id)).join(Module).join(CourseDay).join(Course)
                             .where(three_day)) == 9  # three per cohort
    quizzes = db.session.scalars(
        select(Quiz).join(Module).join(CourseDay).where(CourseDay.course_id == course.id)).all()
    pre_test, *_, post_test = sorted(quizzes, key=lambda quiz: (quiz.module.day.number, quiz.module.position))
    assert len(quizzes) == 4 and [len(quiz.slots) for quiz in quizzes if quiz is not post_test] == [8, 8, 8]
    assert (pre_test.purpose, post_test.purpose) == (QuizPurpose.PRE_TEST, QuizPurpose.POST_TEST)
    # the final quiz asks the pre-test's eight questions and one essay, which a trainer grades
    *shared, essay = [slot.question for slot in post_test.slots]
    assert [question.id for question in shared] == [slot.question_id for slot in pre_test.slots]
    assert (essay.kind, essay.points, essay.min_words, essay.max_words) == (Kind.ESSAY, 2, 20, 250)
    assert {t.locale for t in essay.translations} == {"az", "en", "ru"}
    for slot in quizzes[0].slots:
        assert {t.locale for t in slot.question.translations} == {"az", "en", "ru"}
    surveys = db.session.scalars(select(Survey).join(Module).join(CourseDay).where(CourseDay.course_id == course.id)
                                 .order_by(CourseDay.number)).all()
    assert [s.purpose for s in surveys] == [SurveyPurpose.END_OF_DAY, SurveyPurpose.END_OF_COURSE]
    assert all(s.anonymous and {"az", "en", "ru"} <= set(s.questions[0].texts) for s in surveys)
    previous = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration-previous"))
    answered = db.session.scalars(select(func.count(SurveyReceipt.id)).join(Survey).join(Module).join(CourseDay)
                                  .where(CourseDay.course_id == previous.id).group_by(Survey.id)).all()
    assert answered == [5, 5]  # the finished cohort's answers: enough for results to show
    assert course.status is CourseStatus.PUBLISHED
    assert course.days[0].opens_at is None and all(day.opens_at for day in course.days[1:])
    for module in (m for day in course.days for m in day.modules):
        assert {t.locale for t in module.translations} == {"az", "en", "ru"}
    roles = [role for (role,) in db.session.execute(
        select(Enrollment.role).where(Enrollment.course_id == course.id))]
    assert roles.count(CourseRole.LEARNER) == 10 and roles.count(CourseRole.TRAINER) == 2
    progress = progress_of(list(db.session.scalars(select(Enrollment.id).where(Enrollment.course_id == course.id))))
    assert sorted(p.completed for p in progress.values())[-3:] == [1, 2, 3]  # three learners part-way
    assert accounts.authenticate("admin@example.org", "demo password").role is Role.ADMIN


def test_the_demo_school_runs_twice_a_week_in_two_editions_with_graduates(runner):
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0  # nothing twice
    current = db.session.scalar(select(Programme).where(Programme.slug == "migration-school"))
    previous = db.session.get(Programme, current.previous_edition_id)
    assert (previous.edition, current.edition) == (3, 4) and current.status is CourseStatus.PUBLISHED
    assert [item.required for item in current.courses] == [True, True, False]
    dates = [day.date for item in current.courses for day in item.course.days]
    assert len(dates) == 52 and {d.weekday() for d in dates} == {1, 3} and dates == sorted(dates)  # Tue, Thu
    assert dates[-1] - dates[0] > timedelta(days=170)  # six months
    graduates = db.session.scalars(
        select(User.email).join(ProgrammeEnrolment, ProgrammeEnrolment.user_id == User.id)
        .join(Certificate, Certificate.programme_enrolment_id == ProgrammeEnrolment.id)
        .where(ProgrammeEnrolment.programme_id == previous.id)).all()
    assert sorted(graduates) == ["learner6@example.org", "learner7@example.org", "learner8@example.org"]
    assert db.session.scalar(select(func.count(ProgrammeEnrolment.id))
                             .where(ProgrammeEnrolment.programme_id == current.id)) == 5
    plans = db.session.scalars(select(Submission).join(Assignment).join(Module).join(CourseDay)
                               .where(CourseDay.course_id.in_([item.course_id for item in previous.courses]))).all()
    assert len(plans) == 6  # three graduates × two required courses
    assert sorted(p.status.value for p in plans) == ["returned"] * 4 + ["submitted"] * 2
    assert all(p.comment for p in plans if p.status.value == "returned")
    # graded with the action plan's rubric: a level of each of its three criteria, 16 and 12 of 20 points
    assert sorted((p.points, len(p.levels)) for p in plans if p.status.value == "returned") == [
        (12, 3), (12, 3), (16, 3), (16, 3)]
    assert all(p.assignment.max_points == 20 and len(p.assignment.criteria) == 3 for p in plans)
    opening = db.session.scalars(select(GuestInvite)).all()
    assert [(g.name, g.moderator) for g in opening] == [("Demo Guest Speaker", True)]
    assert opening[0].session.module.course.slug == "key-concepts-migration"


def test_in_the_demo_learner10_has_finished_the_previous_cohort_with_a_certificate(runner):
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0  # nothing twice
    previous = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration-previous"))
    holders = db.session.scalars(
        select(User.email).join(Enrollment, Enrollment.user_id == User.id)
        .join(Certificate, Certificate.enrollment_id == Enrollment.id).where(Enrollment.course_id == previous.id))
    assert list(holders) == ["learner10@example.org"]
    enrollment_ids = list(db.session.scalars(select(Enrollment.id).where(Enrollment.course_id == previous.id)))
    progress = progress_of(enrollment_ids)
    assert sum(1 for p in progress.values() if 0 < p.completed < p.required) >= 3  # a few part-way
    scores = db.session.scalars(select(Attempt.score / Attempt.max_score).join(User).where(
        User.email == "learner10@example.org").order_by(Attempt.started_at))
    # half right in the pre-test before the course, then every quiz right, through the real services; the
    # final quiz's essay was graded by the trainer the next morning, with a comment
    assert list(scores) == [0.5, 1.0, 1.0, 1.0]
    [essay] = db.session.scalars(select(Answer).join(Attempt).join(User).where(
        User.email == "learner10@example.org", Answer.comment != "")).all()
    assert essay.credit == 1.0 and essay.graded_by_id is not None


def test_demo_without_a_password_prints_a_new_one_that_works(runner):
    result = runner.invoke(args=["lms", "demo"])
    assert result.exit_code == 0, result.output
    password = next(line.strip().removeprefix("password:").strip() for line in result.output.splitlines()
                    if line.strip().startswith("password:"))
    assert len(password) >= 12
    assert accounts.authenticate("trainer1@example.org", password) is not None


def test_the_demo_next_edition_takes_applications_with_seats_per_country_and_a_coordinator(runner):
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0  # nothing twice
    course = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration-next"))
    assert course.enrolment is EnrolmentMode.APPLICATION and course.status is CourseStatus.PUBLISHED
    intake = db.session.scalar(select(Intake).where(Intake.course_id == course.id))
    assert intake.seats == 20 and len(intake.quotas) == 10 and {q.seats for q in intake.quotas} == {2}
    statuses = sorted(a.status.value for a in db.session.scalars(select(Application)))
    assert statuses == ["approved", "approved", "declined", "submitted", "submitted", "submitted", "waitlisted"]
    coordinator = accounts.authenticate("coordinator1@example.org", "demo password")
    assert coordinator.role is Role.COORDINATOR and coordinator.organisation.country == "AZ"
    nominated = db.session.scalar(select(Application).where(Application.nominated_by_id == coordinator.id))
    assert nominated.organisation_id == coordinator.organisation_id


def test_the_demo_previous_cohort_has_a_knowledge_gain_to_report(runner):
    assert runner.invoke(args=["lms", "demo", "--password", "demo password"]).exit_code == 0
    previous = db.session.scalar(select(Course).where(Course.slug == "key-concepts-migration-previous"))
    report = knowledge_gain(previous)
    assert report.overall.count >= 1 and report.overall.points > 0  # learner10 took both, and learnt
