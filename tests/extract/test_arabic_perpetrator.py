"""Who the Arabic reader names as the perpetrator of a report's lead claim, on texts written
for these tests in the styles of Syrian news sites, monitors, civil-defence pages and posts.

Three classes: the air party of a joint or supported attack leads the incident; a headline the
text does not repeat names the attacker; raid, arrest and "على يد" frames name the attacker.
Every party is tried in the same frames."""

from __future__ import annotations

import pytest

from factfinder.extract.pipeline import Extractor
from factfinder.model import Document

_EXTRACTOR = Extractor()


def perpetrator(text: str, title: str | None = None) -> str | None:
    claims = _EXTRACTOR.extract(Document("t", text, title=title, language="ar")).claims
    primary = next((c for c in claims if c.primary), None)
    assert primary is not None, text
    return primary.perpetrator.group


# 1. The air party of a joint or supported attack ------------------------------------------

# (ground party, air party, the group expected: the air party's)
JOINT = [
    ("قوات النظام", "روسيا", "russia"),
    ("قوات النظام", "الطيران الروسي", "russia"),
    ("قوات الأسد", "الطائرات الحربية الروسية", "russia"),
    ("الميليشيات الإيرانية", "الطيران الروسي", "russia"),
    ("قسد", "التحالف الدولي", "us_led_coalition"),
    ("قوات سوريا الديمقراطية", "طيران التحالف", "us_led_coalition"),
    ("الجيش الوطني", "الطيران الروسي", "russia"),
    ("هيئة تحرير الشام", "التحالف الدولي", "us_led_coalition"),
    ("الجيش التركي", "الطيران الروسي", "russia"),
    ("حزب الله", "الطيران الإسرائيلي", "israel"),
    ("الجيش السوري", "القوات الأمريكية", "us_led_coalition"),
]


@pytest.mark.parametrize(("ground", "air", "group"), JOINT)
def test_joint_attack_in_one_sentence(ground: str, air: str, group: str) -> None:
    text = f"قتل مدنيان وأصيب 4 آخرون بقصف مشترك لـ{ground} و{air} على بلدة في ريف إدلب الجنوبي."
    assert perpetrator(text) == group


@pytest.mark.parametrize(("ground", "air", "group"), JOINT)
def test_air_support_named_after_the_ground_party(ground: str, air: str, group: str) -> None:
    text = (
        f"قتل شاب وأصيب اثنان خلال هجوم شنه {ground} على قرية شرقي دير الزور فجر اليوم. "
        f"وجرى الهجوم بإسناد جوي من {air} بحسب مصادر محلية."
    )
    assert perpetrator(text) == group


@pytest.mark.parametrize(
    ("frame", "group"),
    [
        ("اعتقلت قسد شابين ويساندها طيران التحالف الدولي", "us_led_coalition"),
        ("نفذت قوات النظام قصفاً بمساندة الطيران الروسي", "russia"),
        ("ميليشيا قسد تقتل شاباً بغطاء جوي من طيـ.ـران التحـ.ـالف الدولي", "us_led_coalition"),
        ("داهمت قوات الأسد منزلاً بالتنسيق مع القوات الروسية", "russia"),
        ("شنت ميليشيات حزب الله هجوماً بدعم من الطيران الإسرائيلي", "israel"),
    ],
)
def test_support_words_and_broken_spellings(frame: str, group: str) -> None:
    assert perpetrator(f"{frame} في قرية بريف الرقة ما أدى لمقتل مدني.") == group


@pytest.mark.parametrize(
    ("party", "group"),
    [
        ("قوات النظام", "syrian_government"),
        ("قسد", "sdf_ypg"),
        ("الجيش التركي", "turkey"),
        ("الجيش الوطني", "armed_opposition"),
        ("الميليشيات الإيرانية", "iran"),
        ("هيئة تحرير الشام", "hts_nusra"),
        ("تنظيم داعش", "isis"),
    ],
)
def test_a_ground_party_alone_keeps_the_attack(party: str, group: str) -> None:
    """No air party is named: nothing is added to the ground party's attack."""
    text = (
        f"قتل مدنيان بقصف مدفعي لـ{party} على قرية في ريف حلب. "
        "وقال الدفاع المدني إن فرقه انتشلت الجثث."
    )
    assert perpetrator(text) == group


