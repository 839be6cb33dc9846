"""Arabic casualty figures: duals, verbs before and after their subject, toll updates, counts
split between fighters and civilians, and victims named one by one. Every text here was written
for these tests, in the styles of Syrian news sites, monitors, civil-defence pages and
social-network posts, with every party in the same frames."""

from __future__ import annotations

import pytest

from factfinder.extract.arabic.casualties import find_counts
from factfinder.extract.arabic.named import named_victims
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.pipeline import Extractor, Parts
from factfinder.model import Document


def counts(text: str) -> list[tuple[int | None, str, str]]:
    """(min, outcome, victims) of the stated counts of `text`."""
    at = ArabicText(text)
    return [(c.range.min, c.outcome, c.victims) for c in find_counts(at, 0, len(text))]


def named(text: str) -> list[tuple[str, str, str]]:
    """(name, outcome, victims) of the people `text` names."""
    at = ArabicText(text)
    return [(c.range.text, c.outcome, c.victims) for c in named_victims(at, 0, len(text))]


def _extractor() -> Extractor:
    base = Parts.default()
    return Extractor(Parts(lambda text: [], base.counts, base.dates, base.dateline))


def primary_killed(text: str) -> tuple[int | None, int | None]:
    """(civilians or total, children) killed in the primary claim of `text`."""
    claims = _extractor().extract(Document("t", text)).claims
    c = next(c for c in claims if c.primary)
    civ = c.killed.civilians or c.killed.total
    return (civ.min if civ else None, c.killed.children.min if c.killed.children else None)


# Duals, and verbs before or after their subject ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استشهد مواطنان جراء قصف مدفعي تركي على ريف تل تمر", [(2, "killed", "civilians")]),
        ("قتل مدنيان بغارة روسية على أطراف مدينة أريحا", [(2, "killed", "civilians")]),
        ("شقيقان قتلا في قصف لقوات النظام على جبل الزاوية", [(2, "killed", "total")]),
        ("طفلان استشهدا بانفجار لغم من مخلفات داعش في البادية", [(2, "killed", "children")]),
        (
            "قتيلان و3 جرحى بقصف مسيرة على سيارة مدنية",
            [(2, "killed", "total"), (3, "injured", "total")],
        ),
        (
            "حصيلة أولية: شهيدان و12 جريحا في أريحا",
            [(2, "killed", "total"), (12, "injured", "total")],
        ),
        ("قضى طفلان بقصف إسرائيلي على منزل في ريف القنيطرة", [(2, "killed", "children")]),
        ("توفي شاب متأثرا بجراحه التي أصيب بها بقصف لقسد", [(1, "killed", "men")]),
        ("أصيب مسعفان من الدفاع المدني بغارة ثانية", [(2, "injured", "civilians")]),
        ("استشهدت امرأتان برصاص قناص تابع لهيئة تحرير الشام", [(2, "killed", "women")]),
        ("لقي 4 مدنيين حتفهم بانفجار عبوة ناسفة زرعها مجهولون", [(4, "killed", "civilians")]),
        ("مصدر محلي: 5 قتلى بقصف صاروخي إيراني على المنطقة", [(5, "killed", "total")]),
    ],
)
def test_duals_and_verbs(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


# Toll updates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفع عدد الشهداء إلى 5 والجرحى إلى 15", [(5, "killed"), (15, "injured")]),
        ("ارتفعت حصيلة القتلى في مدينة منبج إلى سبعة", [(7, "killed")]),
        ("ارتفاع حصيلة ضحايا القصف التركي إلى 9", [(9, "killed")]),
        ("وصل عدد الضحايا إلى 11 حتى مساء اليوم", [(11, "killed")]),
        ("ارتفع عدد المصابين إلى 20 في حصيلة غير نهائية", [(20, "injured")]),
        ("بلغت حصيلة الغارات الأمريكية على الريف الغربي حتى الآن 4", []),
        ("ارتفعت حصيلة الوفيات جراء القصف الروسي إلى 13", [(13, "killed")]),
        ("ارتفع عدد القتلى المدنيين في المجزرة إلى 6", [(6, "killed")]),
        ("وارتفعت الحصيلة إلى 8 قتلى بينهم 3 أطفال", [(8, "killed"), (3, "killed")]),
        ("ارتفع عدد الجرحى إلى 30 وعدد الشهداء إلى 4", [(30, "injured"), (4, "killed")]),
    ],
)
def test_toll_updates(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(n, o) for n, o, _ in counts(text)] == expected


