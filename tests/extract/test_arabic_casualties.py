"""Arabic casualty figures: duals, verbs before and after their subject, toll updates, counts
split between fighters and civilians, and victims named one by one. Every text here was written
for these tests, in the styles of Syrian news sites, monitors, civil-defence pages and
social-network posts, with every party in the same frames."""

from __future__ import annotations

import pytest

from factfinder.extract.arabic.casualties import find_counts
from factfinder.extract.arabic.named import named_victims
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.finders import Parts
from factfinder.extract.pipeline import Extractor
from factfinder.extract.tally import combine, is_vague_arabic
from factfinder.mentions import CountMention
from factfinder.model import Claim, Document, Range


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
        # the figure before the toll it raises, and a toll a verb of reaching brings to it
        ("ارتفع إلى 13 عدد الذين قضوا جراء القصف على المدينة", [(13, "killed")]),
        ("ارتفع إلى 9 عدد المدنيين الذين أصيبوا في الغارة", [(9, "injured")]),
        ("ارتفع إلى 13 بينهم طفلان عدد الشهداء", [(13, "killed"), (2, "killed")]),
        ("بلغ عدد ضحايا المجزرة في البلدة 11 مدنياً", [(11, "killed")]),
        ("وبلغت حصيلة قتلى القصف 7", [(7, "killed")]),
        ("وصل إلى 3 عدد المستشفيات التي خرجت عن الخدمة", []),
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
        (
            # the list's sum (a listed head count) and its two items
            "أصيب مواطن وطفل جراء انفجار لغم من مخلفات داعش",
            [(2, "injured"), (1, "injured"), (1, "injured")],
        ),
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


# A list of victims under one outcome is added up ----------------------------------------------


def listed_killed(text: str) -> int | None:
    """The civilians killed that `text` states (the tally of its counts)."""
    from factfinder.extract.tally import combine

    at = ArabicText(text)
    killed, _, _ = combine(find_counts(at, 0, len(text)))
    civ = killed.civilians or killed.total
    return civ.min if civ else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استشهد مدنيان وطفل بقصف مدفعي لقوات النظام على بلدة كنصفرة", 3),
        ("مقتل رجل وابنه بغارة لطائرة مسيرة تركية على سيارتهما قرب القامشلي", 2),
        ("قتل 3 مدنيين وطفل بقصف روسي على مخيم للنازحين غرب إدلب", 4),
        ("استشهاد مواطن وطفلة جراء قصف مسيرة لقسد على قرية بريف منبج", 2),
        ("مقتل مدني وامرأة برصاص عناصر من داعش في البادية", 2),
        ("قتل شخصان وطفل بانفجار سيارة مفخخة في سوق مدينة الباب", 3),
        ("استشهد 4 مواطنين وامرأتان بغارة إسرائيلية على منزل في ريف درعا", 6),
        ("مقتل 5 مدنيين بينهم طفلان وامرأة بقصف صاروخي لهيئة تحرير الشام", 5),
        ("مقتل 4 عناصر من قوات النظام و3 مدنيين بهجوم لداعش في البادية", 3),
        ("أسفر القصف الأمريكي عن مقتل رجل وطفلين في ريف دير الزور", 3),
        ("قتل 6 أطفال وامرأة بقصف الطيران الروسي على قرية في جبل الزاوية", 7),
        ("استشهاد طفلين شقيقين بقصف مدفعي تركي على ريف عين عيسى", 2),
    ],
)
def test_a_list_is_added_up(text: str, expected: int) -> None:
    assert listed_killed(text) == expected


def test_a_vague_part_is_not_added() -> None:
    # "عدد من" gives no figure to add: the four stand alone
    assert listed_killed("أربعة شهداء وعدد من الجرحى بقصف صاروخي على مدينة إدلب") == 4


