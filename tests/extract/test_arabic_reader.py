"""The Arabic claim reader, on sentences written for these tests in the styles of Syrian news
sites, monitors, civil-defence pages, state media and social-network posts."""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.arabic import other_arabic_script, reads_arabic
from factfinder.extract.arabic.actors import (
    find_actors,
    find_claimant,
    find_stance,
    header_claimant,
    occupier,
)
from factfinder.extract.arabic.casualties import find_counts
from factfinder.extract.arabic.dates import find_dates
from factfinder.extract.arabic.events import find_events, find_weapons
from factfinder.extract.arabic.numbers import read_number
from factfinder.extract.arabic.reader import report_date, split_sentences
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.events import classify
from factfinder.extract.finders import Parts
from factfinder.extract.pipeline import Extractor, extract_document
from factfinder.model import Document

ANCHOR = dt.date(2024, 3, 12)  # a Tuesday


def counts(text: str) -> list[tuple[int | None, int | None, str, str, bool]]:
    at = ArabicText(text)
    return [
        (c.range.min, c.range.max, c.outcome, c.victims, c.sub_of is not None)
        for c in find_counts(at, 0, len(text))
    ]


def number(text: str) -> tuple[int | None, int | None]:
    at = ArabicText(text)
    n = read_number(at, 0, len(at.toks))
    assert n is not None, text
    return n.min, n.max


# Numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 شخصا", (12, 12)),
        ("١٢ شخصا", (12, 12)),  # Arabic-Indic digits
        ("۱۵ مدنيا", (15, 15)),  # Eastern Arabic digits
        ("١٬٢٠٠ شخص", (1200, 1200)),
        ("ثلاثة أطفال", (3, 3)),
        ("ثلاث نساء", (3, 3)),
        ("إحدى عشرة امرأة", (11, 11)),
        ("خمسة وعشرين مدنيا", (25, 25)),
        ("ثلاثمئة شخص", (300, 300)),
        ("ثلاث مئة شخص", (300, 300)),
        ("ألفين شخص", (2000, 2000)),
        ("أكثر من 10 مدنيين", (11, None)),
        ("ما لا يقل عن 12 شخصا", (12, None)),
        ("نحو 30 شخصا", (30, 30)),
        ("قرابة 40 شخصا", (40, 40)),
        ("أقل من 10 أشخاص", (None, 9)),
        ("بين 5 و7 أشخاص", (5, 7)),
        ("5-7 أشخاص", (5, 7)),
        ("عشرات المدنيين", (20, None)),
        ("مئات الأشخاص", (200, None)),
        ("عدد من المدنيين", (2, None)),
        ("عشرات الآلاف", (20000, None)),
    ],
)
def test_numbers(text: str, expected: tuple[int | None, int | None]) -> None:
    assert number(text) == expected


def test_years_times_and_dates_are_not_counts() -> None:
    for text in ("2024 مدنيين", "11:30 صباحا", "12 آذار"):
        at = ArabicText(text)
        assert read_number(at, 0, len(at.toks)) is None, text


# Casualties ---------------------------------------------------------------------------------


def test_killed_before_and_after_the_count() -> None:
    assert counts("أسفر القصف عن مقتل 5 مدنيين") == [(5, 5, "killed", "civilians", False)]
    assert counts("ارتفعت الحصيلة إلى 46 قتيلا") == [(46, 46, "killed", "total", False)]
    assert counts("سقط 3 شهداء في القصف") == [(3, 3, "killed", "total", False)]
    assert counts("5 أشخاص لقوا حتفهم في الانفجار") == [(5, 5, "killed", "total", False)]
    assert counts("انتشال جثث 4 مدنيين من تحت الأنقاض") == [(4, 4, "killed", "civilians", False)]


def test_singular_and_dual_nouns_are_counts() -> None:
    assert counts("مقتل مدني وإصابة 3 آخرين بجروح") == [
        (1, 1, "killed", "civilians", False),
        (3, 3, "injured", "total", False),
    ]
    assert counts("استشهاد طفلين بقصف مدفعي") == [(2, 2, "killed", "children", False)]
    assert counts("إصابة مدنيين اثنين بجروح") == [(2, 2, "injured", "civilians", False)]
    assert counts("مقتل طفل وامرأة بغارة") == [
        (1, 1, "killed", "children", False),
        (1, 1, "killed", "women", False),
    ]
    assert counts("وفاة الطفلة سلمى متأثرة بجراحها") == [(1, 1, "killed", "children", False)]


def test_breakdowns_point_at_the_head_count() -> None:
    assert counts("مقتل 9 أشخاص من عائلة واحدة، بينهم 4 أطفال وامرأتان") == [
        (9, 9, "killed", "total", False),
        (4, 4, "killed", "children", True),
        (2, 2, "killed", "women", True),
    ]
    assert counts("قتل 5 مدنيين بينهم طفلان") == [
        (5, 5, "killed", "civilians", False),
        (2, 2, "killed", "children", True),
    ]