# 2. A headline the text does not repeat ----------------------------------------------------

HEADLINES = [
    ("استشهاد طفل في قصف مسيرة للاحتلال التركي على ريف عين عيسى", "turkey"),
    ("مقتل مدنيين بغارات للطيران الروسي على ريف إدلب", "russia"),
    ("إصابة 3 أطفال بقصف مدفعي لقوات النظام على جبل الزاوية", "syrian_government"),
    ("مقتل شاب برصاص قسد في ريف دير الزور الشرقي", "sdf_ypg"),
    ("غارة للتحالف الدولي تقتل مدنيين قرب البوكمال", "us_led_coalition"),
    ("مقتل 4 مدنيين بقصف للطيران الإسرائيلي على ريف القنيطرة", "israel"),
    ("تنظيم داعش يستهدف رعاة أغنام في بادية حمص ويقتل اثنين منهم", "isis"),
    ("هيئة تحرير الشام تقصف قرية في سهل الغاب وتقتل امرأة", "hts_nusra"),
    ("الجيش الوطني يقصف قرية بريف منبج ويصيب طفلين", "armed_opposition"),
    ("الميليشيات الإيرانية تقصف قرية بريف البوكمال وتقتل مدنياً", "iran"),
    ("مسيرة تركية تستهدف سيارة مدنية في ريف القامشلي", "turkey"),
]

# A site's news ticker archived in place of the article: other parties' news.
TICKER = (
    "الجمعة 12 تموز\n\n"
    "الكويت تعلن إسقاط طائرات مسيرة وتتهم إيران باستهداف منشآت حيوية\n\n"
    "ارتفاع أسعار الخبز في دمشق\n\n"
    "قتلى وجرحى بقصف إسرائيلي على جنوب لبنان\n"
)

# A lede that names no party.
LEDE = "قتل مدنيان وأصيب ثلاثة آخرون بقصف استهدف منازل المدنيين مساء أمس، بحسب مصادر محلية."


@pytest.mark.parametrize(("title", "group"), HEADLINES)
def test_the_headline_names_the_attacker_over_a_ticker(title: str, group: str) -> None:
    assert perpetrator(TICKER, title=f"{title} - شبكة الأخبار") == group


@pytest.mark.parametrize(("title", "group"), HEADLINES)
def test_the_headline_names_the_attacker_a_lede_leaves_out(title: str, group: str) -> None:
    assert perpetrator(LEDE, title=title) == group


def test_a_headline_without_a_party_adds_none() -> None:
    title = "مقتل مدنيين بقصف على ريف إدلب"
    assert perpetrator(LEDE, title=title) in (None, "unknown")


def test_a_headline_with_two_attackers_adds_none() -> None:
    title = "قصف لقوات النظام وآخر للجيش التركي على ريف حلب"
    assert perpetrator(LEDE, title=title) in (None, "unknown")


def test_the_lede_keeps_its_own_party_named_in_the_headline_too() -> None:
    text = "قتل مدنيان بقصف مدفعي لقوات النظام على بلدة في ريف إدلب، فيما شن الطيران الروسي غارات."
    title = "الطيران الروسي يشن غارات على إدلب وقوات النظام تقصف"
    assert perpetrator(text, title=title) == "syrian_government"


# 3. Raids, arrests and "على يد" ------------------------------------------------------------

PARTIES = [
    ("قوات النظام", "syrian_government"),
    ("قسد", "sdf_ypg"),
    ("القوات التركية", "turkey"),
    ("الجيش الوطني", "armed_opposition"),
    ("قوات التحالف الدولي", "us_led_coalition"),
    ("القوات الروسية", "russia"),
    ("الميليشيات الإيرانية", "iran"),
    ("هيئة تحرير الشام", "hts_nusra"),
    ("تنظيم داعش", "isis"),
    ("جيش الاحتلال الإسرائيلي", "israel"),
]


