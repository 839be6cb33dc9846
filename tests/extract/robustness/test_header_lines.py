"""Captures whose first lines name who speaks: a page's or account's name, a party's office.

A captured post or release starts with header lines, not prose: the account's name and handle
("Syrian Civil Defence / @SyriaCivilDef"), the page's name ("Hawar News Agency - English"), a
party's office ("U.S. Central Command / Press Release", "Ministry of Defence of the Russian
Federation"). Such a line is a line of its own (never glued to the lede it stands above), names
the publisher when the file carries none, and a party publishing its own release speaks as a
party. A transliteration the gazetteer spells otherwise ("Maarat Misrin" for Maarratmisrin) is
still the town. Every text here is written for this suite; each party appears in the frames.
"""

from __future__ import annotations

import pytest

from factfinder.extract.pipeline import Extractor
from factfinder.extract.sentences import split_sentences
from factfinder.model import Claim, Document


def primary(text: str) -> Claim:
    claims = Extractor().extract(Document("t", text)).claims
    return next(c for c in claims if c.primary)


# (text, claimant name, claimant type, perpetrator group, stance)
CAPTURES = [
    (
        "Syrian Civil Defence\n@SyriaCivilDef\n·\nFollow\nTwo children were killed when regime "
        "forces shelled the town of Darat Izza in western Aleppo countryside this morning, and "
        "our teams pulled their bodies from under the rubble.\n9:41 AM · Nov 14, 2023",
        "Syria Civil Defence (White Helmets)",
        "ngo",
        "syrian_government",
        "alleges",
    ),
    (
        "Hawar News Agency - English\nDecember 1, 2024 · Shared with Public\nA Turkish drone "
        "targeted a civilian car near the town of Tal Tamr in the countryside of Hasakah, "
        "killing three civilians, including a woman, and wounding two others.",
        "ANHA (Hawar News Agency)",
        "party_to_conflict",
        "turkey",
        "alleges",
    ),
    (
        "Syrian Observatory for Human Rights\nRussian warplanes kill five civilians in Idlib "
        "countryside\nMarch 7, 2022\nSOHR: Russian warplanes carried out several airstrikes on "
        "the outskirts of Kafr Nobol town in southern Idlib countryside this afternoon, killing "
        "five civilians, including two children and a woman.",
        "Syrian Observatory for Human Rights",
        "monitor",
        "russia",
        "alleges",
    ),
    (
        "U.S. Central Command\nPress Release\nCENTCOM Strike Kills ISIS Leader in Syria\n"
        "Jan. 12, 2024\n\nU.S. Central Command forces conducted a strike in Raqqa province on "
        "Jan. 11, killing a senior ISIS official. There are no indications that any civilians "
        "were injured in this operation.",
        "U.S. Central Command",
        "party_to_conflict",
        "us_led_coalition",
        "admits",
    ),
    (
        "Ministry of Defence of the Russian Federation\nStatement by the Head of the Russian "
        "Centre for Reconciliation\nOn October 5, 2023, terrorists of Hayat Tahrir al-Sham "
        "shelled residential areas of Aleppo city from the Idlib de-escalation zone. As a "
        "result, four civilians were killed and nine injured.",
        "Ministry of Defence of the Russian Federation",
        "party_to_conflict",
        "hts_nusra",
        "alleges",
    ),
    (
        "SDF Media Center\nStatement to the public opinion\nThe Turkish occupation army and its "
        "mercenaries shelled the village of Arima west of Manbij with artillery this morning, "
        "killing two civilians and wounding five others.",
        "SDF Media Center",
        "party_to_conflict",
        "turkey",
        "alleges",
    ),
    (
        "Turkish Ministry of National Defence\nPress Statement\nIn the Operation Claw-Lock "
        "region, our heroic commandos neutralised 12 PKK/YPG terrorists who were preparing an "
        "attack on our bases near Tal Rifaat.",
        "Turkish Ministry of National Defence",
        "party_to_conflict",
        "turkey",
        "admits",
    ),
    (
        "Israel Defense Forces\n@IDF\nOvernight, IDF fighter jets struck Hezbollah weapons "
        "depots in the area of Qusayr in Syria. The IDF said no civilians were harmed in the "
        "strikes.",
        "Israel Defense Forces",
        "party_to_conflict",
        "israel",
        "admits",
    ),
    (
        "Syrian Network for Human Rights\nSNHR documents the killing of six civilians in a car "
        "bomb in al-Bab\nOn Tuesday morning, a car bomb exploded in the vegetable market of "
        "the city of al-Bab in Aleppo countryside, killing six civilians, including a child.",
        "Syrian Network for Human Rights",
        "monitor",
        "unknown",
        "alleges",
    ),
    # A header line that is only a party's name, acronym or command (with "statement"):
    (
        "IDF\n@IDF\nOvernight, IDF fighter jets struck Hamas targets in Khan Younis. Two "
        "terrorists were eliminated.\n2:05 AM · Dec 3, 2023",
        "IDF",
        "party_to_conflict",
        "israel",
        "admits",
    ),
    (
        "Somalia: US AFRICOM statement\nU.S. Africa Command conducted an airstrike near "
        "Jamaame on Feb. 22, killing 8 al-Shabaab fighters.",
        "US AFRICOM",
        "party_to_conflict",
        "us_led_coalition",
        "admits",
    ),
    (
        "Press Release\nCombined Joint Task Force – Operation Inherent Resolve\nJune 4, 2017\n"
        "Coalition forces conducted 21 strikes against ISIS targets near Raqqah on June 3, "
        "killing 14 ISIS fighters.",
        "Combined Joint Task Force – Operation Inherent Resolve",
        "party_to_conflict",
        "us_led_coalition",
        "admits",
    ),
    (
        "Iraqi Security Media Cell\nAn ISIS terrorist blew himself up among a group of PMF "
        "fighters in Tarmiyah, killing five fighters.",
        "Security Media Cell",
        "party_to_conflict",
        "isis",
        "alleges",
    ),
    (
        "Mwatana for Human Rights\nOn 13 June 2021, a ballistic missile launched by the "
        "Houthis struck a gas station in Marib city, killing 17 civilians.",
        "Mwatana for Human Rights",
        "ngo",
        "other",
        "alleges",
    ),
    (
        "Airwars\n@airwars\nIsraeli strikes on the town of Qusayr, Homs on the night of Feb 3 "
        "reportedly killed two civilians according to local sources, while the IDF said it "
        "struck Hezbollah weapons depots.\n10:02 PM · Feb 4, 2024",
        "local sources",
        "witness",
        "israel",
        "alleges",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind", "group", "stance"), CAPTURES)
def test_the_header_names_who_speaks(
    text: str, name: str, kind: str, group: str, stance: str
) -> None:
    c = primary(text)
    assert (c.claimant.name, c.claimant.type) == (name, kind)
    assert c.perpetrator.group == group
    assert c.stance == stance


def test_a_statement_by_an_office_is_headed_by_the_office() -> None:
    c = primary(
        "Statement by the Ministry of Foreign Affairs and Expatriates\n\nTerrorist groups "
        "targeted the town of Mhardeh in Hama countryside with rockets on Sunday, killing "
        "three civilians, among them a child."
    )
    assert (c.claimant.name, c.claimant.type) == (
        "Ministry of Foreign Affairs and Expatriates",
        "party_to_conflict",
    )


@pytest.mark.parametrize(
    "headline",
    [
        "CENTCOM Forces Strike ISIS Camps in Syria",
        "Syrian Army Forces Repel Attack in Hama Countryside",
        "Turkish Forces Hit Villages Near SDF Council Offices",
    ],
)
def test_a_headline_about_an_office_does_not_name_the_speaker(headline: str) -> None:
    c = primary(
        f"{headline}\n\nAirstrikes hit several positions near the village of Tal Tamr in "
        "Hasakah countryside overnight, killing four people."
    )
    assert (c.claimant.name, c.claimant.type) == (None, "unknown")


def test_a_header_line_is_a_sentence_of_its_own() -> None:
    text = CAPTURES[4][0]
    sentences = [s.text for s in split_sentences(text).sentences]
    assert sentences[0] == "Ministry of Defence of the Russian Federation"
    assert sentences[1].startswith("Statement by the Head")
    assert sentences[2].startswith("On October 5, 2023, terrorists")


def test_hard_wrapped_prose_is_not_cut_at_its_line_ends() -> None:
    text = (
        "Russian warplanes struck the town of Saraqib on Sunday, killing four\n"
        "civilians, the Syrian Civil Defence said in a statement on its website."
    )
    assert len(split_sentences(text).sentences) == 1


def test_a_transliteration_spelled_otherwise_is_the_town() -> None:
    c = primary(
        "Russian warplanes struck homes in the town of Maarat Misrin in northern Idlib "
        "province on Sunday, killing four civilians, rescuers said."
    )
    assert c.places[0].name == "Maarratmisrin" and c.places[0].precision == "town"


# A speaker opening the post with a colon, and an agency signing its end.
LEAD_SPEAKERS = [
    (
        "SOHR: Israeli missiles kill 4 Iranian-backed militiamen and a civilian near Damascus "
        "airport",
        "Syrian Observatory for Human Rights",
        "monitor",
    ),
    (
        "Russian Reconciliation Centre: Over the past 24 hours, militants of Hayat Tahrir "
        "al-Sham shelled Kabani in Latakia province, killing two civilians.",
        "Russian Reconciliation Centre",
        "party_to_conflict",
    ),
    (
        "SDF Media Center: Turkish drones struck a car near Amuda, killing three civilians.",
        "SDF Media Center",
        "party_to_conflict",
    ),
    (
        "Two civilians were killed and five others wounded in Turkish shelling of the village "
        "of Ain Issa on Saturday. ANHA",
        "ANHA (Hawar News Agency)",
        "party_to_conflict",
    ),
    (
        "Five civilians were killed when terrorists shelled residential areas of Aleppo city "
        "with rockets. - SANA",
        "SANA",
        "state_media",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), LEAD_SPEAKERS)
def test_a_lead_speaker_or_a_closing_agency_is_the_claimant(
    text: str, name: str, kind: str
) -> None:
    c = primary(text)
    assert (c.claimant.name, c.claimant.type) == (name, kind)


@pytest.mark.parametrize("lead", ["Aleppo province", "BREAKING", "Syria", "Update"])
def test_a_place_or_a_label_before_a_colon_speaks_for_nobody(lead: str) -> None:
    c = primary(f"{lead}: Russian jets struck Ariha, killing four civilians.")
    assert c.claimant.name is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("One vendor, Ahmad, said he saw the bodies of three children near his stall.", "Ahmad"),
        ("A medic, Samer, said they received 14 bodies that day.", "Samer"),
        ("A resident, Fatima, said it was the third strike on the market.", "Fatima"),
    ],
)
def test_a_pronoun_after_said_opens_what_was_said(sentence: str, name: str) -> None:
    from factfinder.extract.attribution import find_claimants

    assert [c.name for c in find_claimants(sentence)] == [name]