def test_fighters_are_combatants() -> None:
    assert counts("مقتل 3 عناصر من قوات النظام") == [(3, 3, "killed", "combatants", False)]
    assert counts("مقتل 4 من قسد بهجوم") == [(4, 4, "killed", "combatants", False)]
    assert counts("سقط 6 قتلى في صفوف الفصيل") == [(6, 6, "killed", "combatants", False)]


def test_missing_and_vague() -> None:
    assert counts("فقدان 3 أشخاص بعد القصف") == [(3, 3, "missing", "total", False)]
    assert counts("إصابة عشرات المدنيين") == [(20, None, "injured", "civilians", False)]


def test_killed_and_injured_together_are_left_out() -> None:
    assert counts("سقوط 10 ضحايا بين قتيل وجريح") == []
    assert counts("مقتل وإصابة 8 أشخاص") == []


def test_spans_are_on_the_original_text() -> None:
    text = "قُتِلَ ٣ مَدَنِيِّينَ بِقَصْفٍ"  # with diacritics
    at = ArabicText(text)
    (c,) = find_counts(at, 0, len(text))
    assert text[c.start : c.end] == c.range.text == "٣ مَدَنِيِّينَ"
    assert (c.range.min, c.outcome, c.victims) == (3, "killed", "civilians")


# Dates --------------------------------------------------------------------------------------


def dates(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    at = ArabicText(text)
    return [
        (str(d.window.start), str(d.window.end), d.window.precision)
        for d in find_dates(at, 0, len(text), anchor)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 12 آذار 2024", ("2024-03-12", "2024-03-12", "day")),
        ("في 12 آذار/مارس 2024", ("2024-03-12", "2024-03-12", "day")),
        ("في 3 كانون الثاني 2023", ("2023-01-03", "2023-01-03", "day")),
        ("في 30 تشرين الأول 2022", ("2022-10-30", "2022-10-30", "day")),
        ("في 5 أغسطس 2021", ("2021-08-05", "2021-08-05", "day")),
        ("في الـ7 من شهر أيار 2024", ("2024-05-07", "2024-05-07", "day")),
        ("خلال شباط 2024", ("2024-02-01", "2024-02-29", "month")),
        ("بتاريخ 09/03/2024", ("2024-03-09", "2024-03-09", "day")),
        ("بتاريخ ١١-٩-٢٠٢٣", ("2023-09-11", "2023-09-11", "day")),
        ("بتاريخ ٢٠٢٣/٠٩/١١", ("2023-09-11", "2023-09-11", "day")),
        ("في ۱۱.۹.۲۰۲۳", ("2023-09-11", "2023-09-11", "day")),
        ("فجر اليوم", ("2024-03-12", "2024-03-12", "day")),
        ("مساء أمس", ("2024-03-11", "2024-03-11", "day")),
        ("أول أمس", ("2024-03-10", "2024-03-10", "day")),
        ("اليوم الثلاثاء", ("2024-03-12", "2024-03-12", "day")),
        ("يوم الأحد", ("2024-03-10", "2024-03-10", "day")),
        ("فجر الجمعة", ("2024-03-08", "2024-03-08", "day")),
        ("الثلاثاء الماضي", ("2024-03-05", "2024-03-05", "day")),
        ("منذ يومين", ("2024-03-10", "2024-03-10", "day")),
        ("منذ 3 أيام", ("2024-03-09", "2024-03-09", "day")),
        ("قبل يومين", ("2024-03-10", "2024-03-10", "day")),
        ("وقبل 3 أيام", ("2024-03-09", "2024-03-09", "day")),
        ("الأسبوع الماضي", ("2024-03-04", "2024-03-10", "week")),
        ("الشهر الماضي", ("2024-02-01", "2024-02-29", "month")),
    ],
)
def test_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert dates(text) == [expected]


def test_days_before_another_event_are_not_a_date() -> None:
    assert dates("قبل يومين من وصول الوفد") == []


def test_day_and_month_take_the_anchor_year() -> None:
    assert dates("يوم 10 آذار") == [("2024-03-10", "2024-03-10", "day")]
    assert dates("يوم 20 كانون الأول") == [("2023-12-20", "2023-12-20", "day")]


def test_relative_dates_need_an_anchor() -> None:
    assert dates("قصف فجر اليوم الأحد", None) == []
    assert dates("يوم 10 آذار", None) == []
    assert dates("في 12 آذار 2024", None) == [("2024-03-12", "2024-03-12", "day")]


def test_until_today_is_not_a_date() -> None:
    assert dates("لا يزال مستمرا حتى اليوم") == []


# Actors -------------------------------------------------------------------------------------


