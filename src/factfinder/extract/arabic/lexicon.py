"""The Arabic word lists of the claim reader, in one place.

Words are written as the press writes them; every reader folds them with
`factfinder.arabic.fold_key` before matching (hamza forms, ta marbuta, alef maqsura and
diacritics do not matter), and the first word of a phrase may carry proclitics (و ف ب ل ك
and the article). Values use the claim format's vocabularies (shared/CLAIMS.md).
"""

from __future__ import annotations

from typing import Final

# Numbers -------------------------------------------------------------------------------------

# Units in their masculine and feminine forms (and the case forms of 2).
UNITS: Final[dict[str, int]] = {
    "واحد": 1,
    "واحدة": 1,
    "أحد": 1,
    "إحدى": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
    "ثلاثة": 3,
    "ثلاث": 3,
    "أربعة": 4,
    "أربع": 4,
    "خمسة": 5,
    "خمس": 5,
    "ستة": 6,
    "ست": 6,
    "سبعة": 7,
    "سبع": 7,
    "ثمانية": 8,
    "ثماني": 8,
    "ثمان": 8,
    "تسعة": 9,
    "تسع": 9,
}
TEN: Final[dict[str, int]] = {"عشرة": 10, "عشر": 10}
TENS: Final[dict[str, int]] = {
    **{w: 20 for w in ("عشرون", "عشرين")},
    **{w: 30 for w in ("ثلاثون", "ثلاثين")},
    **{w: 40 for w in ("أربعون", "أربعين")},
    **{w: 50 for w in ("خمسون", "خمسين")},
    **{w: 60 for w in ("ستون", "ستين")},
    **{w: 70 for w in ("سبعون", "سبعين")},
    **{w: 80 for w in ("ثمانون", "ثمانين")},
    **{w: 90 for w in ("تسعون", "تسعين")},
}
HUNDREDS: Final[dict[str, int]] = {
    "مئة": 100,
    "مائة": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مائتان": 200,
    "مائتين": 200,
    **{
        f"{u}{h}": v * 100
        for u, v in (
            ("ثلاث", 3),
            ("أربع", 4),
            ("خمس", 5),
            ("ست", 6),
            ("سبع", 7),
            ("ثمان", 8),
            ("ثماني", 8),
            ("تسع", 9),
        )
        for h in ("مئة", "مائة")
    },
}
THOUSANDS: Final[dict[str, int]] = {"ألف": 1000, "ألفا": 1000, "ألفان": 2000, "ألفين": 2000}
THOUSANDS_PLURAL: Final[frozenset[str]] = frozenset({"آلاف", "الاف"})

# Vague quantities and the conservative minimum each holds the text to; the English reader's
# table (`extract.numbers.VAGUE_MINIMUMS`) gives the same floors: a plural of a unit is at
# least two of it, "several" at least three, "a number of"/"a few" at least two.
VAGUE: Final[dict[str, int]] = {
    "عشرات": 20,
    "مئات": 200,
    "آلاف": 2000,
    "عدد من": 2,
    "عدد كبير من": 2,
    "العديد من": 2,
    "عدة": 3,
    "بضعة": 2,
    "بضع": 2,
}

# Qualifiers before a number ("more than 4,000" → 4001..) in the kinds of `extract.numbers`.
QUALIFIERS_BEFORE: Final[dict[str, str]] = {
    "أكثر من": "gt",
    "ما يزيد عن": "gt",
    "ما يزيد على": "gt",
    "يزيد عن": "gt",
    "أزيد من": "gt",
    "ما لا يقل عن": "min",
    "لا يقل عن": "min",
    "على الأقل": "min",
    "أقل من": "lt",
    "ما يصل إلى": "max",
    "نحو": "approx",
    "قرابة": "approx",
    "حوالي": "approx",
    "حوالى": "approx",
    "زهاء": "approx",
    "ما يقارب": "approx",
    "ما يقرب من": "approx",
    "قرابة ال": "approx",
}
# Words between the two ends of a range: "5-7", "5 إلى 7", "5 أو 6", "5 حتى 7".
RANGE_JOINERS: Final[tuple[str, ...]] = ("-", "–", "إلى", "أو", "حتى")
QUALIFIERS_AFTER: Final[dict[str, str]] = {"على الأقل": "min", "على الاقل": "min", "أو أكثر": "min"}

# Casualties ----------------------------------------------------------------------------------

