"""Situations an analyst meets, end to end (extract → link → grade): sources counted right,
grades earned, figures worded by what they rest on. The reports are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factfinder.assess.batch import link_files
from factfinder.extract.batch import extract_files
from factfinder.model import Incident, format_figure


def incidents_of(tmp_path: Path, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    docs_path, claims, out = tmp_path / "docs.jsonl", tmp_path / "claims.jsonl", tmp_path / "i"
    docs_path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    extract_files(docs_path, claims)
    link_files(claims, docs_path, out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def only(tmp_path: Path, docs: list[dict[str, Any]]) -> dict[str, Any]:
    found = incidents_of(tmp_path, docs)
    assert [sorted(m["id"] for m in i["members"]) for i in found] == [sorted(d["id"] for d in docs)]
    return found[0]


def doc(id: str, title: str, body: str, published: str | None, publisher: str | None) -> dict:
    return {
        "id": id,
        "title": title,
        "text": f"{title}\n\n{body}",
        "published": published,
        "publisher": publisher,
    }


def decided(inc: dict[str, Any]) -> list[str]:
    return [t["rule"] for t in inc["grading"]["trace"] if t["fired"]]


def figure(inc: dict[str, Any], key: str = "total") -> str:
    return format_figure(Incident.from_json(inc).killed.get(key))


MHARDEH = (
    "rockets fired by terrorist groups on the town of Mhardeh in Hama countryside killed 11 "
    "civilians, including four children"
)


def test_one_ministry_relayed_by_three_outlets_and_named_syria_is_one_party(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "sana",
                "Terrorists shell Mhardeh",
                f"The Syrian Foreign Ministry said on Tuesday that {MHARDEH}.",
                "2021-03-09",
                "SANA",
            ),
            doc(
                "presstv",
                "Syria: rocket attack on Mhardeh kills 11",
                f"The Syrian Foreign Ministry said on Tuesday that {MHARDEH}, state news "
                "agency SANA reported.",
                "2021-03-09",
                "Press TV",
            ),
            doc(
                "xinhua",
                "Syria says rebel rockets kill 11 in Hama",
                "DAMASCUS, March 9 (Xinhua) -- Syria said on Tuesday that rockets fired by "
                "rebels on the town of Mhardeh in the central province of Hama killed 11 "
                "civilians, including four children.",
                "2021-03-09",
                "Xinhua",
            ),
        ],
    )
    assert inc["independent_sources"] == 1
    assert inc["party_only"] is True and inc["sources_parties"] == ["syrian_government"]
    assert {s["party"] for s in inc["sources"]} == {"syrian_government"}
    assert inc["grade"] == "weak" and decided(inc) == ["single-source"]
    assert figure(inc) == "11 (alleged by Syrian government)"
    assert inc["killed"]["total"]["standing"] == "alleged"


def test_a_monitor_against_a_ministry_calling_the_dead_terrorists(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "mod",
                "Russian jets strike militants in Idlib",
                "The Russian Ministry of Defence said on Thursday that its aircraft struck a "
                "terrorist command post in Khan Sheikhoun in Idlib, neutralising 15 terrorists.",
                "2019-05-16",
                "TASS",
            ),
            doc(
                "sohr",
                "Russian strike kills civilians in Khan Sheikhoun",
                "The Syrian Observatory for Human Rights said a Russian airstrike on Khan "
                "Sheikhoun in Idlib on Thursday killed 9 civilians, including 3 children.",
                "2019-05-16",
                "AFP",
            ),
        ],
    )
    # The party's "15 terrorists" are its classification: not added to the killed, not a
    # confirmation of harm, not a contest of the civilians' status.
    assert inc["party_classifications"] == [
        {
            "claim": {"id": "mod", "claim": 0},
            "source": "Russian Ministry of Defence",
            "party": "Russia",
            "combatants": {"min": 15, "max": 15},
        }
    ]
    assert (inc["killed"]["total"]["min"], inc["killed"]["total"]["max"]) == (9, 9)
    assert "combatants" not in inc["killed"]
    assert figure(inc) == "9 (reported)"
    assert inc["grade"] == "weak" and decided(inc) == ["single-source"]
    confirmed = inc["grading"]["trace"][1]
    assert confirmed["detail"] == (
        "the perpetrator's side speaks of it only as fighters killed (its classification)"
    )


def test_an_admission_by_the_perpetrators_side_confirms(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "sohr",
                "Coalition strike kills civilians near Hajin",
                "The Syrian Observatory for Human Rights said on Friday that an airstrike by "
                "the US-led coalition on the village of Al-Shafah near Hajin killed 9 "
                "civilians, including 3 children.",
                "2018-11-23",
                "Reuters",
            ),
            doc(
                "cjtf",
                "CJTF-OIR civilian casualty report",
                "The US-led coalition acknowledged on Friday that its airstrike on the village "
                "of Al-Shafah near Hajin killed 4 civilians.",
                "2018-11-23",
                "CJTF-OIR",
            ),
        ],
    )
    assert inc["grade"] == "confirmed" and decided(inc) == ["belligerent-admits"]
    coalition = next(s for s in inc["sources"] if s["party"] == "us_led_coalition")
    assert coalition["credible"] is False  # the coalition's own word is a party's, not media's
    assert inc["independent_sources"] == 2
    fair = inc["grading"]["trace"][3]
    assert not fair["fired"] and fair["detail"] == "1 independent credible source(s)"


def test_an_admission_alone_of_at_least_the_toll_is_acknowledged(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "cjtf",
                "CJTF-OIR civilian casualty report",
                "The US-led coalition acknowledged on Friday that its airstrike on the village "
                "of Al-Shafah near Hajin killed 4 civilians.",
                "2018-11-23",
                "CJTF-OIR",
            )
        ],
    )
    assert inc["grade"] == "confirmed"
    assert figure(inc, "civilians") == "4 (acknowledged by US-led coalition)"


def test_a_denial_is_shown_and_contests_an_allegation(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "sohr",
                "Shelling kills 20 in Douma",
                "The Syrian Observatory for Human Rights said government forces shelled the "
                "town of Douma on Monday, killing 20 civilians.",
                "2018-02-05",
                "AFP",
            ),
            doc(
                "ministry",
                "Ministry denies shelling of Douma",
                "The Syrian Foreign Ministry on Monday denied that government forces shelled "
                "Douma, calling reports of civilian deaths fabricated.",
                "2018-02-05",
                "SANA",
            ),
        ],
    )
    assert inc["denials"] == [
        {
            "claim": {"id": "ministry", "claim": 0},
            "source": "Syrian Ministry of Foreign Affairs and Expatriates",
            "party": "Syrian government",
            "perpetrator": "syrian_government",
        }
    ]
    assert inc["grade"] == "contested" and decided(inc) == ["denied"]
    assert inc["event_type"] == "shelling"  # the denial is no new event
    assert figure(inc) == "20 (reported)"


def test_an_unattributed_headline_is_not_a_second_source(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "snhr",
                "Airstrike kills 12 civilians in Maarat al-Numan",
                "The Syrian Network for Human Rights said on Monday that a Russian airstrike "
                "on a market in Maarat al-Numan in Idlib killed 12 civilians.",
                "2019-07-22",
                "SNHR",
            ),
            doc(
                "outlet",
                "Russian airstrike kills 12 civilians at Maarat al-Numan market",
                "A Russian airstrike on a market in Maarat al-Numan in Idlib on Monday killed "
                "12 civilians.",
                "2019-07-22",
                "Example Daily",
            ),
        ],
    )
    names = {s["claimant"]: s for s in inc["sources"]}
    relay = names["unattributed, carried by Example Daily"]
    assert relay["credible"] is False and relay["publishers"] == ["Example Daily"]
    assert "Example Daily" not in names  # the publisher is never invented as claimant
    assert inc["independent_sources"] == 1
    assert inc["grade"] == "weak"


def test_the_icrc_and_the_red_crescent_are_two_sources(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "icrc",
                "Shelling hits Aleppo water station",
                "The International Committee of the Red Cross said on Sunday that shelling of "
                "the Sulaiman al-Halabi water station in Aleppo killed 3 civilians.",
                "2016-11-20",
                "ICRC",
            ),
            doc(
                "sarc",
                "Three killed in shelling of Aleppo water station",
                "The Syrian Arab Red Crescent said on Sunday that shelling of the Sulaiman "
                "al-Halabi water station in Aleppo killed 3 civilians, including one of its "
                "volunteers.",
                "2016-11-20",
                "Reuters",
            ),
        ],
    )
    assert inc["independent_sources"] == 2
    assert inc["grade"] == "fair" and decided(inc) == ["two-credible-sources"]
    assert figure(inc) == "3 (corroborated)"


DARAYA = (
    "The Violations Documentation Center said helicopters dropped barrel bombs on residential "
    "neighbourhoods of Daraya in Rif Dimashq on Wednesday, killing 8 civilians, among them two "
    "women, and wounding dozens."
)


def test_one_article_as_text_and_as_pdf_or_mail_is_one_account(tmp_path):
    pdf_text = DARAYA.replace("neighbourhoods", "neighbour-\nhoods").replace(
        "two women", "two\nwomen"
    )
    inc = only(
        tmp_path,
        [
            doc("txt", "Barrel bombs hit Daraya", DARAYA, "2016-05-11", "Reuters"),
            doc("pdf", "report.pdf", pdf_text + "\n\n1", None, None),
            doc("eml", "Fwd: Barrel bombs hit Daraya", DARAYA, "2016-05-13", "war monitor"),
        ],
    )
    assert inc["independent_sources"] == 1
    assert inc["grade"] == "weak"
    assert figure(inc) == "8 (reported)"


def test_the_trace_names_only_the_rule_that_decided(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "a",
                "Shelling hits Aleppo water station",
                "The International Committee of the Red Cross said on Sunday that shelling of "
                "the Sulaiman al-Halabi water station in Aleppo killed 3 civilians.",
                "2016-11-20",
                "ICRC",
            ),
            doc(
                "b",
                "Three killed in Aleppo",
                "The Syrian Observatory for Human Rights said on Sunday that shelling of the "
                "Sulaiman al-Halabi water station in Aleppo killed 3 civilians.",
                "2016-11-20",
                "AFP",
            ),
        ],
    )
    trace = inc["grading"]["trace"]
    assert [t["rule"] for t in trace if t["fired"]] == ["two-credible-sources"]
    assert [t["rule"] for t in trace] == [
        "later-evidence-rules-out",
        "belligerent-admits",
        "competing-attributions",
        "two-credible-sources",
        "single-source",
    ]
    assert trace[4]["detail"].startswith("would apply (") and trace[4]["detail"].endswith(
        "but two-credible-sources decides first"
    )


def test_differing_figures_from_different_claimants_link(tmp_path):
    inc = only(
        tmp_path,
        [
            doc(
                "wire",
                "Airstrikes kill 30 in Saraqib",
                "The Syrian Observatory for Human Rights said Russian airstrikes on the town of "
                "Saraqib in Idlib province killed 30 people on Tuesday.",
                "2018-02-06",
                "Reuters",
            ),
            doc(
                "tv",
                "Russian raids on Saraqib leave 17 dead",
                "Civil defence workers said 17 people were killed when Russian warplanes bombed "
                "residential areas of Saraqib on Tuesday.",
                "2018-02-06",
                "Al Jazeera",
            ),
        ],
    )
    assert (inc["killed"]["total"]["min"], inc["killed"]["total"]["max"]) == (30, 30)
    # 17 does not corroborate "30": the figure rests on one credible source.
    assert figure(inc) == "30 (reported)"


def test_a_denial_inside_the_report_of_the_allegation_contests_it(tmp_path):
    found = incidents_of(
        tmp_path,
        [
            doc(
                "wire",
                "Strikes kill 12 at Maarat al-Numan market",
                "Activists said Russian warplanes killed 12 civilians in a market in Maarat "
                "al-Numan on Monday. The Russian defence ministry denied that its aircraft had "
                "carried out any strikes in the area.",
                "2019-07-23",
                "Example Wire",
            )
        ],
    )
    (inc,) = found  # the denial answers the report's incident: one incident, two voices
    assert [m["claim"] for m in inc["members"]] == [0, 1]
    assert [d["party"] for d in inc["denials"]] == ["Russia"]
    assert inc["grade"] == "contested" and "denied" in decided(inc)


def test_an_admission_of_the_strike_inside_the_report_joins_its_incident(tmp_path):
    (inc,) = incidents_of(
        tmp_path,
        [
            doc(
                "wire",
                "Coalition strike on Mosul building",
                "Residents said 105 civilians were killed when Coalition aircraft struck a "
                "building in al-Jadida in western Mosul on March 17. CJTF-OIR later confirmed "
                "that a Coalition strike had targeted two ISIS snipers at the location.",
                "2017-03-30",
                "Example Wire",
            )
        ],
    )
    assert len(inc["members"]) == 2
    parties = [s["party"] for s in inc["sources"]]
    assert parties == [None, "us_led_coalition"]
    # the coalition owns the strike but not the dead: its word confirms no harm
    admits = next(t for t in inc["grading"]["trace"] if t["rule"] == "belligerent-admits")
    assert not admits["fired"] and "states no harm" in admits["detail"]
    assert inc["grade"] == "weak"
