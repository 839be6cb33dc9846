"""Full-text search over incidents: what it finds, who may search what, how the index follows
link runs, decisions and the migration. On SQLite and (with FACTFINDER_TEST_POSTGRES_URL)
PostgreSQL.

The project is the two seed documents with the hand-written seed claims of the linking tests,
two of whose claimants are changed here: a witness (whose name is personal data) and a named
journalist (whom a review later turns into a witness).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from factfinder.model import DocumentClaims
from factfinder.services.access.commands import restrict, unrestrict
from factfinder.services.claims.extraction import extract_items
from factfinder.services.claims.review import decide
from factfinder.services.incidents.commands import link_project, merge
from factfinder.services.incidents.index import reindex, update_index
from factfinder.services.incidents.queries import (
    IncidentFilters,
    get_incident,
    incident_timeline,
    list_incidents,
)
from factfinder.services.preserve.ingest import ingest
from factfinder.store.schema_incidents import incident_search
from factfinder.subjects import claim_subject, incident_subject, item_subject

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "tests" / "link" / "fixtures" / "seeds.claims.jsonl"
WITNESS = {
    "name": "Umm Khaled Zaatari",
    "type": "witness",
    "statement": "told activists of the Qudsiyeh relief committee",
}
JOURNALIST = {"name": "Hassan Barakeh", "type": "media"}


@pytest.fixture
def linked(project, monkeypatch):
    """The seeds ingested, extracted (White Garden's claim told by a witness, the second Hajin
    claim by a journalist) and linked."""
    by_id = {}
    for line in CLAIMS.read_text().splitlines():
        obj = json.loads(line)
        if obj["id"] == "seed-000":
            obj["claims"][1]["claimant"] = WITNESS
        if obj["id"] == "seed-004":
            obj["claims"][1]["claimant"] = JOURNALIST
        by_id[obj["id"]] = DocumentClaims.from_json(obj)

    monkeypatch.setattr(
        "factfinder.extract.pipeline.extract_document",
        lambda doc: by_id.get(doc.id, DocumentClaims(doc.id)),
    )
    ingest(project, [str(ROOT / "samples" / "seeds" / "docs.jsonl")], actor="test")
    extract_items(project, actor="test")
    link_project(project, actor="test")
    return project


def found(project, q: str, *, restricted: bool = False) -> list[str]:
    rows, count, _ = list_incidents(
        project, IncidentFilters(q=q, include_restricted=restricted), limit=100
    )
    assert count == len(rows)
    return [r.id for r in rows]


def by_place(project) -> dict[str, str]:
    return {r.place: r.id for r in list_incidents(project, limit=100)[0]}


def member(project, incident_id: str, n: int = 0):
    return get_incident(project, incident_id).members[n]


def test_search_finds_places_by_their_other_names_event_words_and_sentences(linked):
    places = by_place(linked)
    hajin = places["Hajin"]
    graves = sorted(
        r.id for r in list_incidents(linked, IncidentFilters(event_type="mass_grave"))[0]
    )
    assert found(linked, "Hajin") == [hajin]
    assert found(linked, "Abu Hardan") == [hajin]  # the gazetteer's other name for Hajin
    assert found(linked, "HAJĪN") == [hajin]  # case and diacritics folded
    assert found(linked, "Raqqa mass grave") == graves
    assert found(linked, "graves Ar-Raqqah") == graves
    assert found(linked, "zoo") == [places["White Garden, Raqqa"]]  # only in its sentence
    assert found(linked, "white phosphorus") == [places["Al-Hasakah Governorate"]]
    assert found(linked, "Guterres") == [hajin]
    assert found(linked, "Press TV Hajin") == [hajin]  # the publisher and a place
    assert found(linked, hajin) == [hajin]  # its id, 'inc-…'
    assert found(linked, "zoo Guterres") == []  # every word must occur
    assert found(linked, "Hajin", restricted=True) == [hajin]


def test_queries_are_words_never_fts_syntax(linked):
    assert found(linked, '"( ) * ^') == []
    assert found(linked, "NEAR(hajin") == [by_place(linked)["Hajin"]]  # 'near' is in its text
    assert found(linked, "hajin OR zoo") == []  # OR is a word, not an operator
    assert found(linked, "Raqqa'; DROP TABLE incidents; --") == []
    assert len(list_incidents(linked)[0]) == 5


def test_search_combines_with_filters_pages_and_the_timeline(linked):
    graves = found(linked, "Raqqa mass grave")
    page, total, cursor = list_incidents(linked, IncidentFilters(q="Raqqa mass grave"), limit=2)
    assert total == 3 and [r.id for r in page] == graves[:2] and cursor == graves[1]
    rest, _, end = list_incidents(
        linked, IncidentFilters(q="Raqqa mass grave"), limit=2, after=cursor
    )
    assert [r.id for r in rest] == graves[2:] and end is None
    assert list_incidents(linked, IncidentFilters(q="Raqqa", event_type="airstrike"))[1] == 1
    assert incident_timeline(linked, IncidentFilters(q="Hajin")) == [("2018-11", 1)]
    assert incident_timeline(linked, IncidentFilters(q="zoo Guterres")) == []


def test_witness_names_are_searched_only_by_roles_that_may_see_them(linked):
    garden = by_place(linked)["White Garden, Raqqa"]
    assert found(linked, "Zaatari") == []
    assert found(linked, "Qudsiyeh") == []  # the witness's statement
    assert found(linked, "Zaatari", restricted=True) == [garden]
    assert found(linked, "Qudsiyeh relief", restricted=True) == [garden]


def test_restriction_marks_hide_member_text_from_other_roles_at_once(linked):
    places = by_place(linked)
    garden, hajin = places["White Garden, Raqqa"], places["Hajin"]
    claim_id = member(linked, garden).claim_id
    restrict(linked, claim_subject(claim_id), "sentences", reason="a victim is named", actor="t")
    assert found(linked, "zoo") == []
    assert found(linked, "zoo", restricted=True) == [garden]
    assert found(linked, "White Garden") == [garden]  # the facts every role sees
    unrestrict(linked, claim_subject(claim_id), "sentences", reason="checked", actor="t")
    assert found(linked, "zoo") == [garden]

    item_hash = member(linked, hajin).item_hash
    restrict(linked, item_subject(item_hash), "text", reason="source protection", actor="t")
    assert found(linked, "Guterres") == []
    assert found(linked, "Guterres", restricted=True) == [hajin]

    restrict(linked, incident_subject(hajin), reason="under seal", actor="t")
    assert found(linked, "Hajin") == []
    assert list_incidents(linked, IncidentFilters(q="airstrike"))[1] == 1  # only the other
    assert found(linked, "Hajin", restricted=True) == [hajin]


def test_a_correction_after_the_run_hides_the_claims_words_until_the_next_run(linked):
    from factfinder.services.claims.queries import reviewed_claims

    wp = by_place(linked)["Al-Hasakah Governorate"]  # the second Hajin claim joined it
    (journalist,) = [
        c.id for c in reviewed_claims(linked) if c.claim.claimant.name == JOURNALIST["name"]
    ]
    assert found(linked, "Barakeh") == [wp]
    decide(linked, journalist, "accept", reason="read it", actor="t")
    assert found(linked, "Barakeh") == [wp]  # accepting changes nothing the index holds
    decide(
        linked,
        journalist,
        "correct",
        corrections={"claimant.type": "witness"},
        reason="he was there: a witness",
        actor="t",
    )
    assert found(linked, "Barakeh") == []  # the index still has him among the sources
    assert found(linked, "white phosphorus") == []  # so the incident's sources are out
    assert found(linked, "Al-Hasakah airstrike") == [wp]  # but its facts are searched
    link_project(linked, actor="test")
    assert found(linked, "Barakeh") == []  # now among the personal words
    assert found(linked, "white phosphorus") == [wp]
    assert found(linked, "Barakeh", restricted=True) == [wp]


def indexed(project) -> dict[str, str]:
    with project.read() as conn:
        return {r.incident_id: r.sources for r in conn.execute(select(incident_search))}


def test_the_index_follows_runs_and_decisions(linked):
    places = by_place(linked)
    garden, hospital = places["White Garden, Raqqa"], places["Children's Hospital, Raqqa"]
    assert set(indexed(linked)) == set(places.values())
    kept = merge(linked, [garden, hospital], reason="one grave complex", actor="t")
    assert kept == garden
    current = {r.id for r in list_incidents(linked, limit=100)[0]}
    assert set(indexed(linked)) == current and hospital not in current
    assert found(linked, "zoo agricultural") == [garden]  # words of both claims
    assert found(linked, "Zaatari", restricted=True) == [garden]
    again = reindex(linked)
    assert again is not None and (again.written, again.removed) == (0, 0)


def test_update_index_rewrites_only_changed_documents(linked):
    with linked.transaction() as tx:
        tx.conn.execute(
            incident_search.update()
            .values(doc_hash=None, sources="")
            .where(incident_search.c.incident_id == by_place(linked)["Hajin"])
        )
        run_id = tx.conn.execute(select(incident_search.c.run_id)).scalars().first()
        done = update_index(tx.conn, run_id)
    assert (done.written, done.removed) == (1, 0)
    assert found(linked, "Guterres") == [by_place(linked)["Hajin"]]


LIST_INDEXES = {
    "ix_incidents_run_governorate",
    "ix_incidents_run_event_type",
    "ix_incidents_run_perpetrator",
    "ix_incidents_run_grade",
    "ix_incidents_run_governorate_event",
    "ix_incidents_run_dates_id",
}


OLD_0303 = {
    "ix_incidents_run_governorate": "run_id, governorate, incident_id",
    "ix_incidents_run_dates": "run_id, date_start, date_end",
}


def _alembic(project, action: str, target: str) -> None:
    from alembic import command

    from factfinder.store.migrate import alembic_config

    cfg = alembic_config()
    with project.transaction() as tx:
        cfg.attributes["connection"] = tx.conn
        getattr(command, action)(cfg, target)


def test_the_migration_backfills_the_facts_and_owns_the_list_indexes(linked):
    hajin = by_place(linked)["Hajin"]
    with linked.read() as conn:
        assert {i["name"] for i in inspect(conn).get_indexes("incidents")} >= LIST_INDEXES
    _alembic(linked, "downgrade", "0501_incidents")
    with linked.read() as conn:
        assert not inspect(conn).has_table("incident_search")
        assert not LIST_INDEXES & {i["name"] for i in inspect(conn).get_indexes("incidents")}
    with linked.transaction() as tx:  # what the first 0303_users created
        for name, cols in OLD_0303.items():
            tx.conn.execute(text(f"CREATE INDEX {name} ON incidents ({cols})"))
    _alembic(linked, "upgrade", "heads")
    with linked.read() as conn:
        names = {i["name"] for i in inspect(conn).get_indexes("incidents")}
    assert names >= LIST_INDEXES and "ix_incidents_run_dates" not in names
    assert found(linked, "Hajin airstrike") == [hajin]  # backfilled facts
    assert found(linked, hajin) == [hajin]
    assert found(linked, "Guterres") == []  # the sources come with the next run
    link_project(linked, actor="test")
    assert found(linked, "Guterres") == [hajin]


def test_latin_transliteration_folds_as_item_search_does(linked):
    hajin = by_place(linked)["Hajin"]
    assert found(linked, "Ḥājīn") == [hajin]
    assert found(linked, "ʿHajin") == [hajin]  # a transliteration mark is no letter


def test_the_migration_folds_stored_documents_as_queries_now_are(linked):
    """Revision 0503_incidents: a document folded before it (a letter with a stroke, a
    transliteration mark kept) is found by the new fold's words until the next run rewrites
    it."""
    hajin = by_place(linked)["Hajin"]
    _alembic(linked, "downgrade", "0502_incidents")
    with linked.transaction() as tx:
        tx.conn.execute(
            text("UPDATE incident_search SET facts = facts || ' raʾs łodz' WHERE incident_id = :i"),
            {"i": hajin},
        )
    assert found(linked, "ras lodz") == []
    _alembic(linked, "upgrade", "heads")
    assert found(linked, "ras lodz") == [hajin]
    assert found(linked, "Raʾs Łódź") == [hajin]
    with linked.read() as conn:
        rows = conn.execute(select(incident_search.c.incident_id, incident_search.c.doc_hash))
        hashes = {r.incident_id: r.doc_hash for r in rows}
    assert hashes[hajin] is None
    assert all(h is not None for i, h in hashes.items() if i != hajin)
    link_project(linked, actor="test")  # the next run writes the document afresh
    assert found(linked, "ras lodz") == []
    assert found(linked, "Hajin") == [hajin]


def test_the_web_api_searches_as_the_readers_role_allows(linked):
    from fastapi.testclient import TestClient

    from factfinder.services.access.commands import add_user, create_token
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    tokens = {}
    for role in ("viewer", "analyst"):
        add_user(linked, role, "a long enough password", role, actor="t")
        tokens[role], _ = create_token(linked, role, "search")
    app = create_app(WebSettings(project_dir=linked.root))
    try:
        client = TestClient(app)

        def search(role: str, q: str) -> tuple[list[str], int]:
            r = client.get(
                "/api/v1/incidents",
                params={"q": q, "include_restricted": "true"},
                headers={"Authorization": f"Bearer {tokens[role]}"},
            )
            assert r.status_code == 200, r.text
            return [d["id"] for d in r.json()["data"]], r.json()["count"]

        garden = by_place(linked)["White Garden, Raqqa"]
        assert search("viewer", "Zaatari") == ([], 0)  # the query cannot ask for more
        assert search("analyst", "Zaatari") == ([garden], 1)
        assert search("viewer", "zoo") == ([garden], 1)
    finally:
        app.state.project.close()


def test_pages_of_a_search_most_incidents_match_are_the_same_pages(linked):
    """When most incidents match, the page is found by walking the rows in page order."""
    everyone = found(linked, "international")  # a word of the coalition's group
    assert len(everyone) == 5
    pages, cursor = [], None
    while True:
        rows, total, cursor = list_incidents(
            linked, IncidentFilters(q="international"), limit=1, after=cursor
        )
        assert total == 5
        pages += [r.id for r in rows]
        if cursor is None:
            break
    assert pages == everyone


def test_with_very_many_restricted_claims_other_roles_search_the_facts_only(linked, monkeypatch):
    places = by_place(linked)
    garden = places["White Garden, Raqqa"]
    restrict(
        linked, claim_subject(member(linked, garden).claim_id), "sentences", reason="r", actor="t"
    )
    monkeypatch.setattr("factfinder.services.incidents.search.MAX_FACTS_ONLY", 0)
    assert found(linked, "zoo") == []
    assert found(linked, "Guterres") == []  # not restricted, but sources are not searched
    assert found(linked, "White Garden") == [garden]
    assert found(linked, "Guterres", restricted=True) == [places["Hajin"]]


def test_a_date_range_counts_the_same_on_every_page(linked):
    """The first page of a date range counts in the scan that sorts it; later pages count
    apart."""
    window = IncidentFilters(date_from="2018-11-01", date_to="2018-11-30")
    expected = sorted(
        r.id
        for r in list_incidents(linked, limit=100)[0]
        if r.date_start
        and r.date_start <= "2018-11-30"
        and (r.date_end or r.date_start) >= "2018-11-01"
    )
    assert expected
    pages, cursor = [], None
    while True:
        rows, total, cursor = list_incidents(linked, window, limit=1, after=cursor)
        assert total == len(expected)
        pages += [r.id for r in rows]
        if cursor is None:
            break
    assert pages == expected
    assert list_incidents(
        linked, IncidentFilters(date_from="1990-01-01", date_to="1990-12-31")
    ) == ([], 0, None)
