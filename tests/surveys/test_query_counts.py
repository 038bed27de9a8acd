"""The survey's results and the evaluation report cost the same statements for 3 answers or 8."""
from __future__ import annotations

from tests.courses.test_query_count import statements_for
from tests.surveys.conftest import answer_all


def test_results_and_the_report_cost_the_same_for_3_or_8_answers(survey_world, client, login):
    world = survey_world
    login(world.trainer)
    urls = [f"/courses/{world.course.slug}/manage/surveys/{world.module.id}/results",
            f"/courses/{world.course.slug}/manage/surveys/{world.module.id}/results.csv",
            f"/admin/courses/{world.course.slug}/evaluation", f"/surveys/{world.survey.id}/"]
    answer_all(world, world.learners[:3])
    few = [statements_for(client, url) for url in urls]
    answer_all(world, world.learners[3:])
    assert [statements_for(client, url) for url in urls] == few
