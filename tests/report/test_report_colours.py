"""The charts' colours tell the parties apart: for every reader and for readers with any of the
three colour-vision deficiencies (simulated with the matrices of Machado, Oliveira and Fernandes,
2009, at full severity), every two groups are far apart in CIELAB, and the groups most often
alleged (Russia and the US-led coalition above all) far apart indeed."""

from __future__ import annotations

import itertools
import math

import pytest

from factfinder.report.charts import GRADE_COLOURS, PALETTE, PERPETRATOR_COLOURS, series_colours

# Linear-RGB matrices of protanopia, deuteranopia and tritanopia (Machado et al. 2009, 1.0).
DEFICIENCIES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}


def _linear(hex_colour: str) -> tuple[float, float, float]:
    def one(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return one(r), one(g), one(b)


def lab(hex_colour: str, deficiency: str | None = None) -> tuple[float, float, float]:
    """CIELAB (D65) of a colour as seen with `deficiency` (None: normal vision)."""
    rgb = _linear(hex_colour)
    if deficiency is not None:
        m = DEFICIENCIES[deficiency]
        rgb = tuple(  # type: ignore[assignment]
            min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)
        )
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(a: str, b: str, deficiency: str | None = None) -> float:
    """CIE76 colour difference (about 2.3 is just noticeable; 10+ is a different colour)."""
    return math.dist(lab(a, deficiency), lab(b, deficiency))


def test_the_measure_knows_black_from_white_and_a_colour_from_itself() -> None:
    assert distance("#000000", "#ffffff") == pytest.approx(100, abs=0.01)
    assert distance("#0072b2", "#0072b2", "deuteranopia") == 0
    # Red and green, far apart for most readers, come close for a deuteranope.
    assert distance("#ff0000", "#00ff00") > 150
    assert distance("#ff0000", "#00ff00", "deuteranopia") < distance("#ff0000", "#00ff00") / 2


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_every_two_parties_are_far_apart(deficiency: str | None) -> None:
    closest = min(
        (distance(PERPETRATOR_COLOURS[a], PERPETRATOR_COLOURS[b], deficiency), a, b)
        for a, b in itertools.combinations(PERPETRATOR_COLOURS, 2)
    )
    assert closest[0] >= 14, closest


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_the_parties_most_often_alleged_are_very_far_apart(deficiency: str | None) -> None:
    common = ("syrian_government", "russia", "us_led_coalition", "isis", "armed_opposition")
    for a, b in itertools.combinations(common, 2):
        assert distance(PERPETRATOR_COLOURS[a], PERPETRATOR_COLOURS[b], deficiency) >= 16, (a, b)
    # Russia and the coalition, once two blues 28 apart (6 for a tritanope): now blue and orange.
    assert PERPETRATOR_COLOURS["russia"] == "#0072b2"
    assert PERPETRATOR_COLOURS["us_led_coalition"] == "#e69f00"
    assert distance("#0072b2", "#e69f00", deficiency) > 75


def test_the_eight_groups_most_often_alleged_take_the_okabe_ito_palette() -> None:
    assert {c for c in list(PERPETRATOR_COLOURS.values())[:8]} == OKABE_ITO
    assert len(set(PERPETRATOR_COLOURS.values())) == len(PERPETRATOR_COLOURS)
    assert len(set(GRADE_COLOURS.values())) == len(GRADE_COLOURS)


def test_a_group_outside_the_vocabulary_takes_a_colour_no_other_series_has() -> None:
    colours = series_colours("perpetrator", ["russia", "new_group", "syrian_government", "later"])
    assert colours == {
        "russia": "#0072b2",
        "new_group": "#e69f00",  # the palette's first that the chart does not use
        "syrian_government": "#d55e00",
        "later": "#000000",
    }
    assert PALETTE[:3] == ("#d55e00", "#0072b2", "#e69f00")
    # By grade, the grades' own colours; a grade outside them, the palette's first.
    assert series_colours("grade", ["confirmed", "odd"]) == {
        "confirmed": GRADE_COLOURS["confirmed"],
        "odd": "#d55e00",
    }
