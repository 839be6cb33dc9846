"""Write the English linking set's `docs.jsonl` and `clusters.jsonl` from `reports.py`.

    python3 devsets/link/english/build.py

Documents are numbered `eng-001`, `eng-002`, … in the order of `reports.py`; every document is
in exactly one cluster. The output is deterministic.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from reports import INCIDENTS  # noqa: E402


def main() -> None:
    docs: list[dict[str, object]] = []
    clusters: list[dict[str, object]] = []
    names: set[str] = set()
    for name, reports in INCIDENTS:
        if name in names:
            raise SystemExit(f"cluster {name} is defined twice")
        names.add(name)
        members = []
        for style, publisher, published, title, text in reports:
            doc_id = f"eng-{len(docs) + 1:03d}"
            doc: dict[str, object] = {"id": doc_id, "text": text, "title": title}
            if published is not None:
                doc["published"] = published
            doc["publisher"] = publisher
            doc["language"] = "en"
            doc["style"] = style
            docs.append(doc)
            members.append(doc_id)
        clusters.append({"cluster": name, "members": members})
    with (HERE / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    with (HERE / "clusters.jsonl").open("w", encoding="utf-8") as fh:
        for cluster in clusters:
            fh.write(json.dumps(cluster, ensure_ascii=False) + "\n")
    multi = sum(1 for c in clusters if len(c["members"]) > 1)  # type: ignore[arg-type]
    print(f"{len(docs)} documents, {len(clusters)} clusters ({multi} with 2+ documents)")


if __name__ == "__main__":
    main()