@pytest.mark.parametrize(("party", "group"), PARTIES)
def test_killed_at_the_hands_of(party: str, group: str) -> None:
    text = f"مقتل شابين وإصابة ثالث على يد {party} خلال مداهمة في قرية بريف دير الزور الشرقي."
    assert perpetrator(text) == group


@pytest.mark.parametrize(("party", "group"), PARTIES)
def test_a_raid_names_its_force(party: str, group: str) -> None:
    text = f"قتل شاب برصاص عناصر خلال حملة مداهمات لـ{party} في بلدة بريف الحسكة فجر اليوم."
    assert perpetrator(text) == group


# 4. Partisan epithets: every party under the names its opponents' media give it ----------

EPITHETS = [
    ("عصابات الأسد", "syrian_government"),
    ("ميليشيات النظام", "syrian_government"),
    ("سلطة الأسد", "syrian_government"),
    ("المرتزقة الروس", "russia"),
    ("المحتل الروسي", "russia"),
    ("المحتل التركي", "turkey"),
    ("مرتزقة أردوغان", "armed_opposition"),
    ("الفصائل الموالية للاحتلال التركي", "armed_opposition"),
    ("ميليشيات قسد", "sdf_ypg"),
    ("العدو الصهيوني", "israel"),
    ("الكيان الصهيوني", "israel"),
    ("ميليشيات إيران", "iran"),
    ("عصابات الجولاني", "hts_nusra"),
    ("مرتزقة داعش", "isis"),
    ("المسيرات الأمريكية", "us_led_coalition"),
]


@pytest.mark.parametrize(("epithet", "group"), EPITHETS)
def test_epithets_name_the_party(epithet: str, group: str) -> None:
    text = f"أصيب 3 مدنيين بجروح جراء قصف {epithet} على قرية في ريف المحافظة مساء اليوم."
    assert perpetrator(text) == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "خرجت سيارة إسعاف عن الخدمة وأصيب مسعف بعد استهدافها من قبل طيران الأسد وحليفه الروسي.",
            "russia",
        ),
        ("قتل مدني بقصف عصابات الأسد وطائرات الاحتلال الروسي على أطراف بلدة بنش.", "russia"),
        ("قتل مدنيان بقصف طيران النظام السوري والروسي على ريف إدلب.", "russia"),
        ("أصيب طفل بقصف الميليشيات الإيرانية وحليفها الروسي على قرية في ريف حلب.", "russia"),
        ("قتلت امرأة بقصف قسد وحليفها الأمريكي على قرية شرقي دير الزور.", "us_led_coalition"),
    ],
)
def test_an_ally_joined_to_the_attacker(text: str, group: str) -> None:
    assert perpetrator(text) == group


# 5. A claimant is not the attacker for being named twice --------------------------------

# (claimant: full name and short name, the attacker it blames, the attacker's group)
CLAIMANTS = [
    ("قوات سوريا الديمقراطية (قسد)", "الطيران التركي المسير", "turkey"),
    ("المركز الإعلامي لقوات سوريا الديمقراطية “قسد”", "المدفعية التركية", "turkey"),
    ("هيئة تحرير الشام (تحرير الشام)", "الطيران الروسي", "russia"),
    ("تنظيم الدولة الإسلامية (داعش)", "طيران التحالف", "us_led_coalition"),
    ("الجيش الوطني السوري (الجيش الوطني)", "قسد", "sdf_ypg"),
    ("قوات سوريا الديمقراطية «قسد»", "قوات النظام", "syrian_government"),
    ("الجيش السوري الحر (الجيش الحر)", "الميليشيات الإيرانية", "iran"),
    ("وحدات حماية الشعب (YPG)", "الجيش الوطني", "armed_opposition"),
    ("جبهة النصرة (النصرة)", "الطيران الإسرائيلي", "israel"),
    ("قوات سوريا الديمقراطية “قسد”", "خلايا داعش", "isis"),
]


