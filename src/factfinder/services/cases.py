"""Cases: a named set of incidents under investigation, with notes — each change a ledger entry.

    from factfinder.services.cases import create_case, add_incidents, add_note, list_cases

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select

from factfinder.errors import Conflict, InvalidRecord, NotFound
from factfinder.services.project import Project, Transaction
from factfinder.store.schema import ledger
from factfinder.store.schema_cases import case_members, case_notes, cases
from factfinder.vault.verify import Problem

MAX_NAME = 200
# Checks whether incident ids exist; set by `factfinder.services.case_files` from the incidents
# service so that this module does not depend on how incidents are stored.
IncidentCheck = Callable[[Connection, Sequence[str]], set[str]]


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


def _subject(case_id: int) -> str:
    return f"case:{case_id}"


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidRecord("a case needs a name")
    if len(cleaned) > MAX_NAME:
        raise InvalidRecord(f"a case name is at most {MAX_NAME} characters")
    if cleaned.isdigit():
        raise InvalidRecord(f"a case name cannot be only digits ({cleaned!r} reads as an id)")
    return cleaned


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


def create_case(
    project: Project, name: str, *, description: str | None = None, actor: str | None = None
) -> CaseState:
    """Create an empty case; `Conflict` when the name is taken."""
    name = _clean_name(name)
    description = description.strip() or None if description else None
    with project.transaction(actor) as tx:
        taken = tx.conn.execute(select(cases.c.id).where(cases.c.name == name)).scalar()
        if taken is not None:
            raise Conflict(f"there is already a case named {name!r} (id {taken})")
        next_id = (
            int(tx.conn.execute(select(func.coalesce(func.max(cases.c.id), 0))).scalar_one()) + 1
        )
        entry = tx.append_ledger(
            "case.create",
            {"case": next_id, "name": name, "description": description},
            subject=_subject(next_id),
        )
        tx.conn.execute(
            insert(cases).values(
                id=next_id,
                name=name,
                description=description,
                created_at=tx.now,
                actor=tx.actor,
                seq=entry.seq,
            )
        )
        return case_state(tx.conn, next_id)


def _change_members(
    tx: Transaction,
    case_id: int,
    incidents: Sequence[str],
    action: str,
    check: IncidentCheck | None,
) -> list[str]:
    wanted = list(dict.fromkeys(i.strip() for i in incidents if i.strip()))
    if not wanted:
        raise InvalidRecord("name at least one incident")
    current = set(case_state(tx.conn, case_id).incidents)
    if action == "add":
        if check is not None:
            known = check(tx.conn, wanted)
            unknown = [i for i in wanted if i not in known]
            if unknown:
                raise NotFound(f"no incident {', '.join(unknown)} in this project")
        changed = [i for i in wanted if i not in current]
    else:
        missing = [i for i in wanted if i not in current]
        if missing:
            raise NotFound(f"case {case_id} does not hold {', '.join(missing)}")
        changed = wanted
    if changed:
        entry = tx.append_ledger(
            f"case.{action}", {"case": case_id, "incidents": changed}, subject=_subject(case_id)
        )
        tx.conn.execute(
            insert(case_members),
            [
                {"seq": entry.seq, "incident": i, "case_id": case_id, "action": action}
                for i in changed
            ],
        )
    return changed


def add_incidents(
    project: Project,
    case_ref: str | int,
    incidents: Sequence[str],
    *,
    actor: str | None = None,
    check: IncidentCheck | None = None,
) -> tuple[CaseState, list[str]]:
    """Add incidents to a case; returns the case and the ids newly added (those already in it
    are skipped). `check` (ids → the ones that exist) refuses unknown ids."""
    with project.transaction(actor) as tx:
        case_id = find_case_id(tx.conn, case_ref)
        added = _change_members(tx, case_id, incidents, "add", check)
        return case_state(tx.conn, case_id), added


def remove_incidents(
    project: Project, case_ref: str | int, incidents: Sequence[str], *, actor: str | None = None
) -> CaseState:
    """Take incidents out of a case (the history keeps that they were in it)."""
    with project.transaction(actor) as tx:
        case_id = find_case_id(tx.conn, case_ref)
        _change_members(tx, case_id, incidents, "remove", None)
        return case_state(tx.conn, case_id)


def add_note(
    project: Project,
    case_ref: str | int,
    text: str,
    *,
    incident: str | None = None,
    restricted: bool = False,
    actor: str | None = None,
) -> CaseNote:
    """Write a note on a case, optionally about one of its incidents. A `restricted` note holds
    personal data and is left out of reports and exports unless restricted fields are asked for."""
    body = text.strip()
    if not body:
        raise InvalidRecord("a note needs text")
    with project.transaction(actor) as tx:
        case_id = find_case_id(tx.conn, case_ref)
        if incident is not None and incident not in case_state(tx.conn, case_id).incidents:
            raise NotFound(f"case {case_id} does not hold incident {incident}")
        note_id = (
            int(tx.conn.execute(select(func.coalesce(func.max(case_notes.c.id), 0))).scalar_one())
            + 1
        )
        entry = tx.append_ledger(
            "case.note",
            {
                "case": case_id,
                "note": note_id,
                "incident": incident,
                "text": body,
                "restricted": restricted,
            },
            subject=_subject(case_id),
        )
        tx.conn.execute(
            insert(case_notes).values(
                id=note_id,
                case_id=case_id,
                seq=entry.seq,
                created_at=tx.now,
                actor=tx.actor,
                incident=incident,
                text=body,
                restricted=restricted,
            )
        )
        return CaseNote(note_id, entry.seq, tx.now, tx.actor, incident, body, restricted)


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
                ledger.c.subject.like("case:%")
            )
        )
    }
    seen: set[int] = set()

    def bad(what: str, seq: int) -> Problem:
        return Problem(
            "case.altered",
            f"{what} is not what ledger entry {seq} recorded (changed behind factfinder's back)",
            seq=seq,
        )

    for r in conn.execute(select(cases).order_by(cases.c.id)):
        seen.add(r.seq)
        kind, p = entries.get(r.seq, (None, {}))
        if kind != "case.create" or p != {
            "case": r.id,
            "name": r.name,
            "description": r.description,
        }:
            yield bad(f"case {r.id}", r.seq)
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
            yield bad(f"the {action} of {', '.join(incidents)} to/from case {case_id}", seq)
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
            yield bad(f"note {r.id} of case {r.case_id}", r.seq)
    for seq, (kind, _) in sorted(entries.items()):
        if kind in ("case.create", "case.add", "case.remove", "case.note") and seq not in seen:
            yield Problem(
                "case.missing", f"ledger entry {seq} ({kind}) has no row any more", seq=seq
            )
