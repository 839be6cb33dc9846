"""Word lists the Arabic-script place finder (`arabic_places.py`) consults.

Written by hand from general knowledge of Arabic and of Syrian and Iraqi geography. Every list
is written in ordinary spelling and folded (`factfinder.arabic.fold_key`) when loaded, so hamza
forms, taa marbuta and alef maqsura need not be listed twice. Single words are listed without
their proclitics (و ف ب ل ك): the finder strips those before it looks a word up.
"""

from __future__ import annotations

from factfinder.arabic import fold_key
from factfinder.vocab import ARABIC_MONTHS, ARABIC_WEEKDAYS


def norm_word(word: str) -> str:
    """A word folded as the finder reads text: `fold_key`, and a final hamza after alef
    dropped ("السويداء" and "السويدا", "قضاء" and "قضا" meet)."""
    k = fold_key(word)
    return k[:-1] if k.endswith("اء") and len(k) > 3 else k


def words(text: str) -> frozenset[str]:
    """The folded words of `text` (whitespace-separated)."""
    return frozenset(norm_word(w) for w in text.split())


# Words that say what kind of place the name after them is ("قرية X", "بريف X", "بلدتي X وY").
# Values: the kind of place; plural and dual forms name a list that follows.
PLACE_TYPES: dict[str, str] = {
    norm_word(w): kind
    for kind, ws in {
        "city": "مدينة مدينتي مدن المدن المدينة مدينته مدينتها مدينتهم",
        "town": "بلدة بلدتي بلدات البلدات البلدة بلدية بلدته بلدتها بلدتهم",
        "village": "قرية قريتي قرى القرى القرية قريتا قريته قريتها قريتهم",
        "neighbourhood": "حي حيي أحياء الأحياء الحي حارة حارات",
        "countryside": "ريف ريفي أرياف الريف",
        "camp": "مخيم مخيمي مخيمات المخيم",
        "subdistrict": "ناحية نواحي الناحية قضاء",
        "area": "منطقة منطقتي مناطق المنطقة مقاطعة إقليم",
        "governorate": "محافظة محافظتي محافظات المحافظة",
    }.items()
    for w in ws.split()
}

# Words that build place names with the word after them ("تل أبيض", "عين العرب", "كفر نبل"):
# when the two together are not a known name, the second word alone is not the place ("تل
# شعير" is not the village named شعير). Also the family and tribe words before a name.
NAME_PARTS = words("""
تل تلة عين كفر دير خربة جب بير بئر أم ابو أبو بني بيت رأس راس قصر حوش عرب خان معرة جسر جبل
وادي سهل نهر قلعة برج سد مزرعة مزارع البو آل عشيرة قبيلة الشيخ شيخ سيد السيد تلال تلول جزيرة
""")

# Words that name a site inside a city: after them a governorate capital's name is the city
# ("مطار حلب", "سجن حماة"), not the province.
CITY_SITES = words("""
مطار قاعدة سجن مشفى مستشفى جامعة ملعب معبر دوار ساحة أسواق سوق قلعة فرع مدخل مداخل وسط مركز
""")

# Compass words. Before a name ("شمال حلب", "جنوب مدينة X") they make it an area around the
# name; after "ريف X" ("ريف حلب الشمالي") they qualify the countryside.
DIRECTIONS = words("""
شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الشمال الجنوب الشرق الغرب
""")
DIRECTION_ADJECTIVES = words("""
الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية الأوسط الوسطى
""")

# Prepositions and location nouns before a name: a weak sign that a place follows ("في X",
# "قرب X", "على أطراف X").
PLACE_PREPOSITIONS = words("""
في على إلى الى من قرب بالقرب نحو اتجاه باتجاه داخل محيط أطراف اطراف ضواحي مشارف حول عند
تجاه وسط مدخل مداخل أحد إحدى جوار بلدات محور
""")

