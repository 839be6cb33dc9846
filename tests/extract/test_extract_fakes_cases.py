"""Whole-pipeline cases from FA-KES articles: which place, event type and perpetrator a claim gets.

Each text is an excerpt of a FA-KES article (F. K. Abu Salem, R. Al Feel, S. Elbassuoni,
M. Jaber, M. Farah, *FA-KES: A Fake News Dataset around the Syrian War*, ICWSM 2019; CC BY 4.0),
kept as the dataset prints it (no commas or apostrophes), shortened where marked "...".
Those marked UCDP are source headlines of the UCDP Georeferenced Event Dataset (Sundberg &
Melander 2013; Högbladh 2019; CC BY 4.0).
"""

from __future__ import annotations

import datetime as dt

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)
pytest.importorskip("factfinder.extract.dates")

from factfinder.extract.pipeline import Extractor  # noqa: E402
from factfinder.model import Claim, Document  # noqa: E402


def primary(text: str, title: str | None = None, published: str | None = None) -> Claim:
    doc = Document(
        "t", text, title=title, published=dt.date.fromisoformat(published) if published else None
    )
    found = [c for c in Extractor().extract(doc).claims if c.primary]
    assert found, "no primary claim"
    return found[0]


def test_a_dateline_city_after_the_date_line_is_not_the_incident_place() -> None:
    c = primary(
        "Last updated at Jan 202015 Beirut Syrian government air strikes on Tuesday killed at "
        "least 39 people more than half of them civilians in two main battlegrounds in the "
        'north of the country a monitor said. "The Syrian Observatory for Human Rights has '
        "documented the deaths of at least 27 people... in air strikes targeting the outskirts "
        'of Tal Hamis" said the Britain-based organisation.'
    )
    assert [p.name for p in c.places][:1] != ["Beirut"]
    assert c.places and c.places[0].admin1 == "Al-Hasakah"


def test_a_photo_caption_does_not_place_the_incident() -> None:
    c = primary(
        "Last updated at Jul 152015 A member of the Syrian regime forces runs near destroyed "
        "buildings in the northeastern Syrian city of Hasakeh on Monday (AFP photo) BEIRUT "
        "Thirteen civilians among them seven children were killed in aerial attacks by Syrias "
        "government Wednesday on the northern province of Aleppo a monitoring group said."
    )
    assert c.places[0].admin1 == "Aleppo"
    assert all(p.admin1 != "Al-Hasakah" for p in c.places)


def test_the_place_the_victims_came_from_is_not_where_they_died() -> None:
    c = primary(
        "Nearly 70 children were among those killed when a suicide car bombing tore through "
        "buses carrying evacuees from besieged government-held towns in Syria a monitor said on "
        "Sunday. Saturdays blast hit a convoy carrying residents from the northern towns of "
        "Fuaa and Kafraya as they waited at a transit point in rebel-held Rashidin west of "
        "Aleppo."
    )
    assert c.places[0].admin1 == "Aleppo"
    # the towns the evacuees came from are no place of the bombing: the text names that one
    assert "Idlib" not in {p.admin1 for p in c.places}


def test_the_place_named_after_the_death_verb_comes_first() -> None:
    c = primary(
        "03-04-2016 Syrian Army Retakes Qaryatain City in Homs Kills over 50 Terrorists in Hama. "
        "Syrian army units and the supporting forces fully retook the al-Qaryatain city in Homs."
    )
    assert c.places[0].admin1 == "Hama"


def test_an_earlier_attack_named_as_a_time_reference_does_not_place_the_incident() -> None:
    c = primary(
        "Date of publication 4 April 2017 At least 19 people were killed near the Syrian capital "
        "on Tuesday including six children just hours after a suspected chemical gas attack "
        "left dozens dead in the Khan Sheikhun. Six children were among the dead in Eastern "
        "Ghouta the largest rebel bastion near Damascus."
    )
    assert c.places[0].admin1 in ("Rif Dimashq", "Damascus")


def test_a_place_that_speaks_is_a_government_or_a_broadcaster() -> None:
    c = primary(
        "More than 33 people were killed in Syrian regime and Russian bombing on Wednesday "
        "despite Damascus promises of a truce. Three children were killed in five separate air "
        "raids on Jisr al-Shigour in Idlib province."
    )
    assert c.places[0].admin1 == "Idlib"


def test_a_sentence_about_the_assault_gives_the_place_it_lacked() -> None:
    c = primary(
        "13-12-2014 Kurdish Forces Kill 16 ISIL Terrorists in Syria. Kurdish forces killed at "
        "least 16 ISIL terrorists in an attack on Saturday in northeast Syria near the border "
        "with Turkey the UK-based opposing Syrian Observatory. The assault targeted ISIL "
        "positions south of the town of Ras al-Ain in Hasakeh province the group added. The "
        "Observatory also reported clashes at the terrorist-besieged border town of Kobani some "
        "100 kilometers (60 miles) away."
    )
    assert c.places[0].admin1 == "Al-Hasakah"
    assert all(p.admin1 != "Aleppo" for p in c.places)  # Kobani is another report