@pytest.mark.parametrize(("claimant", "attacker", "group"), CLAIMANTS)
def test_the_short_name_after_a_claimant_is_the_claimant(
    claimant: str, attacker: str, group: str
) -> None:
    text = f"أعلنت {claimant} مقتل 3 مدنيين بقصف نفذه {attacker} على قرية في ريف حلب."
    assert perpetrator(text) == group


@pytest.mark.parametrize(
    ("speaker", "attack", "group"),
    [
        ("قسد", "عدوان تركي جديد", "turkey"),
        ("هيئة تحرير الشام", "غارات روسية", "russia"),
        ("الجيش الوطني", "قصف لقسد", "sdf_ypg"),
        ("حزب الله", "غارة إسرائيلية", "israel"),
        ("النظام السوري", "ضربة أمريكية", "us_led_coalition"),
    ],
)
def test_a_headline_speaker_before_a_colon(speaker: str, attack: str, group: str) -> None:
    assert perpetrator(f"{speaker}: مقتل 5 مدنيين في {attack} على ريف المحافظة") == group


# 6. A strike told without its party takes the one attacker the document names -------------

ONE_ATTACKER = [
    ("الاحتلال التركي", "turkey"),
    ("الطيران الروسي", "russia"),
    ("قوات النظام", "syrian_government"),
    ("قسد", "sdf_ypg"),
    ("التحالف الدولي", "us_led_coalition"),
    ("الجيش الإسرائيلي", "israel"),
    ("الميليشيات الإيرانية", "iran"),
    ("هيئة تحرير الشام", "hts_nusra"),
    ("تنظيم داعش", "isis"),
    ("الجيش الوطني", "armed_opposition"),
]


@pytest.mark.parametrize(("party", "group"), ONE_ATTACKER)
def test_a_drone_strike_takes_the_documents_one_attacker(party: str, group: str) -> None:
    text = (
        "استشهد طفلان وأصيبت امرأة بجروح جراء استهداف طائرة مسيرة لمنزل في قرية بريف المحافظة. "
        "وقال الأهالي إن الطائرة حلقت لساعات فوق القرية قبل الاستهداف.\n\n"
        f"وتواصل {party} تصعيدها ضد المنطقة منذ أسابيع."
    )
    assert perpetrator(text) == group


def test_no_party_named_none_is_guessed() -> None:
    text = (
        "استشهد طفلان وأصيبت امرأة بجروح جراء استهداف طائرة مسيرة لمنزل في قرية بريف المحافظة. "
        "وقال الأهالي إن الطائرة حلقت لساعات فوق القرية قبل الاستهداف."
    )
    assert perpetrator(text) in (None, "unknown")


@pytest.mark.parametrize(("party", "group"), ONE_ATTACKER)
def test_a_party_named_as_the_target_is_not_the_attacker(party: str, group: str) -> None:
    text = (
        "قتل ثلاثة أشخاص جراء استهداف طائرة مسيرة مجهولة سيارة في ريف المحافظة. "
        f"وقالت مصادر محلية إن السيارة كانت قرب مواقع {party}."
    )
    assert perpetrator(text) in (None, "unknown")


def test_unknown_gunmen_stay_unknown() -> None:
    text = (
        "قتل شاب برصاص مسلحين مجهولين في قرية بريف دير الزور. "
        "وتواصل قسد حملة مداهمات في المنطقة منذ أيام."
    )
    assert perpetrator(text) == "unknown"


