"""The completion rule, condition by condition and in combination."""
import pytest

from lms.certificates.rules import Record, Rule, Unmet, unmet_conditions


def record(required=(5, 5), quizzes=(2, 2), sessions=(3, 4), approved=False) -> Record:
    return Record(required_done=required[0], required_total=required[1], quizzes_passed=quizzes[0],
                  quizzes_total=quizzes[1], sessions_attended=sessions[0], sessions_total=sessions[1],
                  approved=approved)


def test_the_default_rule_is_every_required_module():
    assert unmet_conditions(Rule(), record()) == []
    assert unmet_conditions(Rule(), record(required=(4, 5))) == [Unmet.REQUIRED_MODULES]


def test_quizzes_passed():
    rule = Rule(all_required_modules=False, required_quizzes_passed=True)
    assert unmet_conditions(rule, record(required=(0, 5), quizzes=(2, 2))) == []
    assert unmet_conditions(rule, record(quizzes=(1, 2))) == [Unmet.REQUIRED_QUIZZES]
    assert unmet_conditions(rule, record(quizzes=(0, 0))) == []  # a course without required quizzes


@pytest.mark.parametrize(("attended", "total", "minimum", "met"), [
    (3, 4, 75, True), (2, 4, 75, False), (0, 0, 100, True), (0, 4, 0, True), (4, 4, 100, True), (2, 3, 67, False),
])
def test_attendance_at_least_a_share_of_the_sessions(attended, total, minimum, met):
    rule = Rule(all_required_modules=False, min_attendance_percent=minimum)
    assert (unmet_conditions(rule, record(sessions=(attended, total))) == []) is met


def test_manual_approval():
    rule = Rule(manual_approval=True)
    assert unmet_conditions(rule, record()) == [Unmet.APPROVAL]
    assert unmet_conditions(rule, record(approved=True)) == []


def test_every_condition_unmet_is_listed_in_order():
    rule = Rule(all_required_modules=True, required_quizzes_passed=True, min_attendance_percent=80,
                manual_approval=True)
    assert unmet_conditions(rule, record(required=(1, 5), quizzes=(0, 2), sessions=(1, 4))) == [
        Unmet.REQUIRED_MODULES, Unmet.REQUIRED_QUIZZES, Unmet.ATTENDANCE, Unmet.APPROVAL]
    assert unmet_conditions(rule, record(sessions=(4, 4), approved=True)) == []


def test_a_rule_with_no_condition_is_met_by_anyone():
    assert unmet_conditions(Rule(all_required_modules=False), record(required=(0, 5), sessions=(0, 4))) == []