# Nouns and verbs that say what happened to the people counted right AFTER them.
OUTCOME_BEFORE: Final[dict[str, str]] = {
    **{
        w: "killed"
        for w in (
            "مقتل",
            "قتل",
            "استشهاد",
            "استشهد",
            "استشهدت",
            "وفاة",
            "مصرع",
            "ارتقاء",
            "ارتقى",
            "سقوط",
            "قتلت",
            "قتلوا",
            "أودى بحياة",
            "أودت بحياة",
            "راح ضحيته",
            "راح ضحيتها",
            "جثث",
            "جثة",
            "جثامين",
            "رفات",
            "انتشال جثث",
            "حصيلة",
            "عدد القتلى",
            "عدد الشهداء",
            "عدد الضحايا",
            "تشييع",
            "نعي",
            "ننعي",
        )
    },
    **{
        w: "injured"
        for w in (
            "إصابة",
            "إصابات",
            "اصابة",
            "جرح",
            "أصيب",
            "أصيبت",
            "أصيبوا",
            "عدد الجرحى",
            "عدد المصابين",
        )
    },
    **{w: "missing" for w in ("فقدان", "اختفاء")},
}
# Words that, right after a count (and its victim noun), say what happened to it.
OUTCOME_AFTER: Final[dict[str, str]] = {
    **{
        w: "killed"
        for w in (
            "قتلى",
            "قتيل",
            "قتيلا",
            "قتيلة",
            "شهداء",
            "شهيد",
            "شهيدا",
            "شهيدة",
            "ضحايا",
            "لقوا حتفهم",
            "لقي حتفه",
            "لقيت حتفها",
            "لقيا حتفهما",
            "قضوا",
            "قضى",
            "قضت",
            "فقدوا حياتهم",
            "فقد حياته",
            "فقدت حياتها",
            "قتلوا",
            "قتل",
            "استشهدوا",
            "جثث",
            "جثة",
        )
    },
    **{
        w: "injured"
        for w in (
            "جرحى",
            "جريح",
            "جريحا",
            "جريحة",
            "مصابين",
            "مصابا",
            "مصاب",
            "إصابات",
            "أصيبوا",
            "بجروح",
            "جروح",
        )
    },
    **{w: "missing" for w in ("مفقودين", "مفقودا", "مفقود", "مفقودون")},
}
# Words for people taken, not harmed: a count after them is not a casualty count, and an
# outcome word before them does not reach past them ("مقتل شاب واعتقال 5 آخرين").
TAKEN: Final[tuple[str, ...]] = (
    "اعتقال",
    "احتجاز",
    "اختطاف",
    "خطف",
    "أسر",
    "القبض",
    "توقيف",
    "تهجير",
    "نزوح",
)
# "مقتل وإصابة 10" counts killed and injured together: it cannot be split.
JOINT_OUTCOME: Final[tuple[str, ...]] = ("بين قتيل وجريح", "قتلى وجرحى", "شهداء وجرحى")

# Victim nouns: (category, how many a bare noun means: 1 singular, 2 dual, 0 plural).
VICTIMS: Final[dict[str, tuple[str, int]]] = {
    # people (no category)
    **{w: ("total", 1) for w in ("شخص", "شخصا", "مواطنة", "فرد")},
    **{w: ("total", 2) for w in ("شخصين", "شخصان")},
    **{
        w: ("total", 0)
        for w in ("أشخاص", "اشخاص", "آخرين", "آخرون", "أفراد", "ضحايا", "ضحية", "أرواح")
    },
    # civilians
    **{w: ("civilians", 1) for w in ("مدني", "مدنيا", "مواطن", "مواطنا")},
    # people named by a civilian occupation: "استشهاد الصحفي ...", "مقتل المزارع ..."
    **{
        w: ("civilians", 1)
        for w in (
            "صحفي",
            "متطوع",
            "مسعف",
            "ممرض",
            "طبيب",
            "مزارع",
            "راع",
            "راعي",
            "معلم",
            "عامل",
            "سائق",
        )
    },
    **{
        w: ("civilians", 0) for w in ("مدنيين", "مدنيون", "المدنيين", "مواطنين", "مواطنون", "أهالي")
    },
    # children
    **{w: ("children", 1) for w in ("طفل", "طفلا", "طفلة", "رضيع", "رضيعة", "قاصر", "فتى")},
    **{w: ("children", 2) for w in ("طفلين", "طفلان", "طفلتين", "طفلتان")},
    **{w: ("children", 0) for w in ("أطفال", "أطفالا", "قاصرين", "رضع")},
    # women
    **{w: ("women", 1) for w in ("امرأة", "سيدة", "فتاة", "شابة")},
    **{w: ("women", 2) for w in ("امرأتين", "امرأتان", "سيدتين", "سيدتان", "فتاتين")},
    **{w: ("women", 0) for w in ("نساء", "سيدات", "فتيات", "نسوة")},
    # men
    **{w: ("men", 1) for w in ("رجل", "رجلا", "شاب", "شابا")},
    **{w: ("men", 2) for w in ("رجلين", "رجلان", "شابين", "شابان")},
    **{w: ("men", 0) for w in ("رجال", "شبان", "شباب")},
    # elderly
    **{w: ("elderly", 1) for w in ("مسن", "مسنة", "عجوز")},
    **{w: ("elderly", 0) for w in ("مسنين", "مسنون")},
    # fighters
    **{w: ("combatants", 1) for w in ("عنصر", "عنصرا", "مقاتل", "مقاتلا", "جندي", "جنديا", "مسلح")},
    **{w: ("combatants", 2) for w in ("عنصرين", "عنصران", "جنديين", "جنديان")},
    **{
        w: ("combatants", 0)
        for w in ("عناصر", "مقاتلين", "مقاتلون", "جنود", "مسلحين", "مسلحون", "عسكريين", "ضباط")
    },
    # kin named beside another victim: "ثلاثة أطفال وأمهم", "رجل وزوجته"
    **{w: ("women", 1) for w in ("أمهم", "أمه", "أمها", "والدته", "والدتهم", "والدتها", "زوجته")},
    **{w: ("men", 1) for w in ("أب", "أبوهم", "والده", "والدها", "والدهم", "زوجها")},
    **{w: ("total", 2) for w in ("ابنتين", "ابنين", "طفليه", "طفليها", "ولدين")},
    **{
        w: ("total", 1)
        for w in (
            "ابنه",
            "ابنها",
            "ابنته",
            "ابنتها",
            "شقيقه",
            "شقيقها",
            "شقيقته",
            "شقيقتها",
            "نجله",
        )
    },
    # The dead or wounded as nouns: a count of them ("46 قتيلا") is a count of people.
    **{w: ("total", 1) for w in ("قتيل", "شهيد", "جريح", "مصاب")},
    **{w: ("total", 2) for w in ("قتيلين", "قتيلان", "شهيدين", "شهيدان", "جريحين", "جريحان")},
}
# Nouns that, in "X من المدنيين", put the count in a category after "من".
OF_VICTIMS: Final[dict[str, str]] = {
    "المدنيين": "civilians",
    "الأطفال": "children",
    "النساء": "women",
    "عناصر": "combatants",
    "العناصر": "combatants",
    "المقاتلين": "combatants",
    "الجنود": "combatants",
}
# What opens a breakdown of the count before it: "بينهم 3 أطفال".
SUB_OPENERS: Final[tuple[str, ...]] = (
    "بينهم",
    "من بينهم",
    "منهم",
    "بينهن",
    "منهن",
    "بينهما",
    "غالبيتهم",
    "معظمهم",
)
# "others" after a victim noun belongs to the count: "إصابة 5 أطفال آخرين".
AND_OTHERS: Final[tuple[str, ...]] = ("آخرين", "آخرون", "آخر", "أخرى")