def actors(text: str) -> list[tuple[str, str]]:
    at = ArabicText(text)
    return [(a.group, a.role) for a in find_actors(at, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "غارة جوية لطيران التحالف الدولي على ريف دير الزور",
            [("us_led_coalition", "perpetrator")],
        ),
        ("قصف الطيران الروسي بلدة البارة", [("russia", "perpetrator")]),
        ("غارات روسية على ريف إدلب", [("russia", "perpetrator")]),
        ("قصف مدفعي لقوات النظام على أريحا", [("syrian_government", "perpetrator")]),
        ("طائرة مسيرة تركية تستهدف سيارة قرب القامشلي", [("turkey", "perpetrator")]),
        ("استهدفت المسيرات التركية قرية في ريف كوباني", [("turkey", "perpetrator")]),
        ("قصف مدفعي للفصائل الموالية لتركيا على قرى منبج", [("armed_opposition", "perpetrator")]),
        ("قصف صاروخي للجيش الوطني على تل رفعت", [("armed_opposition", "perpetrator")]),
        ("قصف مدفعي لقسد على مدينة الباب", [("sdf_ypg", "perpetrator")]),
        ("هجوم لخلايا داعش بعبوة ناسفة في البادية", [("isis", "perpetrator")]),
        ("قصف بقذائف الهاون من قبل هيئة تحرير الشام", [("hts_nusra", "perpetrator")]),
        ("غارات للطيران الإسرائيلي على محيط دمشق", [("israel", "perpetrator")]),
        ("قصف صاروخي للميليشيات الإيرانية على ريف البوكمال", [("iran", "perpetrator")]),
        # a nation adjective after a verb of belief, and members behind "برصاص"
        ("غارات نفذتها طائرات حربية يرجح أنها روسية على زردنا", [("russia", "perpetrator")]),
        ("قصف جوي يعتقد أنه إسرائيلي على محيط دمشق", [("israel", "perpetrator")]),
        ("مقتل طفل برصاص عناصر قسد خلال مداهمة", [("sdf_ypg", "perpetrator")]),
        ("مقتل شاب برصاص عناصر هيئة تحرير الشام في سرمدا", [("hts_nusra", "perpetrator")]),
        # a relative clause's verb with its object, and a name broken with a slash
        ("الهجوم الذي شنه الاحتلال التر/كي على قافلة مدنية", [("turkey", "perpetrator")]),
    ],
)
def test_perpetrators_of_every_party(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors(text) == expected


def test_victim_and_claimant_roles() -> None:
    assert actors("مقتل 3 عناصر من قوات النظام بقصف لهيئة تحرير الشام") == [
        ("syrian_government", "victim"),
        ("hts_nusra", "perpetrator"),
    ]
    assert actors("أعلنت قسد مقتل جنديين بقصف تركي") == [
        ("sdf_ypg", "claimant"),
        ("turkey", "perpetrator"),
    ]
    assert actors("قصف مدفعي تركي على مواقع قسد") == [
        ("turkey", "perpetrator"),
        ("sdf_ypg", "victim"),
    ]


def test_joint_attackers_name_the_air_party_first() -> None:
    assert actors("غارات جوية لطيران النظام وروسيا على ريف إدلب") == [
        ("russia", "perpetrator"),
        ("syrian_government", "perpetrator"),
    ]
    assert actors("نفذت قسد بمساندة طيران التحالف حملة دهم") == [
        ("us_led_coalition", "perpetrator"),
        ("sdf_ypg", "perpetrator"),
    ]


def test_words_broken_to_pass_filters_are_read_whole() -> None:
    assert actors("غارة جوية لطيران الاحتـ.ـلال الإسـ..ـرائيلي") == [("israel", "perpetrator")]
    assert actors("هجوم لخلايا داعـ ـش") == [("isis", "perpetrator")]


def test_a_full_stop_before_a_short_opener_ends_the_sentence() -> None:
    # "الشهد.اء" is one word broken to pass filters; "القصف.ثم" two sentences with no space
    assert [t.w for t in ArabicText("سقط 3 شهد.اء").toks] == ["سقط", "3", "شهداء"]
    # a slash before the first word of a name parts two words ("التر/كي" is one broken word)
    assert [t.w for t in ArabicText("الشهيد بإذن الله/عبد الرحيم").toks][2:] == [
        "الله",
        "/",
        "عبد",
        "الرحيم",
    ]
    assert [t.w for t in ArabicText("الاحتلال التر/كي").toks] == ["الاحتلال", "التركي"]
    assert [t.w for t in ArabicText("قضوا في القصف.ثم تضررت منازل").toks] == [
        "قضوا",
        "في",
        "القصف",
        ".",
        "ثم",
        "تضررت",
        "منازل",
    ]


@pytest.mark.parametrize(
    ("text", "words", "originals"),
    [
        # tatweel on one side of the space only: one word, its span the original broken word
        ("ارتكبت مجـ زرة", ["ارتكبت", "مجزره"], ["ارتكبت", "مجـ زرة"]),
        ("بعد غـــ ارة عنيفة", ["بعد", "غاره", "عنيفه"], ["بعد", "غـــ ارة", "عنيفة"]),
        ("بالـــطيـ ران", ["بالطيران"], ["بالـــطيـ ران"]),
        # a proclitic written apart keeps its space
        ("قصف لـ قوات", ["قصف", "ل", "قوات"], ["قصف", "ل", "قوات"]),
        ("الساعة الـ 11", ["الساعه", "ال", "11"], ["الساعة", "ال", "11"]),
        ("إصابة بـ قصف", ["اصابه", "ب", "قصف"], ["إصابة", "ب", "قصف"]),
        # a line's opening word glued to the word before it by a lost newline or a hashtag
        (
            "من القامشليمقتل شاب",
            ["من", "القامشلي", "مقتل", "شاب"],
            ["من", "القامشلي", "مقتل", "شاب"],
        ),
        (
            "#وفيات_البلدةالشهيد أحمد",
            ["#", "وفيات", "البلده", "الشهيد", "احمد"],
            ["#", "وفيات", "البلدة", "الشهيد", "أحمد"],
        ),
        (
            "قتلى وجرحى بقصف مكثفوالشهداء",
            ["قتلي", "وجرحي", "بقصف", "مكثف", "والشهداء"],
            ["قتلى", "وجرحى", "بقصف", "مكثف", "والشهداء"],
        ),
        # a clitic before an opener is no word of its own
        ("وباستشهاد مواطن", ["وباستشهاد", "مواطن"], ["وباستشهاد", "مواطن"]),
    ],
)
def test_broken_and_glued_words_are_read_apart_or_whole(
    text: str, words: list[str], originals: list[str]
) -> None:
    at = ArabicText(text)
    assert [t.w for t in at.toks] == words
    assert [at.words(i, i + 1) for i in range(len(at.toks))] == originals


def test_a_glued_opener_s_span_starts_at_the_opener() -> None:
    text = "خبر من القامشليمقتل شاب"
    at = ArabicText(text)
    i = [t.w for t in at.toks].index("مقتل")
    assert at.words(i, i + 2) == "مقتل شاب"
    assert at.words(i - 1, i) == "القامشلي"


# Claimants and stance -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "وقال المرصد السوري لحقوق الإنسان إن 4 مدنيين قتلوا",
            "المرصد السوري لحقوق الإنسان",
            "monitor",
        ),
        (
            "وثقت الشبكة السورية لحقوق الإنسان مقتل 3 مدنيين",
            "الشبكة السورية لحقوق الإنسان",
            "monitor",
        ),
        ("أفاد الدفاع المدني السوري بانتشال جثتين", "الدفاع المدني السوري", "ngo"),
        ("ذكرت سانا أن صاروخا سقط على حي سكني", "سانا", "state_media"),
        ("أعلنت وزارة الدفاع الروسية تدمير مقرات", "وزارة الدفاع الروسية", "party_to_conflict"),
        # a party before its verb after "و": the conjunction is not its name
        ("هجوم لداعش على سجن في الحسكة، وقسد تعلن مقتل 7 من عناصرها", "قسد", "party_to_conflict"),
        ("نفت وزارة الدفاع التركية استهداف المدنيين", "وزارة الدفاع التركية", "party_to_conflict"),
        ("بحسب مصادر محلية فإن القصف استهدف منزلا", "مصادر محلية", "media"),
    ],
)
def test_claimants(text: str, name: str, kind: str) -> None:
    at = ArabicText(text)
    found = find_claimant(at, 0, len(text))
    assert found is not None
    assert (found.name, found.type) == (name, kind)
    assert text[found.start : found.end] == name