# A toll that rose: the figure it rose to wins ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل 5 مدنيين بغارة جوية روسية على بلدة سرمين. وارتفعت حصيلة القتلى لاحقاً إلى 7 "
            "مدنيين بعد وفاة جريحين.",
            7,
        ),
        (
            "استشهد 3 مدنيين بقصف تركي على قرية في ريف منبج. ثم ارتفع عدد الشهداء المدنيين إلى 4 "
            "مدنيين بعد وفاة طفل متأثراً بجراحه.",
            4,
        ),
        (
            "مقتل مدنيين اثنين بقصف لقوات النظام على جسر الشغور. وارتفعت الحصيلة إلى 5 مدنيين "
            "مساء اليوم.",
            5,
        ),
        (
            "قتل 6 مدنيين بغارة إسرائيلية على ريف القنيطرة. ارتفعت حصيلة الضحايا إلى 9 مدنيين "
            "بحسب مصادر محلية.",
            9,
        ),
        (
            "استشهد 2 من المدنيين بقصف مسيرة لقسد. لترتفع الحصيلة إلى 3 مدنيين بعد وفاة امرأة.",
            3,
        ),
        (
            "قتل 4 مدنيين بانفجار سيارة مفخخة تبناه داعش. ووصل عدد القتلى إلى 8 مدنيين حتى "
            "مساء اليوم.",
            8,
        ),
        (
            "قتل 5 مدنيين بقصف مدفعي لقوات النظام على أريحا. وارتفعت حصيلة القتلى منذ بداية "
            "الحملة إلى 120 مدنياً.",
            5,
        ),
        (
            "ارتفاع حصيلة ضحايا القصف الأمريكي إلى 4 مدنيين. وكان القصف قد أودى بحياة 3 مدنيين "
            "في البداية.",
            4,
        ),
        (
            "استشهد 7 مدنيين بقصف إيراني على بلدة حدودية. وارتفع عدد الشهداء إلى 10 مدنيين. ثم "
            "ارتفعت الحصيلة إلى 12 مدنياً.",
            12,
        ),
        ("قتل 5 مدنيين بغارة لهيئة تحرير الشام. وقتل 2 من المدنيين في قرية مجاورة.", 5),
    ],
)
def test_the_updated_toll_wins(text: str, expected: int) -> None:
    assert primary_killed(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Five civilians were killed in a Russian airstrike on Sarmin. The death toll later "
            "rose to seven civilians after two of the wounded died.",
            7,
        ),
        (
            "Three civilians were killed by Turkish shelling near Manbij. The toll rose to "
            "four civilians on Monday.",
            4,
        ),
        (
            "An Israeli strike killed six civilians in Quneitra. The number of dead climbed to "
            "nine civilians, local sources said.",
            9,
        ),
        (
            "Four civilians were killed in an ISIS car bombing. The toll has risen to 120 "
            "civilians since the start of the year.",
            4,
        ),
    ],
)
def test_the_updated_toll_wins_in_english(text: str, expected: int) -> None:
    assert primary_killed(text)[0] == expected


# A period's total and one incident's toll are two claims ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "مقتل مدني برصاص مجهولين في ريف الرقة\n5 قتلى و4 مصابين في هجمات لداعش خلال تموز",
            1,
        ),
        (
            "استشهاد طفلين بقصف مدفعي تركي على ريف عين عيسى\nتوثيق مقتل 231 شخصاً خلال آب",
            2,
        ),
        (
            "مقتل 3 مدنيين بغارة روسية على أطراف إدلب\nمقتل 40 مدنياً بقصف النظام خلال شهر أيلول",
            3,
        ),
        (
            "مقتل 120 مدنياً خلال العام الماضي بمخلفات الحرب\nمقتل مدنيين اثنين بانفجار لغم من "
            "مخلفات داعش في البادية",
            2,
        ),
        (
            "مقتل 12 مدنياً خلال الأسبوع الماضي\nاستشهاد 4 مواطنين بقصف مسيرة لقسد على قرية في "
            "ريف منبج",
            4,
        ),
        (
            "استشهاد امرأة بغارة إسرائيلية على ريف درعا\nمقتل 15 مدنياً خلال نيسان بحسب المرصد",
            1,
        ),
        (
            "مقتل 3 مدنيين بقصف صاروخي لهيئة تحرير الشام\n75 قتيلاً خلال حزيران في عموم البلاد",
            3,
        ),
        (
            "مقتل 5 مدنيين بغارة أمريكية على ريف دير الزور\nمقتل 30 مدنياً خلال 2024 بغارات التحالف",
            5,
        ),
    ],
)
def test_a_period_total_is_its_own_claim(text: str, expected: int) -> None:
    assert primary_killed(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A man was killed by unknown gunmen in Raqqa.\nFive people were killed in ISIS "
            "attacks during July 2024.",
            1,
        ),
        (
            "Two children were killed by Turkish shelling near Ain Issa.\nThe monitor documented "
            "231 deaths in August 2024.",
            2,
        ),
    ],
)
def test_a_period_total_is_its_own_claim_in_english(text: str, expected: int) -> None:
    assert primary_killed(text)[0] == expected