# Words allowed between a name and the place it is said to be in ("X بريف Y", "X في ريف Y
# الشمالي", "X، 5 كم شمال Y", "X التابعة لمدينة Y", "X الواقعة شرقي Y").
HOST_LINKS = words("""
في ريف مدينة محافظة منطقة ناحية قضاء بلدة التابعة التابع الواقعة الواقع الكائنة الكائن قرب
بالقرب من كم كيلو كيلومتر كيلومترات متر مسافة بعد على أطراف اطراف محيط
""")

# Words before a name that make it (part of) a person's name or title: "الشهيد X", "الطفل X".
PERSON_BEFORE = words("""
الشهيد الشهيدة الطفل الطفلة الشاب الشابة المدني المدنية المواطن المواطنة السيدة الحاج
الحاجة الدكتور الدكتورة الطبيب المهندس المحامي الصحفي الصحفية الناشط الناشطة المراسل الإعلامي
القيادي العميد العقيد النقيب الملازم الرائد المقدم المساعد الرقيب المقاتل العنصر المدعو الرجل
المسن المسنة العجوز الفتى الفتاة الشقيق الشقيقة الأخ الأب والد والدة ابن ابنة بن بنت نجل زوجة
زوج عائلة أسرة الأسير المعتقل الأمير الأستاذ المعلم الشيخ السيد
""")

# Words before a name that make it the name of a broadcaster, a page or an armed group
# ("شبكة X", "تلفزيون سوريا", "فيلق الشام", "قوات سوريا الديمقراطية", "درع الفرات").
ORG_BEFORE = words("""
شبكة وكالة قناة صفحة إذاعة اذاعة تلفزيون راديو جريدة صحيفة مجلة منصة موقع تجمع جيش لواء ألوية
فيلق كتائب كتيبة فرقة حركة جبهة جماعة هيئة تنظيم قوات أحرار ابناء أبناء ثوار أسود صقور درع غصن
نبع فجر عملية معركة غرفة مجلس اتحاد رابطة جمعية منظمة فريق شباب حزب تيار ائتلاف حكومة سلطات
نظام وزارة سفارة سفير مندوب
""")
# Words after a name that make the name part of an organisation's ("حلب اليوم" the channel,
# "سوريا الديمقراطية", "العراق والشام").
ORG_AFTER = words("""
الديمقراطية الديموقراطية الإخبارية الاخبارية نيوز والشام الحرة الإعلامي الاعلامي
""")

# Common Arabic given names: a name that is one of them is a person unless the text says it is
# a place ("قرية محمود"); a name right after one is a surname ("محمد الأحمد").
GIVEN_NAMES = words("""
محمد أحمد احمد محمود مصطفى علي حسن حسين عمر عثمان خالد إبراهيم ابراهيم إسماعيل اسماعيل يوسف
يونس موسى عيسى يحيى زكريا سليمان سلمان حمزة خليل جميل كمال نبيل عادل وليد طارق زياد فادي
رامي هاني سامي سمير بسام هشام عباس جعفر منصور ناصر قاسم جاسم حميد حامد صالح صلاح فيصل فهد
ماجد مروان مازن ماهر بشار حافظ أنس انس أيمن عماد عمار عامر غسان هيثم رائد رياض سعد سعيد
سلطان طلال وائل ياسر زيد أيوب داود إدريس الياس يعقوب عبد عبدالله عبدالرحمن كاظم كريم خلف
مهدي حمد هادي خضير محسن علوان عبود مجيد عزيز حمود جواد جابر هاشم نور نوري فاضل رشيد بكر
شاكر شريف صابر صبري ضياء عدنان عصام فراس فؤاد قصي لؤي مالك معاذ مؤيد نزار نضال هيثم وسيم
ياسين يزن فاطمة عائشة خديجة زينب مريم آمنة سارة هدى نور ليلى سلمى رهف جنى حلا شهد غنى
عبيد حمدان سالم سليم راشد فرحان عواد عيد مرعي نايف دحام حسان عدي قتيبة مصعب
""")