def test_reporting_words_end_before_the_statement() -> None:
    text = "وقال المرصد يوم الأحد إن غارة قتلت مدنيين"
    at = ArabicText(text)
    found = find_claimant(at, 0, len(text))
    assert found is not None and found.cut is not None
    assert text[: found.cut].endswith("إن")


def test_stance_cues() -> None:
    text = "نفت وزارة الدفاع التركية الادعاءات وقالت إن قواتنا استهدفت مواقع إرهابية فقط"
    at = ArabicText(text)
    assert [s.stance for s in find_stance(at, 0, len(text))] == ["denies", "denies", "admits"]


# Event types and weapons --------------------------------------------------------------------


def event_type(text: str, air_actor: bool = False) -> str:
    at = ArabicText(text)
    return classify(find_events(at, 0, len(text)), air_actor=air_actor)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("غارة جوية على بلدة سرمين", "airstrike"),
        ("استهداف سيارة بطائرة مسيّرة", "airstrike"),
        ("قصف مدفعي على قرى جبل الزاوية", "shelling"),
        ("سقوط قذائف هاون على حي سكني", "shelling"),
        ("انفجار سيارة مفخخة في مدينة الباب", "explosion"),
        ("انفجار لغم أرضي بطفلين", "explosion"),
        ("إصابة طفل بانفجار عبوة ناسفة", "explosion"),
        ("هجوم بغاز الكلور على الحي", "chemical"),
        ("العثور على مقبرة جماعية في الرقة", "mass_grave"),
        ("إعدام ميداني لثلاثة شبان", "execution"),
        ("مقتل شاب برصاص قناص", "shooting"),
        ("حملة اعتقالات في ريف دير الزور", "detention"),
        ("قتل رجل في غارتين استهدفتا منزله", "airstrike"),
        ("استهدف الجيش التركي قرية بالأسلحة الثقيلة", "shelling"),
    ],
)
def test_event_types(text: str, expected: str) -> None:
    assert event_type(text) == expected


def test_bare_bombardment_reads_by_its_attacker() -> None:
    assert event_type("قصف على ريف إدلب") == "shelling"
    assert event_type("قصف على ريف إدلب", air_actor=True) == "airstrike"