# Deaths and injuries that are not conflict harm: a clause naming one counts nothing.
NON_CONFLICT: Final[tuple[str, ...]] = (
    "حادث سير",
    "حوادث سير",
    "حوادث السير",
    "حادث مروري",
    "حوادث مرورية",
    "انقلاب حافلة",
    "انقلاب سيارة",
    "غرق",
    "صعق كهربائي",
    "زلزال",
    "جائحة",
    "كورونا",
    "تسمم غذائي",
)

# Dates ---------------------------------------------------------------------------------------

MONTHS: Final[dict[str, int]] = {
    "كانون الثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "أيلول": 9,
    "تشرين الأول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4,
    "إبريل": 4,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}
# Python weekday numbers (Monday = 0).
WEEKDAYS: Final[dict[str, int]] = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}
# Parts of a day that may open a date ("فجر اليوم", "مساء الجمعة").
DAY_PARTS: Final[tuple[str, ...]] = (
    "يوم",
    "فجر",
    "صباح",
    "ظهر",
    "عصر",
    "مساء",
    "ليلة",
    "ليل",
    "منتصف ليل",
    "منتصف ليلة",
    "ظهيرة",
    "فجر يوم",
    "صباح يوم",
    "مساء يوم",
    "ليلة يوم",
    "عصر يوم",
    "ظهر يوم",
)
# Words for a day relative to the report date, and the days back.
DAY_WORDS: Final[dict[str, int]] = {
    "اليوم": 0,
    "الليلة": 0,
    "أمس": 1,
    "البارحة": 1,
    "الليلة الماضية": 1,
    "أمس الأول": 2,
    "أول أمس": 2,
    "أول من أمس": 2,
}
# "الأحد الماضي": the last such weekday strictly before the report date.
PAST: Final[tuple[str, ...]] = ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم")
PERIODS: Final[dict[str, str]] = {
    "الأسبوع": "week",
    "الشهر": "month",
    "العام": "year",
    "السنة": "year",
}
THIS: Final[tuple[str, ...]] = ("هذا", "هذه", "الجاري", "الحالي")
AGO: Final[str] = "منذ"
DAYS_UNIT: Final[dict[str, int]] = {"يوم": 1, "يومين": 2, "أيام": 0, "أسبوع": 7, "أسبوعين": 14}

# Actors --------------------------------------------------------------------------------------

