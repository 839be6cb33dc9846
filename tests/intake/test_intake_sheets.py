"""Spreadsheets (XLSX with openpyxl, ODS, CSV) are read as tables: a line per row naming each
value by its column's header, each sheet named with its rows. `fixtures/incidents.xlsx` was
written by openpyxl (`fixtures/make_xlsx.py`); `fixtures/casualties.ods` by LibreOffice."""

from __future__ import annotations

import zipfile
from pathlib import Path

from factfinder.intake import expand, read_text, sniff_media_type
from factfinder.intake.parts import CSV, ODS, XLSX
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import show_item

FIXTURES = Path(__file__).parent / "fixtures"


def read_one(path: Path, workdir: Path) -> tuple[str, object]:
    part = next(iter(expand(path, workdir)))
    return part.media_type, read_text(part)


def test_xlsx_sheets_are_rows_of_named_values(workdir: Path) -> None:
    media_type, got = read_one(FIXTURES / "incidents.xlsx", workdir)
    assert media_type == XLSX
    assert got.text == (
        'Sheet "Incidents", rows 1–5:\n'
        "Columns: Date; Place; Event; Killed; Injured; Source.\n"
        "Date: 2024-03-04; Place: Ariha; Event: Shelling of the market; Killed: 5; Injured: 11; "
        "Source: Local medics.\n"
        "Date: 2024-03-06; Place: Sarmin; Event: Airstrike on a school; Killed: 2; Injured: 4; "
        "Source: Civil defence.\n"
        "[row 5] Date: Total.\n"
        "\n"
        'Sheet "Victims", rows 1–4:\n'
        "Columns: Name; Age; Sex; Date of death; Place; Cause.\n"
        "Name: Samir Haddad; Age: 34; Sex: M; Date of death: 2024-03-04; Place: Ariha; "
        "Cause: shelling.\n"
        "Name: Lina Haddad; Age: 9; Sex: F; Date of death: 2024-03-04; Place: Ariha; "
        "Cause: shelling.\n"
        "Name: Omar Khalil; Age: 61; Sex: M; Date of death: 2024-03-06; Place: Sarmin; "
        "Cause: airstrike."
    )
    assert (got.title, got.author) == ("Tracking sheet, March 2024", "Monitoring unit")
    assert got.file_created.isoformat() == "2024-03-07T08:00:00+00:00"
    assert got.file_modified is not None  # openpyxl stamps the time it saved the file


def test_ods_and_csv_are_tables_too(workdir: Path) -> None:
    rows = (
        "Columns: place; killed; injured.\n"
        "place: Ariha; killed: 5; injured: 11.\n"
        "place: Sarmin; killed: 2; injured: 4."
    )
    media_type, got = read_one(FIXTURES / "casualties.ods", workdir)
    assert (media_type, got.text) == (ODS, 'Sheet "casualties", rows 1–3:\n' + rows)
    media_type, got = read_one(FIXTURES / "casualties.csv", workdir)
    assert (media_type, got.text) == (CSV, "Table, rows 1–3:\n" + rows)


def test_a_sheet_without_a_header_gives_its_values(tmp_path: Path, workdir: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("2024-03-04;Ariha;5\n2024-03-06;Sarmin;2\n", encoding="utf-8")
    assert read_one(path, workdir)[1].text == (
        "Table, rows 1–2:\n2024-03-04; Ariha; 5.\n2024-03-06; Sarmin; 2."
    )


def test_a_broken_workbook_is_one_error_and_is_preserved(project: Project, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook")  # cut short
    assert sniff_media_type(broken) == XLSX
    summary = ingest(project, [str(broken), str(FIXTURES / "casualties.csv")])
    assert [(f.input, f.problem.split(" (")[0]) for f in summary.failures] == [
        (str(broken), "not a readable XLSX workbook")
    ]
    assert summary.new_items == 2
    assert show_item(project, "1").summary.text_status.startswith(
        "text not read: not a readable XLSX workbook"
    )
    assert show_item(project, "2").excerpt.startswith("Table, rows 1–3:\nColumns: place;")


def test_each_row_of_a_table_of_incidents_is_a_claim(workdir: Path) -> None:
    """Each row of named values is one record: its date, place, event and counts ("Killed:
    5", "Injured: 11") make one claim, and the next row another; a list of the dead names
    each person once (a child by the row's age)."""
    from factfinder.extract.pipeline import extract_document
    from factfinder.model import Document

    _, got = read_one(FIXTURES / "incidents.xlsx", workdir)
    claims = extract_document(
        Document.from_json({"id": "sheet", "text": got.text, "published": "2024-03-08"})
    ).claims
    rows = [
        (
            c.event_type,
            c.date.start.isoformat() if c.date and c.date.start else None,
            [p.name for p in c.places],
            c.killed.total.min if c.killed.total else None,
            c.injured.total.min if c.injured.total else None,
        )
        for c in claims
    ]
    assert rows == [
        ("shelling", "2024-03-04", ["Ariha"], 5, 11),
        ("airstrike", "2024-03-06", ["Sarmin"], 2, 4),
        # the list of the dead: each person named once, by day and place of death
        ("shelling", "2024-03-04", ["Ariha"], 2, None),
        ("airstrike", "2024-03-06", ["Sarmin"], 1, None),
    ]
    assert claims[2].killed.children is not None and claims[2].killed.children.min == 1
