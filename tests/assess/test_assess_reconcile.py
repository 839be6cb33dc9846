"""Reconciled casualty ranges: arithmetic and properties (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.assess.reconcile import (
    CountReport,
    SourcedCounts,
    reconcile_casualties,
    reconcile_range,
)
from factfinder.model import Casualties, ClaimRef, Range


def rep(i: int, source: str, lo: int | None, hi: int | None, credible: bool = True) -> CountReport:
    return CountReport(ClaimRef(f"doc-{i}", 0), source, credible, lo, hi)


def test_relays_of_one_statement_are_not_added_up():
    # twenty outlets relaying the ministry's "at least 26": one figure, not 520
    reports = [rep(i, "party:syrian_government", 26, None, credible=False) for i in range(20)]
    r = reconcile_range(reports)
    assert r is not None
    assert (r.min.value, r.max.value, r.best.value) == (26, None, 26)
    assert r.sources == 1
    assert "uncorroborated" in r.min.rule
    assert r.largest_stated == 26


def test_minimum_from_credible_sources_maximum_from_allegations():
    reports = [
        rep(0, "src:sohr", 20, None),
        rep(1, "src:sana", 26, 26, credible=False),
        rep(2, "src:reuters", 22, 22),
    ]
    r = reconcile_range(reports)
    assert r is not None
    assert r.min.value == 22 and r.min.claims == (ClaimRef("doc-2", 0),)
    assert "credible" in r.min.rule
    assert r.max.value == 26 and r.max.claims == (ClaimRef("doc-1", 0),)
    assert r.best.value == 22  # median of 20, 22, 26
    assert r.sources == 3


def test_a_source_updating_its_toll_counts_once_with_its_latest_figure():
    reports = [
        rep(0, "src:sohr", 16, None),
        rep(1, "src:sohr", 22, None),
        rep(2, "src:afp", 18, 18),
    ]
    r = reconcile_range(reports)
    assert r is not None
    assert r.min.value == 22 and r.sources == 2
    # the median of the two sources (18, 22) is 20, below what SOHR establishes
    assert r.best.value == 22 and "raised to the minimum" in r.best.rule


def test_a_range_gives_its_middle_as_its_figure():
    r = reconcile_range([rep(0, "a", 13, 46)])
    assert r is not None
    assert (r.min.value, r.max.value, r.best.value) == (13, 46, 29)


def test_no_figure_no_reconciliation():
    assert reconcile_range([rep(0, "a", None, None)]) is None
    assert reconcile_range([]) is None


def test_totals_are_at_least_their_sub_counts():
    claims = [
        SourcedCounts(
            ClaimRef("a", 0),
            "src:a",
            True,
            Casualties(total=Range(10, 10), civilians=Range(14, None)),
        ),
        SourcedCounts(ClaimRef("b", 0), "src:b", True, Casualties(children=Range(5, 5))),
    ]
    rec = reconcile_casualties(claims)
    total = rec.figures["total"]
    assert total.min.value == 14 and "civilians" in total.min.rule
    assert total.best.value >= 14
    figures = rec.as_figures()
    assert figures.children is not None
    assert (figures.children.min, figures.children.max, figures.children.best) == (5, 5, 5)
    assert figures.children.standing == "reported" and figures.total is not None
    assert figures.total.standing == "reported"  # one credible source gives a total


# --- properties ------------------------------------------------------------------------------

figures = st.integers(min_value=0, max_value=5000)


@st.composite
def report_lists(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    out = []
    for i in range(n):
        source = f"s{draw(st.integers(min_value=0, max_value=4))}"
        kind = draw(st.sampled_from(["exact", "at_least", "range", "up_to"]))
        a = draw(figures)
        if kind == "exact":
            lo, hi = a, a
        elif kind == "at_least":
            lo, hi = a, None
        elif kind == "range":
            lo, hi = a, a + draw(st.integers(min_value=0, max_value=500))
        else:
            lo, hi = None, a
        out.append(CountReport(ClaimRef(f"d{i}", 0), source, draw(st.booleans()), lo, hi))
    return out


def values(reports):
    r = reconcile_range(reports)
    return None if r is None else (r.min.value, r.max.value, r.best.value)


@settings(max_examples=300, deadline=None)
@given(report_lists())
def test_min_best_max_are_ordered(reports):
    r = reconcile_range(reports)
    if r is None:
        return
    lo, hi, best = r.min.value, r.max.value, r.best.value
    if lo is not None and best is not None:
        assert lo <= best
    if hi is not None and best is not None:
        assert best <= hi
    if lo is not None and hi is not None:
        assert lo <= hi


@settings(max_examples=300, deadline=None)
@given(report_lists(), st.randoms(use_true_random=False))
def test_order_of_claims_is_irrelevant(reports, rnd):
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    a, b = reconcile_range(reports), reconcile_range(shuffled)
    assert a == b


@settings(max_examples=300, deadline=None)
@given(report_lists(), st.data())
def test_relaying_a_statement_again_changes_nothing(reports, data):
    relayed = data.draw(st.sampled_from(reports))
    copy = CountReport(
        ClaimRef("relay", 0), relayed.source, relayed.credible, relayed.min, relayed.max
    )
    assert values([*reports, copy]) == values(reports)


@settings(max_examples=300, deadline=None)
@given(report_lists(), st.data())
def test_a_chain_repeating_a_lower_figure_never_changes_the_minimum(reports, data):
    chain = data.draw(st.sampled_from(sorted({r.source for r in reports})))
    mins = [r.min for r in reports if r.source == chain and r.min is not None]
    lower = data.draw(st.integers(min_value=0, max_value=max(mins))) if mins else None
    before = reconcile_range(reports)
    credible = any(r.credible for r in reports if r.source == chain)
    after = reconcile_range(
        [*reports, CountReport(ClaimRef("more", 0), chain, credible, lower, None)]
    )
    assert before is not None and after is not None
    assert after.min.value == before.min.value
    assert after.sources == before.sources


@settings(max_examples=300, deadline=None)
@given(report_lists())
def test_the_minimum_is_never_a_sum(reports):
    r = reconcile_range(reports)
    assert r is not None
    stated = [x for x in (rp.min for rp in reports) if x is not None]
    if r.min.value is not None:
        assert r.min.value <= max(stated)
        assert r.min.value in stated


def test_many_random_corpora_keep_min_at_most_best_at_most_max():
    rnd = random.Random(3)
    for _ in range(200):
        reports = [rep(i, f"s{rnd.randrange(5)}", rnd.randrange(100), None) for i in range(8)]
        r = reconcile_range(reports)
        assert r is not None and r.min.value is not None and r.best.value is not None
        assert r.min.value <= r.best.value
