"""The evaluation report's charts, drawn on the server as SVG shapes (the page and the PDF show the same)."""
from __future__ import annotations

from flask_babel import gettext as _

from lms.admin.chart import Chart, grouped_bars
from lms.admin.evaluation import Participation
from lms.i18n import country_name
from lms.quizzes.knowledge import GainReport
from lms.surveys.queries import Results
from lms.surveys.rules import RATING_SCALE

MAX_GROUPS = 10  # a chart of more countries than this is unreadable; the tables list them all


def participation_chart(participation: Participation) -> Chart | None:
    """Completed and certified, as shares of those enrolled, for each country."""
    rows = [(code, outcomes) for code, outcomes in participation.by_country if outcomes.enrolled][:MAX_GROUPS]
    if not rows:
        return None
    return grouped_bars(
        [_country(code) for code, _o in rows],
        {_("Completed"): [o.completed / o.enrolled for _c, o in rows],
         _("Certified"): [o.certified / o.enrolled for _c, o in rows]},
        lambda series, group, percent: _("%(group)s, %(series)s: %(percent)d%% of those enrolled", group=group,
                                         series=series, percent=percent))


def gain_chart(gain: GainReport) -> Chart | None:
    """Mean pre-test and post-test scores, for all learners and for each country."""
    rows = [(_("All learners"), gain.overall)] + [(_country(code), m) for code, m in gain.by_country][:MAX_GROUPS]
    rows = [(label, m) for label, m in rows if m.count and m.pre is not None and m.post is not None]
    if not rows:
        return None
    return grouped_bars(
        [label for label, _m in rows],
        {_("Pre-test"): [m.pre / 100 for _l, m in rows], _("Post-test"): [m.post / 100 for _l, m in rows]},
        lambda series, group, percent: _("%(group)s, %(series)s: a mean score of %(percent)d%%", group=group,
                                         series=series, percent=percent))


def satisfaction_chart(results: Results | None) -> Chart | None:
    """For each 1–5 question with enough answers, the share of answers 4 or 5."""
    if results is None or results.hidden:
        return None
    rated = [r for r in results.questions if r.scale is not None and r.scale.scale == RATING_SCALE and not r.hidden]
    if not rated:
        return None
    return grouped_bars(
        [str(number) for number in range(1, len(rated) + 1)],
        {_("Rated 4 or 5"): [(r.scale.counts.get(4, 0) + r.scale.counts.get(5, 0)) / r.scale.total for r in rated]},
        lambda series, group, percent: _("Question %(number)s: %(percent)d%% rated 4 or 5", number=group,
                                         percent=percent))


def _country(code: str) -> str:
    return country_name(code) if code else _("Not given")