# Counts split between fighters and civilians, breakdowns --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "مقتل 4 عناصر من قسد و3 مدنيين بقصف تركي",
            [(4, "killed", "combatants"), (3, "killed", "civilians")],
        ),
        (
            "مقتل جنديين من قوات النظام و5 مدنيين بقصف للفصائل",
            [(2, "killed", "combatants"), (5, "killed", "civilians")],
        ),
        (
            "قتل سبعة أشخاص هم أربعة مقاتلين وثلاثة مدنيين",
            [(7, "killed", "total"), (4, "killed", "combatants"), (3, "killed", "civilians")],
        ),
        (
            "مقتل خمسة أطفال وثلاث نساء بغارة للتحالف الدولي",
            [(5, "killed", "children"), (3, "killed", "women")],
        ),
        (
            "استشهاد 6 مدنيين بينهم أربعة أطفال وامرأتان",
            [(6, "killed", "civilians"), (4, "killed", "children"), (2, "killed", "women")],
        ),
        (
            "استشهاد مدني وإصابة طفلين بقصف",
            [(1, "killed", "civilians"), (2, "injured", "children")],
        ),
        (
            "مقتل 3 عناصر من داعش وإصابة مدنيين اثنين بالاشتباك",
            [(3, "killed", "combatants"), (2, "injured", "civilians")],
        ),
        ("سقط عدد من الشهداء والجرحى جراء القصف", [(2, "killed", "total")]),
        ("قتل ثلاثة وعشرون شخصا بالمجزرة", [(23, "killed", "total")]),
        (
            "قتل 10 مدنيين، من بينهم سبعة أطفال، بقصف إسرائيلي",
            [(10, "killed", "civilians"), (7, "killed", "children")],
        ),
    ],
)
def test_split_counts(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


def test_vague_count_is_never_a_figure() -> None:
    at = ArabicText("سقط عدد من الشهداء جراء القصف")
    (c,) = find_counts(at, 0, len(at.text))
    assert c.range.max is None and c.range.min == 2


# Victims named one by one ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "استشهاد الطفلة هدى محمد العلي إثر قصف مدفعي لقوات النظام",
            [("هدى محمد العلي", "killed", "children")],
        ),
        (
            "مقتل كل من سامر يوسف الحمد وعادل خليل السالم بإنزال للتحالف الدولي",
            [("سامر يوسف الحمد", "killed", "total"), ("عادل خليل السالم", "killed", "total")],
        ),
        (
            "ارتقاء الشهيد إبراهيم سعيد الأحمد رحمه الله",
            [("إبراهيم سعيد الأحمد", "killed", "total")],
        ),
        (
            "مقتل حسين وابنه ماهر برصاص عناصر من قسد",
            [("حسين", "killed", "total"), ("ماهر", "killed", "total")],
        ),
        ("أصيب الشاب رامي خالد النجار بجروح طفيفة", [("رامي خالد النجار", "injured", "total")]),
        (
            "الرحمة للشهيد محمود سالم حمدان الذي ارتقى اليوم",
            [("محمود سالم حمدان", "killed", "total")],
        ),
        ("قال المواطن أحمد خالد إن القصف استمر ساعتين", []),
        ("قتل 3 أشخاص وهم يحاولون عبور الحدود", []),
        (
            "وفاة عمر عبدالله الحسن الذي أصيب خلال مداهمة للجيش التركي",
            [("عمر عبدالله الحسن", "killed", "total")],
        ),
        (
            "مقتل القيادي أبو خالد الشامي بغارة أمريكية",
            [("أبو خالد الشامي", "killed", "combatants")],
        ),
        (
            "تم التعرف على الضحايا وهم طارق ووليد حسن الأعور",
            [("طارق", "killed", "total"), ("وليد حسن الأعور", "killed", "total")],
        ),
        ("مقتل قائد ميداني في غارة روسية", []),
        (
            "أسماء الضحايا الذين قتلوا برصاص عناصر داعش فجر اليوم: 1- سالم حسن العمر 2- خالد حسن العمر",
            [("سالم حسن العمر", "killed", "total"), ("خالد حسن العمر", "killed", "total")],
        ),
        ("استذكار الشهيدة ليلى أحمد في ذكرى رحيلها", []),
    ],
)
def test_named_victims(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An obituary post names the dead and gives no number.
        (
            "نعي\nارتقاء الشهيد أحمد سعيد الحمود والشهيد خالد سعيد الحمود بقصف روسي على قريتهم",
            (2, None),
        ),
        # Two people named Mohammed are two people.
        ("مقتل كل من محمد علي الحسن ومحمد خالد العمر بقصف مسيرة تركية", (2, None)),
        # A stated figure stands; the names do not add to it.
        ("استشهاد 3 مدنيين بقصف للنظام وهم سعيد أحمد السعيد وخالد عمر الخالد", (3, None)),
        # A named child fills the children's figure.
        ("استشهاد الطفل يزن أحمد والطفلة ريم أحمد بغارة إسرائيلية على ريف درعا", (2, 2)),
        (
            "أسماء الشهداء:\n1- سعيد محمد الأحمد\n2- محمد علي الحسن (25 عاما)\n"
            "3- الطفلة سارة محمد الخالد\nالجرحى:\n1- خالد عمر",
            (3, 1),
        ),
        ("الشهداء هم:\n- فاطمة حسن البكر (70 عاما)\n- جاسم محمد اللاحم\n\nرحمهم الله", (2, None)),
        ("سلمت قوات التحالف جثمان محمود أحمد السلوم إلى ذويه بعد مقتله في المداهمة", (1, None)),
        ("مقتل الشاب سامي حسن العبد برصاص الجيش التركي على الحدود", (1, None)),
        ("استشهد الصحفي أنور خليل الحاج بقصف لطائرات النظام على ريف حماة", (1, None)),
        ("مقتل غنام وابنه مأمون برصاص عناصر داعش في البادية", (2, None)),
    ],
)
def test_named_victims_count_in_the_claim(text: str, expected: tuple[int, int | None]) -> None:
    assert primary_killed(text) == expected


