"""Knowledge gain as arithmetic (Kirkpatrick level 2): a learner's pre-test and post-test scores, their
difference and Hake's normalised gain (post − pre) / (100 − pre), and the means of a group."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Gain:
    """One learner's scores in percent (None: not taken)."""

    pre: float | None
    post: float | None

    @property
    def complete(self) -> bool:
        return self.pre is not None and self.post is not None

    @property
    def points(self) -> float | None:
        """Post minus pre, in percentage points."""
        return self.post - self.pre if self.complete else None

    @property
    def normalised(self) -> float | None:
        """The share of what there was left to learn that was learnt; None for a perfect pre-test."""
        if not self.complete or self.pre >= 100:
            return None
        return (self.post - self.pre) / (100 - self.pre)


@dataclass(frozen=True)
class Means:
    """A group's means over the learners who took both tests (`count` of them)."""

    count: int
    pre: float | None
    post: float | None
    points: float | None
    normalised: float | None


def means(gains: Iterable[Gain]) -> Means:
    both = [gain for gain in gains if gain.complete]
    normalised = [gain.normalised for gain in both if gain.normalised is not None]
    return Means(len(both), _mean(g.pre for g in both), _mean(g.post for g in both),
                 _mean(g.points for g in both), _mean(normalised))


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None