# Words of people's names besides given names: "عبد", kunyas, "بن", titles ("جاسم محمد",
# "أبو علي" are people when nothing says they are places).
PERSON_NAME_PARTS = words("""
عبد أبو ابو أم ام بن ابن البو آل سيد السيد شيخ الشيخ حاج الحاج ملا
""")

# The parts of a day ("صباح اليوم", "ظهر الثلاثاء"): the time of an event, never a member of
# a list of places before them ("في ناحية تل تمر، صباح اليوم").
DAY_PARTS = words("""
فجر الفجر صباح الصباح ظهر الظهر ظهيرة الظهيرة عصر العصر مساء المساء ليل الليل ليلة الليلة
""")

# Common words that are also names of villages: alone they are read as words. They are places
# only with a place word before them ("قرية الطيبة") or a place after them ("الطيبة بريف درعا").
# The month and weekday names (`vocab.ARABIC_MONTHS`, `vocab.ARABIC_WEEKDAYS`) are among them.
COMMON_WORDS = (
    words("""
في من على إلى الى عن مع بعد قبل بين حتى منذ عند لدى ضد خلال حول دون تحت فوق أمام وراء قرب جانب
هذا هذه ذلك تلك التي الذي الذين اللذين ما ماذا لا لم لن قد كان كانت يكون هو هي هم نحن أن إن
أو ثم كل بعض غير أي كما لكن حيث عندما أيضا فقط اليوم أمس الأمس الآن يوم أيام ساعة ساعات صباح
مساء ليلة الليلة ظهر الظهر فجر الفجر عصر العصر شهر سنة عام العام الماضي الحالي الجاري القادم
قال أفاد أكد ذكر أعلن نشر قتل مقتل قتلى قتيل جرح جرحى جريح إصابة اصابة إصابات مصاب مصابين شهيد
شهداء الشهداء استشهاد قصف القصف غارة غارات الغارات طائرة طائرات الطيران مسيرة المسيرة صاروخ
صواريخ قذيفة قذائف هجوم الهجوم استهداف انفجار لغم ألغام سيارة منزل منازل المنزل مدنيين مدني
المدنيين أطفال طفل امرأة نساء رجل رجال عائلة عناصر قوات الجيش النظام الحكومة الدولة التنظيم
المعارضة الفصائل فصيل مسلحين المرصد الدفاع الخوذ البيضاء فريق فرق مصدر مصادر محلي محلية الأهالي
السكان الأرض أرض السماء الطريق طريق شارع سوق السوق مسجد جامع الجامع المسجد مدرسة المدرسة مشفى
مستشفى المشفى مركز المركز مقر حاجز الحاجز نقطة النقطة موقع الموقع منطقة المنطقة محيط أطراف
الحدود حدود الحدودية عسكري عسكرية أمني أمنية جوي جوية بري برية مدفعي المدفعية الصاروخية
الروسي الروسية التركي التركية الأمريكي الأمريكية التحالف الدولي الإسرائيلي الإسرائيلية الإيراني
الإيرانية السوري السورية العراقي العراقية الكردي الكردية العربي العربية الإسلامية الوطني الوطنية
الحر الحرة الشعبية الديمقراطية الإنسان حقوق الأمم المتحدة الأحمر الهلال الصليب الأبيض الأسود
الأخضر الأزرق الأصفر الطيبة طيبة العين التل السوق الجديدة جديدة الجديد جديد الحمرا الحمراء
البيضا الخضرا الخضراء السودا السوداء المزرعة مزرعة المدينة القرية البلد البلدة الحارة حارة
الكنيسة كنيسة الحمام حمام القصر قصر البستان بستان الروضة روضة الحرية حرية الكرامة كرامة النصر
نصر السلام سلام الأمل أمل النور نور الفرح السعادة الخير خير الزهراء الثورة ثورة الوحدة العروبة
الاستقلال الجلاء التحرير الفتح فتح الشام شام القدس الجزيرة الفرات الزيتون زيتون الربيع الصفا
البحر بحر الجبل جبل السهل الوادي النهر نهر الخان الجسر جسر الطاحونة المطحنة المحطة محطة المطار
مطار الملعب الجامعة المعمل معمل المصنع مصنع الساحة ساحة الدوار دوار الحديقة حديقة المشتل المقبرة
مقبرة المزار مزار المغارة مغارة الكهف القلعة قلعة البرج برج الدير دير السد سد البئر بئر بير
الجب جب الخربة خربة الضيعة ضيعة المخيم مخيم الحي حي الرابية الهضبة التلة تلة القمة المنارة منارة
الشيخ شيخ السيد سيد الحاج حاج الإمام إمام الملا ملا الأمير أمير السلطان الباشا باشا القاضي
الحكيم العبد عبد الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر واحد
اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة السبت الأحد الاثنين الثلاثاء الأربعاء
الخميس الجمعة جمعة سبت الكيماوي البراميل الرحمة رحمة
الأمان الإيمان الهدى المجد العز الفضيلة الصحة الموت الحياة القرار الشرقية الغربية الشمالية
الجنوبية الشرقي الغربي الشمالي الجنوبي شرقي غربي شمالي جنوبي الوسطى الكبير الكبيرة الصغير
الصغيرة كبير صغير الكبرى الصغرى العليا السفلى الفوقاني التحتاني القديمة القديم الحديثة البلدية
الزراعية الصناعية السكنية التجارية المركزية الرئيسي الرئيسية العام العامة الخاصة المنطقة عدد
بعض أحد إحدى العشرات المئات آلاف الشهر الأسبوع أسبوع يومين ساعتين الحرب الحربي حرب معركة المعارك
الاشتباكات اشتباكات الاحتلال احتلال النار نار الماء ماء الكهرباء الخبز خبز الغاز غاز النفط نفط
الذهب ذهب الحديد حديد الحجر حجر الصخر الرمل رمل الملح ملح الورد ورد الرمان رمان التوت توت التين
تين العنب عنب النخيل نخيل النخلة الصفصاف الصفصافة السنديان السنديانة البلوط الغابة غابة الغابات
المرج مرج الحقل حقل السهول البادية الصحراء صحراء المعبر معبر الحاجز البوابة بوابة الباب
الأمن الشرطة السجن سجن الحرس الحماية الأسايش الفرقة الكتيبة اللواء المقر الثكنة ثكنة القاعدة
قاعدة النقطة الدفاع الطوارئ الإسعاف الصليب الصحة التعليم التربية الأوقاف الإعلام العدل
الحسين الحسن علي عمر محمد أحمد عثمان خالد حمزة العباس الرسول النبي الرحمن الله سلوك الدور الحدث
طويلة الطويلة حراك الحراك السكنية الحمد حربية الحربية صباح الأربعين المرتفعة مصيدة مباركة
المباركة منزله منزلها منزلهم الفرن فرن وقوف شرقيه غربيه درع جاسم
""")
    | frozenset(norm_word(w) for month in ARABIC_MONTHS for w in month.split())
    | frozenset(norm_word(w) for w in ARABIC_WEEKDAYS)
)  # month and weekday words: "، الجمعة،" is Friday, not an Iraqi village

