"""Stance in Arabic reports: a party's denial is a claim that denies, with the denied party as
perpetrator; a party telling its own strike admits it (CLAIMS.md 1.1), for every party alike."""

from __future__ import annotations

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document


def _primary(text: str) -> Claim:
    claims = extract_document(Document(id="t", text=text, published=None, language="ar")).claims
    assert claims, text
    return next((c for c in claims if c.primary), claims[0])


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "نفت وزارة الدفاع الروسية في بيان اليوم الأنباء عن مقتل مدنيين بغارات جوية على ريف "
            "إدلب، ووصفتها بأنها ادعاءات كاذبة لا أساس لها من الصحة.",
            "russia",
        ),
        (
            "نفت وزارة الدفاع التركية صحة التقارير عن مقتل مدنيين بقصف مدفعي على قرى ريف "
            "الحسكة، وقالت إن قواتها تستهدف مواقع الإرهابيين فقط.",
            "turkey",
        ),
    ],
)
def test_a_party_denies_for_its_own_side(text: str, group: str) -> None:
    claim = _primary(text)
    assert claim.stance == "denies"
    assert claim.perpetrator is not None and claim.perpetrator.group == group
    assert claim.claimant.type == "party_to_conflict"


def test_a_party_admits_its_own_strike() -> None:
    claim = _primary(
        "أعلنت قيادة التحالف الدولي أن قواتها نفذت غارة جوية قرب البوكمال أدت إلى مقتل 3 "
        "مدنيين، واعترفت بوقوع الحادثة."
    )
    assert claim.stance == "admits"
    assert claim.perpetrator is not None and claim.perpetrator.group == "us_led_coalition"
    assert claim.killed.civilians is not None and claim.killed.civilians.min == 3


def test_a_monitor_alleges() -> None:
    claim = _primary(
        "وثق المرصد السوري لحقوق الإنسان مقتل 5 مدنيين بينهم طفلان جراء غارات جوية روسية "
        "على بلدة في ريف إدلب الجنوبي."
    )
    assert claim.stance == "alleges"
    assert claim.perpetrator is not None and claim.perpetrator.group == "russia"
    assert claim.claimant.type == "monitor"


@pytest.mark.parametrize(
    ("party", "group"),
    [
        ("التحالف الدولي", "us_led_coalition"),
        ("القيادة المركزية الأمريكية", "us_led_coalition"),
        ("وزارة الدفاع الروسية", "russia"),
        ("وزارة الدفاع التركية", "turkey"),
        ("الجيش الإسرائيلي", "israel"),
        ("قوات سوريا الديمقراطية", "sdf_ypg"),
    ],
)
@pytest.mark.parametrize(
    "frame",
    [
        "أعرب {p} عن أسفه لمقتل مدني خلال عملية عسكرية في قرية كرهوك بريف الحسكة",
        "{p} يعرب عن أسفه العميق لمقتل مدنيين اثنين في غارة على ريف إدلب",
        "أعلن {p} مسؤوليته عن الضربة التي أدت إلى مقتل مدني في ريف دير الزور",
        "اعتذر {p} عن مقتل طفل بقصف على قرية في ريف حلب",
    ],
)
def test_regret_and_responsibility_admit_the_harm(frame: str, party: str, group: str) -> None:
    claim = _primary(frame.format(p=party))
    assert claim.stance == "admits"
    assert claim.perpetrator is not None and claim.perpetrator.group == group
    assert claim.claimant.type == "party_to_conflict"


def test_holding_another_party_responsible_is_no_admission() -> None:
    claim = _primary("حمّل التحالف الدولي قسد مسؤولية مقتل مدني في قرية كرهوك بريف الحسكة")
    assert claim.stance != "admits"