def test_fighters_named_away_from_the_toll_do_not_make_the_dead_fighters() -> None:
    c = primary(
        "Last updated at Apr 152017 A suicide car bomb attack on buses carrying Syrians "
        "evacuated from two besieged government-held towns killed 43 people on Saturday. The "
        "suicide bomber was driving a van supposedly carrying aid supplies and detonated near "
        "the buses. Thousands of evacuees had been stuck on the road because of a disagreement "
        "over the number of rebels leaving the besieged towns."
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 43


def test_the_place_of_the_attack_told_after_the_origin_of_its_victims() -> None:
    c = primary(
        "Last updated at Apr 152017 A suicide car bomb attack on buses carrying Syrians "
        "evacuated from two besieged government-held towns killed 43 people on Saturday. The "
        "Syrian Observatory for Human Rights said the blast targeted buses carrying residents "
        "evacuated from the northern towns of Fuaa and Kafraya. Bodies were still being "
        "recovered from the attack at a transit point in Rashidin west of Aleppo according to "
        "the observatory."
    )
    assert c.event_type == "explosion"
    assert c.places[0].admin1 == "Aleppo"


def test_an_incident_told_without_its_means_takes_them_from_the_next_sentence() -> None:
    c = primary(
        "Last updated at Nov 272017 An intensifying push by the Syrian government and allied "
        "forces to take the last major rebel stronghold near the capital Damascus killed at "
        "least 23 people on Sunday and injured many the Syrian Observatory for Human Rights "
        "said. The group said at least 127 people including 30 children have been killed by air "
        "strikes and shelling since the Syrian army backed by Russian jets began an offensive "
        "nearly two weeks ago."
    )
    assert c.event_type in ("airstrike", "shelling")


def test_an_incident_told_as_clashes_keeps_no_type() -> None:
    c = primary(
        "Sun 10 Jul 2016 29 Syria Rebels Dead in Fighting for Key Aleppo Road. At least 29 "
        "Syrian rebels were killed in clashes with regime troops overnight. Heavy bombing was "
        "heard nearby."
    )
    assert c.event_type == "unknown"


def test_a_concurrent_event_of_other_actors_does_not_place_the_incident() -> None:
    c = primary(
        "26 Jun 2016 Russian and Syrian strikes death toll has risen while SDF fighters make "
        'gains in Manbij. "Three Russian and Syrian regime air raids on the region of '
        'Al-Quriyah southeast of Deir Ezzor city killed 58 civilians" the Syrian Observatory for '
        "Human Rights said."
    )
    assert c.places[0].admin1 == "Deir ez-Zor"


def test_a_round_up_headline_takes_the_governorate_where_someone_died() -> None:
    c = primary(
        "23 October 2016 Terrorist attacks kill a woman injure 9 in Hasaka and Aleppo. A woman "
        "was killed and six other people got injured when a landmine of those left behind by "
        "ISIS terrorists exploded in Jarez village in the northern countryside of Aleppo "
        "province.",
        title="Terrorist attacks kill a woman injure 9 in Hasaka and Aleppo",
    )
    assert c.places[0].admin1 == "Aleppo"


def test_a_chemical_attack_named_as_a_time_reference_does_not_type_the_incident() -> None:
    c = primary(
        "Date of publication 4 April 2017 At least 19 people were killed near the Syrian capital "
        "on Tuesday including six children just hours after a suspected chemical gas attack "
        "left dozens dead in the Khan Sheikhun. At least 19 civilians were killed in heavy "
        "aerial bombardment of several opposition-held towns east of the Syrian capital on "
        "Tuesday a monitoring group said."
    )
    assert c.event_type == "airstrike"


def test_hostages_killed_is_an_execution() -> None:
    c = primary(
        "Thu Aug 28 2014 ISIL terrorists massacre 250 Syrian troops in Raqqa. The notorious ISIL "
        "terrorists have brutally massacred 250 Syrian troops taken hostage at an airbase in "
        "the northern province of Raqqa reports indicate."
    )
    assert c.event_type == "execution"
    assert c.perpetrator.group == "isis"


def test_an_aerial_bomb_is_an_airstrike() -> None:
    c = primary(
        "Monday 21 November 2016 One mother and her child have died after an aerial bomb "
        "targeted their home near Masaken Hanano neighbourhood in eastern Aleppo according to "
        "human rights group."
    )
    assert c.event_type == "airstrike"


def test_the_governorate_of_the_headline_comes_first() -> None:
    text = (
        "Date of publication 22 June 2016 At least 25 civilians have been killed as "
        "international militaries converge on the Islamic State groups de factor Syrian "
        "capital. Tags Raqqa airstrikes IS Syria airstrikes Overnight airstrikes on the Islamic "
        "State groups de facto Syrian capital Raqqa killed 25 civilians a monitoring group said "
        "on Wednesday."
    )
    c = primary(text, title="Scores of civilians killed in airstrikes on Raqqa")
    assert c.places[0].admin1 == "Raqqa"
    # A headline naming a place only as a landmark ("near X") says nothing of the area.
    assert (
        Extractor().headline_area(
            Document("t", "x", title="US Airstrikes Kill 11 Civilians near Syrias Aleppo")
        )
        is None
    )


def test_a_landmark_across_the_border_is_no_place_of_the_incident() -> None:
    # UCDP headlines: the town hit is on the Syrian side; the Turkish city only locates it.
    c = primary("Unknown warplanes target a leader in Darkush area near the border with Iskenderun")
    assert [p.name for p in c.places] == ["Darkush"]
    c = primary(
        "At least 7 members in Jandairis town were injured by an explosion shook the town in "
        "Afrin countryside near the border with Iskenderun"
    )
    assert all(p.country == "SY" for p in c.places)


def test_where_a_speaker_was_is_no_place_of_the_incident() -> None:
    c = primary(
        "The foreign minister said all indications show the government was behind a chemical "
        "attack near Damascus that killed hundreds, speaking on a visit to Ramallah in the West "
        "Bank on Saturday."
    )
    assert [p.name for p in c.places if p.country == "PS"] == []
    assert c.places[0].admin1 == "Damascus"