REPORT = (
    "On the morning of January 15, 2020, an airstrike hit the crowded vegetable market in "
    "Ariha, killing at least 14 civilians, including 5 children.\n\n"
    "One vendor, Ahmad, said he saw the bodies of three children near his stall."
)


@pytest.mark.parametrize(
    ("publisher", "kind"),
    [
        ("Human Rights Watch", "ngo"),
        ("Syrian Network for Human Rights", "monitor"),
        ("Airwars", "monitor"),
    ],
)
def test_an_investigator_s_own_report_is_its_own_claim(publisher: str, kind: str) -> None:
    claims = Extractor().extract(Document("t", REPORT, publisher=publisher)).claims
    c = next(c for c in claims if c.primary)
    assert (c.claimant.name, c.claimant.type) == (publisher, kind)


def test_a_news_story_credits_the_source_it_quotes() -> None:
    text = (
        "At least 19 people were killed in air strikes on Ariha on Tuesday. At least 19 "
        "civilians were killed in the raids, the Syrian Observatory for Human Rights said."
    )
    claims = Extractor().extract(Document("t", text, publisher="Levant Wire")).claims
    c = next(c for c in claims if c.primary)
    assert c.claimant.name == "Syrian Observatory for Human Rights"


def test_an_investigator_s_new_paragraph_speaks_in_its_own_voice_again() -> None:
    text = (
        "Between January and March 2017, forces killed at least 440 civilians in Idlib, "
        "according to local monitors.\n\n"
        "On October 26, 2016, aircraft struck a school complex in the village of Haas, killing "
        "35 civilians, among them 22 children."
    )
    claims = Extractor().extract(Document("t", text, publisher="Human Rights Watch")).claims
    haas = next(c for c in claims if c.killed.civilians and c.killed.civilians.min == 35)
    period = next(c for c in claims if c.killed.civilians and c.killed.civilians.min == 440)
    assert haas.claimant.name == "Human Rights Watch"
    assert period.claimant.name == "local monitors"


@pytest.mark.parametrize("line", ["Russian warplanes", "Turkish Drones", "Coalition Airstrikes"])
def test_a_force_on_a_header_line_is_no_speaker(line: str) -> None:
    c = primary(f"{line}\nJets struck the town of Ariha on Monday, killing four civilians.")
    assert c.claimant.type != "party_to_conflict"


def test_the_commission_of_inquiry_by_its_full_name_heads_its_own_report() -> None:
    claim = primary(
        "Commission of Inquiry on the Syrian Arab Republic\n"
        "On 22 July 2019, at approximately 9:20 a.m., an airstrike hit the market in Maarat "
        "al-Numan, Idlib, killing 43 civilians, including 5 women and 8 children. The Commission "
        "has reasonable grounds to believe that the attack was carried out by pro-government "
        "forces."
    )
    assert claim.claimant is not None
    assert (claim.claimant.name, claim.claimant.type) == ("UN Commission of Inquiry on Syria", "un")