# Words broken to pass filters, lives lost, pronouns, a singular opening its clause ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استـ*ـشهاد مواطنين اثنين وإصـ*ـابة 20 آخرين", [(2, "killed"), (20, "injured")]),
        ("سقط 3 شهد.اء بقصف صار.وخي على البلدة", [(3, "killed")]),
        ("مقـ.ـتل 4 مدنيـ.ـين بغارة روسية", [(4, "killed")]),
        ("ما أدى إلى فقـ ـدان ثلاثة أطفـ ـال لحيـ ـاتهم أثناء رعيهم الأغنام", [(3, "killed")]),
        ("فقدت طفلة تبلغ من العمر 12 عاما حياتها بقذيفة", [(1, "killed")]),
        ("فقدان شاب في البادية منذ يومين", [(1, "missing")]),
        ("استهدفت مسيرة سيارة كانت تقلهما ما أسفر عن استشهادهما", [(2, "killed")]),
        ("سلمت جثته لذويه بعد مقتله تحت التعذيب", [(1, "killed")]),
        ("طفل استشهد اليوم بقصف قوات النظام على سرمين", [(1, "killed")]),
        ("عاجل | شهيد وعدة جرحى بقصف إسرائيلي على ريف درعا", [(1, "killed"), (3, "injured")]),
        ("أصيب مواطن وطفل جراء انفجار لغم من مخلفات داعش", [(1, "injured"), (1, "injured")]),
    ],
)
def test_broken_words_lives_and_pronouns(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(n, o) for n, o, _ in counts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "إدلب.استهدف الطيران الحربي الروسي أطراف المدينة",
        "الطفل يلعب في الحديقة بعد انتهاء القصف",
        "فقد المواطن منزله جراء القصف التركي",
    ],
)
def test_no_count_where_none_is_given(text: str) -> None:
    assert counts(text) == []
