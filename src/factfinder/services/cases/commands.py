"""Case commands: create a case, add or remove incidents, add notes — each change a ledger
entry (`subject` = `case:<id>`) in the transaction that changes the rows (see
`factfinder.services.cases.queries` for the entries and the reads)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection, func, insert, select

from factfinder.errors import Conflict, InvalidRecord, NotFound
from factfinder.services.cases.queries import CaseNote, CaseState, case_state, find_case_id
from factfinder.services.project import Project, Transaction
from factfinder.store.schema_cases import case_members, case_notes, cases
from factfinder.subjects import case_subject

MAX_NAME = 200


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidRecord("a case needs a name")
    if len(cleaned) > MAX_NAME:
        raise InvalidRecord(f"a case name is at most {MAX_NAME} characters")
    if cleaned.isdigit():
        raise InvalidRecord(f"a case name cannot be only digits ({cleaned!r} reads as an id)")
    return cleaned


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
            subject=case_subject(next_id),
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
            f"case.{action}", {"case": case_id, "incidents": changed}, subject=case_subject(case_id)
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
            subject=case_subject(case_id),
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


# Checks whether incident ids exist; e.g. `factfinder.services.incidents.queries.existing_incidents`, from the incidents
# service so that this module does not depend on how incidents are stored.
IncidentCheck = Callable[[Connection, Sequence[str]], set[str]]