# Names of armed parties and the group of the claim format each belongs to. Longest match wins.
ACTORS: Final[dict[str, str]] = {
    # US-led coalition
    **{
        w: "us_led_coalition"
        for w in (
            "التحالف الدولي",
            "طيران التحالف",
            "طائرات التحالف",
            "قوات التحالف",
            "التحالف الدولي بقيادة الولايات المتحدة",
            "التحالف بقيادة واشنطن",
            "الطيران الأمريكي",
            "الطيران الأميركي",
            "القوات الأمريكية",
            "القوات الأميركية",
            "الجيش الأمريكي",
            "الجيش الأميركي",
            "التحالف الأمريكي",
            "التحالف الأميركي",
            "القيادة المركزية الأمريكية",
            "القيادة المركزية الأميركية",
            "سنتكوم",
            "التحالف",
        )
    },
    # Russia
    **{
        w: "russia"
        for w in (
            "الطيران الروسي",
            "الطيران الحربي الروسي",
            "الطائرات الروسية",
            "الطائرات الحربية الروسية",
            "المقاتلات الروسية",
            "القوات الروسية",
            "الجيش الروسي",
            "روسيا",
            "الاحتلال الروسي",
            "وزارة الدفاع الروسية",
        )
    },
    # Syrian government
    **{
        w: "syrian_government"
        for w in (
            "قوات النظام",
            "قوات النظام السوري",
            "جيش النظام",
            "طيران النظام",
            "الطيران الحربي التابع للنظام",
            "قوات الأسد",
            "ميليشيات الأسد",
            "ميليشيا أسد",
            "قوات أسد",
            "النظام السوري",
            "نظام الأسد",
            "النظام",
            "الجيش السوري",
            "الجيش العربي السوري",
            "قوات الحكومة السورية",
            "الحكومة السورية",
            "القوات الحكومية",
            "الفرقة الرابعة",
            "وزارة الدفاع السورية",
        )
    },
    # Turkey
    **{
        w: "turkey"
        for w in (
            "الاحتلال التركي",
            "جيش الاحتلال التركي",
            "الجيش التركي",
            "القوات التركية",
            "المسيرات التركية",
            "المسيرة التركية",
            "الطائرات التركية",
            "الطائرات المسيرة التركية",
            "الطيران التركي",
            "الطيران المسير التركي",
            "المدفعية التركية",
            "الدولة التركية",
            "تركيا",
            "وزارة الدفاع التركية",
        )
    },
    # Turkish-backed Syrian factions
    **{
        w: "armed_opposition"
        for w in (
            "الجيش الوطني",
            "الجيش الوطني السوري",
            "الفصائل الموالية لتركيا",
            "الفصائل المدعومة من تركيا",
            "مرتزقة الاحتلال التركي",
            "مرتزقة تركيا",
            "المرتزقة",
            "فصائل المعارضة",
            "الفصائل المسلحة",
            "الجيش الحر",
            "الجيش السوري الحر",
            "الفصائل",
        )
    },
    # SDF / YPG
    **{
        w: "sdf_ypg"
        for w in (
            "قسد",
            "قوات سوريا الديمقراطية",
            "وحدات حماية الشعب",
            "وحدات حماية المرأة",
            "الوحدات الكردية",
            "حزب العمال الكردستاني",
            "الأسايش",
            "ميليشيا قسد",
            "مجلس منبج العسكري",
            "PKK",
            "YPG",
            "SDF",
            "ب ي د",
            "ي ب ك",
            "المركز الإعلامي لقوات سوريا الديمقراطية",
        )
    },
    # ISIS
    **{
        w: "isis"
        for w in (
            "داعش",
            "تنظيم الدولة",
            "تنظيم الدولة الإسلامية",
            "الدولة الإسلامية",
            "خلايا داعش",
            "تنظيم داعش",
        )
    },
    # HTS / Nusra
    **{w: "hts_nusra" for w in ("هيئة تحرير الشام", "تحرير الشام", "جبهة النصرة", "النصرة")},
    # Israel
    **{
        w: "israel"
        for w in (
            "الاحتلال الإسرائيلي",
            "الطيران الإسرائيلي",
            "الطيران الحربي الإسرائيلي",
            "الطائرات الإسرائيلية",
            "الجيش الإسرائيلي",
            "جيش الاحتلال الإسرائيلي",
            "إسرائيل",
        )
    },
    # Iran and its allies
    **{
        w: "iran"
        for w in (
            "الميليشيات الإيرانية",
            "الميليشيات الموالية لإيران",
            "الحرس الثوري",
            "الحرس الثوري الإيراني",
            "القوات الإيرانية",
            "إيران",
            "حزب الله",
        )
    },
    # Iraq
    **{w: "iraq_government" for w in ("الحشد الشعبي", "الجيش العراقي")},
    # attackers with no party
    **{w: "unknown" for w in ("مجهولون", "مجهولين", "مسلحون مجهولون", "مسلحين مجهولين")},
}
# "The occupation" named bare: the same occupier as the one the document names in full
# ("الاحتلال التركي", "الاحتلال الإسرائيلي"); `actors.occupier` resolves it per document.
OCCUPIER: Final[tuple[str, ...]] = (
    "الاحتلال",
    "جيش الاحتلال",
    "دولة الاحتلال",
    "قوات الاحتلال",
    "طيران الاحتلال",
    "مسيرة الاحتلال",
    "مسيرات الاحتلال",
)
# Adjectives of a nation after an attack or platform noun: "غارة روسية", "مسيرة تركية".
NATION_ADJECTIVES: Final[dict[str, str]] = {
    **{w: "russia" for w in ("روسي", "روسية", "الروسي", "الروسية")},
    **{w: "turkey" for w in ("تركي", "تركية", "التركي", "التركية")},
    **{w: "israel" for w in ("إسرائيلي", "إسرائيلية", "الإسرائيلي", "الإسرائيلية")},
    **{
        w: "us_led_coalition"
        for w in (
            "أمريكي",
            "أمريكية",
            "الأمريكي",
            "الأمريكية",
            "أميركي",
            "أميركية",
            "الأميركي",
            "الأميركية",
        )
    },
    **{w: "iran" for w in ("إيراني", "إيرانية", "الإيراني", "الإيرانية")},
}
# Words before an actor that make it the targeted side ("مواقع لقسد", "في صفوف").
VICTIM_BEFORE: Final[tuple[str, ...]] = (
    "صفوف",
    "في صفوف",
    "مواقع",
    "موقع",
    "نقاط",
    "نقطة",
    "قاعدة",
    "قواعد",
    "مقر",
    "مقرات",
    "ضد",
    "على",
    "آليات",
    "آلية",
    "عربة",
    "سيارة",
    "لمواقع",
)
# Words before an actor that name its area or its media, not an act: "الخاضعة لسيطرة قسد",
# "مناطق نفوذ النظام", "وكالة أنباء النظام".
NEUTRAL_BEFORE: Final[tuple[str, ...]] = (
    "سيطرة",
    "مناطق سيطرة",
    "نفوذ",
    "الخاضعة",
    "الخاضع",
    "أنباء",
    "إعلام",
    "وسائل إعلام",
    "حكومة",
    "مناطق",
)
# Members of a party: the harmed side when a count or a casualty word comes before them
# ("مقتل 3 عناصر من قوات النظام"), otherwise the ones who acted ("قيام جنود الجيش بإطلاق").
MEMBERS: Final[tuple[str, ...]] = (
    "عناصر",
    "عنصر",
    "جنود",
    "جندي",
    "جنديين",
    "مقاتلين",
    "مقاتلي",
    "مقاتل",
    "ضباط",
    "ضابط",
    "قيادي",
    "قياديين",
)
# Attack words whose next noun phrase is the attacker ("قصف قوات النظام", "غارة للطيران الروسي").
ATTACK_WORDS: Final[tuple[str, ...]] = (
    "قصف",
    "غارة",
    "غارات",
    "استهداف",
    "هجوم",
    "هجمات",
    "استهدافات",
    "عدوان",
    "ضربة",
    "ضربات",
    "قذائف",
    "قذيفة",
    "صواريخ",
    "صاروخ",
    "طائرة",
    "طائرات",
    "طيران",
    "مسيرة",
    "مسيرات",
    "مدفعية",
    "برصاص",
    "رصاص",
    "اعتداء",
    "اعتداءات",
    "تابعة ل",
    "من قبل",
    "بفعل",
    # the accused: "تتهم إيران باستهداف"
    "تتهم",
    "يتهم",
    "اتهم",
    "اتهمت",
    "دورية",
    "إنزال",
    "إنزال جوي",
    "عملية",
    "بمسيرة",
    "شنتها",
    "شنها",
    "نفذتها",
    "نفذها",
    "ارتكبها",
    "ارتكبتها",
    "ارتكبته",
    "مداهمة",
    "مداهمات",
    "حملة مداهمات",
    "حملة دهم",
    "اقتحام",
    "على يد",
    "على أيدي",
    "على يدي",
    "بيد",
)

