"""Grading every question type, including the edge cases learners produce."""
import pytest

from lms.quizzes.grading import ChoiceKey, Kind, QuestionKey, grade, normalise_text, parse_number

SINGLE = QuestionKey(Kind.SINGLE, (ChoiceKey(1, 1.0), ChoiceKey(2, 0.0), ChoiceKey(3, 0.5)))
TRUE_FALSE = QuestionKey(Kind.TRUE_FALSE, (ChoiceKey(1, 1.0), ChoiceKey(2, 0.0)))
MULTIPLE = QuestionKey(Kind.MULTIPLE, (ChoiceKey(1, 0.5), ChoiceKey(2, 0.5), ChoiceKey(3, -1.0), ChoiceKey(4, 0.0)),
                       wrong_pick_penalty=0.25)
SHORT = QuestionKey(Kind.SHORT_TEXT, (ChoiceKey(1, 1.0, texts=("refugee", "qaçqın", "беженец")),
                                      ChoiceKey(2, 0.5, texts=("asylum-seeker",))))
SHORT_CASE = QuestionKey(Kind.SHORT_TEXT, (ChoiceKey(1, 1.0, texts=("IOM",)),), case_sensitive=True)
NUMERIC = QuestionKey(Kind.NUMERIC, (ChoiceKey(1, 1.0, value=281.0, tolerance=1.0), ChoiceKey(2, 0.5, value=270.0,
                                                                                             tolerance=10.0)))
MATCHING = QuestionKey(Kind.MATCHING, (ChoiceKey(1, match="1951"), ChoiceKey(2, match="1954"),
                                       ChoiceKey(3, match="1998"), ChoiceKey(4, match="1998")))


@pytest.mark.parametrize(("question", "response", "fraction"), [
    (SINGLE, {"choice": 1}, 1.0),
    (SINGLE, {"choice": "1"}, 1.0),
    (SINGLE, {"choice": 2}, 0.0),
    (SINGLE, {"choice": 3}, 0.5),
    (SINGLE, {"choice": 99}, 0.0),
    (SINGLE, {"choice": None}, 0.0),
    (SINGLE, {}, 0.0),
    (SINGLE, "1", 0.0),
    (TRUE_FALSE, {"choice": 1}, 1.0),
    (TRUE_FALSE, {"choice": 2}, 0.0),
    (MULTIPLE, {"choices": [1, 2]}, 1.0),
    (MULTIPLE, {"choices": [1]}, 0.5),
    (MULTIPLE, {"choices": [1, 1, "1"]}, 0.5),  # the same pick counts once
    (MULTIPLE, {"choices": [1, 2, 4]}, 0.75),  # a wrong pick costs the configured penalty
    (MULTIPLE, {"choices": [1, 2, 3]}, 0.0),  # its own negative credit, never below zero
    (MULTIPLE, {"choices": [1, 2, 3, 4]}, 0.0),
    (MULTIPLE, {"choices": []}, 0.0),
    (MULTIPLE, {"choices": "1,2"}, 0.0),
    (SHORT, {"text": "Refugee"}, 1.0),
    (SHORT, {"text": "  refugee  "}, 1.0),
    (SHORT, {"text": "QAÇQIN"}, 1.0),  # Azerbaijani capitals: Ç and dotless/dotted I
    (SHORT, {"text": "Беженец"}, 1.0),
    (SHORT, {"text": "asylum-seeker"}, 0.5),
    (SHORT, {"text": "migrant"}, 0.0),
    (SHORT, {"text": ""}, 0.0),
    (SHORT, {"text": 5}, 0.0),
    (SHORT_CASE, {"text": "IOM"}, 1.0),
    (SHORT_CASE, {"text": "iom"}, 0.0),
    (NUMERIC, {"value": "281"}, 1.0),
    (NUMERIC, {"value": "280"}, 1.0),  # within the tolerance
    (NUMERIC, {"value": "281,9"}, 1.0),  # a decimal comma, as az and ru write it
    (NUMERIC, {"value": "275"}, 0.5),
    (NUMERIC, {"value": "250"}, 0.0),
    (NUMERIC, {"value": "two hundred"}, 0.0),
    (NUMERIC, {"value": ""}, 0.0),
    (MATCHING, {"pairs": {"1": 1, "2": 2, "3": 3, "4": 4}}, 1.0),
    (MATCHING, {"pairs": {"1": 1, "2": 2, "3": 4, "4": 3}}, 1.0),  # two items share "1998"
    (MATCHING, {"pairs": {"1": 2, "2": 1, "3": 3, "4": 4}}, 0.5),
    (MATCHING, {"pairs": {"1": 1}}, 0.25),
    (MATCHING, {"pairs": []}, 0.0),
])
def test_grade(question, response, fraction):
    assert grade(question, response) == pytest.approx(fraction)


@pytest.mark.parametrize(("typed", "accepted"), [
    ("İSTANBUL", "istanbul"),
    ("ISPARTA", "ısparta"),
    ("ŞƏKİ", "şəki"),
    ("Ёлка", "елка"),
    ("e\u0301", "\u00e9"),  # the same letter composed two ways
    ("many   spaces", "many spaces"),
])
def test_normalised_texts_compare_equal(typed, accepted):
    assert normalise_text(typed) == normalise_text(accepted)


@pytest.mark.parametrize(("typed", "number"), [("3.14", 3.14), ("3,14", 3.14), (" -2 ", -2.0), ("1e3", 1000.0),
                                               ("1 000", 1000.0), (".5", 0.5), ("abc", None), ("", None),
                                               (None, None), (True, None), (7, 7.0)])
def test_parse_number(typed, number):
    assert parse_number(typed) == number