# 4. A nation's adjective in the dual, after a dual attack noun ------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("مقتل امرأة وطفلاها في غارتين جويتين روسيتين استهدفتا منزلهم في ريف إدلب", "russia"),
        ("استشهاد طفلين بغارتين إسرائيليتين على ريف القنيطرة", "israel"),
        ("مقتل شاب بضربتين أمريكيتين في ريف دير الزور", "us_led_coalition"),
        ("قتل مدني بقصف مسيرتين تركيتين على قرية في ريف الحسكة", "turkey"),
        ("إصابة ثلاثة مدنيين بضربتين إيرانيتين على بلدة في ريف البوكمال", "iran"),
    ],
)
def test_a_dual_nation_adjective_names_the_attacker(text: str, group: str) -> None:
    assert perpetrator(text) == group


def test_a_dual_nation_adjective_of_victims_names_no_attacker() -> None:
    assert perpetrator("مقتل جنديين روسيين بانفجار لغم في البادية") in (None, "unknown")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("قتل مدنيان بالغارات الجوية من قبل قوات النظام و #روسيا على أحياء المدينة.", "russia"),
        (
            "أصيب 3 أطفال بالغارات التي شنها الجيش السوري و #القوات_الأمريكية على البلدة.",
            "us_led_coalition",
        ),
    ],
)
def test_a_party_joined_by_a_hashtag(text: str, group: str) -> None:
    assert perpetrator(text) == group


def test_two_parties_arresting_together() -> None:
    # a raid told with a dual verb is a report of a detention by the two parties
    text = "قسد والتحالف الدولي يعتقلان شابين في بلدة الصور بريف دير الزور."
    claims = _EXTRACTOR.extract(Document("t", text, language="ar")).claims
    (claim,) = claims
    assert (claim.event_type, claim.perpetrator.group) == ("detention", "us_led_coalition")


# "من قبل" names the agent of a passive attack; a party announcing an act carried it out ---

PARTIES = [
    ("قوات النظام السوري", "syrian_government"),
    ("الجيش التركي", "turkey"),
    ("قوات سوريا الديمقراطية", "sdf_ypg"),
    ("الجيش الإسرائيلي", "israel"),
    ("التحالف الدولي", "us_led_coalition"),
    ("هيئة تحرير الشام", "hts_nusra"),
]


@pytest.mark.parametrize(("party", "group"), PARTIES)
def test_min_qibal_names_the_agent(party: str, group: str) -> None:
    text = (
        "استشهاد سيدة وأطفالها الثلاثة في قرية بريف حمص جراء غارات على القرية من قبل "
        f"{party} فجر اليوم."
    )
    assert perpetrator(text) == group


@pytest.mark.parametrize(("party", "group"), PARTIES)
def test_a_party_announcing_its_act_is_the_attacker(party: str, group: str) -> None:
    before = f"أعلن {party} استهداف مواقع في ريف دمشق ما أدى إلى مقتل 3 أشخاص."
    headline = (
        f"{party} يعلن مهاجمة مبان عسكرية في سوريا. القصف استهدف حي المزة في دمشق ما أدى "
        "إلى مقتل 15 شخصاً وإصابة 16 آخرين."
    )
    for text in (before, headline):
        claims = _EXTRACTOR.extract(Document("t", text, language="ar")).claims
        lead = next(c for c in claims if c.primary)
        assert (lead.perpetrator.group, lead.stance) == (group, "admits"), text


def test_an_act_announced_as_another_partys_is_not_the_announcers() -> None:
    text = "أعلنت قسد استهداف الاحتلال التركي لقرية في ريف الحسكة ما أدى إلى مقتل 3 مدنيين."
    claims = _EXTRACTOR.extract(Document("t", text, language="ar")).claims
    lead = next(c for c in claims if c.primary)
    assert (lead.perpetrator.group, lead.stance) == ("turkey", "alleges")


# 4. The subject of reported speech, a relative clause's attacker, a campaign, an epithet ------

# (party as the text names it, with the occupier named in full elsewhere where it is bare)
REPORTED = [
    ("قوات النظام", "syrian_government"),
    ("الطيران الروسي", "russia"),
    ("الاحتلال التركي", "turkey"),
    ("قسد", "sdf_ypg"),
    ("التحالف الدولي", "us_led_coalition"),
    ("الجيش الإسرائيلي", "israel"),
    ("تنظيم داعش", "isis"),
    ("هيئة تحرير الشام", "hts_nusra"),
]