# Reporting verbs in the present tense of headlines ("قسد تعلن").
REPORT_VERBS_PRESENT: Final[tuple[str, ...]] = (
    "تعلن",
    "يعلن",
    "تقول",
    "يقول",
    "تفيد",
    "يفيد",
    "تؤكد",
    "يؤكد",
    "تنفي",
    "ينفي",
    "وفقا",
)

# Attack verbs whose subject is the attacker ("استهدف الجيش التركي", "قسد تعتقل").
ATTACK_VERBS: Final[tuple[str, ...]] = (
    "استهدف",
    "استهدفت",
    "يستهدف",
    "تستهدف",
    "قصف",
    "قصفت",
    "يقصف",
    "تقصف",
    "شن",
    "شنت",
    "يشن",
    "تشن",
    "نفذ",
    "نفذت",
    "ينفذ",
    "تنفذ",
    "ارتكب",
    "ارتكبت",
    "ترتكب",
    "أطلق",
    "أطلقت",
    "تطلق",
    "يطلق",
    "فتح",
    "فتحت",
    "قتل",
    "قتلت",
    "تقتل",
    "اعتقل",
    "اعتقلت",
    "أعدم",
    "أعدمت",
    "جددت",
    "جدد",
    "تواصل",
    "واصلت",
    # raids and arrests, and verbs with their object ("اعتقلته قوات التحالف")
    "يعتقل",
    "تعتقل",
    "يعتقلان",
    "تعتقلان",
    "اعتقلا",
    "داهم",
    "داهمت",
    "يداهم",
    "تداهم",
    "اقتحم",
    "اقتحمت",
    "يقتحم",
    "تقتحم",
    "اعتقلته",
    "اعتقلتهم",
    "اعتقلتها",
    "قتلته",
    "قتلتهم",
    "استهدفته",
    "استهدفتها",
    "استهدفتهم",
    "قصفته",
    "قصفتها",
)

