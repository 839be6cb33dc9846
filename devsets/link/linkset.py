"""Write a hand-written linking set's `docs.jsonl` and `clusters.jsonl` (the shared part of each
set's `build.py`).

`write_set(folder, prefix, incidents, fields)` numbers the documents `<prefix>-001`, … in the
order of `incidents` (`(cluster name, reports)` pairs); `fields(report)` gives a document's
`text`, `title`, `published` (None leaves it out), `publisher`, `language` and any extra keys.
Every document is in exactly one cluster; the output is deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any


def write_set(
    folder: Path,
    prefix: str,
    incidents: Iterable[tuple[str, Sequence[Any]]],
    fields: Callable[[Any], Mapping[str, object]],
) -> None:
    docs: list[dict[str, object]] = []
    clusters: list[dict[str, object]] = []
    names: set[str] = set()
    for name, reports in incidents:
        if name in names:
            raise SystemExit(f"cluster {name} is defined twice")
        names.add(name)
        members = []
        for report in reports:
            doc_id = f"{prefix}-{len(docs) + 1:03d}"
            doc: dict[str, object] = {"id": doc_id}
            doc.update((k, v) for k, v in fields(report).items() if v is not None)
            docs.append(doc)
            members.append(doc_id)
        clusters.append({"cluster": name, "members": members})
    for file, rows in (("docs.jsonl", docs), ("clusters.jsonl", clusters)):
        with (folder / file).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    multi = sum(1 for c in clusters if len(c["members"]) > 1)  # type: ignore[arg-type]
    print(f"{len(docs)} documents, {len(clusters)} clusters ({multi} with 2+ documents)")


def english_fields(report: Sequence[Any]) -> dict[str, object]:
    """A document's fields from a report of the English-language sets:
    `(style, publisher, published or None, title or None, text)`."""
    style, publisher, published, title, text = report
    return {
        "text": text,
        "title": title,
        "published": published,
        "publisher": publisher,
        "language": "en",
        "style": style,
    }