# A headline the text does not repeat, over a site's ticker with no toll ------------------------

_TICKER = (
    "السبت 3 آب\n\n"
    "الجيش الإسرائيلي يعلن اغتيال قيادي في غزة\n\n"
    "ارتفاع أسعار الخبز في دمشق\n\n"
    "افتتاح معرض للكتاب في القامشلي\n"
)


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("استشهاد 4 مواطنين وإصابة 9 آخرين في قصف تركي على ريف كوباني", 4, 9),
        ("مقتل طفلين بقصف مدفعي لقوات النظام على جبل الزاوية - شبكة الأخبار", 2, None),
    ],
)
def test_the_headline_gives_the_toll_a_ticker_lacks(
    title: str, killed: int, injured: int | None
) -> None:
    claims = Extractor().extract(Document("t", _TICKER, title=title, language="ar")).claims
    lead = next(c for c in claims if c.primary)
    civ = lead.killed.civilians or lead.killed.total
    assert civ is not None and civ.min == killed
    hurt = lead.injured.civilians or lead.injured.total
    assert (hurt.min if hurt else None) == injured


def test_a_text_with_its_own_toll_keeps_it_over_the_headline() -> None:
    text = "قتل مدنيان بقصف مدفعي على قرية في ريف إدلب مساء أمس، بحسب مصادر محلية."
    title = "مقتل 5 مدنيين بقصف على ريف إدلب"
    assert primary_killed_titled(text, title) == 2


def primary_killed_titled(text: str, title: str) -> int | None:
    claims = Extractor().extract(Document("t", text, title=title, language="ar")).claims
    lead = next(c for c in claims if c.primary)
    civ = lead.killed.civilians or lead.killed.total
    return civ.min if civ else None


# A vague Arabic figure gives way to a precise one of the same people ----------------------------


@pytest.mark.parametrize(
    ("words", "vague"),
    [
        ("عدد من الشهداء", True),
        ("عددا من الضحايا", True),
        ("عشرات القتلى", True),
        ("العديد من المدنيين", True),
        ("4 مدنيين", False),
        ("أكثر من عشرة قتلى", False),
        ("dozens", False),
    ],
)
def test_arabic_vague_quantities(words: str, vague: bool) -> None:
    assert is_vague_arabic(Range(2, None, words)) is vague


def test_a_precise_figure_beats_a_vague_one_told_first() -> None:
    vague = CountMention(0, 14, Range(2, None, "عدد من المدنيين"), "killed", "civilians")
    precise = CountMention(30, 38, Range(4, 4, "4 مدنيين"), "killed", "civilians")
    killed, _, _ = combine([vague, precise])
    assert killed.civilians is not None and killed.civilians.min == 4


# Numbered lists of names on one line ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "استشهاد ثلاثة مدنيين بقصف على سرمين وهم: 1_ خالد أحمد الحسن 2_ سامر محمود العبيد "
        "3_ ياسر علي الخلف",
        "أسماء ضحايا القصف على سرمين: 1 ـ خالد أحمد الحسن 2 ـ سامر محمود العبيد 3 ـ ياسر علي الخلف",
    ],
)
def test_items_numbered_with_other_marks_are_named(text: str) -> None:
    assert [n for n, _, _ in named(text)] == [
        "خالد أحمد الحسن",
        "سامر محمود العبيد",
        "ياسر علي الخلف",
    ]


