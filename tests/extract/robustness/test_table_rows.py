"""Tables read as rows of named values: spreadsheets and CSV lists of incidents or of the dead.

The intake reads a sheet as one line per row, "Column: value; Column: value." A row is one
record: its counts are the columns named by an outcome ("Killed", "Civilians killed",
"Children killed", "Wounded"), its perpetrator the column that names who did it, and the next
row is another incident. A row of a list of the dead (a name with a date of death or a status
that says so) is one person named, a child when the row's age is under 18. Every table here
was written for this suite, with every party in the same columns.
"""

from __future__ import annotations

import pytest

from factfinder.extract.casualties import find_casualties
from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document


def claims(text: str) -> list[Claim]:
    return list(extract_document(Document(id="t", text=text, published=None)).claims)


def n(r: object) -> int | None:
    return getattr(r, "min", None)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "Date: 2024-03-04; Place: Ariha; Killed: 5; Injured: 11.",
            [(5, "killed", "total"), (11, "injured", "total")],
        ),
        (
            "Civilians killed: 7; Children killed: 3; Wounded: 12.",
            [(7, "killed", "civilians"), (3, "killed", "children"), (12, "injured", "total")],
        ),
        ("Deaths: 4; Missing: 2.", [(4, "killed", "total"), (2, "missing", "total")]),
        (
            "Fighters killed: 9; Civilians killed: 0.",
            [(9, "killed", "combatants"), (0, "killed", "civilians")],
        ),
        ("[row 7] Dead: 3; Source: local medics.", [(3, "killed", "total")]),
    ],
)
def test_columns_named_by_an_outcome_are_counts(
    row: str, expected: list[tuple[int, str, str]]
) -> None:
    got = [(c.range.min, c.outcome, c.victims) for c in find_casualties(row)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "Killed: unknown; Injured: several.",  # no figure
        "Reference: 2024-0113; Page: 4.",  # numbers in columns that count nobody
        "The ministry said: 5 people were killed.",  # prose after a colon is read as prose
    ],
)
def test_other_columns_count_nobody(text: str) -> None:
    assert [
        c
        for c in find_casualties(text)
        if c.range.text.endswith(tuple("0123456789")) and ":" in c.range.text
    ] == []


PARTIES = [
    ("Russian forces", "russia"),
    ("Syrian government forces", "syrian_government"),
    ("Turkish army", "turkey"),
    ("US-led coalition", "us_led_coalition"),
    ("SDF", "sdf_ypg"),
    ("ISIS", "isis"),
    ("Israeli army", "israel"),
]


@pytest.mark.parametrize(("party", "group"), PARTIES)
def test_each_row_is_an_incident_with_its_perpetrator(party: str, group: str) -> None:
    text = (
        "Columns: Date; Location; Perpetrator; Civilians killed; Children killed.\n"
        f"Date: 2024-03-04; Location: Kafr Nabl; Perpetrator: {party}; Civilians killed: 7; "
        "Children killed: 3.\n"
        f"Date: 2024-03-09; Location: Sarmin; Perpetrator: {party}; Civilians killed: 2; "
        "Children killed: 0.\n"
    )
    got = claims(text)
    assert [
        (c.date.start.isoformat(), n(c.killed.civilians), n(c.killed.children))
        for c in got
        if c.date
    ] == [
        ("2024-03-04", 7, 3),
        ("2024-03-09", 2, 0),
    ]
    assert {c.perpetrator.group for c in got} == {group}


def test_a_list_of_the_dead_names_each_person_once() -> None:
    text = (
        "Columns: Name; Age; Date of death; Place.\n"
        "Name: Samir Haddad; Age: 34; Date of death: 2024-03-04; Place: Ariha.\n"
        "Name: Lina Haddad; Age: 9; Date of death: 2024-03-04; Place: Ariha.\n"
        "Name: Huda Haddad; Age: 7; Status: killed; Place: Ariha.\n"
    )
    (c,) = claims(text)
    assert n(c.killed.total) == 3
    assert n(c.killed.children) == 2


def test_a_list_of_the_detained_names_no_dead() -> None:
    text = (
        "Columns: Name; Age; Date of arrest; Place.\n"
        "Name: Samir Haddad; Age: 34; Date of arrest: 2024-03-04; Place: Ariha.\n"
        "Name: Omar Khalil; Age: 61; Date of arrest: 2024-03-06; Place: Sarmin.\n"
    )
    assert all(c.killed.total is None for c in claims(text))


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # a monitor's record: a qualified field and a range of figures
        ("Civilians reported killed: 2–4\n", [(2, 4, "killed", "civilians")]),
        (
            "Children killed: 1 - 3; Injured: 5 to 9.",
            [(1, 3, "killed", "children"), (5, 9, "injured", "total")],
        ),
        ("Alleged deaths: 6\n", [(6, 6, "killed", "total")]),
    ],
)
def test_a_records_ranges_and_qualified_fields(
    row: str, expected: list[tuple[int, int, str, str]]
) -> None:
    got = [(c.range.min, c.range.max, c.outcome, c.victims) for c in find_casualties(row)]
    assert got == expected


def test_a_monitors_record_gives_its_range() -> None:
    (claim,) = claims(
        "Incident date: 3 February 2024\nCivilians reported killed: 2–4\n"
        "Location: Deir ez-Zor, Syria\nA US strike reportedly hit a house in al-Mayadin."
    )
    assert claim.killed.civilians is not None
    assert (claim.killed.civilians.min, claim.killed.civilians.max) == (2, 4)