def test_weapons() -> None:
    text = "قصف ببراميل متفجرة وقنابل عنقودية وفوسفور أبيض وصاروخ موجه"
    at = ArabicText(text)
    assert [w.name for w in find_weapons(at, 0, len(text))] == [
        "barrel bomb",
        "cluster munitions",
        "white phosphorus",
        "missile",
    ]


# Sentences, language, report date -----------------------------------------------------------


def test_sentences_and_title() -> None:
    text = "مقتل مدنيين بقصف على إدلب\n\nقتل 3 مدنيين، اليوم، بقصف مدفعي. وقال الدفاع المدني إن فرقه أسعفت جريحا؟ نعم"
    sentences, title = split_sentences(text, "مقتل مدنيين بقصف على إدلب - موقع إخباري")
    assert [s.text for s in sentences] == [
        "مقتل مدنيين بقصف على إدلب",
        "قتل 3 مدنيين، اليوم، بقصف مدفعي.",
        "وقال الدفاع المدني إن فرقه أسعفت جريحا؟",
        "نعم",
    ]
    assert title == 0


def test_comments_after_a_post_are_not_read() -> None:
    text = "صفحة أخبار\nJune 3, 2025 · Shared with Publicمقتل مدني بقصف.All reactions:12LikeComment مقتل 100 شخص"
    sentences, _ = split_sentences(text, None)
    assert [s.text for s in sentences] == ["صفحة أخبار", "June 3, 2025", "مقتل مدني بقصف."]


def test_a_link_to_another_article_is_not_read() -> None:
    text = "مقتل 3 أطفال بقصف تركي على قرية.\nاقرأ أيضاً: قسد تعلن مقتل 4 من عناصرها بهجوم لداعش"
    sentences, _ = split_sentences(text, None)
    assert [s.text for s in sentences] == ["مقتل 3 أطفال بقصف تركي على قرية."]


def test_the_page_date_of_a_post_is_the_report_date() -> None:
    text = "صفحة\nMarch 5, 2025 · Shared with Publicقصف اليوم"
    assert report_date(Document("d", text)) == dt.date(2025, 3, 5)
    tweet = "استهداف سيارة بمسيرة11:04 AM · Dec 4, 2024846Views"
    assert report_date(Document("d", tweet, published=dt.date(2025, 1, 1))) == dt.date(2024, 12, 4)
    assert report_date(Document("d", "قصف اليوم")) is None


def test_language() -> None:
    post = "Copy link to Tweet Shared with Public #Syria قصف مدفعي على ريف حلب الشمالي"
    assert reads_arabic(Document("a", post))
    assert not reads_arabic(Document("e", "Shelling hit villages north of Aleppo on Monday"))
    persian = "گزارش ها می گوید که حمله هوایی در شهر ادلب انجام شده است و چند نفر کشته شدند"
    assert reads_arabic(Document("p", persian)) and other_arabic_script(Document("p", persian))
    assert not other_arabic_script(Document("a", post))


# End to end ---------------------------------------------------------------------------------


def _extractor() -> Extractor:
    base = Parts.default()
    return Extractor(Parts(lambda text: [], base.counts, base.dates, base.dateline))


def test_an_arabic_report_gives_a_claim_with_spans_on_the_original_text() -> None:
    text = (
        "مقتل 4 مدنيين بغارات روسية على ريف إدلب\n\n"
        "قُتل 4 مدنيين، بينهم طفلان، وأصيب 7 آخرون، فجر اليوم الثلاثاء، جراء غارات جوية نفذتها "
        "الطائرات الحربية الروسية على بلدة في ريف إدلب الجنوبي.\n"
        "وقال الدفاع المدني السوري إن فرقه انتشلت الضحايا من تحت الأنقاض."
    )
    doc = Document("ar-1", text, title="مقتل 4 مدنيين بغارات روسية على ريف إدلب", published=ANCHOR)
    claims = _extractor().extract(doc).claims
    primary = next(c for c in claims if c.primary)
    assert primary.event_type == "airstrike"
    assert primary.perpetrator.group == "russia"
    assert primary.killed.civilians is not None and primary.killed.civilians.min == 4
    assert primary.killed.children is not None and primary.killed.children.min == 2
    assert primary.injured.total is not None and primary.injured.total.min == 7
    assert primary.date is not None and primary.date.start == ANCHOR
    assert primary.claimant.type == "ngo"
    for a, b in primary.spans:
        assert text[a:b].strip() and "مقتل" in text[primary.spans[0][0] : primary.spans[0][1]]


def test_turkish_drone_strike_post_without_publication_date() -> None:
    text = (
        "شبكة أخبار محلية\nFebruary 2, 2025 · Shared with Public"
        "استشهاد مدني وإصابة طفلين بقصف طائرة مسيرة تركية استهدفت سيارة قرب قرية في ريف كوباني مساء أمس"
        "All reactions:40LikeComment"
    )
    claims = _extractor().extract(Document("ar-2", text)).claims
    primary = next(c for c in claims if c.primary)
    assert (primary.event_type, primary.perpetrator.group) == ("airstrike", "turkey")
    assert primary.killed.civilians is not None and primary.killed.civilians.min == 1
    assert primary.injured.children is not None and primary.injured.children.min == 2
    assert primary.date is not None and primary.date.start == dt.date(2025, 2, 1)


