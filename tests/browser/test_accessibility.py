"""axe-core (from the npm registry, tests/browser/package.json) checks the main pages in az, en and ru.

No page may have a serious or critical violation of WCAG 2.1 A/AA rules.
"""
import io
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from lms.assignments import rubric
from lms.assignments import services as assignments
from lms.assignments.files import Upload
from lms.certificates import queries as certificates
from lms.courses import services as courses
from lms.courses.models import ModuleKind
from lms.courses.queries import enrollment_of
from lms.extensions import db
from lms.quizzes import question_import
from lms.quizzes import services as quizzes
from lms.surveys import services as surveys
from lms.surveys.models import QuestionKind
from tests.admin.conftest import cohort  # noqa: F401  (the hand-computed cohort, as a fixture)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ["az", "en", "ru"]


def _survey(cohort):  # noqa: F811
    """An end-of-course survey on day 2 that three of the cohort answered (Aynur has not yet)."""
    module = courses.add_module(cohort.course.days[1], kind=ModuleKind.SURVEY, required=False,
                                texts={"en": {"title": "Course evaluation"}})
    survey = surveys.survey_for(module)
    surveys.start_from(survey, "end_of_course")
    for person in (cohort.giorgi, cohort.nodar, cohort.olga):
        answers = {f"q{q.id}": ["1"] for q in survey.questions if q.kind in (QuestionKind.RATING, QuestionKind.SINGLE,
                                                                             QuestionKind.MULTIPLE)}
        answers |= {f"q{q.id}": ["9"] for q in survey.questions if q.kind is QuestionKind.RECOMMEND}
        answers |= {f"q{q.id}-{cohort.trainer.id}": ["5"] for q in survey.questions if q.kind is QuestionKind.TRAINERS}
        answers |= {f"q{q.id}-{session.id}": ["4"] for q in survey.questions if q.kind is QuestionKind.COURSE_SESSIONS
                    for session in [cohort.course.days[0].modules[-1].live_session]}
        surveys.submit(survey, person, enrollment_of(person, cohort.course), answers, cohort.course.created_at)
    db.session.commit()
    return module, survey


def _assignment(cohort):  # noqa: F811
    """An optional assignment on day 2 (a text and files) that Giorgi has handed in with a file (Aynur has a
    draft with one: the page then lists it with its "remove" box)."""
    module = courses.add_module(cohort.course.days[1], kind=ModuleKind.ASSIGNMENT, required=False,
                                texts={"en": {"title": "Action plan", "body": "Write a one-page action plan."}})
    assignment = assignments.assignment_for(module)
    assignment.takes_files = True
    rubric.add_criterion(assignment, points=[0, 3, 5], texts={
        "en": ("Concrete actions", ["None", "Some", "Each with a date and an owner"])})
    work = assignments.hand_in(assignment, enrollment_of(cohort.giorgi, cohort.course), "Plan",
                               cohort.course.created_at, added=[Upload("Plan.pdf", io.BytesIO(b"%PDF-1.4"))])
    assignments.save_draft(assignment, enrollment_of(cohort.aynur, cohort.course), "Ideas", cohort.course.created_at,
                           added=[Upload("Ideas.docx", io.BytesIO(b"docx"))])
    db.session.commit()
    return module, assignment, work


def _essay_quiz(cohort):  # noqa: F811
    """A quiz on day 2 with a choice and an essay: Aynur's attempt is open, Giorgi's waits for grading."""
    module = courses.add_module(cohort.course.days[1], kind=ModuleKind.QUIZ, required=False,
                                texts={"en": {"title": "Check your understanding"}})
    quiz = quizzes.quiz_for(module)
    questions = question_import.import_questions(
        cohort.course, "::Q::Who is protected by the 1951 Convention? {=Refugees ~Tourists}\n\n"
                       "::E::Describe one migration route you know. {}", "gift")
    questions[1].min_words, questions[1].takes_file = 20, True
    quizzes.set_questions(quiz, [q.id for q in questions])
    quizzes.update_quiz(quiz, questions_per_page=5)
    started = cohort.course.created_at
    open_attempt = quizzes.start_attempt(quiz, enrollment_of(cohort.aynur, cohort.course), started)
    waiting = quizzes.start_attempt(quiz, enrollment_of(cohort.giorgi, cohort.course), started)
    answer = quizzes.save_answer(waiting, questions[1].id, {"text": "Through Türkiye to Greece, by sea."}, started)
    quizzes.submit_attempt(waiting, started)
    db.session.commit()
    return open_attempt, waiting, answer


