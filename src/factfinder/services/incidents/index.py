"""Full-text search over incidents: what is indexed, how the index follows the link runs, and
who may search what.

Each incident of the latest link run has one document in `incident_search` (revision
`0502_incidents`; the SQL of both backends is in `factfinder.store.search`), in three parts:

- **facts** — what every role sees in the incident list: the id, the place and governorate
  (with the gazetteer's other names for them: `Raqqa` finds `Ar-Raqqah`), the event type and
  the perpetrator group (with the words people use for them: `isis` → `islamic state`,
  `daesh`).
- **sources** — what the member claims say: their sentences, claimants (not witnesses),
  publishers, titles and external ids of their items, perpetrators' names, weapons, and
  places (with their other names).
- **personal** — the personal names of the sentences (cut from the sources part), and the
  names and statements of witnesses and of claimants named with a personal name (personal
  data by rule, `factfinder.services.access.view`).

Who may search what (`prepare_search`): roles with access to restricted data search all
three parts. Other roles (`include_restricted=False`) search facts and sources, except that
an incident with a member claim that is marked restricted (the claim or its item, any field),
or that was corrected after the run was indexed (the correction may have made its claimant a
witness), is matched on its facts only; and an incident that is itself marked is never found.
The marks are read at query time, so marking or unmarking takes effect at once, while the
documents change only with link runs. The count of a search is computed under the same rule,
so it does not betray restricted words either.

The index is maintained in the transaction of every link run (`update_index`, called by
`factfinder.services.incidents.commands`; an analyst's decision re-links, so it follows decisions too):
only the documents that changed are rewritten. `reindex` rebuilds it for a project whose
incident rows were written some other way (the web benchmark seeds them in bulk).

Matching is by whole words, every word of the query in any part the role may search, in any
order; results keep the list's order (incident id) so that keyset pages and counts hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from factfinder.extract.persons import names_in
from factfinder.model import Claim
from factfinder.services.access.view import cut
from factfinder.services.claims.queries import apply_corrections
from factfinder.services.project import Project
from factfinder.store.schema import item_metadata
from factfinder.store.schema_claims import claims
from factfinder.store.schema_incidents import (
    incident_members,
    incident_search,
    incidents,
    link_runs,
)
from factfinder.store.schema_users import claim_reviews
from factfinder.store.search import (
    index_words,
)
from factfinder.vault.hashing import sha256_text

# Words people search for each event type and perpetrator group besides the vocabulary's own.
EVENT_WORDS: Mapping[str, str] = {
    "airstrike": "airstrike airstrikes air strike strikes raid raids warplanes bombing",
    "shelling": "shelling shells artillery rocket rockets mortar mortars missile missiles",
    "explosion": "explosion explosions blast bomb bombing ied suicide mine",
    "shooting": "shooting shootings shot gunfire sniper",
    "execution": "execution executions executed",
    "chemical": "chemical gas sarin chlorine",
    "mass_grave": "mass grave graves",
    "detention": "detention detained arrest arrests arrested prison",
}
GROUP_WORDS: Mapping[str, str] = {
    "syrian_government": "syrian government regime army",
    "russia": "russia russian",
    "us_led_coalition": "us led coalition international",
    "isis": "isis isil islamic state daesh",
    "armed_opposition": "armed opposition rebels rebel",
    "hts_nusra": "hts hayat tahrir sham nusra",
    "sdf_ypg": "sdf ypg syrian democratic forces kurdish",
    "turkey": "turkey turkish",
    "iran": "iran iranian",
    "israel": "israel israeli",
    "iraq_government": "iraq iraqi government army",
}
WITNESS = "witness"
MAX_PART_CHARS = 200_000  # PostgreSQL indexes at most this much of a part (revision 0502)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One incident's search document (each part folded, distinct words in first-seen order)."""

    incident_id: str
    facts: str
    sources: str
    personal: str

    @property
    def digest(self) -> str:
        return sha256_text(json.dumps([self.facts, self.sources, self.personal]))


@dataclass(frozen=True, slots=True)
class IndexUpdate:
    """What `update_index` did: documents written (new or changed) and removed."""

    run_id: int
    written: int
    removed: int


# -- documents ------------------------------------------------------------------------------


