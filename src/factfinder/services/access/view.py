"""The redaction view: the record as one reader may see it, built in one place.

Every output — the API and the pages, search and counts, the exports, reports and evidence
packages — reads restricted data through a `RedactionView`, so the rules are written once:

1. **Subjects.** An item, claim or incident restricted as a whole is absent. A claim is absent
   too when its item is, or when it belongs to an incident restricted as a whole (its
   sentences would tell the incident). An incident all of whose member claims are absent is
   absent; one that keeps some of them is shown as those claims alone tell it
   (`visible_incident`): the absent claims' references, source chains, links and figures are
   taken out and its figures, sources and grade are worked out again from the claims left.
2. **Fields.** A mark on a field (`ITEM_FIELDS`, `CLAIM_FIELDS`) takes that field away.
3. **Personal names.** Every personal name a report gives with a word for a person
   (`factfinder.extract.persons`: "said resident …", "…, a resident, said", "A witness, …,
   told", "الشاهد …", "المواطن …", "الطفل …") is restricted by rule, whatever role the
   extractor gave the person, until an investigator releases it for that item with a reason
   (`commands.release_name`). So is the name of a claimant the extractor typed a witness, and
   any claimant name that holds a restricted personal name. Restricted names are cut from
   every string that goes out (sentences, claimants, source chains such as
   "src:resident …", link explanations, grade traces), each occurrence replaced by `MARKER`.
   What users write — comments, case notes, the reasons of reviews and decisions — is read
   by the same finder (`comment_names`): a name written there is restricted too, until
   released in an item the text is about, and cut wherever the text goes out (`written`).
4. **Counts.** What a reader cannot see is not counted for them; what an export leaves out is
   counted once per distinct value (`withheld`).

A privileged view (a role with `Permission.READ_RESTRICTED` that asked for restricted data)
sees everything; the subjects it disclosed are gathered in `disclosed`, for the caller to
ledger with `commands.log_restricted_read` (who read what, when).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.assess.grading import GradedClaim, GradeOverride, grade_incident
from factfinder.assess.incidents import admits_as, classifies
from factfinder.assess.reconcile import CountingClaim, reconcile_counts
from factfinder.errors import InvalidRecord
from factfinder.extract.persons import holds_name, names_in
from factfinder.link.records import counts_of
from factfinder.model import Claim, ClaimRef, DateWindow, Incident
from factfinder.services.access.queries import WHOLE, Restrictions
from factfinder.services.access.redaction import partly_hidden_incidents, sealed_items
from factfinder.services.access.roles import Permission, User
from factfinder.services.project import Project
from factfinder.store.schema import items
from factfinder.store.schema_incidents import incident_members, link_runs
from factfinder.store.schema_users import name_releases, restrictions
from factfinder.subjects import (
    CLAIM,
    INCIDENT,
    ITEM,
    claim_subject,
    incident_subject,
    item_subject,
    parse_subject,
    prefix,
)

MARKER = "[restricted]"

# The fields a mark may take away, by kind of subject (a mark on any other field is refused:
# it would restrict nothing). An item's id, hash, size, media type and preservation time are
# the vault's facts about the bytes, not personal data, and stay.
ITEM_FIELDS = (
    "title",
    "author",
    "publisher",
    "published",
    "url",
    "language",
    "external_id",
    "text",
)
CLAIM_FIELDS = ("claimant.name", "claimant.statement", "perpetrator.name", "places", "sentences")
INCIDENT_FIELDS: tuple[str, ...] = ()
FIELDS: Mapping[str, tuple[str, ...]] = {
    ITEM: ITEM_FIELDS,
    CLAIM: CLAIM_FIELDS,
    INCIDENT: INCIDENT_FIELDS,
}
_SHORTEST = 3  # a restricted string shorter than this is never searched for in other strings


def check_field(subject: str, name: str) -> str:
    """`name` itself when a mark on `subject` may take it ("" is the whole subject); else
    `InvalidRecord` naming the fields there are."""
    kind, _ = parse_subject(subject)
    allowed = FIELDS.get(kind, ())
    if name == WHOLE or name in allowed:
        return name
    known = ", ".join(allowed) if allowed else "none (restrict the whole subject)"
    raise InvalidRecord(f"unknown field {name!r} of {kind or 'a subject'}: its fields are {known}")


def name_key(name: str) -> str:
    """How a personal name is compared: accents, case and punctuation off, spaces single."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@lru_cache(maxsize=4096)