# Nouns a nation adjective makes an attacker: "العدو الروسي", "العدوان التركي".
NATION_HEADS: Final[tuple[str, ...]] = (
    "العدو",
    "العدوان",
    "الاحتلال",
    "القوات",
    "الجيش",
    "الطيران",
    "الطائرات",
    "المقاتلات",
    "الحربي",
    "الحربية",
    "المسير",
    "المسيرة",
    "المسيرات",
    "الصواريخ",
    "الضربات",
    "القصف",
    "قسد بمساندة طيران التحالف",
)

# Words that join a supporting party to an attacker: "قسد بمساندة طيران التحالف".
SUPPORT: Final[tuple[str, ...]] = (
    "بمساندة",
    "بدعم",
    "بمشاركة",
    "بإسناد",
    "بغطاء",
    "بتغطية",
    "تغطية",
    "مدعومة",
    "مدعوما",
    "بالتعاون",
    "بالتنسيق",
    "بالاشتراك",
    "بمرافقة",
    "برفقة",
    "بحماية",
    "يساندها",
    "تساندها",
    "يسانده",
    "تسانده",
    "يدعمها",
    "تدعمها",
    "ساندها",
    "ساندتها",
)

# Heads of a media claimant's name after a reporting verb: "أفادت وكالة …", "قال مراسل …".
MEDIA_HEADS: Final[tuple[str, ...]] = (
    "وكالة",
    "موقع",
    "قناة",
    "صحيفة",
    "تلفزيون",
    "شبكة",
    "مراسل",
    "إذاعة",
)

# Words between an actor and the word that casts its role: "تابعة لـ", "من قبل".
BETWEEN_ACTOR_AND_ROLE: Final[tuple[str, ...]] = (
    "تابعة",
    "تابع",
    "ل",
    "من",
    "قبل",
    "التابعة",
    "التابع",
    "إلى",
    "في",
)

# Plural nationality nouns: "جنود أتراك".
NATION_PLURALS: Final[dict[str, str]] = {
    "أتراك": "turkey",
    "الأتراك": "turkey",
    "روس": "russia",
    "الروس": "russia",
}

# Tokens between an outcome word and its count ("أسفر عن مقتل", "أودى بحياة").
OUTCOME_GAP: Final[tuple[str, ...]] = ("عن", "إلى", "ل", "حياة", "ب", "و", "نحو")

# Claimants and attribution -------------------------------------------------------------------

CLAIMANTS: Final[dict[str, str]] = {
    "المرصد السوري لحقوق الإنسان": "monitor",
    "المرصد السوري": "monitor",
    "المرصد": "monitor",
    "الشبكة السورية لحقوق الإنسان": "monitor",
    "الشبكة السورية": "monitor",
    "مركز توثيق الانتهاكات": "monitor",
    "إيروورز": "monitor",
    "الدفاع المدني السوري": "ngo",
    "الدفاع المدني": "ngo",
    "الخوذ البيضاء": "ngo",
    "منسقو استجابة سوريا": "ngo",
    "الهلال الأحمر": "ngo",
    "الهلال الأحمر الكردي": "ngo",
    "منظمة العفو الدولية": "ngo",
    "هيومن رايتس ووتش": "ngo",
    "أطباء بلا حدود": "ngo",
    "سانا": "state_media",
    "وكالة سانا": "state_media",
    "الوكالة العربية السورية للأنباء": "state_media",
    "التلفزيون السوري": "state_media",
    "الإخبارية السورية": "state_media",
    "وزارة الدفاع الروسية": "party_to_conflict",
    "وزارة الدفاع التركية": "party_to_conflict",
    "وزارة الدفاع السورية": "party_to_conflict",
    "القيادة المركزية الأمريكية": "party_to_conflict",
    "القيادة المركزية الأميركية": "party_to_conflict",
    "المركز الإعلامي لقوات سوريا الديمقراطية": "party_to_conflict",
    "المركز الإعلامي لقسد": "party_to_conflict",
    "قوات سوريا الديمقراطية": "party_to_conflict",
    "قسد": "party_to_conflict",
    "التحالف الدولي": "party_to_conflict",
    "الجيش الإسرائيلي": "party_to_conflict",
    "الجيش التركي": "party_to_conflict",
    "مركز المصالحة الروسي": "party_to_conflict",
    "الأمم المتحدة": "un",
    "مكتب تنسيق الشؤون الإنسانية": "un",
    "منظمة الصحة العالمية": "un",
    "اليونيسف": "un",
    "يونيسف": "un",
    "مصادر محلية": "media",
    "مصدر محلي": "media",
    "ناشطون": "media",
    "ناشطين": "media",
    "مراسلنا": "media",
    "مصادر طبية": "witness",
    "مصدر طبي": "witness",
    "شهود عيان": "witness",
    "شاهد عيان": "witness",
    "الأهالي": "witness",
    "أحد السكان": "witness",
}
# Verbs and prepositions that attribute a statement; the claimant is the name next to them.
REPORT_VERBS: Final[tuple[str, ...]] = (
    "أفاد",
    "أفادت",
    "قال",
    "قالت",
    "ذكر",
    "ذكرت",
    "أعلن",
    "أعلنت",
    "وثق",
    "وثقت",
    "نفى",
    "نفت",
    "أكد",
    "أكدت",
    "أشار",
    "أشارت",
    "أوضح",
    "أوضحت",
    "كشف",
    "كشفت",
    "رصد",
    "رصدت",
    "نشر",
    "نشرت",
    "صرح",
    "صرحت",
    "اعترف",
    "اعترفت",
    "زعم",
    "زعمت",
    "ادعى",
    "ادعت",
    "أضاف",
    "أضافت",
    "بحسب",
    "حسب",
    "وفق",
    "وفقا ل",
    "نقلا عن",
    "نقل",
    "أبلغ",
    "أبلغت",
)
# Stance cues: a denial and an admission by the claimant's own side.
DENIES: Final[tuple[str, ...]] = (
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "نفي",
    "ادعاءات",
    "مزاعم",
    "لا صحة",
    "عار عن الصحة",
    "عارية عن الصحة",
    "مفبركة",
    "كاذبة",
    "لم تسفر عن وقوع إصابات",
    "لا إصابات",
    "دون وقوع إصابات",
    "دون وقوع خسائر بشرية",
)
ADMITS: Final[tuple[str, ...]] = (
    "قواتنا",
    "اعترف",
    "اعترفت",
    "تقر",
    "أقر",
    "أقرت",
    "طائراتنا",
    "استهدفنا",
)

