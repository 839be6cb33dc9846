"""Who says so: belligerents speak for themselves, and several claimants are several claims.

A command, a defence ministry, an army statement relayed by state media, a faction's media
centre: the claimant is a party to the conflict, not the medium that carries it. Two claimants
with competing figures in one report are two claims, each with its own figures (never their
sum), and the second one is about the same incident. The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.extract.attribution import claimant_type
from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document


def claims(text: str, *, publisher: str | None = None) -> list[Claim]:
    return list(extract_document(Document(id="t", text=text, publisher=publisher)).claims)


def killed(c: Claim, key: str) -> int | None:
    r = c.killed.get(key)
    return None if r is None else r.min


@pytest.mark.parametrize(
    "name",
    [
        "CENTCOM",
        "U.S. Central Command",
        "CJTF-OIR",
        "Combined Joint Task Force-Operation Inherent Resolve",
        "the Russian defence ministry",
        "the Russian Reconciliation Centre",
        "Turkey's Ministry of National Defence",
        "the IDF",
        "the SDF media centre",
        "the IRGC",
        "Hezbollah's media unit",
        "Amaq",
        "HTS",
        "the Syrian army",
        "Turkey",
        "Israel",
    ],
)
def test_belligerents_are_parties_to_the_conflict(name: str) -> None:
    assert claimant_type(name) == "party_to_conflict"


def test_the_sdf_and_turkey_are_two_claims_never_one_of_23() -> None:
    sdf, turkey = claims(
        "The SDF said 8 civilians were killed in Turkish shelling on Ain Issa; Turkey's "
        "defence ministry said 15 terrorists were neutralised."
    )
    assert (sdf.claimant.name, sdf.claimant.type) == ("SDF", "party_to_conflict")
    assert sdf.stance == "alleges" and sdf.perpetrator.group == "turkey"
    assert (killed(sdf, "civilians"), killed(sdf, "total"), killed(sdf, "combatants")) == (
        8,
        8,
        None,
    )

    assert turkey.claimant.name == "Turkey's defence ministry"
    assert turkey.claimant.type == "party_to_conflict"
    assert turkey.stance == "admits" and turkey.perpetrator.group == "turkey"
    assert (killed(turkey, "combatants"), killed(turkey, "civilians")) == (15, None)
    # about the same incident: its event type and place, by reference
    assert turkey.event_type == sdf.event_type == "shelling"
    assert turkey.places == sdf.places


def test_the_same_two_claimants_in_two_sentences() -> None:
    sdf, turkey = claims(
        "The SDF said 8 civilians were killed in Turkish shelling on Ain Issa on Sunday. "
        "Turkey's defence ministry said 15 terrorists were neutralised in the area."
    )
    assert (killed(sdf, "civilians"), sdf.stance) == (8, "alleges")
    assert (killed(turkey, "combatants"), turkey.stance) == (15, "admits")


def test_state_media_and_a_monitor_keep_their_own_figures() -> None:
    sana, sohr = claims(
        "SANA said 12 civilians were killed when terrorists fired rockets on Aleppo city; "
        "the Syrian Observatory for Human Rights said 4 people were killed."
    )
    assert (sana.claimant.name, sana.claimant.type, killed(sana, "total")) == (
        "SANA",
        "state_media",
        12,
    )
    assert (sohr.claimant.type, killed(sohr, "total")) == ("monitor", 4)
    assert sohr.event_type == sana.event_type


def test_rescuers_and_the_russian_ministry() -> None:
    rescuers, ministry = claims(
        "The White Helmets said Russian strikes killed 15 civilians in Idlib on Monday; the "
        "Russian defence ministry said its aircraft destroyed a militant depot there, killing "
        "20 terrorists."
    )
    assert (rescuers.claimant.type, rescuers.stance, killed(rescuers, "civilians")) == (
        "ngo",
        "alleges",
        15,
    )
    assert rescuers.perpetrator.group == "russia"
    assert (ministry.claimant.type, ministry.stance, killed(ministry, "combatants")) == (
        "party_to_conflict",
        "admits",
        20,
    )
    assert ministry.perpetrator.group == "russia"


def test_a_monitor_and_the_coalition_s_task_force() -> None:
    monitor, task_force = claims(
        "The Syrian Observatory said coalition strikes killed 17 civilians in Hajin on Friday. "
        "CJTF-OIR said the strikes killed 6 ISIS fighters."
    )
    assert (monitor.claimant.type, killed(monitor, "civilians")) == ("monitor", 17)
    assert (task_force.claimant.name, task_force.claimant.type) == ("CJTF-OIR", "party_to_conflict")
    assert task_force.stance == "admits"
    assert task_force.perpetrator.group == "us_led_coalition"
    assert (killed(task_force, "combatants"), killed(task_force, "civilians")) == (6, None)


def test_state_media_and_the_idf() -> None:
    sana, idf = claims(
        "SANA said Israeli missiles killed 2 soldiers near Damascus airport overnight. The IDF "
        "said it struck Iranian targets, killing 7 IRGC members."
    )
    assert (sana.claimant.type, sana.perpetrator.group, killed(sana, "total")) == (
        "state_media",
        "israel",
        2,
    )
    assert (idf.claimant.name, idf.stance, idf.perpetrator.group) == ("IDF", "admits", "israel")
    assert killed(idf, "total") == 7


def test_an_army_statement_relayed_by_state_media_is_the_army_s() -> None:
    [c] = claims(
        "Syrian Arab Army units destroyed terrorist positions near Kafr Nabl in Idlib, killing "
        "20 terrorists, an army statement quoted by SANA said."
    )
    # "an army statement": the army named before ("Syrian Arab Army units")
    assert (c.claimant.name, c.claimant.type) == ("Syrian Arab Army", "party_to_conflict")
    assert c.perpetrator.group == "syrian_government"
    assert c.stance == "admits"


def test_a_faction_s_media_centre_speaking_of_our_forces() -> None:
    [c] = claims(
        "Our forces killed 7 Turkish-backed mercenaries who attacked our positions near Ain "
        "Issa, the SDF media centre said."
    )
    assert (c.claimant.name, c.claimant.type) == ("SDF media centre", "party_to_conflict")
    assert c.perpetrator.group == "sdf_ypg"
    assert c.stance == "admits"


def test_a_military_source_telling_state_media() -> None:
    [c] = claims(
        "Army helicopters targeted HTS positions near Kafr Nabl, killing 14 terrorists, a "
        "military source told SANA."
    )
    assert (c.claimant.name, c.claimant.type) == ("military source", "party_to_conflict")
    assert killed(c, "combatants") == 14


def test_independent_reporters_figures_of_one_incident_stay_together() -> None:
    # Wounded given by a second reporter complete the claim; no party is involved.
    [c] = claims(
        "A car bomb killed 9 people in the market of Azaz on Saturday, local sources said. "
        "Doctors at the town's hospital said 30 people were wounded."
    )
    assert killed(c, "total") == 9
    assert c.injured.total is not None and c.injured.total.min == 30


def test_a_party_s_breakdown_of_the_dead_is_part_of_the_toll() -> None:
    [c] = claims(
        "At least 20 people were killed in a car bomb at a checkpoint in Jarablus, the Syrian "
        "Observatory said. The Syrian National Army said 14 of the dead were its fighters."
    )
    assert killed(c, "total") == 20
    assert c.claimant.type == "monitor"


def test_an_unnamed_wire_lede_credited_later_is_one_claim() -> None:
    [c] = claims(
        "At least 19 people were killed in airstrikes on the town of Douma on Tuesday. "
        "At least 19 civilians were killed in the raids, the Syrian Observatory said."
    )
    assert killed(c, "total") == 19
    assert c.claimant.type == "monitor"


@pytest.mark.parametrize(
    ("ministry", "group"),
    [
        ("Turkey's Ministry of National Defence", "turkey"),
        ("The Russian foreign ministry", "russia"),
        ("Syria's foreign ministry", "syrian_government"),
        ("Iran's foreign ministry", "iran"),
    ],
)
def test_a_ministry_speaks_for_its_state(ministry: str, group: str) -> None:
    alleged, denial = claims(
        f"Activists said an airstrike killed 10 civilians in Maarat al-Numan on Friday. "
        f"{ministry} rejected the accusations."
    )
    assert alleged.stance == "alleges"
    assert (denial.stance, denial.perpetrator.group) == ("denies", group)
    assert denial.claimant.type == "party_to_conflict"


def test_a_minister_announcing_is_not_an_attacker() -> None:
    [c] = claims(
        "A statement by the French foreign minister followed reports that Russian jets "
        "killed 12 people in Khan Sheikhoun, activists said."
    )
    assert c.perpetrator.group == "russia"


def primary(text: str) -> Claim:
    return next(c for c in claims(text) if c.primary)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "A drone strike on Monday killed three people in the village of Tal Jihan, north of "
            "Hasakah, a local source told North Press.",
            "local source",
            "witness",
        ),
        (
            "Shelling killed two people in the town of Ariha on Monday, a military source told "
            "SANA.",
            "military source",
            "party_to_conflict",
        ),
        (
            "Airstrikes killed four civilians near Saraqib, an activist said.",
            "activist",
            "monitor",
        ),
        # a country after a compass word is where, not a state speaking
        (
            "Two civilians were killed on Wednesday in a Turkish drone strike near Tal Tamr, in "
            "Hasakah, northeast Syria, a local source said.",
            "local source",
            "witness",
        ),
        (
            "An ISIS attack killed three shepherds near Tuz Khurmatu, in northern Iraq, a "
            "security source told the state news agency.",
            "security source",
            "party_to_conflict",
        ),
    ],
)
def test_a_speaker_after_a_comma_is_the_claimant_not_the_place_before_it(
    text: str, name: str, kind: str
) -> None:
    c = primary(text)
    assert (c.claimant.name, c.claimant.type) == (name, kind)


def test_civilians_reported_killed_is_a_figure_not_a_claimant() -> None:
    c = primary(
        "Incident code: CS1234\nLocation: Al Bab, Aleppo governorate\nCivilians reported "
        "killed: 4-6\nAt least four civilians were killed when artillery shelled al-Bab, "
        "according to local sources."
    )
    assert (c.claimant.name, c.claimant.type) == ("local sources", "witness")


@pytest.mark.parametrize(
    ("office", "group"),
    [
        ("Ministry of Defence of the Russian Federation", "russia"),
        ("Ministry of National Defence of the Republic of Türkiye", "turkey"),
        (
            "General Command of the Army of the Syrian Arab Republic",
            "syrian_government",
        ),
    ],
)
def test_an_office_named_after_its_state_admits_its_own_strikes(office: str, group: str) -> None:
    c = primary(
        f"Statement from the {office}\n\nOver the past day, our forces struck positions of "
        "terrorists near the town of Saraqib, eliminating up to 30 militants."
    )
    assert c.claimant.type == "party_to_conflict"
    assert (c.perpetrator.group, c.stance) == (group, "admits")


# A statement's lead-in names its speaker: "CJTF-OIR statement: …", "Statement from …: …" -----

LEAD_INS = [
    ("CJTF-OIR", "Coalition forces", "us_led_coalition"),
    ("U.S. Central Command", "U.S. forces", "us_led_coalition"),
    ("Russian Ministry of Defence", "Russian aircraft", "russia"),
    ("Turkish Ministry of National Defence", "Turkish artillery", "turkey"),
    ("IDF", "Israeli aircraft", "israel"),
    ("SDF Media Center", "SDF forces", "sdf_ypg"),
]


@pytest.mark.parametrize(("speaker", "force", "group"), LEAD_INS)
@pytest.mark.parametrize("frame", ["{s} statement: {t}", "Statement from the {s}: {t}"])
def test_a_lead_in_names_the_party_that_speaks(
    frame: str, speaker: str, force: str, group: str
) -> None:
    body = (
        f"On March 3, {force} conducted a strike near Al-Bab targeting a weapons depot. "
        "An investigation found that two civilians were unintentionally killed. "
        "We regret the unintentional loss of life."
    )
    c = next(c for c in claims(frame.format(s=speaker, t=body)) if c.primary)
    assert c.claimant.name is not None and speaker in c.claimant.name
    assert c.claimant.type == "party_to_conflict"
    assert c.perpetrator is not None and c.perpetrator.group == group
    assert c.stance == "admits"
    assert killed(c, "civilians") == 2


def test_a_lead_in_of_no_party_names_no_party() -> None:
    text = "Local sources said: a drone struck a car near Idlib, killing two civilians."
    c = next(c for c in claims(text) if c.primary)
    assert c.claimant.type != "party_to_conflict"


@pytest.mark.parametrize(
    "publisher", ["Human Rights Watch", "Amnesty International", "Syrian Network for Human Rights"]
)
def test_an_investigator_s_new_line_speaks_in_its_own_voice(publisher: str) -> None:
    text = (
        "Since April 2019, government forces have conducted hundreds of attacks in Idlib, "
        "killing at least 1,600 civilians, according to the Syria Civil Defence.\n"
        "This report documents one of them. On July 22, 2019, airstrikes hit the vegetable "
        "market in Maarat al-Numan, killing at least 39 civilians, including 5 children."
    )
    c = next(c for c in claims(text, publisher=publisher) if c.primary)
    assert c.killed.civilians is not None and c.killed.civilians.min == 39
    assert c.claimant.name == publisher


@pytest.mark.parametrize(
    ("header", "name", "kind"),
    [
        ("Human Rights Watch\n", "Human Rights Watch", "ngo"),
        ("Amnesty International\n", "Amnesty International", "ngo"),
    ],
)
def test_an_ngo_s_bracketed_dateline_is_neither_its_source_nor_the_place(
    header: str, name: str, kind: str
) -> None:
    c = primary(
        f"{header}(Beirut) – Syrian government forces used cluster munitions in an attack on a "
        "school in Idlib city on February 25, killing seven civilians including three children."
    )
    assert (c.claimant.name, c.claimant.type) == (name, kind)
    assert "Beirut" not in [p.name for p in c.places]
    assert c.perpetrator.group == "syrian_government"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Local sources in eastern Syria reported that a coalition drone strike on Thursday "
            "killed two civilians riding a motorcycle near al-Shuhayl.",
            "Local sources",
            "witness",
        ),
        (
            "Activists in the southern countryside of Idlib said two children were killed by "
            "regime shelling on Kafranbel.",
            "Activists",
            "monitor",
        ),
        (
            "Residents in Maarat al-Numan told reporters that a Russian airstrike killed five "
            "people at the market.",
            "Residents in Maarat al-Numan",  # a name with its place is still the people
            "witness",
        ),
        (
            "Medics in Gaza City said an Israeli strike on a school killed 12 people.",
            "Medics in Gaza City",
            "witness",
        ),
        # the body a source belongs to is its name, not a place
        (
            "Terrorists fired rocket shells on al-Midan neighbourhood, killing two civilians, a "
            "source at Aleppo Police Command told SANA.",
            "Aleppo Police Command",
            "party_to_conflict",
        ),
    ],
)
def test_people_reporting_from_a_place_are_the_claimant_not_the_place(
    text: str, name: str, kind: str
) -> None:
    c = primary(text)
    assert (c.claimant.name, c.claimant.type) == (name, kind)


def test_an_unnamed_source_after_a_comma_is_not_the_victims_unit() -> None:
    c = primary(
        "A Turkish drone strike near Amuda killed three members of the Kurdish internal security "
        "forces on Saturday, a source told North Press."
    )
    assert c.claimant.name == "source"
    assert c.claimant.type == "unknown"
    assert c.perpetrator is not None and c.perpetrator.group == "turkey"


def test_a_page_s_breadcrumb_is_no_claimant() -> None:
    c = primary(
        "Home / Reports\nTurkish occupation drone kills 2 civilians near Tal Tamr\nANHA\nTwo "
        "civilians were killed when a Turkish drone targeted a car near Tal Tamr."
    )
    assert c.claimant.name == "ANHA (Hawar News Agency)"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # people who told an investigating organisation: its finding, they its evidence
        (
            "Two witnesses told Amnesty International that regime helicopters dropped barrel "
            "bombs on the market in Daraya, killing 11 civilians.",
            "Amnesty International",
        ),
        (
            "A strike hit a school in Idlib city on February 25, 2020, killing a teacher and two "
            "children, residents told Human Rights Watch.",
            "Human Rights Watch",
        ),
        # people who told a news agency are the claimant
        ("A resident told AFP that five people were killed in the strike on Saraqeb.", "resident"),
    ],
)
def test_people_who_told_an_investigator(text: str, name: str) -> None:
    (claim,) = claims(text)
    assert claim.claimant is not None and claim.claimant.name == name


@pytest.mark.parametrize(
    ("who", "name", "kind"),
    [
        ("rescuers", "rescuers", "ngo"),
        ("a nurse", "nurse", "witness"),
        ("hospital officials", "hospital officials", "witness"),
        # a governing authority's office, as a health ministry is
        ("the health directorate", "health directorate", "party_to_conflict"),
    ],
)
def test_describable_sources_at_a_sentences_end(who: str, name: str, kind: str) -> None:
    (claim,) = claims(
        f"Russian warplanes struck a market in Maarat al-Numan, killing nine civilians, {who} said."
    )
    assert claim.claimant is not None
    assert (claim.claimant.name, claim.claimant.type) == (name, kind)
