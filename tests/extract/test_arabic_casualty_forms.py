"""Arabic casualty forms the reader missed: the day of a verb told between it and its subject,
one dead told by a noun of occurrence, one of the people told before ("قتل منهم"), and a
campaign's running toll that is not the incident's. Every text here was written for these
tests, with several parties in the same frames."""

from __future__ import annotations

import pytest

from factfinder.extract.arabic.casualties import find_counts
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.finders import Parts
from factfinder.extract.pipeline import Extractor
from factfinder.model import Claim, Document


def counts(text: str) -> list[tuple[int | None, str, str]]:
    """(min, outcome, victims) of the stated counts of `text`."""
    at = ArabicText(text)
    return [(c.range.min, c.outcome, c.victims) for c in find_counts(at, 0, len(text))]


def primary(text: str) -> Claim:
    base = Parts.default()
    extractor = Extractor(Parts(lambda text: [], base.counts, base.dates, base.dateline))
    return next(c for c in extractor.extract(Document("t", text)).claims if c.primary)


def killed(claim: Claim) -> int | None:
    figure = claim.killed.civilians or claim.killed.total
    return figure.min if figure is not None else None


# The day between the verb and its subject ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل اليوم مدنيان بقصف مدفعي لقوات النظام على بلدة كفرنبل",
            [(2, "killed", "civilians")],
        ),
        ("استشهد أمس طفل بغارة لطائرة مسيرة تركية على ريف عين عيسى", [(1, "killed", "children")]),
        (
            "قتل صباح اليوم الأحد مدني برصاص قناص من قوات سوريا الديمقراطية في ذيبان",
            [(1, "killed", "civilians")],
        ),
        (
            "أصيب مساء أمس طفلان بانفجار لغم من مخلفات داعش في بادية الميادين",
            [(2, "injured", "children")],
        ),
        (
            "استشهد فجر اليوم الثلاثاء، مواطنان بغارة إسرائيلية على بلدة في ريف القنيطرة",
            [(2, "killed", "civilians")],
        ),
        (
            "توفي ليلة أمس شاب متأثراً بجراحه بقصف صاروخي لهيئة تحرير الشام على ريف حماة",
            [(1, "killed", "men")],
        ),
    ],
)
def test_the_day_between_the_verb_and_its_subject(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


def test_a_day_alone_after_the_verb_counts_no_one() -> None:
    assert counts("قتل اليوم برصاص مجهولين في مدينة درعا") == []


# A noun of occurrence before a singular toll noun ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أدت الغارة الروسية إلى وقوع قتيل وعدد من الجرحى في بلدة البارة",
            [(1, "killed", "total"), (2, "injured", "total")],
        ),
        (
            "أسفر القصف التركي عن وقوع شهيد وثلاثة جرحى في قرية الدردارة",
            [(1, "killed", "total"), (3, "injured", "total")],
        ),
        # the noun of occurrence is no outcome word: "وقوع إصابات" counts no one
        ("أدى قصف قوات النظام إلى وقوع إصابات بين المدنيين في سرمين", []),
        ("ما أدى لوقوع ضحايا في صفوف المدنيين بحسب ناشطين", []),
    ],
)
def test_one_dead_told_by_a_noun_of_occurrence(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


# One of the people told before: "قتل منهم" ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "استهدفت طائرة مسيرة تركية ثلاثة رعاة قرب تل تمر، قتل منهم شاب وأصيب اثنان",
            [(1, "killed", "men"), (2, "injured", "total")],
        ),
        (
            "قصفت قوات النظام سيارة تقل خمسة مدنيين، استشهد منهم طفلان وأصيب الباقون",
            [(2, "killed", "children")],
        ),
        (
            "استهدف التحالف الدولي منزلاً فيه عائلة، قتلت منهم امرأة",
            [(1, "killed", "women")],
        ),
    ],
)
def test_one_of_the_people_told_before(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


def test_one_of_them_is_the_primary_toll() -> None:
    claim = primary(
        "أطلقت مسيرة تركية صاروخاً على دراجة نارية تقل أربعة فتية قرب تل تمر، وقتل منهم "
        "طفل فيما نجا الآخرون."
    )
    assert killed(claim) == 1
    assert claim.killed.children is not None and claim.killed.children.min == 1


# A campaign's running toll is not the incident's -----------------------------------------------


@pytest.mark.parametrize(
    "running",
    [
        "تتواصل الحملة العسكرية على ريف إدلب الجنوبي، وقتل فيها أكثر من 60 مدنياً منذ نحو شهر.",
        "أحصى الدفاع المدني مقتل 45 مدنياً منذ بدء الحملة العسكرية على المنطقة.",
        "قتل 17 مدنياً خلال خمسة أيام من الغارات على ريف إدلب.",
        "قتل 120 مدنياً منذ أكثر من عامين بقصف الطرفين.",
    ],
)
def test_a_running_toll_before_the_incident_is_not_primary(running: str) -> None:
    claim = primary(running + " واستشهد مدنيان صباح اليوم بقصف مدفعي لقوات النظام على بلدة البارة.")
    assert killed(claim) == 2
    assert claim.perpetrator is not None and claim.perpetrator.group == "syrian_government"


# "One of them" opens a breakdown; both parents are two people --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل مدنيان أحدهما طفلة بقصف مدفعي تركي على قرية في ريف الدرباسية",
            [(2, "killed", "civilians"), (1, "killed", "children")],
        ),
        (
            "قتل ثلاثة مدنيين أحدهم طفل بغارة لطائرات النظام على مدينة أريحا",
            [(3, "killed", "civilians"), (1, "killed", "children")],
        ),
        (
            "قتل شخصان، إحداهما امرأة، بانفجار عبوة زرعها مجهولون في مدينة الباب",
            [(2, "killed", "total"), (1, "killed", "women")],
        ),
        (
            "قتل طفل ووالداه بغارة روسية على قرية في ريف جسر الشغور",
            [(3, "killed", "civilians"), (1, "killed", "children"), (2, "killed", "total")],
        ),
        (
            "استشهدت طفلة ووالديها جراء قصف مدفعي لقوات سوريا الديمقراطية على ريف منبج",
            [(3, "killed", "civilians"), (1, "killed", "children"), (2, "killed", "total")],
        ),
    ],
)
def test_one_of_them_and_both_parents(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


def test_a_child_and_both_parents_is_three_dead_one_a_child() -> None:
    claim = primary("قتل طفل ووالداه بغارة روسية على قرية في ريف جسر الشغور.")
    assert killed(claim) == 3
    assert claim.killed.children is not None and claim.killed.children.min == 1


# Two children named, then a relative clause or the dual "الشهيدان" ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "الطفلان يزن العمر، ومصطفى الحسن، اللذان قتلا أمام مدرستهما بقصف مدفعي على الأتارب",
        "الطفلتان جنى وحلا اللتان قتلتا بغارة لمسيرة إسرائيلية على بلدة في ريف القنيطرة",
        "الطفلان الشهيدان أحمد وسامي سقطا بقصف صاروخي لهيئة تحرير الشام على ريف حماة",
    ],
)
def test_two_children_named_then_their_death(text: str) -> None:
    assert counts(text) == [(2, "killed", "children")]


