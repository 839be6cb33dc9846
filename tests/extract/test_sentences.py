"""Sentence splitting on real text: the seed documents and FA-KES article openings.

FA-KES excerpts: Abu Salem et al., FA-KES: A Fake News Dataset around the Syrian War,
ICWSM 2019 (CC BY 4.0).
"""

from __future__ import annotations

from factfinder.extract.sentences import clauses, find_title, split_sentences


def test_abbreviations_and_initialisms_do_not_end_sentences() -> None:
    text = (
        "U.S. President Donald Trump said he ordered missile strikes. Gen. Smith agreed. "
        "The strike hit the U.S. The base was empty."
    )
    seg = split_sentences(text)
    assert [s.text for s in seg.sentences] == [
        "U.S. President Donald Trump said he ordered missile strikes.",
        "Gen. Smith agreed.",
        "The strike hit the U.S.",
        "The base was empty.",
    ]


def test_offsets_point_into_the_text() -> None:
    text = '  First one here.  Second one: "quoted." Third.\n\nFourth'
    for s in split_sentences(text).sentences:
        assert text[s.start : s.end] == s.text
    assert [s.text for s in split_sentences(text).sentences] == [
        "First one here.",
        'Second one: "quoted."',
        "Third.",
        "Fourth",
    ]


def test_paragraph_break_inside_a_quotation_continues_the_sentence(
    seed_000: dict[str, str],
) -> None:
    seg = split_sentences(seed_000["text"], seed_000["title"])
    texts = [s.text for s in seg.sentences]
    bodies = next(t for t in texts if t.startswith("The bodies of more than 4,000"))
    assert bodies.endswith("al-Rashid Stadium and the city zoo.")


def test_title_becomes_its_own_sentence_in_fakes_openings() -> None:
    text = (
        "Tue 05 Jul 2016 Suicide bombing kills at least 16 in northeast Syria. A suicide bomb "
        "blast killed at least 16 people in the mostly Kurdish-controlled city of Qamishli."
    )
    seg = split_sentences(text, "Suicide bombing kills at least 16 in northeast Syria")
    assert seg.title == 1
    assert [s.text for s in seg.sentences][:2] == [
        "Tue 05 Jul 2016",
        "Suicide bombing kills at least 16 in northeast Syria",
    ]


def test_title_without_a_full_stop_is_cut_out() -> None:
    text = (
        "Syria regime raids on Aleppo kill 16 civilians Monitor AFP Sunday 5 Jun 2016 Dozens of "
        "Syrian regime strikes on Aleppo killed at least 16 civilians on Sunday."
    )
    title = "Syria regime raids on Aleppo kill 16 civilians Monitor"
    assert find_title(text, title) == (0, len(title))
    seg = split_sentences(text, title)
    assert seg.title == 0
    assert seg.sentences[1].text.startswith("AFP Sunday 5 Jun 2016 Dozens")


def test_clauses_split_at_semicolons() -> None:
    text = "Shelling on Jobar; an airstrike on Douma killed 3"
    seg = split_sentences(text)
    parts = clauses(text, seg.sentences[0])
    assert [p.text for p in parts] == ["Shelling on Jobar", "an airstrike on Douma killed 3"]
