"""Casualty counts and their combination (factfinder.extract.casualties).

Sentences marked FA-KES are quoted from the FA-KES dataset: F. K. Abu Salem, R. Al Feel,
S. Elbassuoni, M. Jaber, M. Farah, "FA-KES: A Fake News Dataset around the Syrian War",
ICWSM 2019 (CC BY 4.0, doi:10.5281/zenodo.2607278). The seed sentences are from
samples/seeds/ (Press TV and Radio Habana Cuba, 3 November 2018).
"""

from __future__ import annotations

import pytest

from factfinder.extract.casualties import combine, find_casualties, is_vague, merge
from factfinder.mentions import CountMention
from factfinder.model import Range

Row = tuple[str, int | None, int | None, str, str, int | None]


def rows(text: str) -> list[Row]:
    """(words, min, max, outcome, victims, sub_of) of every count in `text`."""
    return [
        (text[m.start : m.end], m.range.min, m.range.max, m.outcome, m.victims, m.sub_of)
        for m in find_casualties(text)
    ]


def killed(text: str, **options: bool) -> dict[str, tuple[int | None, int | None]]:
    k, _injured, _missing = combine(find_casualties(text), **options)
    return {
        key: (r.min, r.max)
        for key in ("total", "civilians", "children", "women", "men", "combatants")
        if (r := k.get(key)) is not None
    }


# The seed documents.


def test_seed_hajin_civilians_including_children() -> None:
    text = (
        "the Friday airstrikes by the US-led coalition against the eastern town of Hajin "
        "near the Iraqi border, which claimed the lives of at least 26 local civilians, "
        "including 14 children, once again exposed Washington's false claims"
    )
    assert rows(text) == [
        ("at least 26", 26, None, "killed", "civilians", None),
        ("14", 14, 14, "killed", "children", 0),
    ]
    assert killed(text) == {"total": (26, None), "civilians": (26, None), "children": (14, 14)}


def test_seed_bodies_mostly_women_children_is_a_total() -> None:
    text = (
        "The bodies of more than 4,000 people, mostly women, children and the elderly, were "
        "found under the rubble of US-led airstrikes,"
    )
    assert rows(text) == [("more than 4,000", 4001, None, "killed", "total", None)]
    assert killed(text) == {"total": (4001, None)}


def test_seed_remains_of_women_children_elderly_are_civilians() -> None:
    text = (
        "A mass grave was unearthed in an agricultural land next to the Children's Hospital "
        "and the National Hospital, which contained the remains of 2,500 women, children "
        "and the elderly,"
    )
    assert rows(text) == [("2,500", 2500, 2500, "killed", "civilians", None)]
    assert killed(text) == {"total": (2500, 2500), "civilians": (2500, 2500)}


def test_seed_bodies_of_civilians() -> None:
    text = (
        "Another mass grave was uncovered yesterday in Panorama district, containing more "
        "than 1,500 bodies of civilians who had been killed by the strikes"
    )
    assert killed(text) == {"total": (1501, None), "civilians": (1501, None)}


def test_seed_two_separate_letters_are_not_people() -> None:
    text = (
        "The Syrian Ministry of Foreign Affairs and Expatriates, in two separate letters "
        "addressed to United Nations Secretary General Antonio Guterres"
    )
    assert rows(text) == []