# Words that are never read as place names, whatever comes before them: words of news
# reporting that villages also bear ("عاجل" in "#عاجل"), and words for displaced people ("مخيم
# اللاجئين" is a camp of refugees, not a village).
NOT_NAMES = words("""
عاجل هام خاص جروح جرح حياة إسقاط اسقاط أهداف اهداف أبرز ابرز سلسلة معسكر اللاجئين لاجئين
النازحين نازحين المهجرين مهجرين الوافدين تركية عربية كردية عراقية الأعور الاعور الرياض
شهباء الشهباء مصادر مصدر مراسل مراسلنا فيديو صور صورة بيان تقرير خبر أخبار اخبار
متابعة متابعات تحديث الفرات الله مستوى ذكرى سماد جولة قناة واسطة معربا فجر العالمية
العالمي الدولية الإدارة الادارة إدارة ادارة جات كردستان روسية روسي تركي أمريكية امريكية أمريكي
امريكي إسرائيلية اسرائيلية إسرائيلي اسرائيلي إيرانية ايرانية إيراني ايراني عراقي سوري كردي
عربي أجنبي اجنبي دولي أنقرة انقرة تات
""")

# Countries named in conflict reporting, as Arabic writes them (ISO 3166-1 alpha-2 → names).
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    iso: tuple(ws.split())
    for iso, ws in {
        "SY": "سوريا سورية سوريه",
        "IQ": "العراق",
        "TR": "تركيا",
        "LB": "لبنان",
        "JO": "الأردن الاردن",
        "IL": "إسرائيل اسرائيل",
        "IR": "إيران ايران",
        "RU": "روسيا",
        "US": "أمريكا امريكا أميركا اميركا",
        "PS": "فلسطين غزة",
        "EG": "مصر",
        "SA": "السعودية",
        "QA": "قطر",
        "AE": "الإمارات",
        "KW": "الكويت",
        "YE": "اليمن",
        "LY": "ليبيا",
        "FR": "فرنسا",
        "GB": "بريطانيا",
        "DE": "ألمانيا المانيا",
    }.items()
}
COUNTRIES: dict[str, str] = {norm_word(w): iso for iso, ws in COUNTRY_NAMES.items() for w in ws}
# Multi-word country names (matched as phrases).
COUNTRY_PHRASES: dict[str, str] = {
    fold_key("الولايات المتحدة"): "US",
    fold_key("المملكة المتحدة"): "GB",
    fold_key("المملكة العربية السعودية"): "SA",
}

