"""The schedule rule's dates and what applying them does to a course's days: pure functions."""
from __future__ import annotations

from datetime import date

import pytest

from lms.courses.schedule import Pattern, TooManyDates, dates_of, plan

TUESDAY, THURSDAY = 1, 3


def test_a_school_that_meets_on_tuesdays_and_thursdays_for_six_months():
    dates = dates_of(Pattern(date(2027, 3, 2), (TUESDAY, THURSDAY), until=date(2027, 8, 26)), limit=200)
    assert dates[:4] == [date(2027, 3, 2), date(2027, 3, 4), date(2027, 3, 9), date(2027, 3, 11)]
    assert dates[-1] == date(2027, 8, 26)
    assert len(dates) == 52 and {d.weekday() for d in dates} == {TUESDAY, THURSDAY}


def test_the_first_date_need_not_be_a_meeting_day():
    dates = dates_of(Pattern(date(2027, 3, 3), (TUESDAY, THURSDAY), count=2), limit=200)  # a Wednesday
    assert dates == [date(2027, 3, 4), date(2027, 3, 9)]


def test_consecutive_days_with_a_holiday_skipped_still_give_the_number_asked_for():
    holiday = date(2027, 3, 8)
    dates = dates_of(Pattern(date(2027, 3, 5), count=5, skip=frozenset({holiday})), limit=200)
    assert dates == [date(2027, 3, 5), date(2027, 3, 6), date(2027, 3, 7), date(2027, 3, 9), date(2027, 3, 10)]


def test_the_earlier_of_the_last_date_and_the_number_of_days_ends_the_schedule():
    assert len(dates_of(Pattern(date(2027, 3, 1), count=10, until=date(2027, 3, 3)), limit=200)) == 3
    assert len(dates_of(Pattern(date(2027, 3, 1), count=2, until=date(2027, 3, 30)), limit=200)) == 2


def test_more_dates_than_a_course_may_have_are_refused():
    with pytest.raises(TooManyDates):
        dates_of(Pattern(date(2027, 1, 1), until=date(2027, 12, 31)), limit=200)


def test_a_plan_moves_adds_and_removes_empty_days_but_never_one_with_modules():
    days = [(1, date(2027, 3, 1)), (2, date(2027, 3, 2)), (3, date(2027, 3, 3))]
    longer = plan(days, [date(2027, 3, 1), date(2027, 3, 4), date(2027, 3, 8), date(2027, 3, 11)], {1, 2})
    assert (longer.moved, longer.added, longer.removed, longer.can_apply) == (2, 1, 0, True)
    assert longer.changes[3].number == 4 and longer.changes[3].old is None

    shorter = plan(days, [date(2027, 3, 1), date(2027, 3, 4)], days_with_modules={1, 2})
    assert (shorter.removed, shorter.kept_with_content, shorter.can_apply) == (1, (), True)

    blocked = plan(days, [date(2027, 3, 1)], days_with_modules={1, 3})
    assert blocked.kept_with_content == (3,) and not blocked.can_apply
