"""Cases in the service layer: create, add, remove, notes, state as of a ledger size, verify."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import Connection, text

from factfinder.errors import Conflict, InvalidRecord, NotFound
from factfinder.services import Project
from factfinder.services.cases.commands import (
    add_incidents,
    add_note,
    create_case,
    remove_incidents,
)
from factfinder.services.cases.queries import case_state, check_cases, list_cases, show_case
from factfinder.subjects import case_subject
from factfinder.vault import ledger as ledger_rows


def known(conn: Connection, ids: Sequence[str]) -> set[str]:
    return {i for i in ids if i.startswith("inc-")}


def test_a_case_is_built_from_ledgered_changes(project: Project) -> None:
    case = create_case(
        project, "  Raqqah   mass graves ", description="Sites in Raqqah", actor="cli:alice"
    )
    assert case.name == "Raqqah mass graves" and case.incidents == ()
    state, added = add_incidents(
        project, case.id, ["inc-000002", "inc-000003", "inc-000002"], actor="cli:alice", check=known
    )
    assert added == ["inc-000002", "inc-000003"]
    assert state.incidents == ("inc-000002", "inc-000003")
    _, again = add_incidents(project, "Raqqah mass graves", ["inc-000003"], check=known)
    assert again == []
    note = add_note(
        project, case.id, "Exhumation list requested", incident="inc-000002", actor="cli:bob"
    )
    secret = add_note(project, case.id, "Witness: A. B., phone 000", restricted=True)
    remove_incidents(project, case.id, ["inc-000003"])
    now = show_case(project, case.id)
    assert now.incidents == ("inc-000002",)
    assert [n.text for n in now.notes] == ["Exhumation list requested", "Witness: A. B., phone 000"]
    assert now.notes[0].actor == "cli:bob" and now.notes[0].incident == "inc-000002"
    assert [n["id"] for n in now.to_json(include_restricted=False)["notes"]] == [note.id]
    # As of the ledger size just before the removal, inc-000003 was still in the case.
    with project.read() as conn:
        before = case_state(conn, case.id, size=secret.seq + 1)
        entries = ledger_rows.entries_for_subject(conn, case_subject(case.id))
        assert list(check_cases(conn)) == []
    assert before.incidents == ("inc-000002", "inc-000003")
    assert [e.kind for e in entries] == [
        "case.create",
        "case.add",
        "case.note",
        "case.note",
        "case.remove",
    ]
    assert entries[1].payload == {"case": case.id, "incidents": ["inc-000002", "inc-000003"]}
    assert [(c.name, c.incidents, c.notes) for c in list_cases(project)] == [
        ("Raqqah mass graves", 1, 2)
    ]


def test_bad_case_requests_are_refused_with_their_reason(project: Project) -> None:
    case = create_case(project, "Hajin")
    with pytest.raises(Conflict, match="already a case named"):
        create_case(project, "Hajin")
    with pytest.raises(InvalidRecord, match="needs a name"):
        create_case(project, "   ")
    with pytest.raises(InvalidRecord, match="only digits"):
        create_case(project, "2018")
    with pytest.raises(NotFound, match="no case 'Nowhere'"):
        add_incidents(project, "Nowhere", ["inc-000001"])
    with pytest.raises(NotFound, match="no incident bogus"):
        add_incidents(project, case.id, ["inc-000001", "bogus"], check=known)
    with pytest.raises(NotFound, match="does not hold inc-000009"):
        remove_incidents(project, case.id, ["inc-000009"])
    with pytest.raises(NotFound, match="does not hold incident"):
        add_note(project, case.id, "about a stranger", incident="inc-000009")
    with pytest.raises(InvalidRecord, match="needs text"):
        add_note(project, case.id, "  ")
    with project.read() as conn:
        with pytest.raises(NotFound, match="at ledger size 0"):
            case_state(conn, case.id, size=0)
        # Only the case.create entry was written: the refused requests left nothing behind.
        assert ledger_rows.head_size(conn) == 1


def test_case_rows_are_append_only_and_checked_against_the_ledger(project: Project) -> None:
    case = create_case(project, "Hajin")
    add_incidents(project, case.id, ["inc-000005"])
    with pytest.raises(Exception, match="append-only"), project.transaction() as tx:
        tx.conn.execute(text("UPDATE cases SET name = 'Other'"))
    with pytest.raises(Exception, match="append-only"), project.transaction() as tx:
        tx.conn.execute(text("DELETE FROM case_members"))
    # A row slipped in with SQL, without its entry, is found.
    with project.transaction() as tx:
        tx.conn.execute(
            text(
                "INSERT INTO case_members (seq, incident, case_id, action) "
                "VALUES (1, 'inc-000099', 1, 'add')"
            )
        )
    with project.read() as conn:
        problems = list(check_cases(conn))
    assert [p.code for p in problems] == ["case.altered"]
    assert "inc-000005, inc-000099" in problems[0].message and problems[0].seq == 1
