"""Knowledge gain as arithmetic: points, Hake's normalised gain, and a group's means."""
import pytest

from lms.quizzes.gain import Gain, means


def test_gain_and_normalised_gain():
    assert Gain(40, 70).points == 30 and Gain(40, 70).normalised == pytest.approx(0.5)
    assert Gain(80, 70).normalised == pytest.approx(-0.5)  # forgot some: a negative gain is shown as such
    assert Gain(100, 100).normalised is None  # nothing left to learn: undefined, not 0
    assert Gain(50, None).points is None and not Gain(None, 90).complete


def test_means_count_only_learners_who_took_both():
    group = means([Gain(40, 70), Gain(60, 100), Gain(100, 100), Gain(30, None)])
    assert group.count == 3
    assert group.pre == pytest.approx(200 / 3) and group.post == pytest.approx(90)
    assert group.points == pytest.approx(70 / 3)
    assert group.normalised == pytest.approx((0.5 + 1.0) / 2)  # the perfect pre-test is left out
    assert means([]).pre is None and means([]).count == 0
