"""Arabic posts as monitors, civil-defence pages, local networks, Kurdish, Iraqi, Turkish,
Israeli and Gaza outlets write them: the forms the reader missed, one class per section.
Every text here was written for these tests; the places are real towns of Syria and Iraq.

1. Dates: a comma, a slash or a page's time between a month and its year, a date opening a
   line before a dash ("الجمعة 5 آذار, 2021 - …"), an embedded post's signature dating an
   undated page; an untitled page's headline line and its lede are one incident.
2. Places: the parts of a day ("صباح اليوم", "ظهر الثلاثاء") are never places after a list's
   comma; a governorate of another country ("محافظة الحديدة") is no Syrian village.
3. Attackers: a joint force a monitor names as one, the Israeli army's own name, a massacre's
   party, an Iraqi aircraft, "the occupation" bare in a Gaza report, and the aircraft that
   support an SDF raid (the coalition's).
4. Fighters named as members of a force, officers and mercenaries; the Turkish ministry's
   "neutralised" and "القضاء على" as killed, its own act when it announces it.
5. Aircraft named by a pronoun ("طائراته الحربية") and barrel bombs with the article.
6. Counts: a noun told before its verb does not share the verb with the next count; a tally
   "تعداد الذين قضوا"; a breakdown after "وهم:".
7. Words broken with tatweel on one side of a space ("مجـ زرة") or glued to the word before
   them by a lost newline or a hashtag ("القامشليمقتل"); a loss told with the injured, or with
   "حياته" after a name and an age, is of lives; kin joined after a name, an age and a comma
   are of the dead, unless their own verb says otherwise; a martyr named past "بإذن الله"; how
   bad a wound is names nobody.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.arabic.casualties import find_counts
from factfinder.extract.arabic.dates import find_dates
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.pipeline import Extractor
from factfinder.geo import find_places
from factfinder.model import Claim, Document

_EXTRACTOR = Extractor()


def primary(text: str, published: str | None = None) -> Claim:
    doc = Document(
        "t",
        text,
        language="ar",
        published=dt.date.fromisoformat(published) if published else None,
    )
    claims = _EXTRACTOR.extract(doc).claims
    lead = next((c for c in claims if c.primary), None)
    assert lead is not None, text
    return lead


def counts(text: str) -> list[tuple[int | None, str, str]]:
    """(min, outcome, victims) of the stated counts of `text`."""
    at = ArabicText(text)
    return [(c.range.min, c.outcome, c.victims) for c in find_counts(at, 0, len(text))]


def day(text: str) -> dt.date | None:
    at = ArabicText(text)
    found = [d.window.start for d in find_dates(at, 0, len(text), None)]
    return found[0] if found else None


# 1. Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل شاب برصاص قناص يوم السبت 9 تشرين الأول, 2021 في درعا", dt.date(2021, 10, 9)),
        ("استشهد طفل بقصف مدفعي يوم الجمعة 12 نوفمبر، 2021", dt.date(2021, 11, 12)),
        ("27 / أيار / 2022\nقتل مدنيان بانفجار لغم في بادية الميادين", dt.date(2022, 5, 27)),
        ("08:15 3 حزيران/ يونيو 202308:40\nمقتل مدني بقصف على الأتارب", dt.date(2023, 6, 3)),
        ("17 - تموز - 2024 غارة على قرية", dt.date(2024, 7, 17)),
    ],
)
def test_a_month_and_its_year_apart(text: str, expected: dt.date) -> None:
    assert day(text) == expected


def test_a_date_opening_a_line_before_a_dash_dates_the_post() -> None:
    text = (
        "الثلاثاء 9 شباط, 2021 - استشهد رجل وأصيب طفلان بقصف صاروخي لقوات النظام على "
        "بلدة معارة النعسان شرقي إدلب، وفرقنا أسعفت المصابين."
    )
    claim = primary(text)
    assert claim.date is not None and claim.date.start == dt.date(2021, 2, 9)
    assert claim.killed.total is not None and claim.killed.total.min == 1


@pytest.mark.parametrize(
    "signature",
    [
        "— الدفاع المدني السوري (@SyriaCivilDefe) March 7, 2022",
        "March 7, 2022, 9:41 am",
    ],
)
def test_an_embedded_posts_signature_dates_an_undated_page(signature: str) -> None:
    text = f"استشهد مدني وأصيب طفلان بقصف صاروخي لقوات النظام على بلدة آفس أمس.\n{signature}"
    claim = primary(text)
    assert claim.date is not None and claim.date.start == dt.date(2022, 3, 6)


def test_a_headline_line_and_its_lede_are_one_incident() -> None:
    text = (
        "مقتل ثلاثة مدنيين بقصف للنظام على ريف حلب الغربي\n"
        "قتل ثلاثة مدنيين بينهم امرأة، مساء الجمعة، جراء قصف مدفعي لقوات النظام على بلدة "
        "كفرنوران في ريف حلب الغربي، بحسب الدفاع المدني."
    )
    claims = _EXTRACTOR.extract(Document("t", text, language="ar")).claims
    assert len(claims) == 1
    assert claims[0].killed.women is not None and claims[0].killed.women.min == 1


def test_a_month_without_its_year_still_takes_none_without_an_anchor() -> None:
    assert day("قتل مدني يوم 4 آب في ريف حلب") is None


# 2. The parts of a day are no places --------------------------------------------------------


@pytest.mark.parametrize("part", ["صباح", "ظهر", "مساء", "فجر", "عصر"])
def test_a_part_of_the_day_after_a_listed_place_is_no_place(part: str) -> None:
    text = (
        f"أصيب ثلاثة مدنيين جراء قصف مسيرة تركية على قرية في ريف ناحية عامودا، {part} "
        "اليوم الأربعاء."
    )
    names = [m.place.name for m in find_places(text)]
    assert names == ["Amuda"]


@pytest.mark.parametrize(
    "text",
    [
        "غارات أمريكية على مديرية الصليف في محافظة الحديدة غربي اليمن",
        "استشهاد شاب برصاص قوات الاحتلال في مخيم بمحافظة جنين",
    ],
)
def test_a_governorate_of_another_country_is_no_syrian_village(text: str) -> None:
    assert [m.place.country for m in find_places(text) if m.place.country == "SY"] == []


def test_a_syrian_governorate_after_its_word_stays() -> None:
    names = [m.place.name for m in find_places("قصف مدفعي على محافظة إدلب ومحافظة حماة")]
    assert names == ["Idlib", "Hama"]


# 3. Attackers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "وثقت الشبكة السورية لحقوق الإنسان مقتل 3 مدنيين بينهم طفل إثر غارة جوية لقوات "
            "الحلف السوري الروسي على مدينة سراقب شرقي إدلب",
            "russia",
        ),
        (
            "مقتل مدنيين اثنين في قصف صاروخي لقوات الحلف الروسي السوري على بلدة كنصفرة",
            "russia",
        ),
        (
            "أغارت طائرات حربية لجيش الدفاع على مستودع أسلحة في بيت حانون شمال قطاع غزة، "
            "وتم القضاء على 3 مخربين",
            "israel",
        ),
        (
            "ارتقاء 40 شهيداً في مجزرة الاحتلال الإسرائيلي بحق النازحين في مدرسة بمخيم "
            "جباليا شمال قطاع غزة",
            "israel",
        ),
        (
            "ارتكب جيش الاحتلال مجزرة جديدة بقصفه منزلاً في حي الزيتون شرق مدينة غزة، ما "
            "أدى إلى استشهاد 12 مواطناً",
            "israel",
        ),
        (
            "نفذ الطيران الحربي العراقي ضربات جوية على مضافة لعصابات داعش الإرهابية في "
            "سلسلة جبال حمرين أسفرت عن مقتل 6 إرهابيين",
            "iraq_government",
        ),
    ],
)
def test_the_attacker_as_these_sources_name_it(text: str, group: str) -> None:
    assert primary(text, "2024-05-12").perpetrator.group == group


@pytest.mark.parametrize(
    "text",
    [
        "قتل شاب خلال حملة دهم شنتها قسد بمساندة الطيران المروحي في بلدة البصيرة بريف دير "
        "الزور الشرقي",
        "نفذت قوات سوريا الديمقراطية عملية إنزال بغطاء من طائرات مسيرة في بلدة الصور، ما أدى "
        "لمقتل رجلين",
        "داهمت وحدات خاصة من قوات سوريا الديمقراطية ودعم من التحالف الدولي منزلاً في بلدة "
        "الكسرة، ما أدى لمقتل شابين",
    ],
)
def test_the_aircraft_supporting_an_sdf_operation_are_the_coalitions(text: str) -> None:
    assert primary(text, "2025-02-20").perpetrator.group == "us_led_coalition"


def test_aircraft_named_for_another_party_keep_it() -> None:
    text = "قتل شاب خلال مداهمة نفذتها قسد بمساندة الطيران الروسي في بلدة الصور"
    assert primary(text, "2025-02-20").perpetrator.group == "russia"


def test_an_sdf_raid_without_aircraft_stays_the_sdfs() -> None:
    text = "قتل شاب برصاص عناصر قسد خلال حملة دهم في بلدة الصور بريف دير الزور"
    assert primary(text, "2025-02-20").perpetrator.group == "sdf_ypg"


def test_the_regimes_militia_is_not_the_israeli_army() -> None:
    text = "قتل مدني برصاص عناصر من جيش الدفاع الوطني على حاجز قرب مدينة السلمية"
    assert primary(text, "2021-09-01").perpetrator.group == "syrian_government"


def test_a_bare_occupation_in_a_kurdish_post_stays_turkish() -> None:
    text = (
        "استشهد مدني بقصف مسيرة للاحتلال التركي على قرية قرب تل تمر، وكان الاحتلال قد "
        "استهدف القرية أمس أيضاً"
    )
    assert primary(text, "2023-01-10").perpetrator.group == "turkey"


def test_a_bare_occupation_with_no_place_it_rules_names_no_party() -> None:
    text = "استشهد شاب برصاص قوات الاحتلال خلال مداهمة منزله فجر اليوم"
    assert primary(text, "2023-01-10").perpetrator.group in (None, "unknown")


# 4. Fighters, "neutralised", a ministry's own act -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "استشهاد منتسبين اثنين من الحشد الشعبي بهجوم لداعش في قضاء خانقين",
            [(2, "killed", "combatants")],
        ),
        ("مقتل 6 مرتزقة وإصابة آخرين خلال محاولة تسلل", [(6, "killed", "combatants")]),
        (
            "استشهاد ضابط وجندي بانفجار عبوة ناسفة على دورية في ناحية العظيم",
            [(2, "killed", "combatants")],
        ),
        ("تحييد 12 إرهابياً في منطقة درع الفرات", [(12, "killed", "combatants")]),
        (
            "أسفرت الضربة عن القضاء على 5 إرهابيين في وادي حوران",
            [(5, "killed", "combatants")],
        ),
    ],
)
def test_fighters_and_their_killing_in_a_forces_words(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وزارة الدفاع التركية: تحييد 9 إرهابيين من بي كا كا شمالي العراق",
        "أعلنت وزارة الدفاع التركية، الخميس، تحييد 9 إرهابيين شمالي العراق",
    ],
)
def test_the_turkish_ministry_announcing_its_own_act(text: str) -> None:
    claim = primary(text, "2022-12-01")
    assert claim.perpetrator.group == "turkey"
    assert claim.stance == "admits"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 9
    assert claim.killed.civilians is None


def test_a_speaker_before_a_colon_reporting_anothers_act_is_only_the_claimant() -> None:
    claim = primary("قسد: مقتل 4 مدنيين بقصف مسيرة تركية على ريف القامشلي", "2022-12-01")
    assert claim.perpetrator.group == "turkey"
    assert claim.stance == "alleges"


# 5. Aircraft by a pronoun, barrel bombs -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "استشهد 5 مدنيين جراء قصف طائراته الحربية على قرية في ريف المالكية",
        "استشهد مدنيان بقصف بالبراميل المتفجرة على بلدة كفرزيتا",
        "قتل طفل بقصف مسيراتها على قرية قرب عين عيسى",
    ],
)
def test_air_weapons_named_by_a_pronoun_or_with_the_article(text: str) -> None:
    assert primary(text, "2021-06-01").event_type == "airstrike"


# 6. Counts -----------------------------------------------------------------------------------


def test_a_noun_before_its_verb_keeps_the_verb_from_the_next_count() -> None:
    text = "طفل استشهد وأصيب 3 آخرون بينهم امرأتان بقصف مدفعي على بلدة الأتارب"
    assert counts(text) == [
        (1, "killed", "children"),
        (3, "injured", "total"),
        (2, "injured", "women"),
    ]
    claim = primary(text, "2021-06-01")
    assert claim.killed.children is not None and claim.killed.children.min == 1
    assert claim.killed.women is None
    assert claim.injured.women is not None and claim.injured.women.min == 2


@pytest.mark.parametrize(
    "text",
    [
        "ارتفع إلى 8 تعداد الذين قضوا جراء الغارات الروسية على مدينة سرمين",
        "ارتفع تعداد الذين استشهدوا جراء الغارات الروسية على مدينة سرمين إلى 8",
        "ارتفع عدد الذين قضوا جراء الغارات الروسية على مدينة سرمين إلى 8",
    ],
)
def test_a_tally_of_those_who_died(text: str) -> None:
    assert counts(text) == [(8, "killed", "total")]


def test_a_breakdown_after_a_colon_and_its_civilians() -> None:
    text = (
        "ارتفع إلى 8 تعداد الذين قضوا جراء الغارات الروسية على مدينة سرمين، وهم: 6 مدنيين "
        "بينهم 3 أطفال، و2 مجهولا الهوية"
    )
    claim = primary(text, "2021-06-01")
    assert claim.killed.total is not None and claim.killed.total.min == 8
    # the two unidentified dead are presumed civilians, as every count that names no category
    assert claim.killed.civilians is not None and claim.killed.civilians.min == 8
    assert claim.killed.children is not None and claim.killed.children.min == 3


# 7. Words broken or glued to pass filters or by a lost newline; lives lost -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a loss told with the injured right after it is of lives ("فقد" alone is "went missing")
        ("فقد مسعفان وأصيب ممرض جراء قصف مدفعي على سيارة الإسعاف", [(2, "killed", "civilians")]),
        (
            "فقـ ـد مسعفان وأصـ ـيب ممرض جراء قـــ صف مدفعي على سيارة الإسعاف",
            [(2, "killed", "civilians")],
        ),
        # "حياتها" after a name and an age that run past the first words
        (
            "فقدت الطفلة سلمى خالد النجار، البالغة من العمر أربعة أعوام، حياتها بقذيفة هاون",
            [(1, "killed", "children")],
        ),
        # an opener glued to the word before it by a hashtag or a lost newline
        ("#عاجل من ريف القامشليمقتل مدنيين اثنين برصاص مسلحين", [(2, "killed", "civilians")]),
        ("#أخبار_درعااستشهاد مواطنين اثنين بقصف مدفعي", [(2, "killed", "civilians")]),
    ],
)
def test_lives_lost_and_glued_openers(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [c for c in counts(text) if c[1] == "killed"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "فقد المزارع منزله جراء القصف وأصيب طفل بجروح",  # a lost house: nobody is dead
        "فقدت الطفلة سلمى خالد النجار، البالغة من العمر أربعة أعوام. وبعد يومين عثر عليها",
    ],
)
def test_a_loss_that_is_no_death(text: str) -> None:
    assert [c for c in counts(text) if c[1] == "killed"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named person, an age in brackets and a comma, then the kin who died with him
        ("استشهد المزارع حسن العمر (52 عاما)، وطفلاه بقصف مدفعي على القرية", 3),
        ("أدى القصف إلى فقدان المزارع حسن العمر (52 عاماً)، وزوجته لحياتهما في أرضهما", 2),
        # a noun joined by "و" whose own verb tells another outcome is not one of the dead
        ("قتل المزارع حسن العمر، وطفل آخر أصيب بجروح بقصف مدفعي", 1),
        ("قتل المزارع حسن العمر وطفل أصيب بجروح بقصف مدفعي", 1),
        ("استشهد رجل وطفل وإصابة 3 آخرين بقصف مدفعي على القرية", 2),
    ],
)
def test_kin_joined_after_a_name_and_a_comma(text: str, expected: int) -> None:
    killed = primary(text, "2021-06-01").killed
    civ = killed.civilians or killed.total
    assert civ is not None and civ.min == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نعي: الشهيد بإذن الله/عبد الرحيم سليمان الخطيب، رحمه الله", ["عبد الرحيم سليمان الخطيب"]),
        (
            "ودعت البلدة الشهيدين بإذن الله تعالى ماهر الزعبي ونادر الحسين",
            ["ماهر الزعبي", "نادر الحسين"],
        ),
        ("الشهيد بإذن الله محمد البكري", ["محمد البكري"]),
    ],
)
def test_a_martyr_god_willing_is_named_past_the_formula(text: str, expected: list[str]) -> None:
    from factfinder.extract.arabic.named import named_victims

    at = ArabicText(text)
    found = named_victims(at, 0, len(text))
    assert [c.range.text for c in found] == expected
    assert {c.outcome for c in found} == {"killed"}


def test_how_bad_a_wound_is_names_nobody() -> None:
    from factfinder.extract.arabic.named import named_victims

    text = "توفي شاب بعد إصابة بليغة لحقت به إثر قصف مدفعي على البلدة"
    assert named_victims(ArabicText(text), 0, len(text)) == []
    claim = primary(text, "2021-06-01")
    assert claim.killed.civilians is not None and claim.killed.civilians.min == 1
    assert claim.injured.total is None
