"""Seats and quotas as arithmetic: which quota is full, and whom a freed seat goes to."""
from lms.applications.rules import FullQuota, Limits, Place, Taken, full_quota, next_in_line

AZ_AGENCY, GE_AGENCY = Place("AZ", 1), Place("GE", 2)


def test_the_most_particular_full_quota_is_named_first():
    limits = Limits(total=3, by_country={"AZ": 2}, by_organisation={1: 1})
    assert full_quota(limits, Taken.of([AZ_AGENCY]), AZ_AGENCY) == FullQuota("organisation", 1)
    assert full_quota(limits, Taken.of([Place("AZ", None), Place("AZ", None)]), Place("AZ", None)) == FullQuota(
        "country", "AZ")
    assert full_quota(limits, Taken.of([GE_AGENCY] * 3), Place("KZ", None)) == FullQuota("total")
    assert full_quota(limits, Taken.of([GE_AGENCY]), Place(None, None)) is None  # unknown country: the total only


def test_no_limit_means_every_place_fits():
    assert full_quota(Limits(), Taken.of([AZ_AGENCY] * 500), AZ_AGENCY) is None


def test_a_freed_seat_goes_to_its_quota_first_then_to_the_first_who_fits():
    limits = Limits(total=4, by_country={"AZ": 1, "GE": 2})
    line = [(10, Place("GE", None)), (11, Place("KZ", None)), (12, Place("AZ", None))]
    taken = Taken.of([Place("GE", None), Place("GE", None), Place("KZ", None)])  # an AZ seat was freed
    assert next_in_line(line, Place("AZ", None), limits, taken) == 12
    # a seat freed outside any quota goes to the first in line who fits (Georgia's quota is full)
    assert next_in_line(line, Place("TR", None), limits, taken) == 11
    assert next_in_line(line, Place("TR", None), limits, Taken.of([Place("KZ", None)] * 4)) is None