def test_persian_is_not_read() -> None:
    text = "گزارش ها می گوید که حمله هوایی در شهر ادلب انجام شده است و پنج نفر کشته شدند"
    assert _extractor().extract(Document("fa-1", text)).claims == ()


def test_road_accidents_are_not_claims() -> None:
    text = "مقتل 4 أشخاص وإصابة 7 آخرين في حادث سير على طريق حلب دمشق الدولي"
    assert _extractor().extract(Document("ar-3", text, published=ANCHOR)).claims == ()


def test_a_plural_named_as_two_is_two() -> None:
    assert counts("ما أسفر عن استشهاد مدنيين، وهما: أحمد وخالد") == [
        (2, 2, "killed", "civilians", False)
    ]


def test_arrests_and_gunfire() -> None:
    assert event_type("إلقاء القبض على ثلاثة أشخاص في ريف دير الزور") == "detention"
    assert event_type("أطلقت دورية النار على سيارة مدنية") == "shooting"


def test_a_nation_adjective_joined_to_an_attacker() -> None:
    assert actors("أغار طيران النظام السوري والروسي على محيط المستشفى") == [
        ("russia", "perpetrator"),
        ("syrian_government", "perpetrator"),
    ]


def test_who_was_killed_in_a_relative_clause() -> None:
    assert counts("كشف المجلس عن هوية المدني الذي استشهد في القصف") == [
        (1, 1, "killed", "civilians", False)
    ]
    assert counts("تشييع الشهيد الإعلامي في مدينته") == [(1, 1, "killed", "total", False)]


def test_named_victims_and_their_kin() -> None:
    assert counts("مقتل ثلاثة أطفال وأمهم وطفل آخر") == [
        (3, 3, "killed", "children", False),
        (1, 1, "killed", "women", False),
        (1, 1, "killed", "children", False),
    ]
    assert counts(
        "أدى لاستشهاد المواطن سامر خليل (30 عاما) والطفلة ريم خليل وإصابة الطفلين رامي وسامي"
    ) == [
        (2, 2, "killed", "civilians", False),  # the two listed: one head count of two
        (1, 1, "killed", "civilians", True),
        (1, 1, "killed", "children", True),
        (2, 2, "injured", "children", False),
    ]


def test_an_english_sentence_in_an_arabic_post_is_read_in_english() -> None:
    text = (
        "قصف مدفعي على قرى ريف حلب الشمالي اليوم واستنفار لفرق الدفاع المدني في المنطقة\n"
        "Turkish artillery shelling killed three civilians, including a child, in the village on Monday."
    )
    claims = _extractor().extract(Document("ar-4", text, published=ANCHOR)).claims
    primary = next(c for c in claims if c.primary)
    assert primary.event_type == "shelling"
    assert primary.killed.civilians is not None and primary.killed.civilians.min == 3
    assert primary.killed.children is not None and primary.killed.children.min == 1


def test_areas_of_control_and_party_media_are_not_attackers() -> None:
    assert actors("قصف مدفعي على بلدة الخاضعة لنفوذ قوات النظام") == [
        ("syrian_government", "other")
    ]
    assert actors("ذكرت وكالة أنباء النظام السوري أن قصفا استهدف الحي") == [
        ("syrian_government", "other")
    ]


def test_a_bare_occupation_means_the_occupier_the_document_names() -> None:
    text = "استهدف الاحتلال التركي قرية قرب كوباني. وقصفت مسيرة الاحتلال سيارة مدنية"
    at = ArabicText(text)
    assert occupier(at) == "turkey"
    second = text.index("وقصفت")
    assert [
        (a.group, a.role) for a in find_actors(at, second, len(text), occupied_by="turkey")
    ] == [("turkey", "perpetrator")]
    assert find_actors(at, second, len(text)) == []
    both = ArabicText("الاحتلال التركي والاحتلال الإسرائيلي")
    assert occupier(both) is None


def test_joint_patrols_and_far_support() -> None:
    assert actors("داهمت دورية مشتركة تابعة لـ”التحالف الدولي” و”قسد” منازل في هجين") == [
        ("us_led_coalition", "perpetrator"),
        ("sdf_ypg", "perpetrator"),
    ]
    assert actors(
        "نفذت قسد فجر اليوم حملة مداهمات في قرية بريف دير الزور بمساندة طيران التحالف"
    ) == [
        ("us_led_coalition", "perpetrator"),
        ("sdf_ypg", "perpetrator"),
    ]


def test_air_cover_names_the_air_party_first() -> None:
    assert actors("الجيش السوري ينفذ عمليات باتجاه الرستن بتغطية من الطيران الروسي") == [
        ("russia", "perpetrator"),
        ("syrian_government", "perpetrator"),
    ]


def test_a_voweled_dual_is_two() -> None:
    assert counts("إصابة مواطنَيْنِ في قصف على الشهباء") == [(2, 2, "injured", "civilians", False)]
    # a plural (or an unvoweled dual) with no number: at least two
    assert counts("إصابة مواطنِين في قصف") == [(2, None, "injured", "civilians", False)]


