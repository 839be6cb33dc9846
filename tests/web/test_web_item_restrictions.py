"""Restricted item data cannot be probed by a role without access to it, on each backend
(SQLite always; PostgreSQL when FACTFINDER_TEST_POSTGRES_URL is set): a word that occurs only
in a restricted field finds nothing (pages and `/api/v1`), filters do not match a restricted
field, a restricted external id does not resolve, counts leave restricted subjects out, and
claim spans whose sentences are restricted are neither returned nor highlighted. Marks apply
at once, both ways."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import PASSWORD, SEEDS, Browser, session_browser

from factfinder.subjects import claim_subject, incident_subject, item_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

    from factfinder.services import Project

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

# Words that occur in one field of one document only.
DOCS = [
    {
        "id": "doc-informant",
        "title": "Market shelling account",
        "text": "The shells fell on the Zorbulon market at noon, an informant said.",
        "publisher": "Witness Network",
        "language": "en",
        "published": "2019-03-01",
    },
    {
        "id": "doc-family",
        "title": "Quillifax family testimony",
        "text": "An ordinary report about the market after the shelling.",
        "publisher": "Open Press",
        "language": "ar",
        "published": "2019-04-01",
    },
    {
        "id": "doc-other",
        "title": "Later report",
        "text": "Another report about the market, weeks later.",
        "publisher": "Open Press",
        "language": "en",
        "published": "2019-05-01",
    },
]


@dataclass
class Workspace:
    app: FastAPI
    project: Project
    investigator: Browser
    viewer: Browser

    def item(self, external_id: str) -> dict[str, object]:
        found: dict[str, object] = self.investigator.client.get(
            f"/api/v1/items/{external_id}"
        ).json()
        return found

    def mark(self, external_id: str, field: str = "") -> str:
        from factfinder.services.access.commands import restrict

        subject = item_subject(self.item(external_id)["hash"])
        restrict(self.project, subject, field, reason="personal data", actor="test:setup")
        return subject

    def unmark(self, subject: str, field: str = "") -> None:
        from factfinder.services.access.commands import unrestrict

        unrestrict(self.project, subject, field, actor="test:setup")


def _open(project: Project) -> FastAPI:
    from factfinder.services.access.commands import add_user
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    add_user(project, "investigator", PASSWORD, "investigator", actor="test:setup")
    add_user(project, "viewer", PASSWORD, "viewer", actor="test:setup")
    return create_app(WebSettings(project_dir=project.root))


@pytest.fixture
def ws(project: Project, tmp_path: Path) -> Iterator[Workspace]:
    from factfinder.services.preserve.ingest import ingest

    batch = tmp_path / "docs.jsonl"
    batch.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    assert ingest(project, [str(batch)], actor="test:setup").new_items == 1 + len(DOCS)
    app = _open(project)
    try:
        yield Workspace(
            app,
            app.state.project,
            session_browser(app, "investigator"),
            session_browser(app, "viewer"),
        )
    finally:
        app.state.project.close()


def _found(who: Browser, **params: str) -> list[str | None]:
    """The external ids `/api/v1/items` lists for `params` (checking the count agrees)."""
    body = who.client.get("/api/v1/items", params=params).json()
    assert body["count"] == len(body["data"]), body
    return [i["external_id"] for i in body["data"]]


def _page_finds(who: Browser, url: str, title: str) -> bool:
    page = who.client.get(url)
    assert page.status_code == 200
    return title in page.text and "Nothing matches" not in page.text


@pytest.mark.parametrize(
    ("field", "doc", "word", "title"),
    [
        ("text", "doc-informant", "Zorbulon", "Market shelling account"),
        ("title", "doc-family", "Quillifax", "Quillifax family testimony"),
    ],
)
def test_a_word_only_in_a_restricted_field_finds_nothing_for_a_viewer(
    ws: Workspace, field: str, doc: str, word: str, title: str
) -> None:
    viewer, investigator = ws.viewer, ws.investigator
    assert _found(viewer, q=word) == [doc]  # findable before the mark

    subject = ws.mark(doc, field)
    # JSON and both pages that search: nothing, not even a count.
    assert _found(viewer, q=word) == []
    assert viewer.client.get("/api/v1/items", params={"q": word}).json()["count"] == 0
    for url in (f"/search?q={word}", f"/items?q={word}"):
        page = viewer.client.get(url).text
        assert "Nothing matches" in page and "0 found" in page, url
    # Every word must occur in a part the role may search: a word of the open part does not
    # carry a word of the restricted one along.
    other_part = "shelling" if field == "text" else "ordinary"
    assert _found(viewer, q=f"{word} {other_part}") == []
    # The item is still found by its open part.
    assert doc in _found(viewer, q=other_part)
    # A role that may read restricted data finds it, in JSON and in the page.
    assert _found(investigator, q=word) == [doc]
    assert _page_finds(investigator, f"/search?q={word}", title)

    ws.unmark(subject, field)  # applies at once: no reindexing
    assert _found(viewer, q=word) == [doc]
    assert _page_finds(viewer, f"/search?q={word}", title)


def test_an_item_restricted_whole_is_neither_found_nor_counted(ws: Workspace) -> None:
    viewer, investigator = ws.viewer, ws.investigator
    assert sorted(_found(viewer, q="report")) == ["doc-family", "doc-other"]
    subject = ws.mark("doc-family")
    assert _found(viewer, q="report") == ["doc-other"]
    assert _found(viewer, q="Quillifax") == []
    assert sorted(_found(investigator, q="report")) == ["doc-family", "doc-other"]
    # The dashboard counts what the role may see (the batch file is an item too).
    assert viewer.client.get("/api/v1/dashboard").json()["items"] == len(DOCS)
    assert investigator.client.get("/api/v1/dashboard").json()["items"] == len(DOCS) + 1
    ws.unmark(subject)
    assert sorted(_found(viewer, q="report")) == ["doc-family", "doc-other"]


def test_filters_do_not_match_a_restricted_field(ws: Workspace) -> None:
    viewer, investigator = ws.viewer, ws.investigator
    assert _found(viewer, publisher="witness") == ["doc-informant"]
    assert _found(viewer, published_from="2019-04-01", published_to="2019-04-30") == ["doc-family"]
    assert _found(viewer, language="ar") == ["doc-family"]

    ws.mark("doc-informant", "publisher")
    ws.mark("doc-family", "published")
    ws.mark("doc-family", "language")
    assert _found(viewer, publisher="witness") == []
    assert _found(viewer, published_from="2019-04-01", published_to="2019-04-30") == []
    assert _found(viewer, language="ar") == []
    # Also with a text query.
    assert _found(viewer, q="market", publisher="witness") == []
    assert "Nothing matches" in viewer.client.get("/items?publisher=witness").text
    # The fields themselves are withheld, and said to be.
    listed = {i["external_id"]: i for i in viewer.client.get("/api/v1/items").json()["data"]}
    family = listed["doc-family"]
    assert family["published"] is None and family["language"] is None
    assert {"published", "language"} <= set(family["restricted_fields"])
    assert listed["doc-informant"]["publisher"] is None
    page = viewer.client.get("/items").text
    assert "2019-04-01" not in page and "Witness Network" not in page
    # Other filters still work, and a role that may read restricted data filters on all.
    assert sorted(_found(viewer, publisher="open press")) == ["doc-family", "doc-other"]
    assert _found(investigator, publisher="witness") == ["doc-informant"]
    assert _found(investigator, language="ar") == ["doc-family"]


def test_a_restricted_external_id_does_not_resolve_for_a_viewer(ws: Workspace) -> None:
    viewer = ws.viewer
    item_id = ws.item("doc-informant")["id"]
    ws.mark("doc-informant", "external_id")
    assert viewer.client.get("/api/v1/items/doc-informant").status_code == 404
    assert viewer.client.get("/items/doc-informant").status_code == 404
    by_id = viewer.client.get(f"/api/v1/items/{item_id}").json()
    assert by_id["external_id"] is None and "external_id" in by_id["restricted_fields"]
    assert "doc-informant" not in viewer.client.get(f"/items/{item_id}").text
    assert ws.investigator.client.get("/api/v1/items/doc-informant").status_code == 200


def test_comments_on_a_restricted_item_are_not_readable_by_a_viewer(ws: Workspace) -> None:
    from factfinder.services.access.commands import add_comment

    subject = ws.mark("doc-family")
    add_comment(ws.project, subject, "the family asked for anonymity", actor="investigator")
    assert ws.viewer.client.get(f"/api/v1/comments/{subject}").status_code == 404
    seen = ws.investigator.client.get(f"/api/v1/comments/{subject}").json()
    assert seen["count"] == 1


@pytest.fixture
def seeded(project: Project) -> Iterator[Workspace]:
    """The seed documents ingested and extracted (claims with spans)."""
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.preserve.ingest import ingest

    ingest(project, [str(p) for p in sorted(SEEDS.glob("*.txt"))], actor="test:setup")
    extract_items(project, actor="test:setup")
    app = _open(project)
    try:
        yield Workspace(
            app,
            app.state.project,
            session_browser(app, "investigator"),
            session_browser(app, "viewer"),
        )
    finally:
        app.state.project.close()


def test_restricted_sentences_are_not_highlighted_nor_given_as_spans(seeded: Workspace) -> None:
    from factfinder.services.access.commands import restrict
    from factfinder.services.claims.queries import reviewed_claims

    claim = next(c for c in reviewed_claims(seeded.project) if c.claim.spans)
    anchor = f'id="claim-{claim.id}"'
    viewer, investigator = seeded.viewer, seeded.investigator
    assert anchor in viewer.client.get(f"/items/{claim.item_id}").text

    restrict(seeded.project, claim_subject(claim.id), "sentences", reason="witness", actor="t")
    page = viewer.client.get(f"/items/{claim.item_id}").text
    assert anchor not in page and f'title="claim {claim.id}"' not in page
    detail = viewer.client.get(f"/api/v1/items/{claim.item_id}").json()
    assert detail["text"]  # the item's text itself is not restricted
    seen = next(c for c in detail["claims"] if c["id"] == claim.id)
    assert seen["claim"]["spans"] == [] and seen["sentences"] is None
    assert viewer.client.get(f"/api/v1/claims/{claim.id}").json()["claim"]["spans"] == []
    # A role that may read restricted data still sees and follows them.
    assert anchor in investigator.client.get(f"/items/{claim.item_id}").text
    mine = investigator.client.get(f"/api/v1/claims/{claim.id}").json()
    assert mine["claim"]["spans"] == [list(s) for s in claim.claim.spans]


def test_counts_leave_out_what_a_viewer_may_not_see(seeded: Workspace) -> None:
    from factfinder.services.access.commands import restrict
    from factfinder.services.claims.queries import reviewed_claims

    viewer, investigator = seeded.viewer, seeded.investigator
    found = reviewed_claims(seeded.project)
    before = viewer.client.get("/api/v1/dashboard").json()
    assert before["claims"] == before["pending_review"] == len(found)
    assert before["restricted_marks"] is None  # a viewer does not manage restrictions

    first, other = found[0], next(c for c in found if c.item_id != found[0].item_id)
    restrict(seeded.project, item_subject(first.item_hash), reason="names", actor="t")
    restrict(seeded.project, claim_subject(other.id), reason="witness", actor="t")
    hidden = {c.id for c in found if c.item_id == first.item_id} | {other.id}
    seen = viewer.client.get("/api/v1/dashboard").json()
    assert seen["items"] == before["items"] - 1
    assert seen["claims"] == seen["pending_review"] == len(found) - len(hidden)
    listed = viewer.client.get("/api/v1/claims").json()
    assert listed["count"] == len(listed["data"]) == len(found) - len(hidden)
    assert not hidden & {c["id"] for c in listed["data"]}
    of_item = viewer.client.get("/api/v1/claims", params={"item_id": first.item_id}).json()
    assert of_item == {"data": [], "count": 0}
    # The dashboard page shows the same figures.
    page = viewer.client.get("/").text
    assert f"<b>{len(found) - len(hidden)}</b> claims to review" in page
    assert "restriction marks" not in page
    mine = investigator.client.get("/api/v1/dashboard").json()
    assert mine["claims"] == len(found) and mine["restricted_marks"] == 2
    assert investigator.client.get("/api/v1/claims").json()["count"] == len(found)


INCIDENT_DOCS = [
    {
        "id": "report-hajin",
        "text": "An airstrike on the town of Hajin in Deir ez-Zor killed at least 26 civilians, "
        "including 14 children, on 3 March 2019, the monitor said.",
        "published": "2019-03-04",
    },
    {
        "id": "report-douma",
        "text": "Shelling of Douma in Rif Dimashq killed 9 civilians on 20 May 2019, a local "
        "council said.",
        "published": "2019-05-21",
    },
]


@pytest.fixture
def linked(project: Project, tmp_path: Path) -> Iterator[Workspace]:
    """Two dated reports of two incidents, extracted and linked."""
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.preserve.ingest import ingest

    batch = tmp_path / "reports.jsonl"
    batch.write_text("".join(json.dumps(d) + "\n" for d in INCIDENT_DOCS), encoding="utf-8")
    ingest(project, [str(batch)], actor="test:setup")
    extract_items(project, actor="test:setup")
    link_project(project, actor="test:setup")
    app = _open(project)
    try:
        yield Workspace(
            app,
            app.state.project,
            session_browser(app, "investigator"),
            session_browser(app, "viewer"),
        )
    finally:
        app.state.project.close()


def _months(who: Browser) -> dict[str, int]:
    return {p["month"]: p["count"] for p in who.client.get("/api/v1/incidents/timeline").json()}


def test_incident_counts_and_timeline_leave_out_a_restricted_incident(linked: Workspace) -> None:
    from factfinder.services.access.commands import restrict

    viewer, investigator = linked.viewer, linked.investigator
    listed = viewer.client.get("/api/v1/incidents").json()
    assert listed["count"] == len(listed["data"]) == 2
    hajin = next(i for i in listed["data"] if i["date_start"] == "2019-03-03")
    assert _months(viewer) == {"2019-03": 1, "2019-05": 1}
    by_place = {"governorate": hajin["governorate"]}
    assert viewer.client.get("/api/v1/incidents", params=by_place).json()["count"] == 1

    restrict(linked.project, incident_subject(hajin["id"]), reason="witnesses", actor="t")
    after = viewer.client.get("/api/v1/incidents").json()
    assert after["count"] == len(after["data"]) == 1
    # Neither a filter's count nor the timeline shows where and when it was.
    assert viewer.client.get("/api/v1/incidents", params=by_place).json()["count"] == 0
    page = viewer.client.get("/incidents", params=by_place).text
    assert "<small>0</small>" in page and "No incidents" in page
    assert _months(viewer) == {"2019-05": 1}
    assert "2019-03" not in viewer.client.get("/timeline").text
    assert viewer.client.get("/api/v1/dashboard").json()["incidents"] == 1
    # Roles that may read restricted data count it.
    assert investigator.client.get("/api/v1/incidents").json()["count"] == 2
    assert _months(investigator) == {"2019-03": 1, "2019-05": 1}
    assert investigator.client.get("/api/v1/dashboard").json()["incidents"] == 2


def test_a_viewer_search_is_the_search_of_each_item_open_parts(
    project: Project, tmp_path: Path
) -> None:
    """The viewer's search (one index search, then the items with a restricted part searched
    again on their open parts) finds exactly the items whose open parts hold every word, in
    the order of searching each item's open parts one by one, also when only the first few
    are asked for; a part's score is comparable with, and never better than, the whole's."""
    import random

    from factfinder.services.access.commands import restrict
    from factfinder.services.preserve.ingest import ingest
    from factfinder.services.preserve.search import search_items
    from factfinder.store.search import ITEM_PARTS, item_matches, item_words

    rng = random.Random(5)
    # A few words in most documents, most in fewer than half (bm25 weighs a word by how many
    # documents hold it, and differently in a part than in all).
    vocab = ["shelling", "market", "school", "names"] + [f"place{i}" for i in range(24)]
    often = [6] * 4 + [1] * 24
    docs = [
        {
            "id": f"d{i}",
            "title": " ".join(rng.choices(vocab, often, k=3)),
            "text": " ".join(rng.choices(vocab, often, k=rng.randint(4, 30))),
        }
        for i in range(40)
    ]
    batch = tmp_path / "many.jsonl"
    batch.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    ingest(project, [str(batch)], actor="test:setup")
    with project.read() as conn:
        from sqlalchemy import select

        from factfinder.store.schema import item_metadata, items

        rows = conn.execute(
            select(items.c.id, items.c.hash, item_metadata.c.external_id)
            .join(item_metadata, item_metadata.c.item_id == items.c.id)
            .where(item_metadata.c.external_id.is_not(None))  # not the batch file
        ).all()
    by_id = {item_id: docs[int(ext[1:])] for item_id, _, ext in rows}
    marked: dict[int, set[str]] = {}
    for k, (item_id, item_hash, _) in enumerate(sorted(rows)):
        field = ("", "title", "text", None, None)[k % 5]
        if field is not None:
            restrict(project, item_subject(item_hash), field, reason="test", actor="test:setup")
            marked[item_id] = {field}

    with project.read() as conn:
        for query in ("shelling", "market school", "place3", "place7", "names place11"):
            words = item_words(query)
            reference = []
            for item_id, doc in by_id.items():
                if "" in marked.get(item_id, set()):
                    continue
                open_parts = tuple(p for p in ITEM_PARTS if p not in marked.get(item_id, set()))
                found = item_matches(conn, words, parts=open_parts, among=[item_id])
                held = set(" ".join(doc[p] for p in open_parts).split())
                assert bool(found) == (set(words) <= held), (query, doc, open_parts)
                if found and open_parts != ITEM_PARTS:
                    whole = item_matches(conn, words, among=[item_id])
                    assert found[0].score <= whole[0].score, (query, doc, open_parts)
                reference += found
            expected = [m.item_id for m in sorted(reference, key=lambda m: (-m.score, m.item_id))]
            assert expected, query  # the corpus is made so that every query finds something
            got = search_items(conn, query, include_restricted=False)
            assert got == expected, query
            for limit in (1, 2, 3, 5):
                assert (
                    search_items(conn, query, include_restricted=False, limit=limit)
                    == (expected[:limit])
                ), (query, limit)
            # Restricted-access roles search every part of every item.
            assert len(search_items(conn, query, include_restricted=True)) >= len(expected)