# Event types and weapons ---------------------------------------------------------------------

# (phrase, event type, weight), weights on the scale of `extract.events` (1.0 names the event
# outright, `GENERIC` marks harm without a type).
EVENT_CUES: Final[tuple[tuple[str, str, float], ...]] = (
    # airstrikes
    *(
        (w, "airstrike", 1.2)
        for w in (
            "غارة جوية",
            "غارات جوية",
            "قصف جوي",
            "ضربة جوية",
            "ضربات جوية",
            "غارة",
            "غارات",
            "طيران حربي",
            "الطيران الحربي",
            "طائرة حربية",
            "طائرات حربية",
            "طائرة مسيرة",
            "طائرات مسيرة",
            "مسيرة",
            "مسيرات",
            "الطيران المسير",
            "درون",
            "طائرة درون",
            "برميل متفجر",
            "براميل متفجرة",
            "الطيران المروحي",
            "مروحية",
            "مروحيات",
            "مقاتلات",
            "المقاتلات الحربية",
            "سلاح الجو",
        )
    ),
    *((w, "airstrike", 0.9) for w in ("الطيران", "طيران", "طائرة", "طائرات", "ضربة", "ضربات")),
    # shelling
    *(
        (w, "shelling", 1.1)
        for w in (
            "قصف مدفعي",
            "قصف صاروخي",
            "قصف بري",
            "قذائف",
            "قذيفة",
            "مدفعية",
            "المدفعية الثقيلة",
            "هاون",
            "راجمات",
            "راجمة",
            "صواريخ",
            "صاروخ",
            "صاروخي",
            "قذائف مدفعية",
            "صاروخ موجه",
            "صاروخ حراري",
            "مدفعي",
            "دبابة",
        )
    ),
    *((w, "shelling", 0.8) for w in ("مقذوف", "مقذوفات", "مقذوف ناري")),
    ("قصف", "shelling", 0.55),
    ("قصف", "airstrike", 0.5),
    ("قصفت", "shelling", 0.55),
    ("قصفت", "airstrike", 0.5),
    ("تقصف", "shelling", 0.55),
    ("تقصف", "airstrike", 0.5),
    ("يقصف", "shelling", 0.55),
    ("يقصف", "airstrike", 0.5),
    ("دك", "shelling", 0.5),
    # explosions
    *(
        (w, "explosion", 1.2)
        for w in (
            "سيارة مفخخة",
            "دراجة نارية مفخخة",
            "مفخخة",
            "عبوة ناسفة",
            "عبوات ناسفة",
            "لغم",
            "ألغام",
            "لغم أرضي",
            "مخلفات الحرب",
            "مخلفات",
            "قنبلة غير منفجرة",
            "ذخائر غير منفجرة",
            "انتحاري",
            "حزام ناسف",
            "قنبلة يدوية",
        )
    ),
    *((w, "explosion", 0.8) for w in ("انفجار", "تفجير", "انفجرت", "انفجر", "عبوة")),
    # chemical
    *(
        (w, "chemical", 1.0)
        for w in (
            "غاز الكلور",
            "الكلور",
            "السارين",
            "غازات سامة",
            "غاز سام",
            "هجوم كيماوي",
            "هجوم كيميائي",
            "أسلحة كيماوية",
            "أسلحة كيميائية",
            "السلاح الكيماوي",
            "حالات اختناق",
        )
    ),
    # mass graves
    *((w, "mass_grave", 1.0) for w in ("مقبرة جماعية", "مقابر جماعية")),
    ("رفات", "mass_grave", 0.6),
    # executions
    *((w, "execution", 1.0) for w in ("إعدام", "أعدم", "أعدمت", "إعدام ميداني", "إعدامات")),
    *((w, "execution", 0.7) for w in ("تصفية", "ذبح", "نحر")),
    # shootings
    *(
        (w, "shooting", 1.0)
        for w in (
            "إطلاق نار",
            "إطلاق النار",
            "إطلاق الرصاص",
            "رصاص",
            "برصاص",
            "الرصاص الحي",
            "رصاص قناص",
            "قناص",
            "طلق ناري",
            "طلقات نارية",
            "النار على",
        )
    ),
    ("اغتيال", "shooting", 0.6),
    # ground fighting: no event type of its own
    ("اشتباكات", "combat", 0.6),
    ("اشتباك", "combat", 0.6),
    ("معارك", "combat", 0.4),
    ("تسلل", "combat", 0.4),
    # detention
    *(
        (w, "detention", 1.0)
        for w in (
            "اعتقال",
            "اعتقالات",
            "اعتقل",
            "اعتقلت",
            "تعتقل",
            "يعتقل",
            "احتجاز",
            "احتجز",
            "احتجزت",
            "المعتقلين",
            "القبض على",
            "إلقاء القبض",
        )
    ),
    ("حملة دهم", "detention", 0.6),
    ("إنزال جوي", "other", 0.6),  # a heliborne raid: a ground operation, not an air strike
    ("عملية أمنية", "other", 0.5),
    ("مداهمة", "detention", 0.6),
    # other harm
    *((w, "other", 0.6) for w in ("اختطاف", "خطف", "تعذيب")),
    # harm without a type
    *(
        (w, "unknown", 0.05)
        for w in (
            "مقتل",
            "قتل",
            "قتلى",
            "استشهاد",
            "شهداء",
            "شهيد",
            "إصابة",
            "إصابات",
            "جرحى",
            "ضحايا",
            "مجزرة",
            "هجوم",
            "استهداف",
            "استهدف",
            "استهدفت",
            "تستهدف",
            "يستهدف",
            "اعتداء",
            "جثث",
            "أصيب",
            "أصيبت",
            "استشهد",
            "استشهدت",
            "ضحية",
            "شظايا",
            "مذبحة",
        )
    ),
)
# (phrase, canonical weapon name of `extract.events`).
WEAPONS: Final[tuple[tuple[str, str], ...]] = (
    ("فوسفور أبيض", "white phosphorus"),
    ("الفوسفور الأبيض", "white phosphorus"),
    ("الفوسفور", "white phosphorus"),
    ("برميل متفجر", "barrel bomb"),
    ("براميل متفجرة", "barrel bomb"),
    ("قنابل عنقودية", "cluster munitions"),
    ("ذخائر عنقودية", "cluster munitions"),
    ("قنبلة عنقودية", "cluster munitions"),
    ("صواريخ عنقودية", "cluster munitions"),
    ("قنابل حارقة", "incendiary weapons"),
    ("أسلحة حارقة", "incendiary weapons"),
    ("ذخائر حارقة", "incendiary weapons"),
    ("غاز الكلور", "chlorine"),
    ("الكلور", "chlorine"),
    ("السارين", "sarin"),
    ("غازات سامة", "toxic gas"),
    ("غاز سام", "toxic gas"),
    ("سيارة مفخخة", "car bomb"),
    ("دراجة نارية مفخخة", "car bomb"),
    ("حزام ناسف", "suicide bomb"),
    ("انتحاري", "suicide bomb"),
    ("عبوة ناسفة", "IED"),
    ("عبوات ناسفة", "IED"),
    ("لغم", "landmine"),
    ("ألغام", "landmine"),
    ("لغم أرضي", "landmine"),
    ("مخلفات الحرب", "unexploded ordnance"),
    ("قنبلة غير منفجرة", "unexploded ordnance"),
    ("ذخائر غير منفجرة", "unexploded ordnance"),
    ("قنبلة يدوية", "grenade"),
    ("قذائف هاون", "mortar"),
    ("قذيفة هاون", "mortar"),
    ("هاون", "mortar"),
    ("صواريخ", "rocket"),
    ("صاروخ", "missile"),
    ("صاروخ موجه", "missile"),
    ("صاروخ حراري", "missile"),
    ("قذائف مدفعية", "artillery"),
    ("قذيفة مدفعية", "artillery"),
    ("المدفعية", "artillery"),
    ("مدفعية", "artillery"),
    ("قناص", "sniper fire"),
    ("رصاص قناص", "sniper fire"),
)

# Language ------------------------------------------------------------------------------------

# Letters of Persian, Kurdish (Sorani) and Urdu that Arabic does not write.
NON_ARABIC_LETTERS: Final[str] = "پچژگڤێۆەڕڵھےۇۈ"
# Frequent function words of Persian (and Sorani) that Arabic does not have.
PERSIAN_WORDS: Final[frozenset[str]] = frozenset(
    {"است", "می", "که", "را", "های", "شده", "برای", "یک", "ئەو", "بۆ", "دەکات", "هەروەها"}
)
# Page furniture of social networks (Latin script) left out before judging the language.
FURNITURE: Final[tuple[str, ...]] = (
    "Copy link to Tweet",
    "Shared with Public",
    "Like Comment",
    "All reactions",
    "Most relevant",
    "Like Reply",
    "Share",
    "Post",
    "Views",
    "Facebook",
    "Translate post",
    "Log in",
    "Sign up",
    "See more",
    "Reply",
    "Repost",
    "Quote",
)