def test_each_list_takes_the_outcome_of_its_own_header() -> None:
    text = (
        "#الشهداء :1-خالد أحمد الحسن 14 سنة 2-سامر محمود العبيد 12 سنة 3-ياسر علي الخلف "
        "#الجرحى : 1- نزار حسن دعبول2- عمر محمد شبيب3-فارس زنكلو 4-يوسف زيات"
    )
    outcomes = [o for _, o, _ in named(text)]
    assert outcomes == ["killed"] * 3 + ["injured"] * 4
    assert primary_killed(text)[0] == 3


# "فقدان" beside the injured: lives lost, not people missing -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أسفر القصف التركي عن فقدان 4 مدنيين وإصابة نحو 20 آخرين",
            # the others of civilians are civilians
            [(4, "killed", "civilians"), (20, "injured", "civilians")],
        ),
        (
            "فقدان طفلة وإصابة شابين في قصف مسيرة على ريف عين عيسى",
            [(1, "killed", "children"), (2, "injured", "men")],
        ),
        ("فقدان 3 مدنيين بعد غرق قارب قرب الساحل", [(3, "missing", "civilians")]),
        (
            "فقدان الاتصال مع 3 صيادين وإصابة اثنين في البحر",
            [(3, "missing", "total"), (2, "injured", "total")],
        ),
    ],
)
def test_a_loss_told_beside_the_injured_is_of_lives(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


# A page archived with only its site's ticker: the headline is the report ------------------------

_SITE_TICKER = "\n\n".join(
    [
        "الأحد 4 آب, 2024",
        "الجيش الإسرائيلي يعلن اغتيال قيادي في غزة",
        "مقتل رجل مسن في حلب إثر تعرضه لإطلاق نار من قبل مجهولين",
        "ارتفاع أسعار الخبز في دمشق",
        "افتتاح معرض للكتاب في القامشلي",
        "الكويت تعلن إسقاط طائرات مسيرة وتتهم إيران باستهداف منشآت",
        "موعد بدء صرف معاشات المتقاعدين في سوريا",
        "اللغة/Language",
        "عربي",
        "ENGLISH",
    ]
)


def _lead(text: str, title: str) -> Claim:
    claims = Extractor().extract(Document("t", text, title=title, language="ar")).claims
    return next(c for c in claims if c.primary)


def test_a_ticker_page_takes_the_headline_toll_place_and_party() -> None:
    lead = _lead(_SITE_TICKER, "استشهاد 4 مدنيين بقصف للاحتلال التركي على بلدة عين عيسى -وكالة")
    civ = lead.killed.civilians or lead.killed.total
    assert civ is not None and civ.min == 4
    assert lead.perpetrator.group == "turkey"
    assert [p.name for p in lead.places][:1] == ["Ayn Isa"]


def test_a_ticker_page_whose_headline_names_no_toll_or_party_keeps_none() -> None:
    lead = _lead(_SITE_TICKER, "مجزرة جديدة في ريف الرقة -وكالة")
    assert lead.killed.is_empty()
    assert lead.perpetrator.group == "unknown"
    assert all(p.admin1 == "Raqqa" for p in lead.places)


# Bare plurals, headline verbs, executions and hashtags -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an indefinite noun in "-ين" with no number is a dual or a plural: at least two
        ("مقتل مدنيين بقصف مدفعي على أطراف بلدة سرمين", [(2, "killed", "civilians")]),
        ("استشهاد نازحين في غارة على مخيم قرب الحدود", [(2, "killed", "civilians")]),
        ("إصابة مواطنين بانفجار قذيفة في حي سكني", [(2, "injured", "civilians")]),
        # a number after it still decides
        ("مقتل مدنيين اثنين بقصف صاروخي على القرية", [(2, "killed", "civilians")]),
        # killed and injured together cannot be split; a defined noun is no count
        ("مقتل وإصابة مدنيين بقصف على المدينة", []),
        ("مقتل المدنيين في القصف يثير الغضب", []),
        # "the others" of a count told before are not a new count
        ("مقتل 3 مدنيين وإصابة آخرين بقصف للطيران", [(3, "killed", "civilians")]),
        # a headline's present tense
        ("غارة جوية تقتل مدنياً في ريف إدلب الغربي", [(1, "killed", "civilians")]),
        ("قصف مدفعي يقتل 4 أطفال في قرية شرق حلب", [(4, "killed", "children")]),
        ("قذيفة تصيب طفلين أمام مدرسة في البلدة", [(2, "injured", "children")]),
        ("قصف تركي يودي بحياة 6 مدنيين من عائلة واحدة", [(6, "killed", "civilians")]),
        # executions are killings
        ("إعدام شابين ميدانياً على يد عناصر الحاجز", [(2, "killed", "men")]),
        ("تصفية 3 مدنيين بعد اقتحام منزلهم فجر اليوم", [(3, "killed", "civilians")]),
        # a cardinal after its noun: with the article after a defined or possessed plural
        (
            "استشهاد سيدة وأطفالها الثلاثة بغارة على منزلهم",
            [(1, "killed", "women"), (3, "killed", "children")],
        ),
        ("مقتل الأطفال الأربعة في القصف على المدرسة", [(4, "killed", "children")]),
        ("مقتل أبنائه الخمسة بقذيفة سقطت على المنزل", [(5, "killed", "total")]),
        ("استشهاد مدنيين ثلاثة بقصف مدفعي على البلدة", [(3, "killed", "civilians")]),
        # 11 to 99 count with a singular noun: the wounded are not added to the dead
        (
            "الحصيلة حتى اللحظة 5 شهداء و38 إصابة في القصف على المدينة",
            [(5, "killed", "total"), (38, "injured", "total")],
        ),
        # an obituary's formula
        ("في ذمة الله الشابان أحمد ومحمد إثر القصف على القرية", [(2, "killed", "men")]),
        # a post written in hashtags, word by word
        ("أضرار في المستشفى #ووفاة #طفلين في العناية المركزة", [(2, "killed", "children")]),
    ],
)
def test_bare_plurals_headline_verbs_and_executions(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


def test_a_bare_plural_is_at_least_two_and_gives_way_to_a_figure() -> None:
    at = ArabicText("مقتل مدنيين بقصف على القرية")
    (c,) = find_counts(at, 0, len(at.text))
    assert (c.range.min, c.range.max) == (2, None)
    assert is_vague_arabic(c.range)
    # in one sentence's tally, a stated figure of the same people wins
    assert listed_killed("مقتل مدنيين بقصف مدفعي على القرية، حيث قتل 3 مدنيين في منازلهم") == 3


# Civilians and fighters counted together; singular victims in reported speech -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mixed total: how many of each the sentence does not say
        ("عدوان تركي يسفر عن استشهاد 12 مدنياً وعسكرياً في ريف الشدادي", [(12, "killed", "total")]),
        ("قتل 12 شخصا بين مدنيين وعسكريين بغارات روسية على ريف إدلب", [(12, "killed", "total")]),
        (
            "سقوط 9 شهداء من العسكريين والمدنيين بقصف إسرائيلي على ريف درعا",
            [(9, "killed", "total")],
        ),
        ("مقتل 5 من المدنيين والعسكريين بقصف لقوات النظام على ريف حماة", [(5, "killed", "total")]),
        ("مقتل 7 عسكريين ومدنيين بغارة للتحالف الدولي على ريف دير الزور", [(7, "killed", "total")]),
        # a soldier beside the civilians is a count of his own
        (
            "مقتل 5 مدنيين وعسكري بقصف مسيرة تركية على ريف القامشلي",
            [(5, "killed", "civilians"), (1, "killed", "combatants")],
        ),
        (
            "مقتل 4 مدنيين و3 عسكريين بغارة لقسد على ريف منبج",
            [(4, "killed", "civilians"), (3, "killed", "combatants")],
        ),
        # a singular subject of reported speech: "قال المراسل إن مدنياً قتل"
        (
            "وقال المراسل إن مدنياً قتل، وأصيبت امرأة، في قصف مدفعي لقوات النظام على بلدة الكفير",
            [(1, "killed", "civilians"), (1, "injured", "women")],
        ),
        ("وأفاد ناشطون بأن طفلاً استشهد بقصف داعش على قرية في البادية", [(1, "killed", "children")]),
        (
            "طفل فارق الحياة متأثرا بجراحه جراء قصف هيئة تحرير الشام على بلدة",
            [(1, "killed", "children")],
        ),
        ("شابان فارقا الحياة بغارة أمريكية على ريف إدلب", [(2, "killed", "men")]),
    ],
)
def test_mixed_totals_and_reported_singulars(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "فاز المرشح بفارق 5 أصوات عن منافسه",  # "a margin of 5 votes": no outcome word
        "قصف مدفعي على قرية أم الريش غربي إدلب",  # "أم" in a place's name
    ],
)
def test_words_like_outcomes_count_nothing(text: str) -> None:
    assert counts(text) == []