def test_people_taken_are_not_casualties() -> None:
    assert counts("مقتل شاب واعتقال 5 آخرين خلال المداهمة") == [(1, 1, "killed", "men", False)]


def test_a_correspondent_is_named_with_the_outlet() -> None:
    text = "وقال مراسل تلفزيون سوريا إن قوات النظام قصفت البلدة"
    found = find_claimant(ArabicText(text), 0, len(text))
    assert found is not None and (found.name, found.type) == ("مراسل تلفزيون سوريا", "media")


def test_the_accused_is_the_alleged_perpetrator_not_the_claimant() -> None:
    text = "الكويت تعلن إسقاط طائرات مسيرة وتتهم إيران باستهداف منشآت"
    assert find_claimant(ArabicText(text), 0, len(text)) is None
    assert actors(text) == [("iran", "perpetrator")]


# The post's language decides, not the page's interface ----------------------------------------

_OLD_TWITTER = (
    "Copy link to Tweet\n\nEmbed Tweet\n\nReport Tweet\n\nReport NetzDG Violation\n\n{post}\n\n"
    "Back to top ↑\n\nLoading seems to be taking a while.\n\nTwitter may be over capacity or "
    "experiencing a momentary hiccup. Try again or visit Twitter Status for more information."
)
_YOUTUBE = (
    "{post} - YouTubeAboutPressCopyrightContact usCreatorsAdvertiseDevelopersTermsPrivacyPolicy "
    "& SafetyHow YouTube worksTest new features© 2024 Google LLC"
)


@pytest.mark.parametrize(
    "page",
    [
        _OLD_TWITTER.format(post="مقتل مدنيين اثنين بغارة للتحالف الدولي شرق دير الزور"),
        _OLD_TWITTER.format(post="قصف مدفعي تركي على قرى ريف تل تمر"),
        _OLD_TWITTER.format(post="قوات النظام تقصف أطراف مدينة أريحا براجمات الصواريخ"),
        _OLD_TWITTER.format(post="إصابة طفل برصاص قناص لقسد في ريف منبج"),
        _OLD_TWITTER.format(post="غارة إسرائيلية على موقع في ريف القنيطرة"),
        _OLD_TWITTER.format(post="داعش يتبنى تفجير سيارة مفخخة في البادية"),
        _YOUTUBE.format(post="إصابة 3 نساء بقصف صاروخي على بلدة سرمين"),
        _YOUTUBE.format(post="ضحايا مدنيون بغارة روسية على محطة مياه غرب إدلب"),
        _YOUTUBE.format(post="مسيرة إيرانية تسقط قرب مدينة السويداء"),
        _YOUTUBE.format(post="هيئة تحرير الشام تقصف مواقع للنظام في ريف حلب"),
    ],
)
def test_the_post_decides_the_language(page: str) -> None:
    assert reads_arabic(Document("a", page))


def test_english_under_old_twitter_stays_english() -> None:
    page = _OLD_TWITTER.format(post="Coalition airstrike killed two civilians in Hajin")
    assert not reads_arabic(Document("e", page))


