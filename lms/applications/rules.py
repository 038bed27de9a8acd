"""Seats and quotas as pure arithmetic: which quota a seat counts against, which one is full, who is next."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """Where a seat would go: the applicant's country and organisation (either may be unknown)."""

    country: str | None
    organisation_id: int | None


@dataclass(frozen=True)
class Limits:
    """A course's seats: in total (None for no limit) and kept per country and per organisation."""

    total: int | None = None
    by_country: dict[str, int] = field(default_factory=dict)
    by_organisation: dict[int, int] = field(default_factory=dict)


@dataclass
class Taken:
    """Seats given (approved) or held (offered and not yet lapsed), counted the way `Limits` are."""

    total: int = 0
    by_country: Counter = field(default_factory=Counter)
    by_organisation: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, places: Iterable[Place]) -> Taken:
        taken = cls()
        for place in places:
            taken.add(place)
        return taken

    def add(self, place: Place) -> None:
        self.total += 1
        if place.country:
            self.by_country[place.country] += 1
        if place.organisation_id is not None:
            self.by_organisation[place.organisation_id] += 1


@dataclass(frozen=True)
class FullQuota:
    """The quota that has no seat left for a place: "total", "country" (with its code) or "organisation"."""

    scope: str
    key: str | int | None = None


def full_quota(limits: Limits, taken: Taken, place: Place) -> FullQuota | None:
    """The first quota a seat for `place` would exceed, the most particular first; None if it fits."""
    if place.organisation_id is not None and place.organisation_id in limits.by_organisation:
        if taken.by_organisation[place.organisation_id] >= limits.by_organisation[place.organisation_id]:
            return FullQuota("organisation", place.organisation_id)
    if place.country and place.country in limits.by_country:
        if taken.by_country[place.country] >= limits.by_country[place.country]:
            return FullQuota("country", place.country)
    if limits.total is not None and taken.total >= limits.total:
        return FullQuota("total")
    return None


def next_in_line(line: Sequence[tuple[int, Place]], freed: Place, limits: Limits, taken: Taken) -> int | None:
    """Whom to offer a freed seat: the first in line who shares the freed seat's quota and fits, else the
    first who fits at all. `line` is the waitlist in order, as (application id, place)."""
    def shares_quota(place: Place) -> bool:
        same_organisation = (freed.organisation_id is not None and place.organisation_id == freed.organisation_id
                             and freed.organisation_id in limits.by_organisation)
        same_country = (freed.country is not None and place.country == freed.country
                        and freed.country in limits.by_country)
        return same_organisation or same_country

    fitting = [(key, place) for key, place in line if full_quota(limits, taken, place) is None]
    for key, place in fitting:
        if shares_quota(place):
            return key
    return fitting[0][0] if fitting else None