# Governorates of Syria and Iraq as Arabic writes them, by (country, GeoNames admin1 code).
GOVERNORATE_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("SY", "01"): ("الحسكة",),
    ("SY", "02"): ("اللاذقية",),
    ("SY", "03"): ("القنيطرة",),
    ("SY", "04"): ("الرقة",),
    ("SY", "05"): ("السويداء", "السويدا"),
    ("SY", "06"): ("درعا",),
    ("SY", "07"): ("دير الزور", "ديرالزور", "دير الزور"),
    ("SY", "08"): ("ريف دمشق",),
    ("SY", "09"): ("حلب",),
    ("SY", "10"): ("حماة", "حماه"),
    ("SY", "11"): ("حمص",),
    ("SY", "12"): ("إدلب", "ادلب"),
    ("SY", "13"): ("دمشق",),
    ("SY", "14"): ("طرطوس",),
    ("IQ", "01"): ("الأنبار",),
    ("IQ", "02"): ("البصرة",),
    ("IQ", "03"): ("المثنى",),
    ("IQ", "04"): ("القادسية", "الديوانية"),
    ("IQ", "05"): ("السليمانية",),
    ("IQ", "06"): ("بابل",),
    ("IQ", "07"): ("بغداد",),
    ("IQ", "08"): ("دهوك",),
    ("IQ", "09"): ("ذي قار",),
    ("IQ", "10"): ("ديالى",),
    ("IQ", "11"): ("أربيل",),
    ("IQ", "12"): ("كربلاء",),
    ("IQ", "13"): ("كركوك",),
    ("IQ", "14"): ("ميسان",),
    ("IQ", "15"): ("نينوى",),
    ("IQ", "16"): ("واسط",),
    ("IQ", "17"): ("النجف",),
    ("IQ", "18"): ("صلاح الدين",),
}
GOVERNORATES: dict[str, tuple[str, str]] = {
    fold_key(name): key for key, names in GOVERNORATE_NAMES.items() for name in names
}