def _distinct(parts: Iterable[str | None]) -> str:
    """The distinct folded words of `parts`, capped: word order and repeats do not matter to a
    search that ANDs words, and fewer postings keep the index small."""
    seen: dict[str, None] = {}
    size = 0
    for part in parts:
        if not part:
            continue
        for word in _short_words(part) if len(part) <= 80 else index_words(part, readings=True):
            if word not in seen:
                size += len(word) + 1
                if size > MAX_PART_CHARS:
                    return " ".join(seen)
                seen[word] = None
    return " ".join(seen)


@lru_cache(maxsize=65536)
def _short_words(part: str) -> tuple[str, ...]:
    """`index_words` of a short part: names, places and vocabulary words recur in every
    document, so their folding is worth remembering."""
    return tuple(index_words(part, readings=True))


@lru_cache(maxsize=4096)
def gazetteer_names(place: str | None, governorate: str | None) -> tuple[str, ...]:
    """The gazetteer's names of a place (the entry in that governorate) and of the governorate.
    A place name the gazetteer does not know, or knows in another governorate only, adds
    nothing."""
    # Deferred: the gazetteer loads only when an incident with a place is indexed.
    from factfinder.geo.gazetteer import Gazetteer

    gaz = Gazetteer.get()
    names: list[str] = []
    if place:
        found = gaz.lookup(place)
        match = [e for e in found if e.admin1 == governorate] if governorate else found[:1]
        if match:
            names += match[0].names
    if governorate:
        for e in gaz.lookup(governorate):
            if e.kind == "governorate" and e.admin1 == governorate:
                names += e.names
                break
    return tuple(names)


def facts_text(
    incident_id: str, place: str | None, governorate: str | None, event_type: str, perpetrator: str
) -> str:
    """The facts part: what the incident list shows every role, with other names for it."""
    return _distinct(
        [
            incident_id,
            place,
            governorate,
            *gazetteer_names(place, governorate),
            event_type,
            EVENT_WORDS.get(event_type),
            perpetrator,
            GROUP_WORDS.get(perpetrator),
        ]
    )


@dataclass(frozen=True, slots=True)
class MemberText:
    """What the index reads of one member claim: the claim as reviewed, in its JSON form
    (docs/CLAIMS.md; read as JSON because building every member's `Claim` would cost more
    than the rest of indexing), the claimant type it was extracted with (for the witness
    rule), and its item's text and metadata."""

    claim: Mapping[str, Any]
    extracted_claimant_type: str | None
    text: str | None
    title: str | None
    publisher: str | None
    external_id: str | None


def member_parts(m: MemberText) -> tuple[list[str | None], list[str | None]]:
    """(what goes into sources, what goes into personal) for one member claim."""
    c = m.claim
    perpetrator = c.get("perpetrator") or {}
    event_type = c.get("event_type")
    sources: list[str | None] = [
        m.title,
        m.publisher,
        m.external_id,
        perpetrator.get("name"),
        *(c.get("weapons") or []),
        event_type,
        EVENT_WORDS.get(event_type or ""),
        GROUP_WORDS.get(perpetrator.get("group") or ""),
    ]
    for p in c.get("places") or []:  # the incident's places are its members'
        sources += [
            p.get("name"),
            p.get("admin1"),
            *gazetteer_names(p.get("name"), p.get("admin1")),
        ]
    personal: list[str | None] = []
    names: list[str] = []
    if m.text:
        # The personal names of the sentences are searched only by the roles that may read
        # them (the rule of `factfinder.services.access.view`).
        sentences = [m.text[a:b] for a, b in c.get("spans") or []]
        names = [n for s in sentences for n in names_in(s)]
        sources += [cut(s, names) for s in sentences]
        personal += names
    claimant = c.get("claimant") or {}
    said = [claimant.get("name"), claimant.get("statement")]
    name = claimant.get("name") or ""
    if WITNESS in (claimant.get("type"), m.extracted_claimant_type) or (
        name and (names_in(name) or cut(name, names) != name)
    ):
        return sources, personal + said
    return sources + said, personal


def document(incident_id: str, facts: str, members: Sequence[MemberText]) -> SearchDocument:
    """An incident's search document from its facts part and its member claims."""
    sources: list[str | None] = []
    personal: list[str | None] = []
    for m in members:
        s, p = member_parts(m)
        sources += s
        personal += p
    return SearchDocument(incident_id, facts, _distinct(sources), _distinct(personal))


