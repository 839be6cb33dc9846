"""Build the gold clusters of the FA-KES linking development set from `decisions.txt`.

    python3 devsets/link/build_clusters.py [--docs ../shared/eval/fakes/docs.jsonl]

`decisions.txt` holds one line per multi-document incident (`name: id id ...`, ids without the
`fakes-` prefix) and `EXCLUDE id ... # reason` lines for documents left out because which incident
they report is unclear. Every other FA-KES document is a singleton cluster. Writes
`fakes_clusters.jsonl` (the `score.py link --gold-clusters` format) and `excluded.jsonl` next to
this script; the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DOCS = HERE.parents[2] / "shared" / "eval" / "fakes" / "docs.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    args = ap.parse_args()
    ids = [json.loads(line)["id"] for line in args.docs.open(encoding="utf-8") if line.strip()]
    known = set(ids)
    clusters: list[tuple[str, list[str]]] = []
    excluded: dict[str, str] = {}
    for raw in (HERE / "decisions.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("EXCLUDE"):
            body, _, why = line[len("EXCLUDE"):].partition("#")
            for token in body.split():
                excluded["fakes-" + token] = why.strip()
            continue
        name, _, body = line.partition(":")
        clusters.append((name.strip(), ["fakes-" + t for t in body.split()]))
    seen = Counter(d for _, members in clusters for d in members)
    problems = [f"{d} in {n} clusters" for d, n in seen.items() if n > 1]
    problems += [f"{d} is not a FA-KES document" for d in list(seen) + list(excluded)
                 if d not in known]
    problems += [f"{d} is both clustered and excluded" for d in seen if d in excluded]
    names = Counter(n for n, _ in clusters)
    problems += [f"cluster name {n} used twice" for n, c in names.items() if c > 1]
    if problems:
        raise SystemExit("\n".join(problems))
    out = [{"cluster": n, "members": sorted(m)} for n, m in clusters]
    out += [{"cluster": "single-" + d.removeprefix("fakes-"), "members": [d]}
            for d in ids if d not in seen and d not in excluded]
    with (HERE / "fakes_clusters.jsonl").open("w", encoding="utf-8") as fh:
        for obj in out:
            fh.write(json.dumps(obj) + "\n")
    with (HERE / "excluded.jsonl").open("w", encoding="utf-8") as fh:
        for d in sorted(excluded):
            fh.write(json.dumps({"id": d, "reason": excluded[d]}) + "\n")
    multi = [o for o in out if len(o["members"]) > 1]
    print(f"{len(out)} clusters ({len(multi)} with several documents, "
          f"{sum(len(o['members']) for o in multi)} documents in them); "
          f"{sum(len(o['members']) for o in out)} documents; {len(excluded)} excluded")


if __name__ == "__main__":
    main()