def test_a_relative_clause_that_tells_no_outcome_is_read_past() -> None:
    text = "الطفلان أحمد وسامي، اللذان كانا يلعبان قرب المنزل، أصيبا بقصف مدفعي تركي"
    assert counts(text) == [(2, "injured", "children")]


# A breakdown in parentheses after the count ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل 6 مدنيين (امرأة وزوجها و4 من أطفالهما) بغارة روسية على مزرعة قرب سراقب",
            [
                (6, "killed", "civilians"),
                (1, "killed", "women"),
                (1, "killed", "men"),
                (4, "killed", "children"),
            ],
        ),
        (
            "استشهد 4 مدنيين من عائلة واحدة (طفلان ووالداهما) بقصف مدفعي تركي على ريف عين عيسى",
            [(4, "killed", "civilians"), (2, "killed", "children"), (2, "killed", "total")],
        ),
        (
            "قتل مدنيان (رجل وطفلة) برصاص عناصر من قوات سوريا الديمقراطية في بلدة الشحيل",
            [(2, "killed", "civilians"), (1, "killed", "men"), (1, "killed", "children")],
        ),
        # a parenthesis that names a source is no breakdown
        (
            "قتل 5 مدنيين (بحسب الدفاع المدني) بغارة لطائرات النظام على مدينة سرمين",
            [(5, "killed", "civilians")],
        ),
    ],
)
def test_a_breakdown_in_parentheses(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


def test_a_family_breakdown_in_parentheses_gives_the_children() -> None:
    claim = primary(
        "استشهد 7 مدنيين من أسرة واحدة (امرأة وزوجها و5 من أطفالهما) إثر غارة روسية على "
        "منزلهم في ريف سراقب."
    )
    assert killed(claim) == 7
    assert claim.killed.children is not None and claim.killed.children.min == 5


# A news page's headline after its menus and a list of other headlines ------------------------

_PAGE = """الرئيسية
أخبار
تقارير
مقتل 5 أشخاص بانفجار عبوة ناسفة في مدينة الباب
غارة إسرائيلية تقتل 3 عناصر من حزب الله في جنوب لبنان
مقتل 4 عناصر من قوات النظام بهجوم لتنظيم داعش في البادية
اعتصام في مدينة الطبقة للمطالبة بالإفراج عن المعتقلين
{headline}
قتل مدني وأصيب آخر بجروح، مساء أمس، جراء قصف مدفعي {party} على قرية {place}.
وقال مصدر محلي إن القذائف سقطت على منزل الضحية أثناء وجوده فيه.
"""


@pytest.mark.parametrize(
    ("headline", "party", "place", "group"),
    [
        (
            "مقتل مدني بقصف مدفعي للجيش التركي على ريف عين عيسى",
            "للجيش التركي",
            "الهيشة في ريف عين عيسى",
            "turkey",
        ),
        (
            "مقتل مدني بقصف مدفعي لقوات النظام على ريف إدلب الجنوبي",
            "لقوات النظام",
            "البارة في ريف إدلب",
            "syrian_government",
        ),
        (
            "مقتل مدني بقصف مدفعي لقسد على ريف منبج الغربي",
            "لقوات سوريا الديمقراطية",
            "عون الدادات في ريف منبج",
            "sdf_ypg",
        ),
    ],
)
def test_the_headline_after_a_page_menu_and_other_headlines_is_the_lead(
    headline: str, party: str, place: str, group: str
) -> None:
    text = _PAGE.format(headline=headline, party=party, place=place)
    base = Parts.default()
    claims = (
        Extractor(Parts(base.places, base.counts, base.dates, base.dateline))
        .extract(Document("t", text, title=headline + " - شبكة الأخبار المحلية"))
        .claims
    )
    lead = next(c for c in claims if c.primary)
    assert killed(lead) == 1
    assert lead.perpetrator is not None and lead.perpetrator.group == group


# Joint attackers written with "the ally" or with joined nation adjectives ----------------------


def perpetrator(text: str) -> str | None:
    claim = primary(text)
    return claim.perpetrator.group if claim.perpetrator is not None else None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("قتل مدنيان بقصف مدفعي لقوات النظام والحليف الروسي على قرية في جبل الزاوية", "russia"),
        (
            "قتل مدنيان بقصف لقوات سوريا الديمقراطية والشريك الأمريكي على بلدة ذيبان",
            "us_led_coalition",
        ),
        ("قتل ثلاثة مدنيين بغارات الطيران السوري والروسي على أطراف مدينة أريحا", "russia"),
        ("قتل ثلاثة مدنيين بغارات للطائرات الحربية السورية والروسية على مدينة سرمين", "russia"),
    ],
)
def test_joint_attackers_with_an_ally_or_joined_adjectives(text: str, group: str) -> None:
    assert perpetrator(text) == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "أعلن التحالف الدولي عن تنفيذ غارة جوية دقيقة في ريف دير الزور أسفرت عن مقتل شخصين",
            "us_led_coalition",
        ),
        (
            "قتل شابان بقصف طائرة مسيرة استهدفت سيارتهما في قرية الزباري، وكان الجيش التركي قد "
            "أعلن عن تنفيذ ضربة جوية في المنطقة",
            "turkey",
        ),
        # the act announced is another party's
        (
            "أعلنت قوات سوريا الديمقراطية عن استهداف الاحتلال التركي لقرية في ريف تل تمر ما أدى "
            "لمقتل مدني",
            "turkey",
        ),
    ],
)
def test_a_party_announcing_its_act_with_an(text: str, group: str) -> None:
    assert perpetrator(text) == group
