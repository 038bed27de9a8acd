"""Attempts: fixed at the start, answers kept, deadlines enforced, graded once, module completed on a pass."""
import random
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lms.courses.models import ModuleProgress
from lms.errors import DomainError
from lms.extensions import db
from lms.quizzes import question_import, services
from lms.quizzes.grading import Kind
from lms.quizzes.models import AttemptState, GradingMethod, Question
from tests.quizzes.conftest import NOW, right_answers


def test_an_import_with_one_bad_line_imports_nothing(make_course):
    course = make_course()
    with pytest.raises(question_import.ImportFailed) as failed:
        question_import.import_questions(course, "Good {T}\n\nBad {=a ~b\n\nAlso good {F}", "gift")
    assert [(p.line, p.code) for p in failed.value.problems] == [(3, "unclosed")]
    assert db.session.scalar(select(func.count(Question.id))) == 0


def test_import_counts_each_kind(make_course):
    added = question_import.import_questions(make_course(), "A {T}\n\nB {=x ~y}\n\nC {=x ~y}\n\nD {#1}", "gift")
    assert Counter(q.kind for q in added) == {Kind.TRUE_FALSE: 1, Kind.SINGLE: 2, Kind.NUMERIC: 1}


def test_starting_fixes_questions_order_and_deadline(quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.time_limit_minutes, quiz.shuffle_questions, quiz.draw_count = 20, True, 3
    attempt = services.start_attempt(quiz, enrollment, NOW, random.Random(4))
    assert len(attempt.layout) == 3 and attempt.deadline_at == NOW + timedelta(minutes=20)
    assert services.start_attempt(quiz, enrollment, NOW + timedelta(minutes=1)) is attempt  # resumes


def test_the_deadline_never_passes_the_quiz_closing(quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.time_limit_minutes, quiz.closes_at = 60, NOW + timedelta(minutes=10)
    assert services.start_attempt(quiz, enrollment, NOW).deadline_at == NOW + timedelta(minutes=10)


def test_a_closed_quiz_cannot_be_started(quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.opens_at = NOW + timedelta(hours=1)
    with pytest.raises(DomainError):
        services.start_attempt(quiz, enrollment, NOW)


def test_answers_are_refused_after_the_deadline_and_grace(quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.time_limit_minutes = 10
    attempt = services.start_attempt(quiz, enrollment, NOW)
    question_id = attempt.layout[0]["question"]
    deadline = NOW + timedelta(minutes=10)
    services.save_answer(attempt, question_id, {"choice": None}, deadline + services.GRACE)  # still in time
    with pytest.raises(DomainError) as late:
        services.save_answer(attempt, question_id, {"choice": None}, deadline + services.GRACE + timedelta(seconds=1))
    assert late.value.status == 409
    assert attempt.state is AttemptState.SUBMITTED  # submitted with what was saved


def test_right_answers_pass_and_complete_the_module(quiz_world):
    _, quiz, enrollment = quiz_world
    attempt = services.start_attempt(quiz, enrollment, NOW)
    for question_id, response in right_answers(attempt).items():
        services.save_answer(attempt, question_id, response, NOW)
    assert services.submit_attempt(attempt, NOW) is True
    assert (attempt.score, attempt.max_score, attempt.percent) == (4.0, 4.0, 100.0)
    progress = db.session.scalar(select(ModuleProgress).where(ModuleProgress.module_id == quiz.module_id))
    assert progress.completed_at == NOW


def test_a_failed_attempt_does_not_complete_the_module(quiz_world):
    _, quiz, enrollment = quiz_world
    attempt = services.start_attempt(quiz, enrollment, NOW)
    first = attempt.layout[0]["question"]
    services.save_answer(attempt, first, right_answers(attempt)[first], NOW)
    services.submit_attempt(attempt, NOW)
    assert attempt.percent == 25.0
    completed = select(ModuleProgress.completed_at).where(ModuleProgress.module_id == quiz.module_id)
    assert db.session.scalar(completed) is None


def test_submitting_twice_grades_once(quiz_world):
    _, quiz, enrollment = quiz_world
    attempt = services.start_attempt(quiz, enrollment, NOW)
    assert services.submit_attempt(attempt, NOW) is True
    assert services.submit_attempt(attempt, NOW + timedelta(minutes=1)) is False
    assert attempt.submitted_at == NOW


def test_attempts_allowed(quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.attempts_allowed = 1
    services.submit_attempt(services.start_attempt(quiz, enrollment, NOW), NOW)
    with pytest.raises(DomainError, match="all your attempts"):
        services.start_attempt(quiz, enrollment, NOW)


def test_overdue_attempts_are_closed_by_the_command(quiz_world):
    _, quiz, enrollment = quiz_world
    quiz.time_limit_minutes = 5
    attempt = services.start_attempt(quiz, enrollment, NOW)
    assert services.close_overdue_attempts(NOW + timedelta(minutes=5)) == 0
    assert services.close_overdue_attempts(NOW + timedelta(minutes=6)) == 1
    assert attempt.state is AttemptState.SUBMITTED and attempt.score == 0


@pytest.mark.parametrize(("method", "expected"), [(GradingMethod.HIGHEST, 75.0), (GradingMethod.LAST, 25.0),
                                                  (GradingMethod.AVERAGE, 50.0)])
def test_grading_methods(quiz_world, method, expected):
    _, quiz, enrollment = quiz_world
    quiz.grading_method = method
    for correct in (3, 1):
        attempt = services.start_attempt(quiz, enrollment, NOW)
        for question_id, response in list(right_answers(attempt).items())[:correct]:
            services.save_answer(attempt, question_id, response, NOW)
        services.submit_attempt(attempt, NOW)
    result = services.quiz_grade(quiz, services.attempts_of(quiz, enrollment.user_id))
    assert result.percent == expected and result.passed is (expected >= 60)


def test_regrade_after_a_trainer_fixes_a_question(quiz_world):
    _, quiz, enrollment = quiz_world
    attempt = services.start_attempt(quiz, enrollment, NOW)
    tf = next(slot.question for slot in quiz.slots if slot.question.kind is Kind.TRUE_FALSE)
    services.save_answer(attempt, tf.id, {"choice": tf.choices[0].id}, NOW)  # "True": wrong by the key
    services.submit_attempt(attempt, NOW)
    assert attempt.score == 0
    tf.choices[0].credit, tf.choices[1].credit = 1.0, 0.0  # the trainer fixes the key
    assert services.regrade(tf, NOW) == 1
    assert attempt.score == 1.0


def test_cli_import_questions_prints_counts_or_every_problem(runner, make_course, tmp_path):
    course = make_course()
    good, bad = tmp_path / "good.gift", tmp_path / "bad.gift"
    good.write_text("A {T}\n\nB {=x ~y}\n\nC {=x ~y}\n", encoding="utf-8")
    bad.write_text("A {T}\n\nB {=x ~y\n\nC {#x}\n", encoding="utf-8")
    result = runner.invoke(args=["lms", "import-questions", course.slug, str(good)])
    assert result.exit_code == 0, result.output
    assert "single: 2" in result.output and "true_false: 1" in result.output
    failed = runner.invoke(args=["lms", "import-questions", course.slug, str(bad)])
    assert failed.exit_code != 0
    assert "line 3: The answers are not closed with “}”." in failed.output
    assert "line 5: “x” is not a number" in failed.output
    assert db.session.scalar(select(func.count(Question.id))) == 3


def test_cli_closes_overdue_attempts(runner, quiz_world, frozen_clock):
    _, quiz, enrollment = quiz_world
    quiz.time_limit_minutes = 5
    services.start_attempt(quiz, enrollment, NOW)
    db.session.commit()
    frozen_clock(NOW + timedelta(hours=1))
    result = runner.invoke(args=["lms", "close-overdue-attempts"])
    assert result.exit_code == 0 and "Closed 1 overdue attempt(s)." in result.output
