"""Case files: reports, exports and evidence packages built from the record as of a checkpoint.

    from factfinder.services.cases.files import write_report, write_export, write_package

    result = write_report(project, "Raqqah", fmt="pdf", output=Path("raqqah.pdf"))
    again = write_report(project, "Raqqah", fmt="html", output=p, at=result.checkpoint_id)
    write_export(project, fmt="ged", output=Path("raqqah.csv"), case="Raqqah")
    write_package(project, "Raqqah", output=Path("raqqah-package"), zip_output=False)

The run, step by step:

1. pick the checkpoint: `at` (a checkpoint id), or the latest if it covers the whole ledger,
   else a new one is signed;
2. read the case and its incidents, their claims, items and notes **as of that checkpoint's size**
   (`factfinder.services.cases.evidence`, `factfinder.services.cases.casefile`), so evidence that arrived later changes nothing;
3. leave out restricted data unless `include_restricted` (and the acting user may see it);
4. prove every cited ledger entry against the checkpoint;
5. render (`factfinder.report`), write the file atomically, and append an `export.write` ledger
   entry (`subject` = `case:<id>` for a case) binding what was written: format, case, checkpoint
   (size, root), the output's `sha256:` and size, and whether restricted data was included.

The output is a function of (checkpoint, case, format, include_restricted, the restriction marks
in force): building it again from the same checkpoint gives the same bytes, however much the
record has grown since.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.report.exports import FORMATS, export_bytes, to_jsonl
from factfinder.report.model import (
    CaseFile,
)
from factfinder.report.package import build_package
from factfinder.report.pdf import render_pdf
from factfinder.services.access.commands import log_restricted_read
from factfinder.services.access.roles import User
from factfinder.services.cases.casefile import case_file_at, case_view
from factfinder.services.preserve.checkpoints import checkpoint_for
from factfinder.services.project import Project
from factfinder.subjects import case_subject
from factfinder.vault.hashing import sha256_bytes

REPORT_FORMATS = ("html", "pdf")


def build_case_file(
    project: Project,
    case: str | int | None,
    *,
    at: int | None = None,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
    purpose: str = "case file",
) -> CaseFile:
    """The case (or, with `case` None, every incident) as of checkpoint `at` — or of the
    latest checkpoint, signed now if the record grew since (see the module docstring). When
    restricted data goes in, the read is ledgered (`restricted.read`, with `user` or `actor` —
    else the operator, `cli:<login>` — as the reader and `purpose`, the command, with the
    case)."""
    view = case_view(project, include_restricted, user)
    cf = case_file_at(project, case, checkpoint_for(project, at), view=view)
    log_restricted_read(
        project,
        view,
        f"{purpose} {f'of case {case}' if case is not None else '(all incidents)'}",
        reader=user.actor if user is not None else actor,
    )
    return cf


# -- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    case_id: int | None
    checkpoint_id: int
    checkpoint_size: int
    checkpoint_root: str
    sha256: str | None
    bytes: int
    incidents: int
    withheld: int
    seq: int  # the export.write ledger entry

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "case": self.case_id,
            "checkpoint": {
                "id": self.checkpoint_id,
                "size": self.checkpoint_size,
                "root": self.checkpoint_root,
            },
            "sha256": self.sha256,
            "bytes": self.bytes,
            "incidents": self.incidents,
            "withheld": self.withheld,
            "ledger_seq": self.seq,
        }


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _record(
    project: Project,
    cf: CaseFile,
    fmt: str,
    output: Path,
    digest: str | None,
    nbytes: int,
    actor: str | None,
    what: str,
) -> ExportResult:
    """The `export.write` entry; if it cannot be written, the output is removed again."""
    try:
        with project.transaction(actor) as tx:
            entry = tx.append_ledger(
                "export.write",
                {
                    "what": what,
                    "format": fmt,
                    "case": cf.case_id,
                    "name": output.name,
                    "checkpoint": {"size": cf.checkpoint.size, "root": cf.checkpoint.root},
                    "sha256": digest,
                    "bytes": nbytes,
                    "incidents": len(cf.incidents),
                    "include_restricted": cf.include_restricted,
                    "withheld": cf.withheld,
                    "generator": cf.generator,
                },
                subject=case_subject(cf.case_id) if cf.case_id is not None else None,
            )
    except BaseException:
        if output.is_dir():
            shutil.rmtree(output, ignore_errors=True)
        else:
            output.unlink(missing_ok=True)
        raise
    cp = cf.checkpoint
    assert cp.id is not None
    return ExportResult(
        output,
        fmt,
        cf.case_id,
        cp.id,
        cp.size,
        cp.root,
        digest,
        nbytes,
        len(cf.incidents),
        cf.withheld,
        entry.seq,
    )


def render_report(cf: CaseFile, fmt: str) -> bytes:
    """The report of a case file as bytes (`html` or `pdf`)."""
    # Deferred: the report templates (Jinja) load only when a report is written.
    from factfinder.report.html import render_html

    if fmt not in REPORT_FORMATS:
        raise InvalidRecord(f"report format {fmt!r} is not one of {', '.join(REPORT_FORMATS)}")
    html = render_html(cf)
    if fmt == "html":
        return html.encode("utf-8")

    return render_pdf(html, created=cf.checkpoint.time)


def _write_recorded(
    project: Project,
    cf: CaseFile,
    fmt: str,
    output: Path,
    data: bytes,
    actor: str | None,
    kind: str,
) -> ExportResult:
    _write_atomic(output, data)
    return _record(project, cf, fmt, output, sha256_bytes(data), len(data), actor, kind)


def write_report(
    project: Project,
    case: str | int,
    *,
    fmt: str,
    output: Path,
    at: int | None = None,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
) -> ExportResult:
    """Render the report of `case` to `output` and record it (see the module docstring)."""
    if fmt not in REPORT_FORMATS:
        raise InvalidRecord(f"report format {fmt!r} is not one of {', '.join(REPORT_FORMATS)}")
    cf = build_case_file(
        project,
        case,
        at=at,
        include_restricted=include_restricted,
        user=user,
        actor=actor,
        purpose=f"report {fmt}",
    )
    return _write_recorded(
        project,
        cf,
        fmt,
        output,
        render_report(cf, fmt),
        actor or (user.actor if user else None),
        "report",
    )


def write_export(
    project: Project,
    *,
    fmt: str,
    output: Path,
    case: str | int | None = None,
    at: int | None = None,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
) -> ExportResult:
    """Export a case (or every incident) as csv / geojson / jsonl / ged."""

    if fmt not in FORMATS:
        raise InvalidRecord(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    cf = build_case_file(
        project,
        case,
        at=at,
        include_restricted=include_restricted,
        user=user,
        actor=actor,
        purpose=f"export {fmt}",
    )
    return _write_recorded(
        project,
        cf,
        fmt,
        output,
        export_bytes(cf, fmt),
        actor or (user.actor if user else None),
        "export",
    )


def write_package(
    project: Project,
    case: str | int,
    *,
    output: Path,
    at: int | None = None,
    zip_output: bool = False,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
) -> ExportResult:
    """Write the evidence package of `case` (a BagIt directory, or a zip of one)."""
    # Deferred: the report templates (Jinja) load only when a report is written.
    from factfinder.report.html import render_html

    cf = build_case_file(
        project,
        case,
        at=at,
        include_restricted=include_restricted,
        user=user,
        actor=actor,
        purpose="export package",
    )

    def copy_blob(item_hash: str, dest: Path) -> None:
        with project.blobs.open(item_hash) as src, dest.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)

    summary = build_package(
        cf,
        output,
        report_html=render_html(cf),
        incidents_jsonl=to_jsonl(cf),
        copy_blob=copy_blob,
        sign=project.signing_key.sign,
        zip_output=zip_output,
    )
    return _record(
        project,
        cf,
        "zip" if zip_output else "bagit",
        output,
        summary.sha256,
        summary.bytes,
        actor or (user.actor if user else None),
        "package",
    )