@pytest.mark.parametrize(("party", "group"), REPORTED)
def test_the_subject_after_that_is_no_claimant(party: str, group: str) -> None:
    # "ذكر مراسلنا أن X استأنف قصفه": the correspondent reports, X shells
    text = f"وذكر مراسلنا أن {party} استأنف قصفه لقرية أم الخير، ما أسفر عن مقتل مدنيين اثنين."
    assert perpetrator(text) == group


@pytest.mark.parametrize(("party", "group"), REPORTED)
def test_a_relative_clause_names_the_attacker(party: str, group: str) -> None:
    text = f"المنزل الذي قصفه {party} في قرية طرنجة، ما أدى إلى استشهاد شاب."
    assert perpetrator(text) == group


@pytest.mark.parametrize(
    ("adjective", "group"),
    [
        ("الروسية", "russia"),
        ("التركية", "turkey"),
        ("الإسرائيلية", "israel"),
        ("الأمريكية", "us_led_coalition"),
    ],
)
def test_a_campaign_named_by_its_nation(adjective: str, group: str) -> None:
    text = (
        f"الحرب {adjective} مستمرة على السوريين.. ثلاثة قتلى من عائلة واحدة بغارات على أطراف إدلب"
    )
    assert perpetrator(text) == group


def test_an_epithet_of_a_nation_names_it() -> None:
    text = "الشهيد عصام ارتقى بقصف صهيوني لبلدة المزرعة في ريف السويداء مع 3 أشخاص"
    assert perpetrator(text) == "israel"


def test_a_bare_occupation_after_that_is_the_one_named_in_full() -> None:
    text = (
        "وذكر مراسلنا أن الاحتلال استأنف قصفه لريف تل تمر، مما أسفر عن إصابة طفلين.\n\n"
        "وكان الاحتلال التركي قد قصف القرية نفسها أمس."
    )
    assert perpetrator(text) == "turkey"


@pytest.mark.parametrize(("party", "group"), REPORTED)
def test_a_massacre_committed_by_names_the_attacker(party: str, group: str) -> None:
    assert perpetrator(f"مجزرة مروعة ترتكبها {party} في بلدة أريحا جنوب إدلب") == group
    assert perpetrator(f"المجزرة التي ارتكبها {party} في سوق معرة النعمان") == group


# Executions told in the present tense: the party before "يعدم"/"تعدم" ----------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("تنظيم الدولة يعدم 4 مدنيين بينهم امرأتان في بلدة الشحيل بريف دير الزور", "isis"),
        ("هيئة تحرير الشام تعدم شابين في مدينة سرمدا بتهمة التعامل مع النظام", "hts_nusra"),
        ("قوات النظام تعدم 3 مدنيين ميدانياً في بلدة خان شيخون", "syrian_government"),
    ],
)
def test_execution_in_the_present_tense(text: str, group: str) -> None:
    assert perpetrator(text) == group
    claims = _EXTRACTOR.extract(Document("t", text, language="ar")).claims
    assert next(c for c in claims if c.primary).event_type == "execution"


# 4. A party's short name in brackets after its full one keeps the full name's role ---------

BRACKETED = [
    ("قوات سوريا الديمقراطية (قسد)", "طائرة مسيرة تركية", "turkey"),
    ("هيئة تحرير الشام (هتش)", "الطيران الروسي", "russia"),
    ("الجيش الوطني السوري (الجيش الوطني)", "قوات النظام", "syrian_government"),
]


@pytest.mark.parametrize("victims,attacker,expected", BRACKETED)
def test_the_dead_s_party_in_brackets_is_no_attacker(
    victims: str, attacker: str, expected: str
) -> None:
    text = (
        f"قتل أربعة عناصر من {victims} بقصف {attacker} استهدف سيارتهم قرب مدينة القامشلي مساء أمس."
    )
    assert perpetrator(text) == expected
