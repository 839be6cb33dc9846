"""Properties of the CSV exports read back with Python's `csv` module: for any incidents (any
place names, commas, quotes and line breaks included) the incident CSV has one row per incident
under its columns with the figures and names as written, and the UCDP-GED table keeps GED's
arithmetic (`low <= best <= high`, the deaths adding up to `best`) and its integer columns."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.model import ClaimRef, Figure, Figures, Incident
from factfinder.report.exports import INCIDENT_COLUMNS, export_bytes
from factfinder.report.ged import COLUMNS as GED_COLUMNS
from factfinder.report.model import CaseFile, CheckpointRef, IncidentEntry
from factfinder.vault.signing import Checkpoint
from factfinder.vocab import GRADES, PERPETRATOR_GROUPS, STANDINGS
from strategies import names, places, windows

CHECKPOINT = CheckpointRef(
    Checkpoint("log", 7, "sha256:" + "ab" * 32, "2024-12-01T10:00:00Z", "kid", "sig"),
    3,
    "00" * 32,
    "-----BEGIN PUBLIC KEY-----\n",
)
GED_INTEGERS = ("year", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    lo = draw(st.none() | st.integers(0, 10**5))
    hi = draw(st.none() | st.integers(lo or 0, 10**5 + 10))
    if lo is None and hi is None:  # a figure no claim states is no figure
        lo = draw(st.integers(0, 10**5))
    best = draw(st.none() | st.integers(lo or 0, hi if hi is not None else 10**5))
    return Figure(lo, hi, best, "rule", draw(st.none() | st.sampled_from(STANDINGS)))


counts = st.builds(
    Figures,
    total=st.none() | figures(),
    civilians=st.none() | figures(),
    children=st.none() | figures(),
    combatants=st.none() | figures(),
)


@st.composite
def entries(draw: st.DrawFn, number: int) -> IncidentEntry:
    incident = Incident(
        incident=f"inc-{number:06d}",
        members=(ClaimRef("d", 0),),
        date=draw(st.none() | windows()),
        places=tuple(draw(st.lists(places(), max_size=3))),
        killed=draw(counts),
        injured=draw(counts),
        independent_sources=draw(st.integers(0, 9)),
        grade=draw(st.none() | st.sampled_from(GRADES)),
        extra={"party_only": draw(st.booleans())},
    )
    groups = tuple(draw(st.lists(st.sampled_from(PERPETRATOR_GROUPS), max_size=2, unique=True)))
    return IncidentEntry(number, incident, (), None, perpetrators=groups)


@st.composite
def case_files(draw: st.DrawFn) -> CaseFile:
    n = draw(st.integers(0, 4))
    incidents = tuple(draw(entries(k)) for k in range(1, n + 1))
    return CaseFile(1, draw(names), None, CHECKPOINT, incidents, (), ())


def _read_back(
    cf: CaseFile, fmt: str, columns: tuple[str, ...]
) -> list[tuple[dict[str, str], IncidentEntry]]:
    """The rows of an export read with `csv`, by column, each beside its incident."""
    header, *rows = csv.reader(io.StringIO(export_bytes(cf, fmt).decode("utf-8"), newline=""))
    assert tuple(header) == columns
    return [
        (dict(zip(header, row, strict=True)), entry)
        for row, entry in zip(rows, cf.incidents, strict=True)
    ]


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


@settings(max_examples=40, deadline=None)
@given(case_files())
def test_the_incident_csv_reads_back(cf: CaseFile) -> None:
    for got, entry in _read_back(cf, "csv", INCIDENT_COLUMNS):
        inc = entry.incident
        assert (got["incident"], got["number"]) == (inc.incident, str(entry.number))
        total = inc.killed.total or Figure(None, None)
        assert (got["killed_min"], got["killed_max"], got["killed_best"]) == (
            _cell(total.min),
            _cell(total.max),
            _cell(total.best),
        )
        assert got["place"] in {"", *(p.name for p in inc.places)}
        assert bool(got["place"]) == bool(inc.places)
        assert got["grade"] == (inc.grade or "")
        assert got["party_only"] == ("true" if entry.party_only else "false")
        assert got["perpetrators"].split(";") == (list(entry.perpetrators) or [""])
        assert (got["case"], got["checkpoint_root"]) == (cf.name, CHECKPOINT.root)


@settings(max_examples=40, deadline=None)
@given(case_files())
def test_the_ged_table_reads_back_with_its_arithmetic(cf: CaseFile) -> None:
    for got, entry in _read_back(cf, "ged", GED_COLUMNS):
        low, best, high = int(got["low"]), int(got["best"]), int(got["high"])
        assert 0 <= low <= best <= high
        deaths = [int(got[c]) for c in ("deaths_a", "deaths_b", "deaths_civilians")]
        assert all(d >= 0 for d in deaths) and int(got["deaths_unknown"]) >= 0
        assert sum(deaths) + int(got["deaths_unknown"]) == best
        assert all(got[c].isdigit() for c in GED_INTEGERS)
        assert got["id"] == got["relid"] == entry.incident.incident
        if got["date_start"]:
            assert got["date_start"] <= got["date_end"]
            assert got["year"] == got["date_start"][:4]
        else:
            assert entry.incident.date is None or entry.incident.date.start is None
        assert got["code_status"] == "Clear" or got["code_status"].startswith("Check ")
        assert got["ff_checkpoint_root"] == CHECKPOINT.root


@settings(max_examples=25, deadline=None)
@given(case_files())
def test_the_incident_jsonl_reads_back(cf: CaseFile) -> None:
    # Lines end at "\n" only: a name may hold U+2028, which JSON keeps as it is.
    lines = export_bytes(cf, "jsonl").decode("utf-8").split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(cf.incidents)
    for line, entry in zip(lines, cf.incidents, strict=True):
        obj = json.loads(line)
        read, written = Incident.from_json(obj).to_json(), entry.incident.to_json()
        assert {k: read[k] for k in Incident.BASE_KEYS} == {
            k: written[k] for k in Incident.BASE_KEYS
        }
        assert obj["number"] == entry.number
        assert obj["checkpoint"] == {"size": CHECKPOINT.size, "root": CHECKPOINT.root}
