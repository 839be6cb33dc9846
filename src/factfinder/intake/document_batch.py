"""JSON Lines batches of documents in the batch claim format (docs/CLAIMS.md, "Input").

Each non-blank line is one `Document` (`id` and `text` required). A line that is not JSON, not
an object, breaks the format, or repeats an earlier line's `id` is an `InputError` naming
`path:line`; with `on_error` given, it is reported there and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from factfinder.errors import InputError, InvalidRecord
from factfinder.jsonl import read_jsonl
from factfinder.model import Document

BATCH_SUFFIXES = (".jsonl", ".ndjson")
_FIRST_LINE_LIMIT = 64 * 1024 * 1024


def read_documents(
    path: Path, on_error: Callable[[InputError], None] | None = None
) -> Iterator[tuple[int, Document]]:
    """Yield (line number, Document) for each good line of the batch at `path`.

    Without `on_error` the first bad line raises (and ends the iteration); with it, each bad
    line is passed to `on_error` and skipped. A file that cannot be opened always raises.
    """
    seen: dict[str, int] = {}
    for line, obj in read_jsonl(path, on_error):
        where = f"{path}:{line}"
        try:
            doc = Document.from_json(obj)
            if doc.id in seen:
                raise InvalidRecord(f"duplicate id {doc.id!r} (first on line {seen[doc.id]})")
        except InvalidRecord as exc:
            error = InputError(where, str(exc), stage="intake")
            if on_error is None:
                raise error from exc
            on_error(error)
            continue
        seen[doc.id] = line
        yield line, doc


def is_document_batch(path: Path) -> bool:
    """True for a `.jsonl`/`.ndjson` file whose first record has a string `id` and `text`.

    Lets a caller route such a file to `read_documents` instead of preserving it as one item.
    """
    if not path.name.lower().endswith(BATCH_SUFFIXES):
        return False
    try:
        with path.open("rb") as fh:
            while raw := fh.readline(_FIRST_LINE_LIMIT):
                if raw.strip():
                    obj = json.loads(raw)
                    return (
                        isinstance(obj, dict)
                        and isinstance(obj.get("id"), str)
                        and isinstance(obj.get("text"), str)
                    )
    except (OSError, ValueError):
        return False
    return False
