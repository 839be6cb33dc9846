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


def test_photo_caption_is_an_aside_and_the_credit_closes_it() -> None:
    # FA-KES (Jordan Times): the caption precedes the dateline and the lede.
    text = (
        "Last updated at Jul 152015 A member of the Syrian regime forces runs near destroyed "
        "buildings in the northeastern Syrian city of Hasakeh on Monday (AFP photo) BEIRUT "
        "Thirteen civilians among them seven children were killed in aerial attacks."
    )
    seg = split_sentences(text)
    texts = [s.text for s in seg.sentences]
    assert texts[0].endswith("on Monday (AFP photo)")
    assert texts[1].startswith("BEIRUT Thirteen civilians")
    assert seg.asides == frozenset({0})


def test_credit_after_a_full_stop_stays_with_its_caption() -> None:
    # FA-KES (TRT World): "... April 15 2017. (TRT World and Agencies) A suicide car bomb ..."
    text = (
        "Still image shows a cloud of black smoke rising from vehicles near Aleppo April 15 "
        "2017. (TRT World and Agencies) A suicide car bomb has hit a convoy of buses."
    )
    seg = split_sentences(text)
    assert [s.text for s in seg.sentences] == [
        "Still image shows a cloud of black smoke rising from vehicles near Aleppo April 15 "
        "2017. (TRT World and Agencies)",
        "A suicide car bomb has hit a convoy of buses.",
    ]
    assert seg.asides == frozenset({0})


def test_agency_dateline_is_not_a_caption() -> None:
    seg = split_sentences("BEIRUT (AFP) - Air strikes killed 12 people in Idlib on Monday.")
    assert seg.asides == frozenset()


def test_tag_list_is_cut_out_where_the_lede_repeats_the_standfirst() -> None:
    # FA-KES (Al-Araby Al-Jadeed): standfirst, tag list, lede with no full stops between.
    text = (
        "Date of publication 21 September 2016 Russian and regime warplanes confirmed by Civil "
        "Defence as behind the attacks that targeted a convoy. Tags White Helmets SARC war "
        "crimes UN aid convoy Urum al-Kubra Aleppo Russian and regime warplanes were behind "
        "the attacks the Syrian Civil Defence confirmed."
    )
    seg = split_sentences(text)
    texts = [s.text for s in seg.sentences]
    assert texts[1] == "Tags White Helmets SARC war crimes UN aid convoy Urum al-Kubra Aleppo"
    assert texts[2].startswith("Russian and regime warplanes were behind")
    assert seg.asides == frozenset({1})


def test_tag_list_ends_at_a_lede_opener() -> None:
    text = (
        "4 April 2017 At least 19 people were killed near the Syrian capital. Tags Syria "
        "Damascus Rebels Douma Ghouta Airstrikes At least 19 civilians were killed in heavy "
        "aerial bombardment."
    )
    seg = split_sentences(text)
    assert [seg.sentences[k].text for k in seg.asides] == [
        "Tags Syria Damascus Rebels Douma Ghouta Airstrikes"
    ]


def test_tag_list_that_runs_into_the_lede_is_left_alone() -> None:
    # No repeated opening and no opener before the first verb: the boundary is unknown.
    text = (
        "Airstrikes kill seven in Homs. Tags Syria Homs Seige Napalm Incendiary bombs Jets "
        "thought to belong to the Syrian government struck the Al-Waer neighborhood."
    )
    seg = split_sentences(text)
    assert seg.asides == frozenset()
    assert seg.sentences[1].text.startswith("Tags Syria Homs")
