"""Publication metadata of ingested files: a file's creation date is not a publication date;
the analyst gives publication date, publisher and URL per file (`ingest --metadata FILE.csv`)
and corrects them later (`item-meta`), which is ledgered and re-extracts the item's claims."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from cli_helpers import ff
from factfinder.services import Project
from factfinder.services.claims.extraction import correct_item_metadata, extract_items
from factfinder.services.claims.queries import list_claims
from factfinder.services.preserve.ingest import IngestOptions, ingest
from factfinder.services.preserve.inputs import read_metadata_csv
from factfinder.services.preserve.items import show_item
from factfinder.services.verification import verify_project
from factfinder.store.schema import item_metadata, ledger

geo = pytest.importorskip("factfinder.geo")

# A monitor's bulletin: the incident is dated only relative to the report ("yesterday"), and
# the wire dateline has no year.
BULLETIN = (
    "Damascus, November 3 (SNHR) -- Shelling by Syrian regime forces killed four civilians, "
    "including two children, in the town of Kafr Nabl in Idlib yesterday, the Syrian Network "
    "for Human Rights said."
)
SHORT = "An airstrike by Russian warplanes killed three civilians in Ariha on Tuesday."


def _pdf(path: Path, text: str, created: dt.datetime) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(created)
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, text)
    path.write_bytes(bytes(pdf.output()))
    return path


def _docx(path: Path, text: str, created: dt.datetime) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.created = created  # a template's date, as it often is
    document.add_paragraph(text)
    document.save(str(path))
    return path


def _meta(project: Project) -> list[dict[str, object]]:
    with project.read() as conn:
        return [dict(r._mapping) for r in conn.execute(select(item_metadata))]


def _primary_date(project: Project) -> dt.date | None:
    primary = [s.claim for s in list_claims(project) if s.claim.primary]
    assert len(primary) == 1
    return primary[0].date.start if primary[0].date is not None else None


@pytest.mark.parametrize("make", [_pdf, _docx], ids=["pdf CreationDate", "docx dcterms:created"])
def test_a_file_creation_date_is_kept_as_file_metadata_not_as_published(
    project: Project, tmp_path: Path, make: object
) -> None:
    created = dt.datetime(2021, 6, 1, 9, 0, tzinfo=dt.UTC)
    suffix = ".pdf" if make is _pdf else ".docx"
    path = make(tmp_path / f"bulletin{suffix}", BULLETIN, created)  # type: ignore[operator]
    summary = ingest(project, [str(path)])
    assert summary.failures == ()
    (row,) = _meta(project)
    assert row["published"] is None
    assert row["file_created"] == "2021-06-01T09:00:00Z"
    extract_items(project)
    # Neither "yesterday" nor the year-less dateline borrows the file's date.
    assert _primary_date(project) is None
    detail = show_item(project, "1")
    assert detail.summary.published is None and detail.file_created == "2021-06-01T09:00:00Z"
    assert verify_project(project).ok


def test_metadata_csv_gives_each_file_its_own_publication_date(
    project: Project, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    a = tmp_path / "in" / "bulletin.txt"
    b = tmp_path / "in" / "post.txt"
    a.write_text(BULLETIN, encoding="utf-8")
    b.write_text(SHORT, encoding="utf-8")
    csv = tmp_path / "in" / "meta.csv"
    csv.write_text(
        "path,published,publisher,url,title\n"
        "bulletin.txt,2019-11-03,Syrian Network for Human Rights,https://snhr.example/b,Bulletin\n"
        f"{b},2024-12-04T08:30:00+02:00,,https://x.example/post/1,\n",
        encoding="utf-8",
    )
    files = read_metadata_csv(csv)
    summary = ingest(
        project, [str(a), str(b)], IngestOptions(publisher="Desk archive", files=files)
    )
    assert summary.failures == ()
    rows = {r["url"]: r for r in _meta(project)}
    bulletin, post = rows["https://snhr.example/b"], rows["https://x.example/post/1"]
    assert bulletin["published"] == "2019-11-03"
    assert bulletin["publisher"] == "Syrian Network for Human Rights"
    assert bulletin["title"] == "Bulletin"
    assert post["published"] == "2024-12-04T06:30:00Z"
    assert post["publisher"] == "Desk archive"  # the command-wide value fills an empty cell
    extract_items(project)
    dates = {
        s.claim.date.start if s.claim.date else None
        for s in list_claims(project)
        if s.claim.primary
    }
    # "yesterday" from 3 Nov 2019; "on Tuesday" from Wednesday 4 Dec 2024.
    assert dates == {dt.date(2019, 11, 2), dt.date(2024, 12, 3)}


def test_metadata_csv_errors_name_the_line(tmp_path: Path) -> None:
    from factfinder.errors import InputError

    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    bad_date = tmp_path / "bad_date.csv"
    bad_date.write_text("path,published\na.txt,2024-12-04\na.txt,4 December\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_metadata_csv(bad_date)
    assert caught.value.input == f"{bad_date}:3"  # the second row names a.txt again
    bad_date.write_text("path,published\na.txt,4 December\n", encoding="utf-8")
    with pytest.raises(InputError, match="published must be an ISO date") as caught:
        read_metadata_csv(bad_date)
    assert caught.value.input == f"{bad_date}:2"
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("path,publisher\na.txt,SOHR\nmissing.pdf,SOHR\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown file 'missing\.pdf'") as caught:
        read_metadata_csv(unknown)
    assert caught.value.input == f"{unknown}:3"
    column = tmp_path / "column.csv"
    column.write_text("file,published\na.txt,2024-12-04\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown column"):
        read_metadata_csv(column)


def test_ingest_metadata_from_the_command_line(tmp_path: Path) -> None:
    proj = tmp_path / "p"
    assert ff("init", proj)[0] == 0
    a = tmp_path / "a.txt"
    a.write_text(SHORT, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(BULLETIN, encoding="utf-8")
    csv = tmp_path / "meta.csv"
    csv.write_text("path,published,publisher\nother.txt,2024-12-04,SOHR\n", encoding="utf-8")
    # A row for a file that is not among the inputs is refused before anything is stored.
    code, _, err = ff("ingest", a, "--metadata", csv, "-p", proj)
    assert code != 0
    assert f"{csv}:2" in err and "not among the inputs" in err
    code, out, _ = ff("items", "--json", "-p", proj)
    assert json.loads(out)["count"] == 0
    code, _, err = ff("ingest", a, other, "--metadata", csv, "-p", proj)
    assert code == 0, err
    code, out, _ = ff("items", "--json", "-p", proj)
    published = {i["publisher"]: i["published"] for i in json.loads(out)["data"]}
    assert published == {"SOHR": "2024-12-04", None: None}


def test_item_meta_corrects_the_date_in_the_ledger_and_re_extracts(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "post.txt"
    path.write_text(SHORT, encoding="utf-8")
    ingest(project, [str(path)])
    extract_items(project)
    assert _primary_date(project) is None  # "on Tuesday", and nothing to anchor it

    done = correct_item_metadata(
        project,
        "1",
        actor="cli:analyst",
        published="2024-12-04",
        publisher="Syria Civil Defence",
        url="https://x.example/post/2",
    )
    assert done.metadata.published == "2024-12-04"
    assert _primary_date(project) == dt.date(2024, 12, 3)
    with project.read() as conn:
        entries = [
            (kind, json.loads(entry))
            for kind, entry in conn.execute(
                select(ledger.c.kind, ledger.c.entry).order_by(ledger.c.seq)
            )
        ]
    kinds = [k for k, _ in entries]
    # The first write after ingest's checkpoint binds that checkpoint in the ledger.
    assert kinds == [
        "item.acquire",
        "checkpoint.record",
        "extract.claims",
        "item.metadata",
        "extract.claims",
    ]
    correction = entries[3][1]
    assert correction["actor"] == "cli:analyst"
    assert correction["payload"]["metadata"]["published"] == "2024-12-04"
    assert correction["payload"]["metadata"]["publisher"] == "Syria Civil Defence"
    assert verify_project(project).ok
    with pytest.raises(Exception, match="published must be an ISO date"):
        correct_item_metadata(project, "1", published="Tuesday")


def test_item_meta_command(tmp_path: Path) -> None:
    proj = tmp_path / "p"
    assert ff("init", proj)[0] == 0
    path = tmp_path / "post.txt"
    path.write_text(SHORT, encoding="utf-8")
    assert ff("ingest", path, "-p", proj)[0] == 0
    code, out, _ = ff("items", "--json", "-p", proj)
    item = json.loads(out)["data"][0]["hash"]
    code, out, err = ff(
        "item-meta", item, "--published", "2024-12-04", "--publisher", "SCD", "--json", "-p", proj
    )
    assert code == 0, err
    shown = json.loads(out)
    assert (shown["published"], shown["publisher"]) == ("2024-12-04", "SCD")
    primary = [c for c in shown["claims"] if c["primary"]]
    assert primary[0]["date"]["start"] == "2024-12-03"
    code, out, _ = ff("show", item, "--json", "-p", proj)
    assert json.loads(out)["published"] == "2024-12-04"
    code, _, err = ff("item-meta", item, "-p", proj)
    assert code != 0 and "nothing to correct" in err
