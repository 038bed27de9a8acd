"""A grouped bar chart (completion by day and by country) drawn as SVG shapes; the template draws them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Ten colours that stay apart for the common kinds of colour blindness (Okabe–Ito and Tol).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
           "#882255", "#44AA99"]
WIDTH, HEIGHT = 720, 280
LEFT, BOTTOM, TOP = 44, 36, 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # for the bar's <title>: "Azerbaijan, day 2: 75 %"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_labels: list[tuple[float, str]]  # (centre x, text)
    y_ticks: list[tuple[float, int]]  # (y, percent)
    legend: list[tuple[str, str]]  # (colour, series name)
    plot_left: int
    plot_bottom: float


def grouped_bars(groups: list[str], series: dict[str, list[float]],
                 label: Callable[[str, str, int], str]) -> Chart:
    """Bars for `series` (name → one share 0..1 per group), side by side within each group.

    `label(series, group, percent)` gives each bar's tooltip text.
    """
    plot_width, plot_height = WIDTH - LEFT - 8, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_height
    slot = plot_width / max(len(groups), 1)
    bar_width = slot * 0.8 / max(len(series), 1)
    bars = []
    legend = []
    for index, (name, shares) in enumerate(series.items()):
        colour = PALETTE[index % len(PALETTE)]
        legend.append((colour, name))
        for group_index, share in enumerate(shares):
            height = plot_height * max(0.0, min(share, 1.0))
            x = LEFT + group_index * slot + slot * 0.1 + index * bar_width
            percent = round(share * 100)
            bars.append(Bar(x=round(x, 1), y=round(bottom - height, 1), width=round(bar_width, 1),
                            height=round(height, 1), colour=colour,
                            label=label(name, groups[group_index], percent)))
    x_labels = [(round(LEFT + (i + 0.5) * slot, 1), group) for i, group in enumerate(groups)]
    y_ticks = [(round(bottom - plot_height * p / 100, 1), p) for p in (0, 25, 50, 75, 100)]
    return Chart(width=WIDTH, height=HEIGHT, bars=bars, x_labels=x_labels, y_ticks=y_ticks, legend=legend,
                 plot_left=LEFT, plot_bottom=bottom)
