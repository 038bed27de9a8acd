"""The pure rules: reading a submitted form, and pooling small groups so that no cell names anyone."""
from __future__ import annotations

from lms.surveys.models import QuestionKind
from lms.surveys.rules import Asked, Problem, Value, mean, pool_small_groups, read_answers, recommend_score


def test_groups_under_three_are_pooled_and_the_pool_is_never_under_three():
    assert pool_small_groups({"AZ": 4, "GE": 3, "UZ": 1}) == (["AZ"], {"GE", "UZ"})
    assert pool_small_groups({"AZ": 4, "GE": 1, "UZ": 2}) == (["AZ"], {"GE", "UZ"})
    assert pool_small_groups({"AZ": 5, "GE": 4}) == (["AZ", "GE"], set())
    assert pool_small_groups({"AZ": 2, "GE": 2}) == ([], {"AZ", "GE"})
    assert pool_small_groups({"AZ": 3, "GE": 1}) == ([], {"AZ", "GE"})  # AZ alone would give GE away


def test_a_form_is_read_question_by_question():
    questions = [Asked(1, QuestionKind.RATING, True), Asked(2, QuestionKind.MULTIPLE, False, option_count=3),
                 Asked(3, QuestionKind.TRAINERS, True, subjects=[7, 8]), Asked(4, QuestionKind.TEXT, False),
                 Asked(5, QuestionKind.RECOMMEND, True)]
    reading = read_answers(questions, {"q1": ["5"], "q2": ["2", "0"], "q3-7": ["4"], "q3-8": ["3"],
                                       "q4": ["  "], "q5": ["0"], "q3-99": ["5"]})
    assert reading.problems == {}
    assert reading.values == [Value(1, 5), Value(2, 0), Value(2, 2), Value(3, 4, subject_id=7),
                              Value(3, 3, subject_id=8), Value(5, 0)]
    reading = read_answers(questions, {"q1": ["5", "4"], "q3-7": ["4"], "q5": ["10"]})
    assert reading.problems == {1: Problem.INVALID, 3: Problem.MISSING}


def test_mean_and_recommendation_score():
    assert mean({5: 2, 3: 2}) == 4
    assert mean({}) is None
    assert recommend_score({10: 2, 9: 1, 8: 1, 3: 1}) == 40  # (3 − 1) / 5
