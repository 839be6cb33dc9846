"""The database workflow: link a project's claims, analysts' decisions, re-runs, as-of reads."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from factfinder.errors import InvalidRecord, NotFound
from factfinder.services.incidents.commands import confirm, grade, link_project, merge, move, split
from factfinder.services.incidents.queries import (
    IncidentFilters,
    count_incidents,
    existing_incidents,
    get_incident,
    incidents_as_of,
    list_incidents,
)
from factfinder.store.schema import ledger
from factfinder.store.schema_incidents import incident_members
from factfinder.vault.hashing import canonical_json, sha256_text


def incident_of(project, claim_id: int) -> str:
    for row in list_incidents(project, limit=100)[0]:
        if claim_id in [m.claim_id for m in get_incident(project, row.id).members]:
            return row.id
    raise AssertionError(f"claim {claim_id} in no incident")


def claim_groups(project) -> list[list[int]]:
    rows = list_incidents(project, limit=100)[0]
    return sorted(sorted(m.claim_id for m in get_incident(project, r.id).members) for r in rows)


def test_link_stores_incidents_and_a_ledger_entry_binding_them(seeded):
    done = link_project(seeded, actor="test")
    assert (done.claims, done.incidents, done.merged) == (6, 5, 1)
    assert count_incidents(seeded) == 5
    with seeded.read() as conn:
        entry = json.loads(
            conn.execute(select(ledger.c.entry).where(ledger.c.seq == done.seq)).scalar_one()
        )
        rows = list(conn.execute(select(incident_members)))
    assert entry["kind"] == "link.run"
    membership: dict[str, list[int]] = {}
    for r in rows:
        membership.setdefault(r.incident_id, []).append(int(r.claim_id))
    recomputed = [[k, sorted(v)] for k, v in sorted(membership.items())]
    assert entry["payload"]["membership_hash"] == sha256_text(canonical_json(recomputed))
    wp = [g for g in claim_groups(seeded) if len(g) == 2]
    assert len(wp) == 1  # the white-phosphorus allegation relayed by both reports
    view = get_incident(seeded, incident_of(seeded, wp[0][1]))
    assert view.incident.independent_sources == 1
    assert view.incident.extra["party_only"] is True
    assert view.members[1].score is not None and "date" in view.members[1].features


def test_ids_are_stable_across_runs(seeded):
    link_project(seeded, actor="test")
    before = {r.id: r.members for r in list_incidents(seeded)[0]}
    link_project(seeded, actor="test")
    assert {r.id: r.members for r in list_incidents(seeded)[0]} == before


def test_decisions_survive_re_running_link(seeded):
    link_project(seeded, actor="test")
    groups = claim_groups(seeded)
    graves = [g[0] for g in groups if len(g) == 1][:2]  # two claims of one document
    a, b = incident_of(seeded, graves[0]), incident_of(seeded, graves[1])
    kept = merge(seeded, [a, b], reason="one grave complex", actor="analyst:amal")
    assert kept == a
    link_project(seeded, actor="test")  # a plain re-run
    assert incident_of(seeded, graves[0]) == incident_of(seeded, graves[1]) == a

    new = split(seeded, a, [graves[1]], reason="two sites after all", actor="analyst:amal")
    link_project(seeded, actor="test")
    assert incident_of(seeded, graves[1]) == new != incident_of(seeded, graves[0])

    move(seeded, graves[1], a, reason="same site", actor="analyst:amal")
    link_project(seeded, actor="test")
    assert incident_of(seeded, graves[1]) == a

    grade(seeded, a, "fair", reason="exhumation report", actor="analyst:amal")
    confirm(seeded, a, reason="checked", actor="analyst:amal")
    link_project(seeded, actor="test")
    view = get_incident(seeded, a)
    assert view.summary.grade == "fair" and view.summary.confirmed
    assert view.incident.extra["grading"]["rules_grade"] == "weak"
    assert [d["kind"] for d in view.decisions] == ["merge", "split", "move", "grade", "confirm"]


def test_decisions_need_a_reason_and_known_incidents(seeded):
    link_project(seeded, actor="test")
    first = list_incidents(seeded)[0][0].id
    with pytest.raises(InvalidRecord):
        confirm(seeded, first, reason=" ", actor="x")
    with pytest.raises(NotFound):
        confirm(seeded, "inc-999999", reason="why", actor="x")
    with pytest.raises(InvalidRecord):
        grade(seeded, first, "certain", reason="why", actor="x")
    with pytest.raises(InvalidRecord):
        merge(seeded, [first], reason="why", actor="x")


def test_filters_and_pages(seeded):
    link_project(seeded, actor="test")
    graves, total, _ = list_incidents(seeded, IncidentFilters(event_type="mass_grave"))
    assert total == 3 and all(r.event_type == "mass_grave" for r in graves)
    page, total, cursor = list_incidents(seeded, limit=2)
    assert total == 5 and len(page) == 2 and cursor == page[-1].id
    rest, _, end = list_incidents(seeded, limit=10, after=cursor)
    assert len(rest) == 3 and end is None


def test_incidents_as_of_a_ledger_size(seeded):
    first = link_project(seeded, actor="test")
    with seeded.read() as conn:
        head = int(conn.execute(select(ledger.c.seq).order_by(ledger.c.seq.desc())).first()[0])
    ids = [r.id for r in list_incidents(seeded)[0]]
    merge(seeded, ids[1:3], reason="test", actor="x")  # and re-links
    with seeded.read() as conn:
        before = incidents_as_of(conn, None, head + 1)
        now = incidents_as_of(conn, None, 10**9)
        assert existing_incidents(conn, [ids[0], "inc-424242"]) == {ids[0]}
    assert len(before) == 5 and len(now) == 4
    assert all(first.seq in s.seqs for s in before)
    assert sum(len(s.claim_ids) for s in before) == 6


def test_verify_finds_incidents_changed_behind_factfinders_back(seeded, db_url):
    from sqlalchemy import text

    from factfinder.services.verification import verify_project

    link_project(seeded, actor="test")
    merge(seeded, [r.id for r in list_incidents(seeded)[0][:2]], reason="test", actor="x")
    assert verify_project(seeded).ok
    with seeded.transaction(actor="tamper") as tx:
        if db_url is None:
            tx.conn.execute(text("DROP TRIGGER incident_members_no_update"))
        else:
            tx.conn.execute(text("DROP TRIGGER incident_members_append_only ON incident_members"))
        tx.conn.execute(
            text(
                "UPDATE incident_members SET incident_id = 'inc-999999' "
                "WHERE claim_id = (SELECT MIN(claim_id) FROM incident_members)"
            )
        )
    report = verify_project(seeded)
    assert not report.ok
    assert any(p.code == "incident.altered" for p in report.problems)


def test_incident_rows_are_append_only(seeded):
    from sqlalchemy import text

    link_project(seeded, actor="test")
    with pytest.raises(Exception, match="append-only"), seeded.transaction(actor="x") as tx:
        tx.conn.execute(text("DELETE FROM incidents"))
