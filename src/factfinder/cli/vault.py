"""The `factfinder` commands of the vault area: init, ingest, items, show, checkpoint(s), proof,
verify, verify-proof. Thin: each parses options, calls `factfinder.services`, prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factfinder.cli.common import (
    EXIT_INTEGRITY,
    EXIT_PARTIAL,
    JsonOption,
    ProjectOption,
    err,
    handle_errors,
    open_project,
    out,
    print_json,
    project_option,
    report_input_error,
    report_text_not_read,
    text_status_label,
)

if TYPE_CHECKING:
    from factfinder.errors import InputError
    from factfinder.services.preserve.ingest import IngestedPart
    from factfinder.vault.proofs import Proof


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command()
    @handle_errors
    def init(
        directory: Annotated[Path, typer.Argument(help="Directory to create the project in.")],
        db: Annotated[
            str | None,
            typer.Option(
                "--db",
                help="Database URL, e.g. postgresql://user@host/db (default: SQLite in "
                "the project directory).",
            ),
        ] = None,
    ) -> None:
        """Create a project: configuration, database, blob store and signing key."""
        from factfinder.services import Project

        with Project.init(directory, db_url=db) as project:
            key = project.public_key
            out.print(f"created project {project.root}")
            out.print(f"  database   {_shown_url(project.config.db_url)}")
            out.print(f"  log id     {project.log_id}")
            out.print(f"  public key {project.public_key_path} ({key.key_id})")

    @app.command()
    @handle_errors
    def ingest(
        paths: Annotated[
            list[str],
            typer.Argument(help="Files, folders, glob patterns or JSON Lines document batches."),
        ],
        publisher: Annotated[str | None, typer.Option(help="Who published these.")] = None,
        published: Annotated[
            str | None, typer.Option(help="When they were published (ISO date or timestamp).")
        ] = None,
        url: Annotated[str | None, typer.Option(help="Where they were published.")] = None,
        metadata: Annotated[
            Path | None,
            typer.Option(
                "--metadata",
                help="CSV with one row per file: path (relative to the CSV or as given), "
                "published, publisher, url, and optionally title. A row's values win over "
                "--publisher/--published/--url for its file.",
            ),
        ] = None,
        custodian: Annotated[
            str | None, typer.Option(help="Who handed them over / holds the originals.")
        ] = None,
        again: Annotated[
            bool, typer.Option(help="Record a new acquisition even if an identical one exists.")
        ] = False,
        checkpoint: Annotated[
            bool, typer.Option(help="Sign a checkpoint at the end if anything was recorded.")
        ] = True,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Preserve inputs as items: blobs, metadata, text, and a ledger entry for each."""
        from factfinder.services.preserve.ingest import IngestOptions
        from factfinder.services.preserve.ingest import ingest as run_ingest
        from factfinder.services.preserve.inputs import read_metadata_csv

        options = IngestOptions(
            publisher=publisher,
            published=published,
            url=url,
            custodian=custodian,
            again=again,
            checkpoint=checkpoint,
            files=read_metadata_csv(metadata) if metadata is not None else {},
        )
        with open_project(project) as proj, _IngestProgress() as progress:
            summary = run_ingest(proj, paths, options, observer=progress)
        if as_json:
            print_json(summary.to_json())
        else:
            line = (
                f"{summary.parts} parts from {summary.inputs} inputs: "
                f"{summary.new_items} new items, {summary.new_acquisitions} acquisitions, "
                f"{summary.unchanged} already recorded"
            )
            if summary.ocr:
                line += f", {summary.ocr} read by OCR"
            if summary.text_not_read:
                line += f", [yellow]{len(summary.text_not_read)} with text not read[/yellow]"
            if summary.failures:
                line += f", [red]{len(summary.failures)} failed[/red]"
            err.print(line)
            if summary.checkpoint:
                err.print(
                    f"checkpoint: size {summary.checkpoint.size}, root {summary.checkpoint.root}"
                )
        if summary.failures:
            raise typer.Exit(EXIT_PARTIAL)

    @app.command("item-meta")
    @handle_errors
    def item_meta(
        ref: Annotated[str, typer.Argument(help="The item: sha256:…, a unique hash prefix or id.")],
        published: Annotated[
            str | None, typer.Option(help="When it was published (ISO date or timestamp).")
        ] = None,
        publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
        url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
        title: Annotated[str | None, typer.Option(help="Its title.")] = None,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Correct an item's publication date, publisher, URL or title (ledgered) and
        re-extract its claims with them."""
        from factfinder.services.claims.extraction import correct_item_metadata

        with open_project(project) as proj:
            done = correct_item_metadata(
                proj, ref, published=published, publisher=publisher, url=url, title=title
            )
        if as_json:
            print_json(done.to_json())
            return
        meta = done.metadata
        out.print(f"item {done.item_hash}")
        for name in ("published", "publisher", "url", "title"):
            out.print(f"  {name:<10} {getattr(meta, name) or ''}")
        primary = next((c for c in done.claims if c.primary), None)
        when = primary.date.start if primary is not None and primary.date is not None else None
        out.print(
            f"  re-extracted: {len(done.claims)} claims"
            + (f", the primary dated {when}" if when else "")
        )

    @app.command("items")
    @handle_errors
    def items_(
        search: Annotated[
            str | None, typer.Option("--search", "-s", help="Full-text search.")
        ] = None,
        limit: Annotated[int, typer.Option(min=1)] = 50,
        offset: Annotated[int, typer.Option(min=0)] = 0,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """List items (newest last), or the best matches of a full-text search."""
        from rich.table import Table

        from factfinder.services.preserve.items import list_items

        with open_project(project) as proj:
            page, total = list_items(proj, limit=limit, offset=offset, search=search)
        if as_json:
            print_json({"data": [i.to_json() for i in page], "count": total})
            return
        from rich.table import Column

        table = Table(
            "id",
            Column("hash", no_wrap=True),
            Column("type", no_wrap=True, max_width=24, overflow="ellipsis"),
            Column("size", justify="right"),
            Column("title", no_wrap=True, overflow="ellipsis", ratio=1),
            Column("published", no_wrap=True),
            Column("text", no_wrap=True, max_width=16, overflow="ellipsis"),
            "acq.",
            caption=f"{len(page)} of {total}",
        )
        for i in page:
            table.add_row(
                str(i.id),
                i.hash[:19] + "…",
                i.media_type,
                str(i.size),
                (i.title or i.external_id or "")[:60],
                i.published or "",
                text_status_label(i.text_status, i.ocr_confidence, short=True),
                str(i.acquisitions),
            )
        out.print(table)

    @app.command()
    @handle_errors
    def show(
        item: Annotated[str, typer.Argument(help="Item id, hash prefix or external id.")],
        text: Annotated[bool, typer.Option("--text", help="Print the whole text.")] = False,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """An item: metadata, hash, text excerpt and custody history."""
        from factfinder.services.preserve.items import item_text, show_item

        with open_project(project) as proj:
            detail = show_item(proj, item)
            full = item_text(proj, item)[1] if text else None
        if as_json:
            obj = detail.to_json()
            if text:
                obj["text"] = full
            print_json(obj)
            return
        _print_detail(detail, full)

    @app.command("checkpoint")
    @handle_errors
    def checkpoint_(
        project: ProjectOption = None,
        as_json: bool = JsonOption,
        fmt: Annotated[
            str,
            typer.Option(
                "--format",
                "-f",
                help="text, json (= --json) or c2sp: a C2SP tlog-checkpoint signed note "
                "(its verifier key goes to stderr).",
            ),
        ] = "text",
    ) -> None:
        """Sign the current ledger head (size, root, time) with the project key."""
        from factfinder.errors import InvalidRecord
        from factfinder.services.preserve.checkpoints import checkpoint_note, make_checkpoint

        if fmt not in ("text", "json", "c2sp"):
            raise InvalidRecord(f"--format {fmt}: choose text, json or c2sp")
        with open_project(project) as proj:
            cp = make_checkpoint(proj)
            note, vkey = checkpoint_note(proj, cp) if fmt == "c2sp" else ("", "")
        if fmt == "c2sp":
            sys.stdout.write(note)
            err.print(f"verifier key: {vkey}", markup=False, highlight=False, soft_wrap=True)
        elif as_json or fmt == "json":
            print_json(cp.to_json())
        else:
            out.print(f"checkpoint: size {cp.size}, root {cp.root}, {cp.time}")

    @app.command()
    @handle_errors
    def checkpoints(project: ProjectOption = None, as_json: bool = JsonOption) -> None:
        """List the signed checkpoints."""
        from rich.table import Table

        from factfinder.services.preserve.history import list_checkpoints

        with open_project(project) as proj:
            cps = list_checkpoints(proj)
        if as_json:
            print_json({"data": [{"id": i, **cp.to_json()} for i, cp in cps], "count": len(cps)})
            return
        table = Table("id", "size", "root", "time")
        for i, cp in cps:
            table.add_row(str(i), str(cp.size), cp.root, cp.time)
        out.print(table)

    @app.command()
    @handle_errors
    def proof(
        item: Annotated[
            str | None,
            typer.Argument(
                help="Item id, hash prefix or external id: prove its first acquisition."
            ),
        ] = None,
        seq: Annotated[int | None, typer.Option(help="Prove ledger entry SEQ instead.")] = None,
        consistency: Annotated[
            list[int] | None,
            typer.Option(
                metavar="FIRST [LATER]",
                help="Prove checkpoint FIRST is a prefix of checkpoint LATER (default the "
                "latest): `--consistency 1 2`, or the option repeated, `--consistency 1 "
                "--consistency 2`.",
            ),
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write to a file.")
        ] = None,
        project: ProjectOption = None,
    ) -> None:
        """Print a proof (JSON) that a third party can check with `verify-proof`.

        An inclusion proof ends at the latest checkpoint; if that was made before the entry, a
        new checkpoint is signed first.
        """
        from factfinder.errors import InvalidRecord
        from factfinder.jsonl import atomic_writer
        from factfinder.services.preserve.checkpoints import (
            inclusion_proof,
            inclusion_proof_for_item,
        )
        from factfinder.services.preserve.history import consistency_proof

        if consistency is not None and len(consistency) == 1 and item is not None:
            # `--consistency 1 2`: an option takes one value, so the later id arrives as ITEM.
            if not item.isdecimal():
                raise InvalidRecord(f"--consistency: the later checkpoint id {item!r} is no number")
            consistency, item = [consistency[0], int(item)], None
        chosen = sum(x is not None for x in (item, seq, consistency))
        if chosen != 1:
            raise InvalidRecord("give exactly one of ITEM, --seq or --consistency")
        doc: Proof
        with open_project(project) as proj:
            if consistency:
                if len(consistency) > 2:
                    raise InvalidRecord("--consistency takes one or two checkpoint ids")
                doc = consistency_proof(
                    proj, consistency[0], consistency[1] if len(consistency) == 2 else None
                )
            elif seq is not None:
                doc = inclusion_proof(proj, seq)
            else:
                assert item is not None
                doc = inclusion_proof_for_item(proj, item)
        if output is None:
            print_json(doc.to_json())
        else:
            with atomic_writer(output) as fh:
                fh.write(json.dumps(doc.to_json(), ensure_ascii=False, indent=2) + "\n")
            err.print(f"wrote {output}")

    @app.command()
    @handle_errors
    def verify(
        key: Annotated[
            str | None,
            typer.Option(
                metavar="FILE|FINGERPRINT",
                help="The key to trust, kept outside the project: a public key file (PEM or "
                "hex) or its fingerprint (sha256:<hex>). Default: the project's own key, held "
                "to the fingerprint pinned in factfinder.toml.",
            ),
        ] = None,
        against: Annotated[
            Path | None,
            typer.Option(
                metavar="CHECKPOINT.json",
                help="A checkpoint kept outside the project (`factfinder checkpoint --json`, or "
                "the C2SP note of `--format c2sp`): the ledger must still contain it (catches a "
                "rollback to an older copy).",
            ),
        ] = None,
        blobs: Annotated[bool, typer.Option(help="Re-hash every blob.")] = True,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Check the blobs, the ledger, the checkpoints and every row against the ledger."""
        from factfinder.services.verification import verify_project
        from factfinder.vault.proofs import read_checkpoint

        trusted, fingerprint = _trust_option(key)
        outside = read_checkpoint(against) if against else None
        with open_project(project) as proj, _VerifyProgress() as progress:
            report = verify_project(
                proj,
                key=trusted,
                fingerprint=fingerprint,
                against=outside,
                blobs=blobs,
                observer=progress,
            )
        if as_json:
            print_json(report.to_json())
        else:
            for p in report.problems:
                where = f" [{p.table} {p.row}]" if p.table else ""
                out.print(f"[red]{p.code}[/red]{where} {p.message}", markup=True)
            for note in report.notes:
                err.print(f"note: {note}")
            for warning in report.warnings:
                err.print(f"[yellow]warning:[/yellow] {warning}")
            verdict = (
                "[green]OK[/green]" if report.ok else f"[red]{len(report.problems)} problems[/red]"
            )
            out.print(
                f"{verdict}: {report.entries} ledger entries (root {report.root}), "
                f"{report.checkpoints} checkpoints, {report.items} items, "
                f"{report.acquisitions} acquisitions, {report.blobs} blobs re-hashed"
            )
        if not report.ok:
            raise typer.Exit(EXIT_INTEGRITY)

    @app.command("verify-proof")
    @handle_errors
    def verify_proof_(
        proof_file: Annotated[Path, typer.Argument(metavar="PROOF.json|CHECKPOINT.note")],
        key: Annotated[Path, typer.Option(help="The public key you trust (PEM or hex file).")],
        file: Annotated[
            Path | None,
            typer.Option(
                "--file", help="The evidence file: check it is the item the entry records."
            ),
        ] = None,
        project: Annotated[
            Path | None,
            project_option(
                "Also check the proof against this project as it is now.", from_env=False
            ),
        ] = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Check a proof with only the public key (no database needed)."""
        from factfinder.vault.proofs import read_proof, verify_proof
        from factfinder.vault.signing import PublicKey

        doc = read_proof(proof_file)
        result = verify_proof(doc, PublicKey.load(key), evidence=file)
        lines, ok = list(result.lines), result.ok
        if project is not None:
            from factfinder.services.preserve.proofcheck import check_proof_against_project

            with open_project(project) as proj:
                now = check_proof_against_project(proj, doc)
            lines += now.lines
            ok = ok and now.ok
        if as_json:
            print_json({"ok": ok, "checks": lines})
        else:
            for line in lines:
                out.print(
                    f"[red]{line}[/red]" if line.startswith("FAIL") else f"ok  {line}", markup=True
                )
            out.print("[green]proof verified[/green]" if ok else "[red]proof FAILED[/red]")
        if not ok:
            raise typer.Exit(EXIT_INTEGRITY)


def _trust_option(value: str | None) -> tuple[Any, str | None]:
    """`--key FILE|FINGERPRINT` → (a public key or None, a fingerprint or None)."""
    import re

    from factfinder.errors import InvalidRecord
    from factfinder.vault.signing import PublicKey

    if value is None:
        return None, None
    text = value.strip()
    if re.fullmatch(r"sha256:[0-9a-f]{64}", text.lower()):
        return None, text.lower()
    if re.fullmatch(r"[0-9a-fA-F]{64}", text):
        return PublicKey.from_text(text, "--key"), None
    path = Path(value)
    if not path.is_file():
        raise InvalidRecord(
            f"--key {value}: neither a key file nor a fingerprint (sha256:<64 hex digits>)"
        )
    return PublicKey.load(path), None


def _shown_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _print_detail(detail: Any, full_text: str | None) -> None:
    s = detail.summary
    out.print(f"[bold]item {s.id}[/bold]  {s.hash}")
    for label, value in (
        ("type", s.media_type),
        ("size", f"{s.size} bytes"),
        ("title", s.title),
        ("author", detail.author),
        ("publisher", s.publisher),
        ("site", detail.site),
        ("published", s.published),
        ("file created", detail.file_created),
        ("file changed", detail.file_modified),
        ("url", s.url),
        ("language", s.language),
        ("external id", s.external_id),
        ("text", detail.text_hash and f"{detail.text_length} chars, {detail.text_hash}"),
        ("text read", text_status_label(s.text_status, s.ocr_confidence)),
        ("first seen", s.created_at),
    ):
        if value:
            out.print(f"  {label:<11} {value}", markup=False)
    if detail.links:
        out.print("links:")
        for link in detail.links:
            out.print(
                f"  {link.relation} item {link.item_id} {link.item_hash[:19]}… {link.title or ''}",
                markup=False,
            )
    out.print("custody:")
    for a in detail.acquisitions:
        who = ", ".join(
            x
            for x in (
                a.custodian and f"custodian {a.custodian}",
                a.publisher and f"publisher {a.publisher}",
                a.url,
            )
            if x
        )
        out.print(
            f"  #{a.seq} {a.acquired_at} by {a.actor} from {a.source}"
            + (f" ({who})" if who else ""),
            markup=False,
        )
    other = [e for e in detail.ledger if e.seq not in {a.seq for a in detail.acquisitions}]
    for e in other:
        out.print(f"  #{e.seq} {e.time} {e.kind} by {e.actor}", markup=False)
    if full_text is not None:
        out.print("text:")
        out.print(full_text, markup=False, highlight=False)
    elif detail.excerpt:
        out.print("excerpt:")
        out.print(
            "  "
            + detail.excerpt.strip().replace("\n", "\n  ")
            + ("…" if detail.text_length > len(detail.excerpt) else ""),
            markup=False,
        )


class _IngestProgress:
    """A Rich progress bar over input bytes on stderr; failures print above it."""

    def __enter__(self) -> _IngestProgress:
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.progress = Progress(
            TextColumn("ingest"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[parts]} parts"),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self.progress.__enter__()
        self.task = self.progress.add_task("ingest", total=None, parts=0)
        self.parts = 0
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def started(self, total_bytes: int, inputs: int) -> None:
        self.progress.update(self.task, total=total_bytes)

    def advanced(self, nbytes: int) -> None:
        self.progress.advance(self.task, nbytes)

    def part_done(self, part: IngestedPart) -> None:
        self.parts += 1
        self.progress.update(self.task, parts=self.parts)
        if part.text_unread and not part.reported:
            report_text_not_read(part.label, part.text_status or "")

    def failed(self, error: InputError) -> None:
        report_input_error(error)


class _VerifyProgress:
    def __enter__(self) -> _VerifyProgress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("verify {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self.progress.__enter__()
        self.task: Any = None
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def stage(self, name: str, total: int) -> None:
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.task = self.progress.add_task(name, total=total)

    def advance(self, n: int) -> None:
        self.progress.advance(self.task, n)
