"""A case as one reader may see it now (`factfinder case show`), through the one redaction
view every output reads (`factfinder.services.access.view`).

Without restricted data (the default; `include_restricted` asks for it, and the acting user's
role must allow it), the case shows only the incidents such a reader may see, and of its notes
neither the restricted ones nor those on incidents left out; the personal names of the notes
(those the person-name finder reads there, and those of the case's sources) are cut, and so
are those of the case's name and description, and of the names of the files built of it (its
`export.write` entries: a name chosen at the command line, or made from the case's name before
it was cut, may hold one). Such a read is not ledgered: nothing restricted was shown. With restricted data, everything is shown
and the read is ledgered (`restricted.read`: the reader, the command, what was disclosed).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from factfinder.errors import NotFound
from factfinder.services.access.commands import log_restricted_read
from factfinder.services.access.redaction import hidden_incidents
from factfinder.services.access.roles import User
from factfinder.services.access.view import RedactionView
from factfinder.services.cases.casefile import case_view
from factfinder.services.cases.queries import CaseBuild, CaseState, case_builds, show_case
from factfinder.services.claims.queries import reviewed_claims
from factfinder.services.incidents.queries import get_incident, latest_run_id
from factfinder.services.preserve.items import item_text
from factfinder.services.project import Project
from factfinder.subjects import case_subject, incident_subject


@dataclass(frozen=True, slots=True)
class SeenCase:
    """`state` as the reader may see it (its incidents and notes), and how many of each were
    left out; `builds`, what was built of it, with their names as the reader may read them."""

    state: CaseState
    hidden_incidents: int
    hidden_notes: int
    builds: tuple[CaseBuild, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            **self.state.to_json(),
            "withheld": {"incidents": self.hidden_incidents, "notes": self.hidden_notes},
        }


def case_as_seen(
    project: Project,
    case_ref: str | int,
    *,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
) -> SeenCase:
    """The case `case_ref` as `user` (None: the operator) may see it (module docstring)."""
    view = case_view(project, include_restricted, user)
    state = show_case(project, case_ref)
    subject = case_subject(state.id)
    builds = tuple(case_builds(project, state.id))
    with project.read() as conn:
        run_id = latest_run_id(conn)
        query = hidden_incidents(conn, run_id) if run_id is not None else None
        absent = set(conn.execute(query).scalars()) if query is not None else set()
    if view.privileged:
        for incident in state.incidents:
            view.incident_hidden(incident)  # marks what it discloses
            if incident in absent:
                view.disclosed.add(incident_subject(incident))
        if any(n.restricted for n in state.notes):
            view.disclosed.add(subject)
        for text in (
            state.name,
            state.description,
            *(n.text for n in state.notes),
            *(b.name for b in builds),
        ):
            view.comment_names(text, subject)
        log_restricted_read(
            project, view, f"case show {case_ref}", reader=user.actor if user else actor
        )
        return SeenCase(state, 0, 0, builds)
    shown = tuple(i for i in state.incidents if i not in absent)
    secrets, hashes = _secrets(project, view, shown)
    notes = tuple(
        replace(n, text=view.written(n.text, secrets, subject=subject, items=hashes))
        for n in state.notes
        if not n.restricted and (n.incident is None or n.incident in shown)
    )
    # The case's name and description are free text a user wrote, as its notes are.
    name = view.written(state.name, secrets, subject=subject, items=hashes)
    description = (
        view.written(state.description, secrets, subject=subject, items=hashes)
        if state.description
        else state.description
    )
    # A built file's name may be made from the case's name as it was written (a slug:
    # "killing-of-jamal-darwish-cp2.pdf"); the names cut from the case's name are cut there too
    # (`cut` matches them across any punctuation and case).
    named = [
        *secrets,
        *view.comment_names(state.name, subject, hashes),
        *view.comment_names(state.description, subject, hashes),
    ]
    built = tuple(
        replace(b, name=view.written(b.name, named, subject=subject, items=hashes)) for b in builds
    )
    seen = replace(state, name=name, description=description, incidents=shown, notes=notes)
    return SeenCase(seen, len(state.incidents) - len(shown), len(state.notes) - len(notes), built)


def _secrets(
    project: Project, view: RedactionView, incidents: tuple[str, ...]
) -> tuple[list[str], list[str]]:
    """(the restricted strings of the incidents' claims and their items' texts, the hashes of
    the items)."""
    claim_ids: list[int] = []
    for incident in incidents:
        try:
            claim_ids += [m.claim_id for m in get_incident(project, incident).members]
        except NotFound:
            continue  # an incident the latest link run no longer holds
    secrets: list[str] = []
    hashes: list[str] = []
    texts: dict[int, str | None] = {}
    for c in reviewed_claims(project, claim_ids=claim_ids) if claim_ids else []:
        if c.item_id not in texts:
            texts[c.item_id] = item_text(project, str(c.item_id))[1]
        text = texts[c.item_id]
        secrets += view.names(c.item_hash, text)
        if not view.claim_hidden(c.id, c.item_hash):
            secrets += view.claim_secrets(c.id, [c.claim, c.extracted], c.item_hash, text)
            hashes.append(c.item_hash)
    return secrets, hashes