def _member_texts(conn: Connection, claim_ids: Sequence[int]) -> dict[int, MemberText]:
    """The member claims with their latest corrections applied, and their items' text."""

    r = claim_reviews.c
    out: dict[int, MemberText] = {}
    for start in range(0, len(claim_ids), _CHUNK):
        chunk = list(claim_ids[start : start + _CHUNK])
        latest = (
            select(func.max(r.id))
            .where(r.claim_id.in_(chunk))
            .group_by(r.claim_id)
            .scalar_subquery()
        )
        corrections = {
            int(row.claim_id): json.loads(row.corrections)
            for row in conn.execute(
                select(r.claim_id, r.corrections).where(r.id.in_(latest), r.decision == "correct")
            )
        }
        rows = conn.execute(
            select(
                claims.c.id,
                claims.c.claim,
                item_metadata.c.text,
                item_metadata.c.title,
                item_metadata.c.publisher,
                item_metadata.c.external_id,
            )
            .select_from(
                claims.outerjoin(item_metadata, item_metadata.c.item_id == claims.c.item_id)
            )
            .where(claims.c.id.in_(chunk))
        )
        for row in rows:
            extracted = json.loads(row.claim)
            fixes = corrections.get(int(row.id))
            current = (
                apply_corrections(Claim.from_json(extracted), fixes).to_json()
                if fixes
                else extracted
            )
            out[int(row.id)] = MemberText(
                current,
                (extracted.get("claimant") or {}).get("type"),
                row.text,
                row.title,
                row.publisher,
                row.external_id,
            )
    return out


def run_documents(conn: Connection, run_id: int) -> Iterator[SearchDocument]:
    """The search documents of a run's incidents, in id order, read in chunks (so memory stays
    bounded by a chunk's claims and texts, whatever the size of the run)."""
    i = incidents.c
    rows = list(
        conn.execute(
            select(i.incident_id, i.place, i.governorate, i.event_type, i.perpetrator)
            .where(i.run_id == run_id)
            .order_by(i.incident_id)
        )
    )
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        members: dict[str, list[int]] = {}
        for m in conn.execute(
            select(incident_members.c.incident_id, incident_members.c.claim_id)
            .where(
                incident_members.c.run_id == run_id,
                incident_members.c.incident_id.in_([r.incident_id for r in chunk]),
            )
            .order_by(incident_members.c.incident_id, incident_members.c.ordinal)
        ):
            members.setdefault(m.incident_id, []).append(int(m.claim_id))
        texts = _member_texts(conn, [c for ids in members.values() for c in ids])
        for row in chunk:
            facts = facts_text(
                row.incident_id, row.place, row.governorate, row.event_type, row.perpetrator
            )
            yield document(
                row.incident_id,
                facts,
                [texts[c] for c in members.get(row.incident_id, ()) if c in texts],
            )


# -- the index -------------------------------------------------------------------------------


def update_index(conn: Connection, run_id: int) -> IndexUpdate:
    """Make the index hold the documents of run `run_id` (call it in the run's transaction):
    documents that did not change are kept, the others rewritten, those of incidents the run
    no longer has removed."""
    s = incident_search.c
    stored = {r.incident_id: r.doc_hash for r in conn.execute(select(s.incident_id, s.doc_hash))}
    seen: set[str] = set()
    stale: list[str] = []
    fresh: list[dict[str, Any]] = []
    for doc in run_documents(conn, run_id):
        seen.add(doc.incident_id)
        digest = doc.digest
        if stored.get(doc.incident_id) == digest:
            continue
        if doc.incident_id in stored:
            stale.append(doc.incident_id)
        fresh.append(
            {
                "incident_id": doc.incident_id,
                "run_id": run_id,
                "doc_hash": digest,
                "facts": doc.facts,
                "sources": doc.sources,
                "personal": doc.personal,
            }
        )
    vanished = [incident_id for incident_id in stored if incident_id not in seen]
    stale += vanished
    for start in range(0, len(stale), _CHUNK):
        conn.execute(
            delete(incident_search).where(s.incident_id.in_(stale[start : start + _CHUNK]))
        )
    for start in range(0, len(fresh), 1000):
        conn.execute(insert(incident_search), fresh[start : start + 1000])
    return IndexUpdate(run_id, len(fresh), len(vanished))


def reindex(project: Project) -> IndexUpdate | None:
    """Bring the index up to the latest link run (None when the project has none)."""
    with project.transaction() as tx:
        run_id = tx.conn.execute(select(func.max(link_runs.c.id))).scalar_one_or_none()
        if run_id is None:
            return None
        return update_index(tx.conn, int(run_id))