# FA-KES sentences.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 68 children were among the 126 people killed in the attack the Syrian "
            "Observatory for Human Rights said updating a previous toll of 112 dead.",  # FA-KES
            [
                ("At least 68", 68, None, "killed", "children", 1),
                ("126", 126, 126, "killed", "total", None),
                ("112", 112, 112, "killed", "total", None),
            ],
        ),
        (
            "At least 4 people killed and 15 other injured when terrorist target an official "
            "building in city.",  # FA-KES
            [
                ("At least 4", 4, None, "killed", "total", None),
                ("15", 15, 15, "injured", "total", None),
            ],
        ),
        (
            "the death toll had risen to 86 30 of them children a monitoring group said",  # FA-KES
            [("86", 86, 86, "killed", "total", None), ("30", 30, 30, "killed", "children", 0)],
        ),
        (
            "A bomb blast killed six people and injured 32 in the Salah al-Din district",  # FA-KES
            [("six", 6, 6, "killed", "total", None), ("32", 32, 32, "injured", "total", None)],
        ),
        (
            "25 civilians were killed and more than 80 others were injured due to terrorist "
            "attacks",  # FA-KES
            [
                ("25", 25, 25, "killed", "civilians", None),
                ("more than 80", 81, None, "injured", "total", None),
            ],
        ),
        (
            "A suicide bomber from al-Qaedas Syrian affiliate al-Nusra Front killed 25 soldiers and "
            "fighters loyal to the regime",  # FA-KES
            [("25", 25, 25, "killed", "combatants", None)],
        ),
        (
            "A suicide bomber killed 30 people injured 90 on Monday",  # FA-KES
            [("30", 30, 30, "killed", "total", None), ("90", 90, 90, "injured", "total", None)],
        ),
        (
            "left at least 40 dead and 70 wounded on Friday a monitoring group said",  # FA-KES
            [
                ("at least 40", 40, None, "killed", "total", None),
                ("70", 70, 70, "injured", "total", None),
            ],
        ),
        (
            "A girl child was killed and two others were injured on Sunday",  # FA-KES
            [("A", 1, 1, "killed", "children", None), ("two", 2, 2, "injured", "total", None)],
        ),
        (
            "Ten civilians some of them children killed in airstrike by US-led coalition",  # FA-KES
            [("Ten", 10, 10, "killed", "civilians", None)],
        ),
        (
            "Six children were among the dead in Eastern Ghouta",  # FA-KES
            [("Six", 6, 6, "killed", "children", None)],
        ),
        (
            "At least 109 of the dead were evacuees the Britain-based monitoring group said",  # FA-KES
            [("At least 109", 109, None, "killed", "civilians", None)],
        ),
        (
            "The death toll from a bomb blast on a crowded bus rose to 126",
            [("126", 126, 126, "killed", "total", None)],
        ),
        (
            "1500 people have fallen victims of the chemical attack",
            [("1500", 1500, 1500, "killed", "total", None)],
        ),
        ("Five people went missing after the raid", [("Five", 5, 5, "missing", "total", None)]),
        (
            "Dozens of civilians have reportedly been killed by US-led air strikes",  # FA-KES
            [("Dozens", 24, None, "killed", "civilians", None)],
        ),
    ],
)
def test_fakes_sentences(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "URGENT 19 Killed and Injured in Tell Abyad Terroirst Attack",  # FA-KES: cannot be split
        "Dozens of casualties in the blast",
        "The coalition carried out 30 airstrikes on four towns",
        "35 cases of suffocation in terrorist chemical attack",  # FA-KES
        "Three gunmen stormed the building",
        "26 people attended the funeral",
    ],
)
def test_no_casualty_count(text: str) -> None:
    assert rows(text) == []


def test_active_subject_is_not_a_victim() -> None:
    assert rows("Three gunmen killed 20 civilians") == [("20", 20, 20, "killed", "civilians", None)]
    assert [r[0] for r in rows("A suicide bomber killed 16 people")] == ["16"]


def test_members_of_one_family_are_civilians() -> None:
    assert rows("seven members of one family were killed when a shell hit their home") == [
        ("seven", 7, 7, "killed", "civilians", None)
    ]


def test_coordinated_counts_share_the_verb() -> None:
    assert rows("12 fighters and 7 civilians were killed") == [
        ("12", 12, 12, "killed", "combatants", None),
        ("7", 7, 7, "killed", "civilians", None),
    ]
    assert rows("the raid killed 5 soldiers and 3 women") == [
        ("5", 5, 5, "killed", "combatants", None),
        ("3", 3, 3, "killed", "women", None),
    ]


def test_breakdowns_point_at_their_head() -> None:
    assert rows("26 people, among them 5 women, died") == [
        ("26", 26, 26, "killed", "total", None),
        ("5", 5, 5, "killed", "women", 0),
    ]
    assert rows("killing 5, including a child") == [
        ("5", 5, 5, "killed", "total", None),
        ("a", 1, 1, "killed", "children", 0),
    ]
    assert rows("Seventy-six people including 20 children were killed") == [
        ("Seventy-six", 76, 76, "killed", "total", None),
        ("20", 20, 20, "killed", "children", 0),
    ]


