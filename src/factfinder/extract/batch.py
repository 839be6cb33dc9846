"""The stateless batch mode: DOCS.jsonl → CLAIMS.jsonl (docs/CLAIMS.md), streaming.

`extract_files(input, output, workers=N)` reads documents one line at a time, extracts their
claims (in N local processes when N > 1) and writes one output line per input document, in
input order, to a temporary file that replaces `output` only when the run completes.

Bad input never stops the run; each problem goes to `on_error` as an `InputError` naming
`file:line`:

* a line that is not a JSON object is skipped (it has no id to answer for);
* an object without a string `id` is skipped for the same reason;
* an object with an id but another invalid field (a `text` that is not a string, a
  `published` that is not a date) gets a line with no claims, so that the output still has
  one line per identifiable document.

A document whose extraction fails (a bug in a part) is reported with its id and written with
no claims; the run goes on. `ExtractStats.failed` counts all of these; the CLI turns a
non-zero count into exit code 3.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factfinder.errors import InputError, InvalidRecord
from factfinder.extract.pipeline import extract_batch
from factfinder.jsonl import atomic_writer, dumps, read_jsonl
from factfinder.model import Document


@dataclass
class ExtractStats:
    """What a batch run did."""

    documents: int = 0
    claims: int = 0
    failed: int = 0


def count_lines(path: str | Path) -> int:
    """Non-blank lines of a file, counted in binary chunks (for a progress total)."""
    n = 0
    with Path(path).open("rb") as fh:
        last = b"\n"
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
        if last != b"\n":
            n += 1
    return n


def _documents(
    path: Path, stats: ExtractStats, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    def bad_line(err: InputError) -> None:
        stats.failed += 1
        on_error(err)

    for n, obj in read_jsonl(path, on_error=bad_line):
        try:
            yield Document.from_json(obj)
        except InvalidRecord as exc:
            stats.failed += 1
            doc_id = obj.get("id")
            if isinstance(doc_id, str) and doc_id:
                on_error(
                    InputError(f"{path}:{n}", f"{exc}; written with no claims", stage="extract")
                )
                yield Document(doc_id, "")
            else:
                on_error(InputError(f"{path}:{n}", f"{exc}; skipped", stage="extract"))


def extract_files(
    input: str | Path,
    output: str | Path,
    *,
    workers: int = 1,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExtractStats:
    """Extract claims from every document of `input` into `output` (atomic, in input order).

    `progress(n)` is called after each document with the number done so far. Raises
    `InputError` only when `input` cannot be opened at all.
    """
    src = Path(input)
    if not src.is_file():
        raise InputError(str(src), "no such file")
    stats = ExtractStats()
    report = on_error or (lambda e: None)
    with atomic_writer(output) as fh:
        for result in extract_batch(_documents(src, stats, report), workers=workers):
            if result.error is not None:
                stats.failed += 1
                report(
                    InputError(
                        f"{src}: document {result.claims.id}",
                        f"extraction failed ({result.error}); written with no claims",
                        stage="extract",
                    )
                )
            fh.write(dumps(result.claims.to_json()))
            fh.write("\n")
            stats.documents += 1
            stats.claims += len(result.claims.claims)
            if progress is not None:
                progress(stats.documents)
    return stats
