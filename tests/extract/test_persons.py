"""Personal names in quoted sentences: found wherever a word for a person stands beside them,
in English and in Arabic script, whatever role the rest of the extractor gives the person."""

from __future__ import annotations

import pytest

from factfinder.extract.persons import names_in, personal_names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The strike killed 12 civilians on Friday, said resident Khalil Haddad.",
            ["Khalil Haddad"],
        ),
        ("Resident Abu Ahmad al-Hassan said the shelling lasted an hour.", ["Abu Ahmad al-Hassan"]),
        ("Mahmoud Qassem, a resident, said the strike hit the market.", ["Mahmoud Qassem"]),
        ("A witness, Samira Nouri, told reporters five children died.", ["Samira Nouri"]),
        (
            "A local resident, Fatima al-Sayed, told AFP the drone struck twice.",
            ["Fatima al-Sayed"],
        ),
        ("Samira Nouri, 34, a teacher from Hajin, said the school was hit.", ["Samira Nouri"]),
        (
            "Among the dead was the child Ahmad Ali, whose father Yusuf Ali survived.",
            ["Ahmad Ali", "Yusuf Ali"],
        ),
        ("Omar Zaki, 12, was killed; his sister Huda (9) was injured.", ["Omar Zaki", "Huda"]),
        (
            "The victims were identified as Ali Hamoud and Samir Hamoud.",
            ["Ali Hamoud", "Samir Hamoud"],
        ),
        ("Hospital director Dr. Ayman Kassar said 14 bodies arrived.", ["Ayman Kassar"]),
        ("The strike hit the child Omar’s school.", ["Omar"]),
        ("وقال الشاهد أحمد محمد العلي إن الطائرة قصفت السوق.", ["أحمد محمد العلي"]),
        (
            "وأفاد المواطن خالد الحسن بأن القصف أدى إلى استشهاد الطفل محمود سعيد.",
            ["خالد الحسن", "محمود سعيد"],
        ),
    ],
)
def test_a_name_beside_a_word_for_a_person_is_found(sentence: str, names: list[str]) -> None:
    assert names_in(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "In Raqqa, a resident said the strike hit a school.",
        "The Syrian Observatory for Human Rights said 20 people were killed.",
        "Residents said the market was hit on Monday.",
        "On Friday, 12 civilians were killed in Hajin.",
        "قال ناشطون إن القصف استهدف السوق.",
        "Local Coordination Committees, a activist network, said 20 died.",
    ],
)
def test_no_name_is_guessed_without_a_word_for_a_person(sentence: str) -> None:
    assert names_in(sentence) == []


def test_spans_point_at_the_names() -> None:
    text = "said resident Khalil Haddad. A witness, Samira Nouri, told"
    assert [text[a:b] for a, b in personal_names(text)] == ["Khalil Haddad", "Samira Nouri"]
