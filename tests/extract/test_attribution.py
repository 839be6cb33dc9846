"""Claimants, their types, inheritance across sentences, and publishers (seeds; FA-KES
openings, CC BY 4.0, Abu Salem et al., ICWSM 2019)."""

from __future__ import annotations

from typing import Any

import pytest

from factfinder.extract.attribution import (
    attribute,
    claimant_type,
    document_publisher,
    find_claimants,
    quote_regions,
)
from factfinder.extract.publishers import lookup_source
from factfinder.extract.sentences import split_sentences


def claimants(text: str) -> list[tuple[str, str]]:
    return [(c.name, c.type) for c in find_claimants(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The death toll reached at least 112 people the Syrian Observatory for Human Rights "
            "monitoring group said on Sunday.",
            [("Syrian Observatory for Human Rights monitoring group", "monitor")],
        ),
        (
            "A bomb blast killed six people in Aleppo, Syrian state television reported on Wednesday.",
            [("Syrian state television", "state_media")],
        ),
        (
            "Syrian rescue workers the Civil Defence said that they had carted away at least 100 bodies",
            [("Civil Defence", "ngo")],
        ),
        (
            "At least 15 civilians were killed, according to the Syrian Observatory.",
            [("Syrian Observatory", "monitor")],
        ),
        (
            '"The strike was requested by the SDF," said coalition spokesman Colonel John Dorrian.',
            [("coalition spokesman Colonel John Dorrian", "party_to_conflict")],
        ),
        (
            "A civil defense official in Idlib Leys el-Faris told Anadolu Agency four civilians were killed.",
            [("civil defense official in Idlib Leys el-Faris", "ngo")],
        ),
    ],
)
def test_find_claimants(text: str, expected: list[tuple[str, str]]) -> None:
    assert claimants(text) == expected


def test_passive_said_is_not_an_attribution() -> None:
    assert claimants("airstrikes against what are said to be Daesh targets") == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Syrian Ministry of Foreign Affairs and Expatriates", "party_to_conflict"),
        ("Russian Defence Ministry spokesman", "party_to_conflict"),
        ("Syrian Network for Human Rights", "monitor"),
        ("activists", "monitor"),
        ("Human Rights Watch", "ngo"),
        ("OCHA", "un"),
        ("UN envoy Staffan de Mistura", "un"),
        ("residents", "witness"),
        ("SANA", "state_media"),
        ("Reuters", "media"),
        ("analysts", "unknown"),
    ],
)
def test_claimant_types(name: str, kind: str) -> None:
    assert claimant_type(name) == kind


def test_publishers_are_sources_with_a_state() -> None:
    press_tv = lookup_source("Press TV")
    assert press_tv is not None and (press_tv.type, press_tv.state) == ("state_media", "IR")
    rhc = lookup_source("Radio Habana Cuba")
    assert rhc is not None and (rhc.type, rhc.state) == ("state_media", "CU")
    sana = lookup_source("sana")  # FA-KES publisher code
    assert sana is not None and sana.name == "SANA"


def test_quote_regions_pair_curly_and_straight_quotes() -> None:
    text = 'He said “A. B," then "C" and "D."'
    assert [text[a:b] for a, b in quote_regions(text)] == ['“A. B,"', '"C"', '"D."']


def test_seed_statements_are_the_ministry_s_not_the_publisher_s(seed_000: dict[str, Any]) -> None:
    text = seed_000["text"]
    seg = split_sentences(text, seed_000["title"])
    publisher = document_publisher(text, seed_000["publisher"])
    assert publisher is not None and publisher.name == "Radio Habana Cuba"
    attributions = attribute(text, seg.sentences, title_index=seg.title, publisher=publisher)
    by_start = {s.text[:40]: a.claimant for s, a in zip(seg.sentences, attributions, strict=True)}
    # "The letters added" and "it pointed out" resolve to the ministry named before them.
    letters = by_start["The letters added that the U.S.-led coal"]
    assert (letters.name, letters.type) == (
        "Syrian Ministry of Foreign Affairs and Expatriates",
        "party_to_conflict",
    )
    assert letters.statement is not None and letters.statement.startswith(
        "letters addressed to United Nations"
    )
    # a quotation over two sentences takes the attribution after it
    graves = by_start["“A number of mass graves were recently d"]
    assert (graves.name, graves.type) == ("Syrian foreign ministry", "party_to_conflict")
    panorama = by_start['"Another mass grave was uncovered yester']
    assert panorama.type == "party_to_conflict"


def test_document_publisher_from_a_source_line() -> None:
    src = document_publisher("Source: [Press TV](#)\n\nThe Syrian government has demanded", None)
    assert src is not None and src.name == "Press TV"


def test_according_to_without_a_comma_names_only_the_source() -> None:
    # FA-KES prints articles without commas (TRT World, 6 Oct 2016).
    from factfinder.extract.attribution import find_claimants

    found = find_claimants(
        "According to the Syrian Observatory for Human Rights the casualties included fighters "
        "from the Free Syrian Army (FSA) the Turkish-backed force."
    )
    assert [(c.name, c.type) for c in found] == [("Syrian Observatory for Human Rights", "monitor")]
    found = find_claimants("According to Anadolu Agency the blast targeted the Atmeh refugee camp.")
    assert [c.name for c in found] == ["Anadolu Agency"]