def _pattern(value: str) -> re.Pattern[str] | None:
    """A pattern finding `value` in other strings whatever their case, spacing and punctuation
    between its words ("Khalil Haddad" in "src:resident khalil haddad")."""
    words = re.findall(r"\w+", value)
    if not words or sum(len(w) for w in words) < _SHORTEST:
        return None
    body = r"[\W_]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=512)
def _names(text: str) -> tuple[str, ...]:
    """`names_in(text)`, kept: one output reads an item's text once per claim it quotes."""
    return tuple(names_in(text))


def _fold_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def cut(text: str, values: Iterable[str]) -> str:
    """`text` with every occurrence of each of `values` replaced by `MARKER`."""
    for value in sorted(set(values), key=len, reverse=True):
        for form in {value, _fold_accents(value)}:
            pattern = _pattern(form)
            if pattern is not None:
                text = pattern.sub(MARKER, text)
    return text


def cut_spans(
    text: str, values: Iterable[str], spans: Sequence[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """(`text` cut as `cut` does, `spans` moved to the same characters of the cut text): for
    highlighting a text after names were taken out of it."""
    found: list[tuple[int, int]] = []
    for value in set(values):
        for form in {value, _fold_accents(value)}:
            pattern = _pattern(form)
            if pattern is not None:
                found += [m.span() for m in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    if not merged:
        return text, list(spans)
    parts: list[str] = []
    shifts: list[tuple[int, int, int]] = []  # (start, end, shift after end)
    at, shift = 0, 0
    for a, b in merged:
        parts += [text[at:a], MARKER]
        shift += len(MARKER) - (b - a)
        shifts.append((a, b, shift))
        at = b
    parts.append(text[at:])

    def move(offset: int) -> int:
        moved = offset
        for a, b, after in shifts:
            if offset >= b:
                moved = offset + after
            elif offset > a:
                moved = b + after  # inside a cut name: the end of its marker
        return moved

    return "".join(parts), [(move(a), move(b)) for a, b in spans]


def scrub(obj: Any, values: Iterable[str]) -> Any:
    """`obj` (JSON-like: mappings, lists, strings) with `cut` applied to every string in it,
    keys included."""
    found = tuple(sorted(set(values)))
    if not found:
        return obj
    return _scrub(obj, found)


def _scrub(obj: Any, values: tuple[str, ...]) -> Any:
    if isinstance(obj, str):
        return cut(obj, values)
    if isinstance(obj, Mapping):
        return {_scrub(k, values): _scrub(v, values) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_scrub(v, values) for v in obj]
    return obj


@dataclass
class RedactionView:
    """What one reader may see (module docstring). Build it with `view_for`."""

    privileged: bool
    marks: Restrictions
    released: frozenset[tuple[str, str]] = frozenset()  # (item subject, name key)
    sealed_claims: frozenset[int] = frozenset()  # claims of incidents restricted as a whole
    sealed_hashes: frozenset[str] = frozenset()  # items that only tell such incidents
    reader: str | None = None
    disclosed: set[str] = field(default_factory=set)

    # -- subjects --------------------------------------------------------------------------

    def item_hidden(self, item_hash: str) -> bool:
        subject = item_subject(item_hash)
        if self.marks.subject(subject) or item_hash in self.sealed_hashes:
            if self.privileged:
                self.disclosed.add(subject)
                return False
            return True
        return False

    def claim_hidden(self, claim_id: int, item_hash: str) -> bool:
        subject = claim_subject(claim_id)
        whole = self.marks.subject(subject) or claim_id in self.sealed_claims
        if self.privileged:
            if whole:
                self.disclosed.add(subject)
            return self.item_hidden(item_hash)
        return whole or self.item_hidden(item_hash)

    def incident_hidden(self, incident_id: str) -> bool:
        subject = incident_subject(incident_id)
        if self.marks.subject(subject):
            if self.privileged:
                self.disclosed.add(subject)
                return False
            return True
        return False

    def hides_claims(self) -> bool:
        """Might this reader miss any claim (a claim, an item or an incident is restricted as
        a whole)?"""
        if self.privileged:
            return False
        return bool(self.sealed_claims) or any(
            f == WHOLE and s.startswith((prefix(CLAIM), prefix(ITEM))) for s, f in self.marks.marks
        )

    # -- fields ----------------------------------------------------------------------------

    def item_fields(self, item_hash: str) -> list[str]:
        """The item's fields this reader may not see (all of them for a restricted item)."""
        subject = item_subject(item_hash)
        hidden = [f for f in ITEM_FIELDS if self.marks.field(subject, f)]
        if hidden and self.privileged:
            self.disclosed.add(subject)
            return []
        return hidden

    def claim_fields(
        self, claim_id: int, claims: Sequence[Claim], item_hash: str, text: str | None
    ) -> list[str]:
        """The claim's fields this reader may not see: marked fields, the item's text (as
        `sentences`), and the claimant's name and statement when they hold a restricted
        personal name or the claimant is a witness (`claims`: the claim as it stands and as
        extracted)."""
        subject = claim_subject(claim_id)
        hidden = {f for f in CLAIM_FIELDS if self.marks.field(subject, f)}
        if self.marks.field(item_subject(item_hash), "text"):
            hidden.add("sentences")
        protected = self.names(item_hash, text)
        for c in claims:
            if self._claimant_restricted(c, item_hash, protected):
                hidden.update(("claimant.name", "claimant.statement"))
        if hidden and self.privileged:
            self.disclosed.add(subject)
            return []
        return sorted(hidden)

    # -- personal names --------------------------------------------------------------------

    def is_released(self, item_hash: str, name: str) -> bool:
        return (item_subject(item_hash), name_key(name)) in self.released

    def names(self, item_hash: str, text: str | None) -> list[str]:
        """The personal names of the item's text this reader may not see (none for a
        privileged reader)."""
        if not text:
            return []
        found = [n for n in _names(text) if not self.is_released(item_hash, n)]
        if found and self.privileged:
            self.disclosed.add(item_subject(item_hash))
            return []
        return found

    def comment_names(
        self, text: str | None, subject: str | None = None, items: Iterable[str] = ()
    ) -> list[str]:
        """The personal names a user wrote in free text — a comment, a case note, the reason
        of a decision — that this reader may not see: every name the person-name finder reads
        there (with its cues, as in a quoted sentence), restricted until released in one of
        `items` (the hashes of the items the text is about). None for a privileged reader,
        who is shown them (`subject`, what the text is on, is then disclosed)."""
        if not text:
            return []
        about = tuple(items)
        found = [n for n in _names(text) if not any(self.is_released(h, n) for h in about)]
        if found and self.privileged:
            if subject:
                self.disclosed.add(subject)
            return []
        return found

    def written(
        self,
        text: str,
        secrets: Iterable[str] = (),
        *,
        subject: str | None = None,
        items: Iterable[str] = (),
    ) -> str:
        """Free text a user wrote as this reader may read it: its own personal names
        (`comment_names`) and `secrets` (the restricted strings of what it is about) cut."""
        return cut(text, [*secrets, *self.comment_names(text, subject, items)])

    def payload_names(self, payload: Any, items: Iterable[str] = ()) -> list[str]:
        """`comment_names` of the free text a ledger payload (or an incident's grading)
        carries — its `body`, `text` and `reason` values, at any depth."""
        about = tuple(items)
        return [n for text in _free_text(payload) for n in self.comment_names(text, None, about)]

    def _claimant_restricted(self, c: Claim, item_hash: str, protected: Sequence[str]) -> bool:
        name = c.claimant.name
        if not name or self.is_released(item_hash, name):
            return False
        if c.claimant.type == "witness":
            return True
        own = [n for n in _names(name) if not self.is_released(item_hash, n)]
        return bool(own) or any(
            (p := _pattern(n)) is not None and p.search(name) for n in protected
        )

    def claim_secrets(
        self, claim_id: int, claims: Sequence[Claim], item_hash: str, text: str | None
    ) -> list[str]:
        """The strings of this claim that may not go out: the personal names of its item's
        text, and its claimant's name and statement when restricted."""
        if self.privileged:
            return []
        out = list(self.names(item_hash, text))
        hidden = self.claim_fields(claim_id, claims, item_hash, text)
        subject = claim_subject(claim_id)
        for c in claims:
            name = c.claimant.name
            # A name the rule restricts is cut wherever it stands; words for a kind of person
            # ("residents") are only taken out of the claimant field.
            if (
                "claimant.name" in hidden
                and name
                and (self.marks.field(subject, "claimant.name") or holds_name(name))
            ):
                out.append(name)
            if "claimant.statement" in hidden and c.claimant.statement:
                out.append(c.claimant.statement)
            if "perpetrator.name" in hidden and c.perpetrator.name:
                out.append(c.perpetrator.name)
        return out

    def item_secrets(self, summary: Any) -> list[str]:
        """The strings of an item (`title`, `url`, `external_id`, …) this reader may not see:
        all of them for a restricted item, else its marked fields."""
        if self.privileged:
            return []
        subject = item_subject(summary.hash)
        whole = self.marks.subject(subject)
        out = []
        for f in ("title", "url", "external_id", "author"):
            value = getattr(summary, f, None)
            if value and (whole or self.marks.field(subject, f)):
                out.append(str(value))
        return out

    def sentences(
        self, text: str | None, spans: Iterable[tuple[int, int]], secrets: Iterable[str]
    ) -> tuple[str, ...]:
        """The sentences at `spans` of `text`, restricted strings cut, spaces single."""
        if not text:
            return ()
        found = tuple(secrets)
        return tuple(
            cut(" ".join(text[a:b].split()), found) for a, b in spans if 0 <= a < b <= len(text)
        )


# The keys under which a ledger payload (or an incident's explanation) holds what a user wrote:
# a comment's body, a note's text, the reason of a mark, a review or a decision.
FREE_TEXT = ("body", "text", "reason")


def _free_text(obj: Any) -> list[str]:
    if isinstance(obj, Mapping):
        out = [v for k, v in obj.items() if k in FREE_TEXT and isinstance(v, str)]
        for v in obj.values():
            if not isinstance(v, str):
                out += _free_text(v)
        return out
    if isinstance(obj, list | tuple):
        return [t for v in obj for t in _free_text(v)]
    return []


def view_for(
    project: Project,
    user: User | None,
    *,
    include_restricted: bool | None = None,
    subjects: Iterable[str] | None = None,
) -> RedactionView:
    """The view of `user` (None: the operator at the command line, who sees restricted data
    only when `include_restricted`). A user sees restricted data when their role may and
    `include_restricted` is not False; `subjects` limits the marks read (all when None)."""
    may = user is None or user.can(Permission.READ_RESTRICTED)
    privileged = may and (
        include_restricted if include_restricted is not None else user is not None
    )
    with project.read() as conn:
        marks = _marks(conn, subjects)
        released = released_names(conn)
        sealed: frozenset[int] = frozenset()
        hashes: frozenset[str] = frozenset()
        # Only an incident restricted as a whole seals claims and items (and `_marks` read
        # every such mark, whatever the subjects).
        incident_prefix = prefix(INCIDENT)
        if any(s.startswith(incident_prefix) and f == WHOLE for s, f in marks.marks):
            sealed = sealed_claims(conn)
            ids = sorted(sealed_items(conn))
            hashes = frozenset(
                conn.execute(select(items.c.hash).where(items.c.id.in_(ids))).scalars()
                if ids
                else ()
            )
    return RedactionView(
        privileged, marks, released, sealed, hashes, user.actor if user is not None else None
    )


def incidents_with_hidden_claims(project: Project) -> frozenset[str]:
    """The current incidents with a claim a role without access to restricted data may not
    see: those that such a reader sees told by their other claims (`visible_incident`)."""
    with project.read() as conn:
        return partly_hidden_incidents(conn)


def _marks(conn: Connection, subjects: Iterable[str] | None) -> Restrictions:
    query = select(restrictions.c.subject, restrictions.c.field)
    if subjects is None:
        rows = list(conn.execute(query))
    else:
        wanted = sorted(set(subjects))
        rows = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows += list(conn.execute(query.where(restrictions.c.subject.in_(chunk))))
        # Marks on incidents seal their claims: read them whatever the subjects asked.
        rows += list(conn.execute(query.where(restrictions.c.subject.like(prefix(INCIDENT) + "%"))))
    return Restrictions(frozenset((r.subject, r.field) for r in rows))


def released_names(conn: Connection) -> frozenset[tuple[str, str]]:
    """(item subject, name key) of every personal name released from restriction."""
    r = name_releases.c
    return frozenset(
        (row.subject, row.name_key) for row in conn.execute(select(r.subject, r.name_key))
    )


def sealed_claims(conn: Connection, size: int | None = None) -> frozenset[int]:
    """The claims of the incidents restricted as a whole (in the latest link run before ledger
    size `size`, the latest of all when None)."""
    r = restrictions.c
    incident_prefix = prefix(INCIDENT)
    marked = [
        s[len(incident_prefix) :]
        for s in conn.execute(
            select(r.subject).where(r.field == WHOLE, r.subject.like(incident_prefix + "%"))
        ).scalars()
    ]
    if not marked:
        return frozenset()
    runs = select(func.max(link_runs.c.id))
    if size is not None:
        runs = runs.where(link_runs.c.seq < size)
    run_id = conn.execute(runs).scalar()
    if run_id is None:
        return frozenset()
    m = incident_members.c
    return frozenset(
        int(c)
        for c in conn.execute(
            select(m.claim_id).where(m.run_id == run_id, m.incident_id.in_(marked))
        ).scalars()
    )


# -- incidents as their visible claims tell them ------------------------------------------


def _ref_key(obj: Any) -> tuple[str, int] | None:
    if isinstance(obj, Mapping) and set(obj) == {"id", "claim"}:
        return (str(obj["id"]), int(obj["claim"]))
    return None


def _drop_refs(obj: Any, hidden: frozenset[tuple[str, int]]) -> Any:
    """`obj` without the claim references in `hidden`, nor the entries (links, chains, …) that
    stand on one of them."""
    if isinstance(obj, Mapping):
        return {k: _drop_refs(v, hidden) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        out = []
        for v in obj:
            if _ref_key(v) in hidden:
                continue
            if isinstance(v, Mapping) and _ref_key(v.get("claim")) in hidden:
                continue  # a denial or a party's classification of an absent claim
            if isinstance(v, Mapping) and any(_ref_key(v.get(k)) in hidden for k in ("a", "b")):
                continue  # a link or refused link with an absent claim
            kept = _drop_refs(v, hidden)
            if (
                isinstance(v, Mapping)
                and isinstance(v.get("claims"), list)
                and v["claims"]
                and not kept["claims"]
                and "chain" in v
            ):
                continue  # a source chain only absent claims carried
            out.append(kept)
        return out
    return obj


def visible_incident(
    incident: Incident,
    hidden: Iterable[ClaimRef],
    visible: Mapping[ClaimRef, Claim],
    published: Mapping[ClaimRef, int | None],
) -> Incident:
    """`incident` as the claims in `visible` alone tell it, the claims `hidden` taken out: their
    references and the chains, links and rule entries that stand on them are removed, and
    the figures, independent sources, grade, date and places are worked out again from the
    claims left (the reconciliation and grading rules of `factfinder.assess`, and its
    classification of sources: `admits_as`, `classifies`). `published`
    gives each visible claim's publication day as an ordinal (grading reads it)."""
    gone = frozenset((r.id, r.claim) for r in hidden)
    if not gone:
        return incident
    extra = _drop_refs(dict(incident.extra), gone)
    chains = [c for c in extra.get("sources", []) if isinstance(c, Mapping)]
    chain_of: dict[tuple[str, int], Mapping[str, Any]] = {}
    for chain in chains:
        for ref in chain.get("claims", []):
            key = _ref_key(ref)
            if key is not None:
                chain_of[key] = chain
    members = tuple(m for m in incident.members if (m.id, m.claim) not in gone)
    sourced: list[tuple[ClaimRef, str, bool, str, str | None]] = []
    for ref in members:
        chain = chain_of.get((ref.id, ref.claim), {})
        sourced.append(
            (
                ref,
                str(chain.get("independent_source") or f"{claim_subject(ref.id)}#{ref.claim}"),
                bool(chain.get("credible")),
                str(chain.get("claimant") or ""),
                chain.get("party") if isinstance(chain.get("party"), str) else None,
            )
        )
    kept = [(s, visible[s[0]]) for s in sourced if s[0] in visible]
    # The sources are classified as assess classifies them (`admits_as`, `classifies`): a
    # party's admission weighs as one, a party's count of "terrorists" is its word, not a toll.
    weighed = [
        (s, c, counts_of(c.killed), admits_as(s[4], c.stance, c.perpetrator.group)) for s, c in kept
    ]
    reports = [w for w in weighed if w[1].stance != "denies"]  # a denial counts no one
    killed = reconcile_counts(
        CountingClaim(s[0], s[1], s[2], counts, s[4], admitted)
        for s, _, counts, admitted in reports
        if not classifies(s[4], counts)
    )
    injured = reconcile_counts(
        CountingClaim(s[0], s[1], s[2], counts_of(c.injured), s[4], admitted)
        for s, c, _, admitted in reports
    )
    graded = [
        GradedClaim(
            ref=s[0],
            source=s[1],
            source_name=s[3],
            party=s[4],
            credible=s[2],
            perpetrator=c.perpetrator.group,
            killed_total_min=c.killed.total.min if c.killed.total else None,
            killed_total_max=c.killed.total.max if c.killed.total else None,
            killed_civilians_min=c.killed.civilians.min if c.killed.civilians else None,
            killed_civilians_max=c.killed.civilians.max if c.killed.civilians else None,
            killed_combatants_min=c.killed.combatants.min if c.killed.combatants else None,
            published=published.get(s[0]),
            stance=c.stance,
            classified=classifies(s[4], counts),
        )
        for s, c, counts, _ in weighed
    ]
    grading = grade_incident(graded, _override(incident.extra.get("grading")))
    named = {p.name.strip().lower() for _, c in kept for p in c.places}
    extra["reconciliation"] = {"killed": killed.to_json(), "injured": injured.to_json()}
    extra["grading"] = grading.to_json()
    parties = sorted({str(c["party"]) for c in chains if c.get("party")})
    extra["sources_parties"] = parties
    extra["party_only"] = bool(chains) and all(c.get("party") for c in chains)
    return replace(
        incident,
        members=members,
        date=_date(incident.date, [c for _, c in kept]),
        places=tuple(p for p in incident.places if p.name.strip().lower() in named),
        killed=killed.as_figures(),
        injured=injured.as_figures(),
        independent_sources=len({s[1] for s, _ in kept}),
        grade=grading.grade,
        extra=extra,
    )


def _override(grading: Any) -> GradeOverride | None:
    if not isinstance(grading, Mapping):
        return None
    found = grading.get("override")
    if not isinstance(found, Mapping) or not found.get("grade"):
        return None
    by = found.get("by")
    return GradeOverride(
        str(found["grade"]),
        str(found.get("reason") or "an analyst's grade"),
        str(by) if by is not None else None,
    )


def _date(whole: DateWindow | None, claims: Sequence[Claim]) -> DateWindow | None:
    """The incident's window when a visible claim states a date, else None."""
    dated = [c.date for c in claims if c.date is not None and c.date.start is not None]
    return whole if dated else None
