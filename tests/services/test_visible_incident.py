"""The redaction view tells an incident some of whose claims are hidden from the claims left,
with the same classification of sources as `factfinder.assess` (a party's admission, a party
counting the dead as fighters): the incident it tells equals the one assess builds from those
claims alone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from factfinder.assess.batch import link_files
from factfinder.extract.batch import extract_files
from factfinder.model import Claim, ClaimRef, Incident, format_figure
from factfinder.services.access.view import visible_incident


def _doc(id: str, title: str, body: str, published: str, publisher: str) -> dict[str, Any]:
    return {
        "id": id,
        "title": title,
        "text": f"{title}\n\n{body}",
        "published": published,
        "publisher": publisher,
    }


DOCS = [
    _doc(
        "mod",
        "Russian jets strike militants in Idlib",
        "The Russian Ministry of Defence said on Thursday that its aircraft struck a terrorist "
        "command post in Khan Sheikhoun in Idlib, neutralising 15 terrorists.",
        "2019-05-16",
        "TASS",
    ),
    _doc(
        "sohr",
        "Russian strike kills civilians in Khan Sheikhoun",
        "The Syrian Observatory for Human Rights said a Russian airstrike on Khan Sheikhoun in "
        "Idlib on Thursday killed 9 civilians, including 3 children.",
        "2019-05-16",
        "AFP",
    ),
    _doc(
        "medic",
        "Rescuers count the dead of Khan Sheikhoun",
        "The Syria Civil Defence said a Russian airstrike on Khan Sheikhoun in Idlib on "
        "Thursday killed 12 civilians.",
        "2019-05-17",
        "Enab Baladi",
    ),
]


def _linked(root: Path, docs: list[dict[str, Any]]) -> tuple[list[Incident], dict[ClaimRef, Claim]]:
    root.mkdir()
    docs_path, claims_path, out = root / "docs.jsonl", root / "claims.jsonl", root / "out"
    docs_path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    extract_files(docs_path, claims_path)
    link_files(claims_path, docs_path, out)
    claims = {
        ClaimRef(row["id"], k): Claim.from_json(c)
        for row in map(json.loads, claims_path.read_text(encoding="utf-8").splitlines())
        for k, c in enumerate(row["claims"])
    }
    incidents = [
        Incident.from_json(json.loads(line))
        for line in out.read_text(encoding="utf-8").splitlines()
    ]
    return incidents, claims


def test_the_view_and_assess_classify_sources_alike(tmp_path: Path) -> None:
    (whole,), claims = _linked(tmp_path / "all", DOCS)
    assert {m.id for m in whole.members} == {"mod", "sohr", "medic"}
    (alone,), _ = _linked(tmp_path / "two", DOCS[:2])
    published = {d["id"]: dt.date.fromisoformat(d["published"]).toordinal() for d in DOCS}
    hidden = [m for m in whole.members if m.id == "medic"]
    kept = {m: claims[m] for m in whole.members if m.id != "medic"}
    told = visible_incident(whole, hidden, kept, {m: published[m.id] for m in kept})
    # Russia's "15 terrorists" is its classification of the dead and its word on its own act:
    # neither a killed figure nor a second source of harm, in the view as in assess.
    assert format_figure(alone.killed.total) == "9 (reported)"
    assert format_figure(told.killed.total) == format_figure(alone.killed.total)
    assert told.killed.combatants is None and alone.killed.combatants is None
    assert told.killed == alone.killed
    assert told.injured == alone.injured
    assert (told.grade, told.independent_sources) == (alone.grade, alone.independent_sources)
    assert told.extra["reconciliation"] == alone.extra["reconciliation"]
    assert told.extra["grading"]["trace"] == alone.extra["grading"]["trace"]
    # The classification and the hidden claim's entries follow the claims left.
    assert told.extra["party_classifications"] == alone.extra["party_classifications"]
    assert all(s["claims"] != [{"id": "medic", "claim": 0}] for s in told.extra["sources"])