def test_nobody_hurt_is_zero_and_offsets_are_document_offsets() -> None:
    text = "Intro sentence. A shell hit the house and nobody was hurt."
    found = find_casualties(text, 16)
    assert [(text[m.start : m.end], m.range.min, m.range.max, m.outcome) for m in found] == [
        ("nobody was hurt", 0, 0, "injured")
    ]
    assert find_casualties(text, 0, 15) == []


# combine()


def mention(
    n: int,
    outcome: str = "killed",
    victims: str = "total",
    sub_of: int | None = None,
    text: str | None = None,
) -> CountMention:
    return CountMention(0, 1, Range(n, n, text or str(n)), outcome, victims, sub_of)  # type: ignore[arg-type]


def test_combine_same_category_is_not_added() -> None:
    k, _i, _m = combine([mention(16), mention(16), mention(18)])
    assert (k.total.min, k.total.max) == (16, 16)  # type: ignore[union-attr]


def test_combine_precise_beats_vague() -> None:
    k, _i, _m = combine([mention(24, text="dozens"), mention(12, text="at least 12")])
    assert k.total.min == 12  # type: ignore[union-attr]
    assert is_vague(Range(24, None, "dozens")) and not is_vague(Range(12, None, "at least 12"))


def test_combine_disjoint_heads_raise_the_total() -> None:
    text = "the attack killed 15 civilians and 27 pro-government fighters"  # FA-KES
    assert killed(text) == {"total": (42, 42), "civilians": (15, 15), "combatants": (27, 27)}
    k, _i, _m = combine(
        [mention(30), mention(15, victims="civilians"), mention(27, victims="combatants")]
    )
    assert k.total.min == 42  # type: ignore[union-attr]


def test_combine_breakdowns_do_not_add() -> None:
    k, _i, _m = combine(
        [mention(26, victims="civilians"), mention(14, victims="children", sub_of=0)]
    )
    assert (k.total.min, k.civilians.min, k.children.min) == (26, 26, 14)  # type: ignore[union-attr]


def test_combine_protected_groups_make_civilians() -> None:
    assert killed("Five children and three women were killed") == {
        "total": (8, 8),
        "civilians": (8, 8),
        "children": (5, 5),
        "women": (3, 3),
    }


def test_combine_outcomes_apart() -> None:
    k, i, missing = combine(
        find_casualties(
            "At least 4 people killed and 15 other injured while 2 residents remain missing"
        )
    )
    assert (k.total.min, i.total.min, missing.min) == (4, 15, 2)  # type: ignore[union-attr]


def test_combine_people_as_civilians_is_an_option() -> None:
    text = "Two medics were among at least 31 people killed on Saturday"  # FA-KES
    assert killed(text) == {"total": (31, None), "civilians": (2, 2)}
    assert killed(text, people_as_civilians=True) == {"total": (31, None), "civilians": (31, None)}
    fighters = "12 fighters and 7 people were killed"
    assert "civilians" not in killed(fighters, people_as_civilians=True)


def test_merge_repoints_breakdowns() -> None:
    a = find_casualties("26 people, among them 5 women, died")
    b = find_casualties("killing 5, including a child")
    merged = merge([a, b])
    assert [m.sub_of for m in merged] == [None, 0, None, 2]


def test_headline_counts_without_commas() -> None:
    # FA-KES headlines lost their commas: the verb after the last count covers both.
    assert rows("15 Syrian Civilians 3 Children Killed in Aleppo by US Airstrikes") == [
        ("15", 15, 15, "killed", "civilians", None),
        ("3", 3, 3, "killed", "children", None),
    ]


def test_article_lists_count_each_person() -> None:
    text = "A woman and child were killed after terrorists shelled the center"  # FA-KES
    assert rows(text) == [("A woman and child", 2, 2, "killed", "civilians", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a terrorist motorcycle bomb attack leaving 5 martyrs",  # FA-KES
            [("5", 5, 5, "killed", "total", None)],
        ),
        (
            "Syrian Army Eliminates Over 75 Nusra Front Militants",  # FA-KES
            [("Over 75", 76, None, "killed", "combatants", None)],
        ),
        (
            "Coalition air strikes Turkish army kill 8 IS group militants",  # FA-KES
            [("8", 8, 8, "killed", "combatants", None)],
        ),
        ("Syria Dozens Martyred Injured in Qamishli", []),  # FA-KES: killed and injured together
        ("Dozens Martyred in Qamishli", [("Dozens", 24, None, "killed", "total", None)]),
    ],
)
def test_state_media_wording(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
