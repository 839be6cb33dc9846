"""Source independence: claimants vs publishers, chains, parties; the seed documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factfinder.assess.batch import link_files
from factfinder.link.sources import is_credible, known_source, normalise_name, source_of
from factfinder.model import Claimant

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize(
    "alias",
    [
        "SOHR",
        "the Syrian Observatory for Human Rights",
        "the Observatory",
        "Britain-based Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights",
    ],
)
def test_observatory_aliases_are_one_source(alias):
    src = known_source(alias)
    assert src is not None and src.name == "Syrian Observatory for Human Rights"
    assert src.type == "monitor"


@pytest.mark.parametrize(
    "alias",
    [
        "the Syrian foreign ministry",
        "Syrian Foreign Ministry",
        "Syrian Ministry of Foreign Affairs and Expatriates",
        "Syria's foreign ministry",
    ],
)
def test_foreign_ministry_aliases_are_one_party_source(alias):
    key = source_of(Claimant(alias, "party_to_conflict"), "Press TV")
    assert key.name == "Syrian Ministry of Foreign Affairs and Expatriates"
    assert key.party == "syrian_government" and key.is_party
    assert not is_credible(key)


def test_the_claimant_not_the_publisher_is_the_source():
    via_press_tv = source_of(Claimant("SOHR", "monitor"), "Press TV")
    via_reuters = source_of(Claimant("the Observatory", "monitor"), "reuters")
    assert via_press_tv.chain == via_reuters.chain
    assert via_press_tv.party is None and is_credible(via_press_tv)


def test_without_a_claimant_a_report_is_unattributed_carried_by_its_publisher():
    sana = source_of(None, "sana")
    assert sana.name == "SANA" and sana.type == "state_media"
    assert sana.party == "syrian_government"  # the state agency of a party speaks for it
    reuters = source_of(Claimant(None, "unknown"), "reuters")
    assert reuters.name == "unattributed, carried by Reuters" and reuters.party is None
    assert not is_credible(reuters)  # it may relay anyone: it corroborates nothing
    # the publisher put in the claimant's place is no claimant either
    assert source_of(Claimant("Reuters", "media"), "Reuters") == reuters
    # a monitor's own publication is its own account
    snhr = source_of(None, "SNHR")
    assert snhr.name == "Syrian Network for Human Rights" and is_credible(snhr)


@pytest.mark.parametrize(
    ("claimant", "type_"),
    [
        ("Syria", "party_to_conflict"),
        ("Syria", "unknown"),
        ("the Syrian government", "party_to_conflict"),
        ("Syrian Arab Army", "media"),
        ("SANA", "media"),
    ],
)
def test_one_party_under_all_its_names_and_outlets(claimant, type_):
    for publisher in ("Xinhua", "Reuters", None):
        source = source_of(Claimant(claimant, type_), publisher)
        assert source.independence == "party:syrian_government", (claimant, publisher)
        assert not is_credible(source)


def test_a_belligerents_statement_is_a_partys_whatever_outlet_carries_it():
    for type_ in ("media", "unknown", "party_to_conflict"):
        cjtf = source_of(Claimant("CJTF-OIR", type_), "Reuters")
        assert cjtf.party == "us_led_coalition" and not is_credible(cjtf)


def test_the_icrc_and_the_syrian_arab_red_crescent_are_distinct():
    icrc = source_of(Claimant("ICRC", "ngo"), "Reuters")
    sarc = source_of(Claimant("Syrian Arab Red Crescent", "ngo"), "Reuters")
    assert icrc.independence != sarc.independence
    assert source_of(Claimant("SARC", "ngo"), "AFP").independence == sarc.independence


def test_unnamed_witnesses_are_one_source_per_publisher():
    a = source_of(Claimant(None, "witness"), "Reuters")
    b = source_of(Claimant(None, "witness"), "AFP")
    assert a.chain != b.chain
    assert a.chain == source_of(Claimant(None, "witness"), "reuters").chain


def test_organs_of_one_party_are_not_independent():
    army = source_of(Claimant("Syrian army", "party_to_conflict"), "SANA")
    sana = source_of(None, "SANA")
    assert army.chain != sana.chain  # two chains (two claimants) ...
    assert army.independence == sana.independence == "party:syrian_government"  # ... one source


def test_unknown_names_still_chain_with_themselves():
    a = source_of(Claimant("The Aleppo Media Center", "media"), "AFP")
    b = source_of(Claimant("Aleppo Media Center", "media"), "Reuters")
    assert a.chain == b.chain
    assert normalise_name("The Aleppo Media Center") == "aleppo media center"


def _link_seeds(tmp_path: Path) -> tuple[list[dict], list[dict]]:
    out, chains = tmp_path / "incidents.jsonl", tmp_path / "chains.jsonl"
    link_files(
        FIXTURES / "seeds.claims.jsonl",
        ROOT / "samples" / "seeds" / "docs.jsonl",
        out,
        sources_path=chains,
    )
    read = lambda p: [json.loads(line) for line in p.read_text().splitlines()]  # noqa: E731
    return read(out), read(chains)


def test_seeds_both_reports_relay_one_party_through_two_state_media(tmp_path):
    incidents, chains = _link_seeds(tmp_path)
    assert len(chains) == 1
    chain = chains[0]
    assert chain["claimant"] == "Syrian Ministry of Foreign Affairs and Expatriates"
    assert chain["party_to_conflict"] and chain["party"] == "syrian_government"
    assert chain["publishers"] == ["Press TV", "Radio Habana Cuba"]
    assert len(chain["claims"]) == 6
    for inc in incidents:
        assert inc["independent_sources"] == 1
        assert inc["party_only"] is True and inc["sources_parties"] == ["syrian_government"]
        assert inc["grade"] == "weak"


def test_seeds_incidents(tmp_path):
    incidents, _ = _link_seeds(tmp_path)
    members = sorted(sorted((m["id"], m["claim"]) for m in inc["members"]) for inc in incidents)
    assert members == [
        [("seed-000", 0), ("seed-004", 1)],  # white phosphorus, relayed by both reports
        [("seed-000", 1)],
        [("seed-000", 2)],
        [("seed-000", 3)],  # three mass-grave sites
        [("seed-004", 0)],  # the Hajin airstrike
    ]
    hajin = next(i for i in incidents if i["members"] == [{"id": "seed-004", "claim": 0}])
    assert hajin["killed"]["civilians"]["min"] == 26
    assert hajin["killed"]["children"]["min"] == 14
    assert hajin["date"] == {"start": "2018-11-02", "end": "2018-11-02", "precision": "day"}
    wp = next(i for i in incidents if len(i["members"]) == 2)
    assert wp["independent_sources"] == 1
    assert wp["links"][0]["features"]["event_type"]["relation"] == "same"