def test_a_range_ending_in_four_digits_is_a_range_not_a_date() -> None:
    # "500-1000" once read as the month and year of a numeric date and was dropped.
    assert number("500-1000 شخص") == (500, 1000)
    assert number("٥٠٠-١٠٠٠ شخص") == (500, 1000)
    assert dates("بتاريخ 12-3-2024") == [("2024-03-12", "2024-03-12", "day")]
    at = ArabicText("3-2024")
    assert read_number(at, 0, len(at.toks)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party joined by "و" to an attacker, written as a hashtag, attacks with it
        (
            "عادت الهجمات من قبل قوات النظام و #روسيا على أحياء المدينة",
            [("russia", "perpetrator"), ("syrian_government", "perpetrator")],
        ),
        # the party whose leader is killed, or that is pursued, is the target
        (
            "أعلنت القيادة المركزية الأمريكية أنها قتلت أحد قادة داعش في شرق سوريا",
            [("us_led_coalition", "claimant"), ("isis", "victim")],
        ),
        ("عملية أمنية لملاحقة تنظيم داعش في ريف دمشق الغربي", [("isis", "victim")]),
        # a vehicle that ran someone over is the attacker's; one that is hit, the target's
        ("توفي طفل إثر تعرضه للدهس بمدرعة تركية قرب المدينة", [("turkey", "perpetrator")]),
        ("وفاة شاب دهساً من قبل عربة تابعة للتحالف الدولي", [("us_led_coalition", "perpetrator")]),
        ("استهداف عربة تركية بصاروخ موجه قرب الحدود", [("turkey", "victim")]),
        # the area or base a shelling came from names who fired it
        (
            "إصابة طفلين بقذائف مصدرها مناطق سيطرة قوات النظام",
            [("syrian_government", "perpetrator")],
        ),
        (
            "سقوط صواريخ في البادية مصدرها قاعدة التحالف الدولي",
            [("us_led_coalition", "perpetrator")],
        ),
        ("تحليق للطيران فوق مناطق سيطرة قسد", [("sdf_ypg", "other")]),
        # a nation adjective written as a hashtag after the word it qualifies
        ("قصف مدفعي يستهدف أطراف البلدة من قبل الاحتلال #الروسي", [("russia", "perpetrator")]),
        # air support named by its nation
        (
            "تتقدم قوات النظام بدعم جوي روسي نحو البلدة",
            [("syrian_government", "other"), ("russia", "perpetrator")],
        ),
    ],
)
def test_hashtag_allies_and_pursued_parties(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors(text) == expected


# A page's or account's name above the post ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "الدفاع المدني السوري\nمقتل 4 مدنيين بقصف مدفعي على مدينة إدلب صباح اليوم.",
            "الدفاع المدني السوري",
            "ngo",
        ),
        (
            "المرصد السوري لحقوق الإنسان\nارتفع إلى 13 عدد الذين قضوا جراء القصف على عفرين.",
            "المرصد السوري لحقوق الإنسان",
            "monitor",
        ),
        ("سانا\nاستشهد مدنيان جراء اعتداء بالقذائف على قرية بريف حماة.", "سانا", "state_media"),
        # beside a place or a date after a dash, and a news outlet's page
        (
            "الدفاع المدني السوري - إدلب\nمقتل 4 مدنيين بقصف مدفعي على مدينة أريحا صباح اليوم.",
            "الدفاع المدني السوري",
            "ngo",
        ),
        (
            "غزة - وكالة وفا\nاستشهاد 4 مواطنين بينهم سيدة وطفلها في قصف على منزل.",
            "وكالة وفا",
            "media",
        ),
        (
            "وكالة هاوار\nاستشهد مدنيان بقصف تركي على قرية في ريف تل تمر.",
            "وكالة هاوار",
            "media",
        ),
    ],
)
def test_header_names_the_claimant(text: str, name: str, kind: str) -> None:
    claim = extract_document(Document("d", text, published=dt.date(2023, 10, 7))).primary
    assert claim is not None
    assert (claim.claimant.name, claim.claimant.type) == (name, kind)


def test_header_claimant_needs_the_name_alone() -> None:
    # a headline that opens with a source's name and goes on names no page
    at = ArabicText("المرصد السوري يوثق مقتل 3 مدنيين\nنص الخبر.")
    assert header_claimant(at) is None
    assert header_claimant(ArabicText("المرصد السوري\nنص الخبر.")) is not None
    assert header_claimant(ArabicText("المرصد السوري - يوثق مقتل 3 مدنيين بقصف\nنص.")) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "الدفاع المدني السوري: مقتل امرأة وطفلها بانفجار عبوة ناسفة في مدينة الباب.",
            "الدفاع المدني السوري",
        ),
        ("المرصد السوري: مقتل 4 مدنيين بقصف لقوات النظام على ريف إدلب.", "المرصد السوري"),
    ],
)
def test_a_source_named_before_a_colon_is_the_claimant(text: str, name: str) -> None:
    claim = extract_document(Document(id="a", text=text, published=dt.date(2023, 8, 19))).claims[0]
    assert claim.claimant is not None and claim.claimant.name == name


def test_a_colon_after_words_that_name_no_source_names_nobody() -> None:
    text = "عاجل: مقتل 4 مدنيين بقصف لقوات النظام على ريف إدلب."
    claim = extract_document(Document(id="a", text=text, published=dt.date(2023, 8, 19))).claims[0]
    assert claim.claimant is None or claim.claimant.name is None


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the party's counted members are the dead; the party that struck them is the attacker
        (
            "مقتل 6 من عناصر داعش بغارة للتحالف",
            [("isis", "victim"), ("us_led_coalition", "perpetrator")],
        ),
        ("مقتل ستة من عناصر داعش في ريف دير الزور", [("isis", "victim")]),
        # members who fire are the attackers
        ("مقتل طفل برصاص عناصر قسد", [("sdf_ypg", "perpetrator")]),
    ],
)
def test_counted_members_of_a_party_are_its_dead(text: str, roles: list[tuple[str, str]]) -> None:
    at = ArabicText(text)
    assert [(a.group, a.role) for a in find_actors(at, 0, len(text))] == roles


def test_a_partys_own_forces_by_a_pronoun_are_its_admission() -> None:
    text = "أعلنت وزارة الدفاع الروسية أن طائراتها دمرت مقرات للإرهابيين في ريف إدلب وقضت على 20 مسلحاً."
    claim = extract_document(Document(id="a", text=text, published=dt.date(2024, 1, 14))).claims[0]
    assert claim.perpetrator is not None and claim.perpetrator.group == "russia"
    assert claim.stance == "admits"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 20
    assert claim.killed.civilians is None


def test_members_counted_in_a_dual_are_the_partys_dead() -> None:
    text = "مقتل عنصرين من قوات النظام وإصابة ثلاثة آخرين بانفجار لغم أرضي في بادية دير الزور."
    claim = extract_document(Document(id="a", text=text, published=dt.date(2024, 1, 14))).claims[0]
    assert claim.perpetrator is None or claim.perpetrator.group != "syrian_government"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 2
