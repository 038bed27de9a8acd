"""GIFT and Aiken files: every part of the syntax, problems with their line numbers, and a round trip."""
from pathlib import Path

import pytest

from lms.quizzes.gift import Problem, parse_aiken, parse_gift, write_gift
from lms.quizzes.grading import Kind

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(scope="module")
def real_world():
    return parse_gift((SAMPLES / "real_world.gift").read_text(encoding="utf-8"))


def test_the_real_world_sample_reads_without_problems(real_world):
    assert real_world.problems == []
    assert [q.kind for q in real_world.questions] == [
        Kind.SINGLE, Kind.TRUE_FALSE, Kind.SINGLE, Kind.SHORT_TEXT, Kind.NUMERIC, Kind.NUMERIC, Kind.MATCHING,
        Kind.MULTIPLE, Kind.SINGLE]
    assert [q.line for q in real_world.questions] == [6, 13, 15, 17, 25, 27, 29, 35, 41]


def test_titles_categories_markdown_and_feedback(real_world):
    first = real_world.questions[0]
    assert first.title == "Refugee definition"
    assert first.text == "Under the **1951 Convention**, who is a refugee?"
    assert first.category == "$course$/top/Day 1 — Key concepts"
    assert first.feedback == 'Read the lesson "Migrant, refugee, asylum-seeker" again if you hesitated.'
    assert [(c.text, c.credit, c.feedback) for c in first.choices] == [
        ("A person outside their country who fears persecution", 1.0, "Yes: the 1951 Convention definition."),
        ("Anyone who moves for work", 0.0, "That describes a labour migrant."),
        ("A person displaced inside their own country", 0.25, "Partly: that is an internally displaced person."),
    ]
    assert real_world.questions[4].category == "$course$/top/Day 2 — Labour migration"


def test_true_false_feedback_goes_to_the_right_choice(real_world):
    question = real_world.questions[1]
    true, false = question.choices
    assert (true.credit, false.credit) == (0.0, 1.0)
    assert true.feedback == "It is an umbrella term, not a legal definition."  # shown to the wrong answer
    assert false.feedback == "Right: it is not defined in international law."


def test_missing_word_numeric_matching_and_weights(real_world):
    gap, short, exact, ranged, matching, multiple = (real_world.questions[i] for i in (2, 3, 4, 5, 6, 7))
    assert gap.text == "Internally displaced persons have not crossed an _____ border."
    assert [(c.text, c.credit) for c in short.choices][-1] == ("displaced person", 0.5)
    assert (exact.choices[0].value, exact.choices[0].tolerance) == (656.0, 10.0)
    assert (ranged.choices[0].value, ranged.choices[0].tolerance) == (167.5, 7.5)
    assert [(c.text, c.match) for c in matching.choices][2] == ("Guiding Principles on Internal Displacement", "1998")
    assert [c.credit for c in multiple.choices] == [0.5, 0.5, -1.0]


def test_escapes(real_world):
    escaped = real_world.questions[8]
    assert escaped.text == "Sending costs should fall below 3\\% {SDG 10.c}: which sign separates decimals in 3,5?"
    assert [c.text for c in escaped.choices] == ['a comma = ","', 'a dot ~ "."']


def test_problems_name_their_lines_and_nothing_is_half_read():
    result = parse_gift("Good one {T}\n\nAn essay {}\n\n// comment\nNo answers here\n\nOpen {=a ~b\n\n"
                        "Numbers {#abc}\n\nMatch {=a -> b}\n\nNobody right {~a ~b}\n\n::Untitled\n")
    assert [q.text for q in result.questions] == ["Good one", "An essay"]
    assert [(p.line, p.code) for p in result.problems] == [
        (6, "no_answers"), (8, "unclosed"), (10, "number"), (12, "matching"), (14, "no_correct"), (16, "title")]


def test_an_empty_file_is_a_problem():
    assert parse_gift("// only a comment\n\n").problems == [Problem(1, "empty")]


def test_written_gift_reads_back_the_same(real_world):
    again = parse_gift(write_gift(real_world.questions))
    assert again.problems == []
    strip = lambda qs: [(q.kind, q.title, q.text, q.category, q.feedback,  # noqa: E731
                         [(c.text if q.kind is not Kind.NUMERIC else "", c.credit, c.feedback, c.match, c.value,
                           c.tolerance) for c in q.choices]) for q in qs]
    assert strip(again.questions) == strip(real_world.questions)


def test_aiken_in_three_languages():
    result = parse_aiken((SAMPLES / "questions.aiken.txt").read_text(encoding="utf-8"))
    assert result.problems == []
    assert [(q.kind, q.line, len(q.choices)) for q in result.questions] == [
        (Kind.SINGLE, 1, 3), (Kind.SINGLE, 7, 2), (Kind.SINGLE, 12, 2)]
    assert [c.credit for c in result.questions[1].choices] == [0.0, 1.0]
    assert result.questions[2].text == "Какой протокол определяет торговлю людьми?"


def test_aiken_problems():
    result = parse_aiken("Q1\nA. x\nB. y\nANSWER: C\n\nQ2\nA. only one\nANSWER: A\n\nQ3\nA. a\nB. b\n")
    assert [(p.line, p.code) for p in result.problems] == [(4, "aiken_answer"), (6, "aiken_options"),
                                                           (10, "aiken_no_answer")]


def test_an_essay_is_read_with_its_text_around_the_braces_and_written_back():
    [essay, with_feedback] = parse_gift("::E::Describe {} a migration route you know.\n\n"
                                        "::F::Explain the 1951 Convention. {####Mention Article 1.}").questions
    assert (essay.kind, essay.text, essay.choices) == (Kind.ESSAY, "Describe a migration route you know.", [])
    assert with_feedback.feedback == "Mention Article 1." and with_feedback.kind is Kind.ESSAY
    written = write_gift([essay, with_feedback])
    assert "::E::Describe a migration route you know. {}" in written
    assert [q.kind for q in parse_gift(written).questions] == [Kind.ESSAY, Kind.ESSAY]
