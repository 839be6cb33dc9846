"""The seeded project of the redaction tests: a witness named in a sentence (three phrasings,
and an Arabic title), a claimant whose name is marked, an incident restricted as a whole and an
item restricted as a whole with an external id; and how an output is decoded and searched for
every restricted string."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from web_helpers import PASSWORD, ROLES

from factfinder.services import Project
from factfinder.store.schema import item_metadata, items
from factfinder.subjects import claim_subject, incident_subject, item_subject

WITNESSES = ("Khalil Haddad", "Mahmoud Qassem", "Samira Nouri", "أحمد محمد العلي")
DOCS = [
    {
        "id": "wire-001",
        "title": "Coalition strike kills civilians in Hajin",
        "published": "2018-11-04",
        "publisher": "Example Wire",
        "text": "Coalition strike kills civilians in Hajin\n\nHAJIN, Nov 4 - A US-led coalition "
        "airstrike on the town of Hajin in Deir ez-Zor province killed 12 civilians on Friday, "
        "said resident Khalil Haddad. Mahmoud Qassem, a resident, said the strike hit the "
        "market. A witness, Samira Nouri, told reporters that five children were among the dead.",
    },
    {
        "id": "relief-002",
        "title": "Committee counts the dead of Hajin",
        "published": "2018-11-05",
        "publisher": "Example Daily",
        "text": "Committee counts the dead of Hajin\n\nThe Hajin Relief Committee said on Sunday "
        "that the US-led coalition airstrike on Hajin in Deir ez-Zor province on 2 November "
        "2018 killed 14 civilians.",
    },
    {
        "id": "secret-informant-007",
        "title": "Informant note on Hajin",
        "published": "2018-11-05",
        "publisher": "Private note",
        "text": "Informant note on Hajin\n\nAn informant, Omar Zaki, said the coalition airstrike "
        "on Hajin in Deir ez-Zor province on 2 November 2018 killed 13 civilians.",
    },
    {
        "id": "afrin-004",
        "title": "Drone strike in Jindires",
        "published": "2018-03-11",
        "publisher": "North Press",
        "text": "Drone strike in Jindires\n\nAFRIN, March 11 - A Turkish drone strike on the "
        "village of Jindires in Afrin killed four civilians on 10 March 2018, the Jindires "
        "Health Office said.",
    },
    {
        "id": "secret-source-008",
        "title": "Source report",
        "published": "2017-06-21",
        "publisher": "Private note",
        "text": "Source report\n\nA source said artillery shelling of Manbij in Aleppo province "
        "on 20 June 2017 killed seven civilians.",
    },
    {
        "id": "ar-005",
        "title": "قصف على هجين",
        "published": "2018-11-03",
        "publisher": "شبكة محلية",
        "text": "قصف على هجين\n\nقال الشاهد أحمد محمد العلي إن طائرات التحالف قصفت السوق في "
        "مدينة هجين بريف دير الزور أمس ما أدى إلى مقتل 12 مدنيا.",
    },
]
# What no reader without access to restricted data may find in any output.
SECRETS = (
    *WITNESSES,
    "Hajin Relief Committee",  # a claimant whose name is marked
    "secret-informant-007",  # the external id of an item restricted as a whole
    "Informant note",  # its title
    "Omar Zaki",  # a name in its text
    "Jindires",  # the place of an incident restricted as a whole
    "Manbij",  # the place of an incident told only by a restricted item
    "secret-source-008",  # that item's external id
)


def leaks(text: str) -> list[str]:
    """The restricted strings `text` holds, whatever its case, spacing or punctuation between
    words ("src:resident khalil haddad" holds "Khalil Haddad")."""
    found = []
    for secret in SECRETS:
        words = re.findall(r"\w+", secret)
        if re.search(r"[\W_]+".join(re.escape(w) for w in words), text, re.IGNORECASE):
            found.append(secret)
    return found


@dataclass
class Seeded:
    root: Path
    project: Project
    case_id: int
    hajin: str
    jindires: str
    manbij: str
    claims: dict[str, int]  # document id → claim id
    hashes: dict[str, str]  # document id → item hash


def seed_template(root: Path) -> Path:
    """`root` holding the seeded project, closed, and the ids of what it holds (`open_seeded`
    opens a copy)."""
    with seed(root) as found:
        (root / "ids.json").write_text(
            json.dumps(
                {
                    "case_id": found.case_id,
                    "hajin": found.hajin,
                    "jindires": found.jindires,
                    "manbij": found.manbij,
                    "claims": found.claims,
                    "hashes": found.hashes,
                }
            )
        )
    return root


def open_seeded(root: Path) -> Seeded:
    ids = json.loads((root / "ids.json").read_text())
    return Seeded(
        root,
        Project.open(root / "project"),
        ids["case_id"],
        ids["hajin"],
        ids["jindires"],
        ids["manbij"],
        ids["claims"],
        ids["hashes"],
    )


@contextlib.contextmanager
def seed(root: Path) -> Iterator[Seeded]:
    from factfinder.services.access.commands import add_user, restrict
    from factfinder.services.cases.commands import add_incidents, add_note, create_case
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.claims.queries import reviewed_claims
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.incidents.queries import (
        current_members,
        existing_incidents,
        get_incident,
    )
    from factfinder.services.preserve.ingest import ingest

    docs = root / "docs.jsonl"
    docs.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS))
    project = Project.init(root / "project")
    try:
        for role in ROLES:
            add_user(project, role, PASSWORD, role, actor="test:setup")
        ingest(project, [str(docs)], actor="test:setup")
        extract_items(project, actor="test:setup")
        link_project(project, actor="test:setup")
        found = reviewed_claims(project)
        with project.read() as conn:
            ids = {
                r.hash: r.external_id
                for r in conn.execute(
                    items.join(item_metadata, item_metadata.c.item_id == items.c.id).select()
                )
            }
        claims = {ids[c.item_hash]: c.id for c in found}
        hashes = {ids[c.item_hash]: c.item_hash for c in found}
        assert set(claims) == {d["id"] for d in DOCS}
        with project.read() as conn:
            incident_of = current_members(conn)
        hajin, jindires = incident_of[claims["wire-001"]], incident_of[claims["afrin-004"]]
        manbij = incident_of[claims["secret-source-008"]]
        assert len({hajin, jindires, manbij}) == 3
        assert incident_of[claims["secret-informant-007"]] == hajin
        restrict(
            project,
            claim_subject(claims["relief-002"]),
            "claimant.name",
            reason="protect the source",
            actor="test:setup",
        )
        restrict(
            project,
            item_subject(hashes["secret-informant-007"]),
            reason="informant",
            actor="test:setup",
        )
        restrict(
            project,
            item_subject(hashes["secret-source-008"]),
            reason="a source in danger",
            actor="test:setup",
        )
        restrict(project, incident_subject(jindires), reason="under seal", actor="test:setup")
        case = create_case(project, "Deir ez-Zor, 2018", actor="test:setup")
        add_incidents(project, case.id, sorted({hajin, jindires, manbij}), check=existing_incidents)
        add_note(project, case.id, "Ask the Jindires office for its list", incident=jindires)
        add_note(project, case.id, "Call Khalil Haddad again on Monday", restricted=True)
        add_note(project, case.id, "Compare the Hajin figures", incident=hajin)
        assert get_incident(project, hajin).summary.members >= 3
        yield Seeded(root, project, case.id, hajin, jindires, manbij, claims, hashes)
    finally:
        project.close()


FORMATS = ("jsonl", "csv", "geojson", "ged", "package", "html", "pdf")


def decoded(path: Path, fmt: str) -> str:
    """The text of an output as a reader gets it: parsed JSON and CSV, `pdftotext` of a PDF,
    every member of a zip."""
    if fmt == "pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("poppler-utils (pdftotext) is not installed")
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    if fmt == "package":
        parts = []
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                parts.append(name)
                parts.append(z.read(name).decode("utf-8", errors="replace"))
        return "\n".join(parts)
    raw = path.read_text(encoding="utf-8")
    if fmt == "jsonl":
        return "\n".join(
            json.dumps(json.loads(line), ensure_ascii=False) for line in raw.splitlines()
        )
    if fmt == "geojson":
        return json.dumps(json.loads(raw), ensure_ascii=False)
    if fmt in ("csv", "ged"):
        return "\n".join(" ".join(row) for row in csv.reader(io.StringIO(raw)))
    return raw


def write_output(
    seeded: Seeded, fmt: str, out: Path, *, user: Any = None, include: bool = False
) -> Any:
    from factfinder.services.cases.files import write_export, write_package, write_report

    kw = {"include_restricted": include, "user": user}
    if fmt in ("html", "pdf"):
        return write_report(seeded.project, seeded.case_id, fmt=fmt, output=out, **kw)
    if fmt == "package":
        return write_package(seeded.project, seeded.case_id, output=out, zip_output=True, **kw)
    return write_export(seeded.project, fmt=fmt, output=out, case=seeded.case_id, **kw)
