"""The words shown with survey scales (each point of a 1–5 rating, the ends of 0–10)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

RATING_LABELS = {1: _l("Very poor"), 2: _l("Poor"), 3: _l("Fair"), 4: _l("Good"), 5: _l("Excellent")}
RECOMMEND_ENDS = (_l("Not at all likely"), _l("Extremely likely"))
