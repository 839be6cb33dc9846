"""Cases: a named set of incidents under investigation, with notes — each change a ledger entry.

    from factfinder.services.cases.commands import create_case, add_incidents, add_note
    from factfinder.services.cases.queries import list_cases

    case = create_case(project, "Raqqah mass graves", description="…", actor="cli:alice")
    add_incidents(project, case.name, ["inc-000002", "inc-000003"])
    add_note(project, case.id, "Ask SOHR for the exhumation list", incident="inc-000002")
    state = case_state(conn, case.id, size=checkpoint.size)     # as of a ledger size

A case reference is its id (`3`) or its exact name. Incidents are named by their public id
(`inc-000042`); adding one that the project does not hold is refused (`NotFound`).

Ledger entries (`subject` = `case:<id>`), each written in the transaction that changes the rows:

- `case.create`: `{"case": id, "name", "description"}`
- `case.add` / `case.remove`: `{"case": id, "incidents": [ids that changed]}`
- `case.note`: `{"case": id, "note": id, "incident": id | null, "text", "restricted": bool}`

The rows are append-only and carry the `seq` of their entry, so the state of a case as of a ledger
size N (the size a checkpoint signs) is the rows with `seq < N`: that is how a report built at an
old checkpoint comes out the same later. `check_cases` (a `verify_project` extra check) compares
every row with its entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from factfinder.errors import NotFound
from factfinder.services.project import Project
from factfinder.store.schema import ledger
from factfinder.store.schema_cases import case_members, case_notes, cases
from factfinder.subjects import CASE, case_subject, prefix
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.verify import Problem


@dataclass(frozen=True, slots=True)
class CaseNote:
    id: int
    seq: int
    created_at: str
    actor: str
    incident: str | None
    text: str
    restricted: bool

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class CaseState:
    """A case as of a ledger size (`size` None = now): its incidents in the order they were
    added (by id among those added together), and its notes in the order they were written."""

    id: int
    name: str
    description: str | None
    created_at: str
    actor: str
    seq: int
    incidents: tuple[str, ...]
    notes: tuple[CaseNote, ...]
    size: int | None = None

    def to_json(self, *, include_restricted: bool = True) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "created_at": self.created_at,
            "actor": self.actor,
            "seq": self.seq,
            "incidents": list(self.incidents),
            "notes": [n.to_json() for n in self.notes if include_restricted or not n.restricted],
        }


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: int
    name: str
    description: str | None
    created_at: str
    incidents: int
    notes: int

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def find_case_id(conn: Connection, ref: str | int) -> int:
    """The id of the case `ref` names (an id or an exact name); `NotFound` otherwise."""
    text = str(ref).strip()
    if text.isdigit():
        found = conn.execute(select(cases.c.id).where(cases.c.id == int(text))).scalar()
        if found is not None:
            return int(found)
    found = conn.execute(select(cases.c.id).where(cases.c.name == " ".join(text.split()))).scalar()
    if found is None:
        raise NotFound(f"no case {text!r} (give its id or exact name; `factfinder case list`)")
    return int(found)


def case_state(conn: Connection, case_id: int, size: int | None = None) -> CaseState:
    """The case as of ledger size `size` (entries `seq < size`; None = everything).

    `NotFound` when the case did not exist yet at that size.
    """
    row = conn.execute(select(cases).where(cases.c.id == case_id)).first()
    if row is None or (size is not None and row.seq >= size):
        when = "" if size is None else f" at ledger size {size}"
        raise NotFound(f"no case {case_id}{when}")
    m = case_members.c
    query = select(m.incident, m.action).where(m.case_id == case_id)
    if size is not None:
        query = query.where(m.seq < size)
    members: dict[str, None] = {}
    for r in conn.execute(query.order_by(m.seq, m.incident)):
        if r.action == "add":
            members[r.incident] = None
        else:
            members.pop(r.incident, None)
    n = case_notes.c
    nquery = select(case_notes).where(n.case_id == case_id)
    if size is not None:
        nquery = nquery.where(n.seq < size)
    notes = tuple(
        CaseNote(r.id, r.seq, r.created_at, r.actor, r.incident, r.text, bool(r.restricted))
        for r in conn.execute(nquery.order_by(n.seq))
    )
    return CaseState(
        row.id,
        row.name,
        row.description,
        row.created_at,
        row.actor,
        row.seq,
        tuple(members),
        notes,
        size,
    )


def list_cases(project: Project) -> list[CaseSummary]:
    """Every case, oldest first, with its current number of incidents and notes."""
    with project.read() as conn:
        out = []
        for row in conn.execute(select(cases).order_by(cases.c.id)):
            state = case_state(conn, row.id)
            out.append(
                CaseSummary(
                    row.id,
                    row.name,
                    row.description,
                    row.created_at,
                    len(state.incidents),
                    len(state.notes),
                )
            )
        return out


def show_case(project: Project, case_ref: str | int) -> CaseState:
    with project.read() as conn:
        return case_state(conn, find_case_id(conn, case_ref))


def cases_holding(conn: Connection, incident: str) -> list[int]:
    """The ids of the cases that currently hold `incident`."""
    ids = conn.execute(
        select(case_members.c.case_id).where(case_members.c.incident == incident).distinct()
    ).scalars()
    return [i for i in sorted(ids) if incident in case_state(conn, i).incidents]


# -- verification ---------------------------------------------------------------------------


def check_cases(conn: Connection) -> Iterable[Problem]:
    """Every case row equals its ledger entry (a `verify_project` extra check)."""
    entries = {
        r.seq: (r.kind, json.loads(r.entry).get("payload", {}))
        for r in conn.execute(
            select(ledger.c.seq, ledger.c.kind, ledger.c.entry).where(
                ledger.c.subject.like(prefix(CASE) + "%")
            )
        )
    }
    seen: set[int] = set()

    def bad(what: str, seq: int, table: str, row: object) -> Problem:
        return Problem(
            "case.altered",
            f"{what} is not what ledger entry {seq} recorded (changed behind factfinder's back)",
            seq=seq,
            table=table,
            row=str(row),
        )

    for r in conn.execute(select(cases).order_by(cases.c.id)):
        seen.add(r.seq)
        kind, p = entries.get(r.seq, (None, {}))
        if kind != "case.create" or p != {
            "case": r.id,
            "name": r.name,
            "description": r.description,
        }:
            yield bad(f"case {r.id}", r.seq, "cases", r.id)
    members: dict[int, tuple[int, str, list[str]]] = {}
    for r in conn.execute(
        select(case_members).order_by(case_members.c.seq, case_members.c.incident)
    ):
        members.setdefault(r.seq, (r.case_id, r.action, []))[2].append(r.incident)
    for seq, (case_id, action, incidents) in members.items():
        seen.add(seq)
        kind, p = entries.get(seq, (None, {}))
        if (
            kind != f"case.{action}"
            or p.get("case") != case_id
            or sorted(p.get("incidents") or []) != sorted(incidents)
        ):
            yield bad(
                f"the {action} of {', '.join(incidents)} to/from case {case_id}",
                seq,
                "case_members",
                seq,
            )
    for r in conn.execute(select(case_notes).order_by(case_notes.c.id)):
        seen.add(r.seq)
        kind, p = entries.get(r.seq, (None, {}))
        if kind != "case.note" or p != {
            "case": r.case_id,
            "note": r.id,
            "incident": r.incident,
            "text": r.text,
            "restricted": bool(r.restricted),
        }:
            yield bad(f"note {r.id} of case {r.case_id}", r.seq, "case_notes", r.id)
    for seq, (kind, _) in sorted(entries.items()):
        if kind in ("case.create", "case.add", "case.remove", "case.note") and seq not in seen:
            yield Problem(
                "case.missing",
                f"ledger entry {seq} ({kind}) has no row any more",
                seq=seq,
                table={"case.create": "cases", "case.note": "case_notes"}.get(kind, "case_members"),
                row=f"entry {seq}",
            )


@dataclass(frozen=True, slots=True)
class CaseBuild:
    """A report, export or package of a case, as its `export.write` entry recorded it."""

    seq: int
    time: str
    actor: str
    what: str
    format: str
    name: str
    checkpoint_size: int
    sha256: str | None
    bytes: int
    incidents: int
    include_restricted: bool
    withheld: int


def case_builds(project: Project, case_ref: str | int) -> list[CaseBuild]:
    """What was built of the case (reports, exports, packages), oldest first."""
    with project.read() as conn:
        case_id = find_case_id(conn, case_ref)
        entries = ledger_rows.entries_for_subject(conn, case_subject(case_id))
    out = []
    for e in entries:
        if e.kind != "export.write":
            continue
        p = e.payload
        out.append(
            CaseBuild(
                e.seq,
                e.time,
                e.actor,
                str(p.get("what") or ""),
                str(p.get("format") or ""),
                str(p.get("name") or ""),
                int((p.get("checkpoint") or {}).get("size") or 0),
                p.get("sha256"),
                int(p.get("bytes") or 0),
                int(p.get("incidents") or 0),
                bool(p.get("include_restricted")),
                int(p.get("withheld") or 0),
            )
        )
    return out