def test_a_mother_and_her_son() -> None:
    assert primary_killed("قسد تقتل أما وابنها في ريف الرقة") == (2, None)
    assert primary_killed("الاحتلال التركي يقتل أما وابنها في ريف الحسكة") == (2, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shots, shells or raids behind "ب" are no count of the dead
        ("العثور على جثة صابر وابن عمه سامي مقتولين بعدة طلقات نارية بعد مداهمة قسد", (2, None)),
        ("قتل مدني بعدة طلقات نارية أطلقها عناصر من قوات النظام", (1, None)),
        ("مقتل 5 أشخاص بـ 3 غارات روسية على ريف إدلب", (5, None)),
        ("مقتل بضعة مدنيين بقصف تركي على ريف الحسكة", (2, None)),
        # one person under two spellings of the father's name is one person
        (
            "استشهاد محمود هليل الزوبعي الشمري برصاص قسد، رحم الله الشهيد محمود الهليل الشاهر",
            (1, None),
        ),
        # an obituary's formulas and a commenter's name are nobody killed
        (
            "تنعى عائلة الشاهر وفاة فقيدهم المغفور له بإذن الله المرحوم محمود هليل الشاهر",
            (1, None),
        ),
        ('الدكتور "احمد الشمري" يعلق على خبر استشهاد محمود هليل الشمري على يد قسد', (1, None)),
    ],
)
def test_instruments_and_names_counted_once(text: str, expected: tuple[int, int | None]) -> None:
    assert primary_killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who a toll counts, named after its noun
        ("ارتفع عدد قتلى المسلحين في القرية إلى 10", [(10, "killed", "combatants")]),
        ("يرتفع عدد قتلى التنظيم إلى 6 خلال شهرين", [(6, "killed", "combatants")]),
        ("ليرتفع عدد قتلى هذه القوات إلى 3", [(3, "killed", "combatants")]),
        ("ارتفع عدد الشهداء المدنيين إلى 8", [(8, "killed", "civilians")]),
        # people the text says were fighters
        ("ما أسفر عن مقتل شخصين يعتقد أنهما من عناصر تنظيم داعش", [(2, "killed", "combatants")]),
        ("ومقتل 10 من المسلحين العشائريين في اشتباكات", [(10, "killed", "combatants")]),
        ("مقتل شخصين بغارة على سيارة قرب البلدة", [(2, "killed", "total")]),
    ],
)
def test_toll_victims_and_fighters(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


# Families, children with a pronoun, the verb's subject before "بحياة" -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # children counted with a possessive after "من"
        (
            "مقتل رجل و3 من أطفاله بغارة جوية على المدينة",
            [(1, "killed", "men"), (3, "killed", "children")],
        ),
        ("مقتل ٣ من أطفالهما بغارة للطيران الحربي على البلدة", [(3, "killed", "children")]),
        ("استشهاد أربعة من أولادها بقصف مدفعي على القرية", [(4, "killed", "children")]),
        (
            "قتل رجل وزوجته وثلاثة من أطفالهما جراء غارة للتحالف",
            [(1, "killed", "men"), (1, "killed", "women"), (3, "killed", "children")],
        ),
        # a child with a pronoun beside a parent
        (
            "قضت امرأة وطفلتها جراء قصف صاروخي على البلدة",
            [(1, "killed", "women"), (1, "killed", "children")],
        ),
        (
            "قصف مدفعي يودي بحياة سيدة وطفليها في مدينة الأتارب",
            [(1, "killed", "women"), (2, "killed", "children")],
        ),
        # a number joined by "و" is a count of its own, not the number of the noun before it:
        # the list is added up (3) over its parts
        (
            "قتل مواطن واثنان من أبنائه بقصف على القرية",
            [(3, "killed", "civilians"), (1, "killed", "civilians"), (2, "killed", "total")],
        ),
        # the verb's subject between "أودى" and "بحياة"
        (
            "أودت غارة جوية روسية بحياة ثلاثة مدنيين بينهم طفل",
            [(3, "killed", "civilians"), (1, "killed", "children")],
        ),
        (
            "أودى قصف صاروخي نفذته قوات النظام على المدينة بحياة طفلين وامرأة",
            [(2, "killed", "children"), (1, "killed", "women")],
        ),
        # siblings said to be children
        ("استشهاد ثلاثة أشقاء أطفال بقصف على منزلهم", [(3, "killed", "children")]),
        (
            "مقتل 3 إخوة أطفال ووالدتهم بغارة",
            [(3, "killed", "children"), (1, "killed", "women")],
        ),
        ("مقتل 6 أشقاء أطفال ونساء بغارة", [(6, "killed", "total")]),
        (
            "مقتل شقيقين طفلين وإصابة والدتهما جراء قصف مدفعي",
            [(2, "killed", "children"), (1, "injured", "women")],
        ),
        # a defined dual, the two names, then their verb
        ("الطفلتان جنى وحلا استشهدتا بقصف لقوات الأسد", [(2, "killed", "children")]),
        ("الشقيقان أحمد ومحمد أصيبا بجروح بقصف مدفعي", [(2, "injured", "total")]),
        ("الطفلان في المدرسة التي قصفها النظام", []),
        # a family's size
        ("مقتل عائلة كاملة مكونة من سبعة أشخاص في غارة", [(7, "killed", "total")]),
        (
            "استشهاد عائلة مؤلفة من ستة أشخاص، بينهم أربعة أطفال",
            [(6, "killed", "total"), (4, "killed", "children")],
        ),
        ("قتلت أسرة من 5 أفراد إثر غارة استهدفت منزلها", [(5, "killed", "total")]),
        # women and feminine duals
        (
            "مقتل 18 مدنياً بينهم 4 أطفال و3 مواطنات",
            [(18, "killed", "civilians"), (4, "killed", "children"), (3, "killed", "women")],
        ),
        (
            "قتيلتان وأربعة جرحى بقصف مسيرة على السوق",
            [(2, "killed", "total"), (4, "injured", "total")],
        ),
    ],
)
def test_families_and_children_of_a_parent(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # things a number counts, not people
        ("موقع سقوط إحدى قذائف النظام المدفعية في مدينة سرمين", []),
        ("سقوط 3 قذائف على الحي الشرقي دون إصابات", []),
        ("سقوط 3 قتلى بقصف على الحي", [(3, "killed", "total")]),
        # an age or a span of time is no count
        ("توفي الطفل عمر (10 سنوات) متأثراً بجراحه", [(1, "killed", "children")]),
        ("مقتل 5 مدنيين خلال 3 أيام من القصف", [(5, "killed", "civilians")]),
        # one of the dead is counted where they all are
        (
            "أحد قتلى الغارات الجوية التي أدت لمقتل 3 مدنيين",
            [(3, "killed", "civilians")],
        ),
        ("مقتل أحد عشر مدنيا بقصف على المدينة", [(11, "killed", "civilians")]),
        # fighters as either side names them, and a toll of a faction's dead
        ("أفادت مصادر بمقتل ثلاثة إرهابيين بغارة جوية", [(3, "killed", "combatants")]),
        ("ارتفاع عدد القتلى من فصيل صقور الشام إلى 3", [(3, "killed", "combatants")]),
        ("وقسد تعلن مقتل 7 من عناصرها في الهجوم", [(7, "killed", "combatants")]),
        ("أعلن الفصيل مقتل 3 من مقاتليه بقصف", [(3, "killed", "combatants")]),
        # a toll named far before its figure
        (
            "ارتفاع عدد ضحايا غارات التحالف على حي هشام بن عبد الملك في الرقة إلى 9 مدنيين",
            [(9, "killed", "civilians")],
        ),
        # executions: "أعدموا"
        ("قال شهود إن عناصر التنظيم أعدموا 15 مدنياً في القرية", [(15, "killed", "civilians")]),
    ],
)
def test_things_counted_and_one_of_the_dead(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a breakdown after a comma or a colon, without "بينهم"
        (
            "سقط 4 شهداء، طفلان وامرأتان، بقصف صاروخي على المدينة",
            [(4, "killed", "total"), (2, "killed", "children"), (2, "killed", "women")],
        ),
        (
            "استشهد 3 مدنيين: طفلان وامرأة، جراء غارة روسية",
            [(3, "killed", "civilians"), (2, "killed", "children"), (1, "killed", "women")],
        ),
        (
            "مقتل 5 مدنيين، ثلاثة أطفال وامرأتان، بقصف لقوات النظام",
            [(5, "killed", "civilians"), (3, "killed", "children"), (2, "killed", "women")],
        ),
        # the outcome after a breakdown set between commas
        (
            "أفاد ناشطون بأن 6 مدنيين، بينهم ثلاثة أطفال، قتلوا بقصف مدفعي",
            [(6, "killed", "civilians"), (3, "killed", "children")],
        ),
        # the figure before "منهم" and who they are after it
        (
            "أفاد ناشطون بأن 6 مدنيين، ثلاثة منهم أطفال، قتلوا بقصف",
            [(6, "killed", "civilians"), (3, "killed", "children")],
        ),
        (
            "استشهد خمسة مدنيين، اثنان منهم نساء، بقصف مدفعي",
            [(5, "killed", "civilians"), (2, "killed", "women")],
        ),
        # a listed plural and its cardinal after "بينهم"
        (
            "قتل سبعة أشخاص بينهم أطفال أربعة ونساء ثلاث في غارة جوية",
            [(7, "killed", "total"), (4, "killed", "children"), (3, "killed", "women")],
        ),
        # more than the count, or not a group of people: no breakdown
        ("مقتل مدنيين اثنين، وإصابة طفل", [(2, "killed", "civilians"), (1, "injured", "children")]),
        (
            "قتل 3 مدنيين، 4 أطفال أصيبوا بجروح",
            [(3, "killed", "civilians"), (4, "injured", "children")],
        ),
        (
            "قتل 5 مدنيين، 3 أطفال أصيبوا بجروح",
            [(5, "killed", "civilians"), (3, "injured", "children")],
        ),
    ],
)
def test_a_breakdown_after_a_comma(text: str, expected: list[tuple[int, str, str]]) -> None:
    c = counts(text)
    assert c == expected


# "others" after a count of fighters are fighters; the dual "آخران" counts two ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قتل ثلاثة عناصر من قوات النظام وجرح اثنان آخرون بهجوم لتنظيم داعش",
            [(3, "killed", "combatants"), (2, "injured", "combatants")],
        ),
        (
            "استشهد عسكريان وجرح آخران جراء عدوان إسرائيلي",
            [(2, "killed", "combatants"), (2, "injured", "combatants")],
        ),
        (
            "أصيب ثلاثة عناصر من قوات سوريا الديمقراطية، وقتل اثنان آخران، بهجوم",
            [(3, "injured", "combatants"), (2, "killed", "combatants")],
        ),
        # people counted before stay people
        (
            "قتل شخصان وجرح آخران بانفجار لغم",
            [(2, "killed", "total"), (2, "injured", "total")],
        ),
    ],
)
def test_the_others_of_fighters_are_fighters(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert counts(text) == expected


def test_one_more_after_an_outcome_word() -> None:
    assert counts("استشهد مواطن وأصيب آخر بجروح بليغة إثر استهداف طائرة مسيرة") == [
        (1, "killed", "civilians"),
        (1, "injured", "civilians"),
    ]