def page_list(cohort) -> dict[str, list[str]]:  # noqa: F811
    """Who looks at which pages: None for someone signed out."""
    course = cohort.course
    module, survey = _survey(cohort)
    task_module, task, work = _assignment(cohort)
    open_attempt, waiting_attempt, essay = _essay_quiz(cohort)
    manage_task = f"/courses/{course.slug}/manage/assignments/{task_module.id}/"
    manage_survey = f"/courses/{course.slug}/manage/surveys/{module.id}/"
    lesson = next(m for day in course.days for m in day.modules if m.kind is ModuleKind.LESSON)
    code = next(iter(certificates.certificates_of_course(course).values())).code
    return {
        None: ["/", "/auth/login", "/auth/register", f"/courses/{course.slug}/", f"/verify/{code}", "/programmes/"],
        "aynur": ["/progress/", f"/courses/{course.slug}/", f"/courses/{course.slug}/modules/{lesson.id}",
                  "/auth/profile", "/notifications/", "/applications/", f"/surveys/{survey.id}/",
                  f"/assignments/{task.id}/", f"/quizzes/attempts/{open_attempt.id}"],
        "giorgi": [f"/quizzes/attempts/{waiting_attempt.id}/review"],
        "trainer": [f"/courses/{course.slug}/manage/", f"/courses/{course.slug}/manage/certificates/",
                    f"/courses/{course.slug}/manage/days/1", f"/courses/{course.slug}/manage/messages",
                    f"/courses/{course.slug}/manage/schedule", f"/courses/{course.slug}/manage/next-edition",
                    manage_survey, manage_survey + "results", manage_survey + f"questions/{survey.questions[0].id}",
                    manage_task, manage_task + f"submissions/{work.id}", manage_task + "rubric/new",
                    manage_task + f"rubric/{task.criteria[0].id}", f"/courses/{course.slug}/manage/grading",
                    f"/courses/{course.slug}/manage/grading/essays/{essay.id}"],
        "admin": ["/admin/", "/admin/users", f"/admin/courses/{course.slug}/progress",
                  f"/admin/courses/{course.slug}/learners/{cohort.aynur.id}", "/admin/organisations",
                  "/admin/users/import", f"/admin/users/{cohort.aynur.id}", "/admin/audit", "/programmes/new",
                  f"/admin/courses/{course.slug}/editions", f"/admin/courses/{course.slug}/applications/",
                  f"/admin/courses/{course.slug}/evaluation",
                  f"/admin/courses/{course.slug}/applications/settings"],
    }


def serious_violations(browser: Browser, base: str, email: str | None, language: str, paths: list[str]) -> list[str]:
    # axe is evaluated by the test, not loaded by the page: the site's CSP allows no such script.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base}/lang/{language}")
    if email:
        page.goto(f"{base}/auth/login")
        page.locator("#email").fill(email)
        page.locator("#password").fill(PASSWORD)
        page.locator("main form [type=submit]").click()
        page.wait_for_load_state()
    found = []
    for path in paths:
        page.goto(base + path)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("""async () => (await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))""")
        found += [f"{language} {path} — {violation}" for violation in result]
    context.close()
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violations(browser: Browser, live_server: str, cohort, language):  # noqa: F811
    assert AXE.exists(), "run `make test` (it installs axe-core with npm)"
    people = {"aynur": cohort.aynur.email, "giorgi": cohort.giorgi.email, "trainer": cohort.trainer.email,
              "admin": cohort.admin.email}
    violations = []
    for who, paths in page_list(cohort).items():
        violations += serious_violations(browser, live_server, people.get(who), language, paths)
    assert violations == []
