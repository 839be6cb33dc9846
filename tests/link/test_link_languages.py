"""Linking reports in two languages: words are not compared across languages, and such pairs
meet and link on place, date, perpetrator, event type and tolls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factfinder.assess.batch import link_files
from factfinder.link.blocking import bridges, candidate_pairs
from factfinder.link.features import LINK_THRESHOLD, explain_pair
from factfinder.link.run import blocking_keys, compute_idf, link_records
from factfinder.link.text import language_key, same_language, script_of

# One report pair per party: (group, place, event type, Arabic sentence, English sentence).
# Written for these tests; places are real, the incidents invented.
PARTIES = [
    (
        "us_led_coalition",
        ("Al-Mayadin", 35.020, 40.450, "Deir ez-Zor"),
        "airstrike",
        "مقتل خمسة مدنيين بغارة لطيران التحالف الدولي على منزل في مدينة الميادين.",
        "A U.S.-led coalition air strike on a house in Mayadin killed five civilians.",
    ),
    (
        "russia",
        ("Ariha", 35.810, 36.610, "Idlib"),
        "airstrike",
        "خمسة قتلى مدنيين بغارات الطيران الحربي الروسي على أحياء مدينة أريحا.",
        "Russian jets struck residential areas of Ariha, killing five civilians.",
    ),
    (
        "syrian_government",
        ("Douma", 33.572, 36.402, "Rif Dimashq"),
        "shelling",
        "خمسة شهداء بقصف مدفعي لقوات النظام على الأحياء السكنية في مدينة دوما.",
        "Five civilians were killed when regime artillery shelled homes in Douma.",
    ),
    (
        "turkey",
        ("Jinderes", 36.393, 36.689, "Aleppo"),
        "airstrike",
        "استشهد خمسة مدنيين جراء غارات الطيران التركي على بلدة جنديرس.",
        "Turkish warplanes hit the town of Jinderes, killing five civilians.",
    ),
    (
        "sdf_ypg",
        ("Al-Bab", 36.370, 37.515, "Aleppo"),
        "shelling",
        "مقتل خمسة مدنيين بقصف مدفعي مصدره مناطق سيطرة قسد على مدينة الباب.",
        "Shelling from SDF-held areas killed five civilians in the centre of al-Bab.",
    ),
    (
        "isis",
        ("Al-Tabqa", 35.836, 38.548, "Raqqa"),
        "explosion",
        "خمسة قتلى بتفجير سيارة مفخخة تبناه تنظيم داعش قرب دوار في مدينة الطبقة.",
        "An Islamic State car bomb near a roundabout in Tabqa killed five civilians.",
    ),
    (
        "hts_nusra",
        ("Suqaylabiyah", 35.369, 36.386, "Hama"),
        "shelling",
        "استشهد خمسة مدنيين بقذائف صاروخية أطلقتها هيئة تحرير الشام على السقيلبية.",
        "Rockets fired by HTS hit Suqaylabiyah, killing five civilians.",
    ),
    (
        "israel",
        ("Khan Arnabah", 33.185, 35.888, "Quneitra"),
        "airstrike",
        "مقتل خمسة أشخاص بغارة إسرائيلية قرب مدينة خان أرنبة.",
        "An Israeli strike near Khan Arnabah killed five people.",
    ),
    (
        "iran",
        ("Kafr Taal", 36.133, 36.930, "Aleppo"),
        "shelling",
        "قضى خمسة مواطنين بقصف صاروخي للميليشيات الإيرانية على بلدة كفر تعال.",
        "Iranian militias fired rockets at Kafr Taal, killing five civilians.",
    ),
]
DAY = "2021-03-09"


def pair(make_record, party, **changes):
    group, place, event, arabic, english = party
    common = dict(place=place, event=event, perpetrator=group, killed=5, killed_max=5, day=DAY)
    a = make_record(0, text=arabic, language="ar", publisher="local page", **common)
    b = make_record(1, text=english, language="en", **{**common, **changes})
    return a, b


def test_the_language_key_reads_the_script_and_the_documents_language():
    assert script_of("قتل خمسة مدنيين في الباب") == "arab"
    assert script_of("Five civilians were killed in al-Bab") == "latn"
    assert script_of("2021-03-09 12:00") == ""
    # Text with non-ASCII characters is counted letter by letter; ASCII text has no Arabic.
    assert script_of("Frappes aériennes à Alep — 5 morts") == "latn"
    assert script_of("قصف جوي على مدينة الباب في ريف حلب Shared with Public") == "arab"
    assert script_of("— 5 ٥") == ""
    assert language_key("arab", "ar") == "arab:ar"
    assert language_key("latn", "en-GB") == "latn:en"
    assert language_key("latn", None) == "latn:"
    assert language_key("", "und") == ""


def test_words_are_compared_only_within_one_language():
    assert not same_language("arab:ar", "latn:en")
    assert not same_language("latn:en", "latn:fr")
    assert not same_language("arab:ar", "latn:ar")  # an English page name in an Arabic post
    assert same_language("latn:en", "latn:en")
    assert same_language("latn:en", "latn:")  # a document without a language
    assert same_language("", "arab:ar")


@pytest.mark.parametrize("party", PARTIES, ids=[p[0] for p in PARTIES])
def test_an_arabic_and_an_english_report_of_one_incident_link(make_record, party):
    group = party[0]
    a, b = pair(make_record, party)
    assert (a.lang, b.lang) == ("arab:ar", "latn:en")
    ex = explain_pair(a, b, compute_idf([a, b]))
    assert ex.score >= LINK_THRESHOLD
    assert ex.features["text_similarity"] == {
        "compared": False,
        "reason": "different languages (arab:ar, latn:en): words not compared",
        "weight": 0.0,
    }
    assert ex.features["shared_names"]["weight"] == 0.0
    assert "same day" in ex.matched
    assert f"same perpetrator ({group}, {group})" in ex.matched
    assert any(m.startswith("same event type") for m in ex.matched)
    assert "equal tolls (total~total)" in ex.matched
    total = ex.features["prior"] + sum(v["weight"] for k, v in ex.features.items() if k != "prior")
    assert abs(total - ex.score) < 0.01


@pytest.mark.parametrize("party", PARTIES, ids=[p[0] for p in PARTIES])
def test_other_incidents_of_the_same_party_stay_apart_across_languages(make_record, party):
    group, (name, lat, lon, admin1) = party[0], party[1]
    elsewhere = (f"40 km from {name}", lat + 0.36, lon, admin1)
    nearby = (f"12 km from {name}", lat + 0.11, lon, admin1)
    for changes in (
        {"day": "2021-03-16"},  # the same town a week later
        {"place": elsewhere},  # the same day in another town
        {
            "place": nearby,
            "killed": 2,
            "killed_max": 2,
        },  # the same day in a nearby town, another toll
    ):
        a, b = pair(make_record, party, **changes)
        run = link_records([a, b])
        assert sorted(run.clustering.clusters) == [[0], [1]], (group, changes)
    a, b = pair(make_record, party)
    assert link_records([a, b]).clustering.clusters == [[0, 1]]


def test_two_languages_are_not_punished_for_sharing_no_words(make_record):
    party = PARTIES[4]
    a, b = pair(make_record, party)
    same_lang = make_record(
        1,
        text="Residents buried the dead of the afternoon's artillery fire.",
        language="en",
        place=party[1],
        event=party[2],
        perpetrator=party[0],
        killed=5,
        day=DAY,
    )
    a_en = a._replace(lang="latn:en")
    unrelated = explain_pair(a_en, same_lang, compute_idf([a_en, same_lang]))
    across = explain_pair(a, b, compute_idf([a, b]))
    assert unrelated.features["text_similarity"]["weight"] < 0
    assert across.features["text_similarity"]["weight"] == 0
    assert across.score > unrelated.score


def test_blocking_puts_reports_in_two_languages_together_by_place_and_time(make_record):
    party = PARTIES[6]
    a, b = pair(make_record, party, killed=2)  # a toll too small to be a blocking key
    keys, names = blocking_keys([a, b])
    assert set(keys[0]).isdisjoint(keys[1]) and set(names[0]).isdisjoint(names[1])
    assert list(candidate_pairs([a, b], keys, names)) == [(0, 1)]
    # In one language the same two claims share no key and are not compared.
    b_ar = b._replace(lang="arab:ar")
    keys, names = blocking_keys([a, b_ar])
    assert list(candidate_pairs([a, b_ar], keys, names)) == []
    # A month later they do not meet.
    late = b._replace(lo=b.lo + 30, hi=b.hi + 30)
    keys, names = blocking_keys([a, late])
    assert list(candidate_pairs([a, late], keys, names)) == []


def test_a_monolingual_run_has_no_bridges():
    assert bridges(["latn:en", "latn:en", "latn:"], [True, True, True]) is None
    got = bridges(["arab:ar", "latn:en", "latn:en"], [True, True, False])
    assert got == [
        (("lang:latn:en",), ("lang:arab:ar",)),
        (("lang:arab:ar",), ("lang:latn:en",)),
        ((), ()),
    ]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_the_batch_command_links_an_arabic_post_with_an_english_wire_story(tmp_path, claim_json):
    group, place, event, arabic, english = PARTIES[1]
    other = ("Maarat al-Numan", 35.648, 36.672, "Idlib")  # ~20 km south of Ariha
    docs = [
        {"id": "ar", "text": arabic, "published": DAY, "language": "ar"},
        {"id": "en", "text": english, "published": DAY, "language": "en"},
        {
            "id": "en-other",
            "text": "Russian jets killed two in Maarat al-Numan.",
            "published": DAY,
            "language": "en",
        },
    ]
    claims = []
    for doc, where, killed in (("ar", place, 5), ("en", place, 5), ("en-other", other, 2)):
        c = claim_json(place=where, event=event, perpetrator=group, killed=killed, day=DAY)
        text = next(d["text"] for d in docs if d["id"] == doc)
        c["spans"] = [[0, len(text)]]
        claims.append({"id": doc, "claims": [c]})
    out = tmp_path / "incidents.jsonl"
    link_files(_jsonl(tmp_path / "c.jsonl", claims), _jsonl(tmp_path / "d.jsonl", docs), out)
    incidents = [json.loads(line) for line in out.read_text().splitlines()]
    groups = sorted(sorted(m["id"] for m in i["members"]) for i in incidents)
    assert groups == [["ar", "en"], ["en-other"]]
    linked = next(i for i in incidents if len(i["members"]) == 2)
    link = linked["links"][0]
    assert link["features"]["text_similarity"]["compared"] is False
    assert "same day" in link["matched"]
    assert "same perpetrator (russia, russia)" in link["matched"]


def test_arabic_words_are_compared_folded_and_without_the_article():
    from factfinder.link.text import read_words

    _, words = read_words("قصف على الميادين وبالميادين، والمَيادين: ميادين")
    assert words.count("ميادين") == 1 and "الميادين" not in words
    # Page furniture glued to a post splits from it; hamza forms fold.
    _, words = read_words("comمقتل 4 أشخاص بصاروخ إيراني")
    assert "اشخاص" in words and "ايراني" in words
    assert not any("com" in w for w in words)
    # Latin-script words in Arabic sentences are the page's furniture; English keeps its words.
    _, words = read_words("Shared with Public مقتل طفلين بقصف على بلدة كفرنبل")
    assert "shared" not in words and "public" not in words and "كفرنبل" in words
    _, words = read_words("Shelling killed two children in Kafranbel, the civil defence said.")
    assert "kafranbel" in words and "shelling" in words
    # A word that merely begins with a preposition's letter keeps it when too short to be one
    # glued to a word.
    _, words = read_words("قصف بلدة كفرنبل")
    assert "بلده" in words and "كفرنبل" in words
    # A conjunction and a preposition glued to a word without the article come off, so "in the
    # city of" and "and the aircraft" read as in a report that writes them apart.
    _, one = read_words("قصف بمدينة إدلب وطيران روسي ولمنطقة")
    _, two = read_words("مدينة إدلب طيران روسي منطقة")
    assert set(two) <= set(one)
    # Words broken with tatweel to slip past a platform's filter are mended.
    _, words = read_words("سقوط قتـ ـلى بانفـ ـجار في المدينة")
    assert "قتلي" in words and "انفجار" in words