# Other names that Arabic text uses for gazetteer places (Kurdish names written in Arabic
# script, common short forms) → the gazetteer's Arabic name.
ALIASES: dict[str, str] = {
    fold_key(alias): fold_key(name)
    for alias, name in {
        "قامشلو": "القامشلي",
        "كوباني": "عين العرب",
        "سري كانيه": "رأس العين",
        "سريكانيه": "رأس العين",
        "كري سبي": "تل أبيض",
        "گري سپي": "تل أبيض",
        "ديرك": "المالكية",
        "تربه سبيه": "القحطانية",
        "تربسبيه": "القحطانية",
        "الشدادي": "الشدادة",
        "عفرين": "عفرين",
    }.items()
}

# Iraqi governorates whose names are also people's names or words: read as the governorate only
# in a text about Iraq or after "محافظة".
GOVERNORATES_NEED_CONTEXT = words("""
المثنى صلاح الدين واسط القادسية
""")

# Regions and sites that the English gazetteer (`places_extra.tsv`) holds, by their Arabic
# names → the English gazetteer's name for them.
REGION_NAMES: dict[str, str] = {
    "الغوطة الشرقية": "Eastern Ghouta",
    "الغوطة الغربية": "Western Ghouta",
    "القلمون": "Qalamoun",
    "القلمون الشرقي": "Eastern Qalamoun",
    "القلمون الغربي": "Western Qalamoun",
    "وادي بردى": "Wadi Barada",
    "جبل الأكراد": "Jabal al-Akrad",
    "جبل التركمان": "Jabal al-Turkman",
    "جبل الزاوية": "Jabal al-Zawiya",
    "جبل شحشبو": "Jabal Shahshabu",
    "سهل الغاب": "Sahl al-Ghab",
    "حوران": "Hawran",
    "اللجاة": "Lajat",
    "حوض اليرموك": "Yarmouk Basin",
    "الجولان": "Golan",
    "البادية السورية": "Badia",
    "سد تشرين": "Tishrin Dam",
    "سد الفرات": "Tabqa Dam",
    "سد الطبقة": "Tabqa Dam",
    "مطار كويرس": "Kuweires airbase",
    "مطار التيفور": "T4 airbase",
    "مطار الشعيرات": "Shayrat airbase",
    "مطار المزة": "Mezzeh military airport",
    "مطار المزة العسكري": "Mezzeh military airport",
    "قاعدة حميميم": "Hmeimim airbase",
    "مطار حميميم": "Hmeimim airbase",
    "مطار أبو الظهور": "Abu al-Duhur airbase",
    "مطار منغ": "Menagh airbase",
    "مطار حلب الدولي": "Aleppo International Airport",
    "مطار دير الزور العسكري": "Deir ez-Zor Military Airport",
    "مطار الضمير": "Dumayr airbase",
    "مطار الطبقة": "Tabqa airbase",
    "التنف": "al-Tanf",
    "قاعدة التنف": "al-Tanf",
    "مخيم الركبان": "Rukban camp",
    "مخيم الهول": "al-Hol camp",
    "معبر باب الهوى": "Bab al-Hawa",
    "باب الهوى": "Bab al-Hawa",
    "معبر باب السلامة": "Bab al-Salama",
    "باب السلامة": "Bab al-Salama",
    "معبر نصيب": "Nasib crossing",
    "جبل الثردة": "Tharda mountains",
    "الشيخ نجار": "Sheikh Najjar",
    "تلول الصفا": "Tulul al-Safa",
    "حقل الشاعر": "Sha'er gas field",
    "الشعيطات": "Shuaytat",
}
REGIONS: dict[str, str] = {fold_key(ar): en for ar, en in REGION_NAMES.items()}
