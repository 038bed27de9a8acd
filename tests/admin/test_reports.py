"""The course report's figures, checked against a cohort worked out by hand (tests/admin/conftest.py)."""
import pytest

from lms.admin import reports
from lms.admin.report_rows import LearnerStatus, ReportFilter, SortKey
from tests.admin.conftest import NOW


@pytest.fixture()
def structure(cohort):
    return reports.course_structure(cohort.course)


def page(cohort, structure, found=None, number=1, per_page=50):
    return reports.report_page(cohort.course, structure, found or ReportFilter(), page=number, per_page=per_page)


def test_the_structure_counts_days_quizzes_sessions_and_required_modules(cohort, structure):
    assert [column.modules for column in structure.days] == [3, 2]
    assert len(structure.quizzes) == 1
    assert structure.live_sessions == 1
    assert structure.required_modules == 5


def test_each_learner_row_matches_the_hand_computed_figures(cohort, structure):
    rows = {row.name: row for row in page(cohort, structure).rows}
    aynur, giorgi, nodar, olga = (rows[name] for name in (
        "Aynur Əliyeva", "Giorgi Beridze", "Nodar Kapanadze", "Olga Sidorova"))
    assert (aynur.completed, aynur.percent, aynur.per_day, aynur.attended) == (5, 100, [3, 2], 1)
    assert aynur.quiz_best == [100.0]  # the better of 50 % and 100 %
    assert aynur.status is LearnerStatus.COMPLETED and aynur.completed_at is not None
    assert (giorgi.percent, giorgi.per_day, giorgi.quiz_best, giorgi.attended) == (20, [1, 0], [40.0], 0)
    assert giorgi.status is LearnerStatus.IN_PROGRESS
    assert giorgi.last_activity == NOW.replace(day=20)  # lesson A and the quiz, ten days ago
    assert (nodar.percent, nodar.per_day, nodar.quiz_best, nodar.attended) == (60, [3, 0], [None], 1)
    assert (olga.percent, olga.per_day, olga.quiz_best, olga.last_activity) == (0, [0, 0], [None], None)
    assert olga.status is LearnerStatus.NOT_STARTED
    assert (aynur.organisation, aynur.country, olga.organisation, olga.country) == (
        "Dövlət Miqrasiya Xidməti", "AZ", None, None)


def test_totals_cover_every_filtered_learner(cohort, structure):
    totals = page(cohort, structure).totals
    assert totals.learners == 4
    assert totals.completed == 1
    assert totals.average_percent == pytest.approx(45.0)  # (5 + 1 + 3 + 0) / (5 × 4)
    assert totals.average_quiz == pytest.approx(70.0)  # best scores 100 and 40
    assert totals.attendance_rate == pytest.approx(0.5)  # 2 of 4 learners at the one session
    georgians = page(cohort, structure, ReportFilter(country="GE")).totals
    assert (georgians.learners, georgians.completed, georgians.attendance_rate) == (2, 0, 0.5)
    assert georgians.average_percent == pytest.approx(40.0)  # (1 + 3) / (5 × 2)


def test_filters_by_country_organisation_and_status(cohort, structure):
    def names(**filters):
        return [row.name for row in page(cohort, structure, ReportFilter(**filters)).rows]

    assert names(country="GE") == ["Giorgi Beridze", "Nodar Kapanadze"]
    assert names(organisation_id=cohort.aynur.organisation_id) == ["Aynur Əliyeva"]
    assert names(status=LearnerStatus.COMPLETED) == ["Aynur Əliyeva"]
    assert names(status=LearnerStatus.IN_PROGRESS) == ["Giorgi Beridze", "Nodar Kapanadze"]
    assert names(status=LearnerStatus.NOT_STARTED) == ["Olga Sidorova"]
    assert names(country="KZ") == []


def test_sorting_puts_learners_without_a_figure_last_both_ways(cohort, structure):
    def names(key, descending=False):
        rows = page(cohort, structure, ReportFilter(sort=key, descending=descending)).rows
        return [row.name.split()[0] for row in rows]

    assert names(SortKey.PROGRESS, descending=True) == ["Aynur", "Nodar", "Giorgi", "Olga"]
    assert names(SortKey.PROGRESS) == ["Olga", "Giorgi", "Nodar", "Aynur"]
    assert names(SortKey.QUIZ, descending=True) == ["Aynur", "Giorgi", "Nodar", "Olga"]
    assert names(SortKey.QUIZ) == ["Giorgi", "Aynur", "Nodar", "Olga"]
    assert names(SortKey.ACTIVITY, descending=True)[:3] == ["Aynur", "Nodar", "Giorgi"]
    assert names(SortKey.COUNTRY)[-1] == "Olga"


def test_pages_split_the_rows_and_keep_the_totals(cohort, structure):
    first = page(cohort, structure, per_page=3)
    second = page(cohort, structure, number=2, per_page=3)
    assert (first.pages, len(first.rows), len(second.rows)) == (2, 3, 1)
    assert second.rows[0].name == "Olga Sidorova"
    assert second.totals.learners == 4
    assert page(cohort, structure, number=99, per_page=3).page == 2  # past the end: the last page


def test_aggregates_by_country(cohort, structure):
    groups = {group.key: group for group in reports.by_country(cohort.course, structure, NOW)}
    assert set(groups) == {"AZ", "GE", None}
    georgia = groups["GE"]
    assert (georgia.enrolled, georgia.active, georgia.completed) == (2, 1, 0)  # Giorgi was last active 10 days ago
    assert georgia.average_quiz == pytest.approx(40.0)
    assert georgia.attendance_rate == pytest.approx(0.5)
    azerbaijan = groups["AZ"]
    assert (azerbaijan.enrolled, azerbaijan.active, azerbaijan.completed, azerbaijan.attendance_rate) == (1, 1, 1, 1.0)
    assert groups[None].average_quiz is None and groups[None].attendance_rate == 0.0


def test_aggregates_by_organisation(cohort, structure):
    groups = {group.key: group for group in reports.by_organisation(cohort.course, structure, NOW)}
    assert groups["Public Service Hall"].enrolled == 2
    assert groups["Dövlət Miqrasiya Xidməti"].completed == 1
    assert groups[None].enrolled == 1
    assert list(groups)[0] == "Public Service Hall"  # the largest first


def test_completion_by_day_and_country(cohort, structure):
    shares = reports.completion_by_day_and_country(cohort.course, structure)
    assert shares == {"GE": [0.5, 0.0], "AZ": [1.0, 1.0], None: [0.0, 0.0]}


def test_a_learner_row_and_an_unknown_one(cohort, structure):
    assert reports.learner_row(cohort.course, structure, cohort.nodar.id).percent == 60
    assert reports.learner_row(cohort.course, structure, cohort.trainer.id) is None  # not a learner
