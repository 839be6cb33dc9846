#!/usr/bin/env python3
"""Development harness for the place resolver: run it alone over an evaluation set and score it.

For each document it writes one primary claim whose places are the resolver's mentions
(deduplicated and ordered by `factfinder.geo.incident_places`), with every other field empty, and
then runs the shared scorer on that file. Only the place metrics mean anything here.

    .venv/bin/python scripts/geo_devscore.py ucdp            # UCDP headlines
    .venv/bin/python scripts/geo_devscore.py fakes --details /tmp/x1.fakes.details.json
    .venv/bin/python scripts/geo_devscore.py seeds

The claims file goes to /tmp/x1.<set>.jsonl unless --pred is given.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "ucdp": SHARED / "eval" / "ucdp" / "docs.jsonl",
    "fakes": SHARED / "eval" / "fakes" / "docs.jsonl",
    "seeds": SHARED / "seeds" / "docs.jsonl",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--pred", type=Path, help="where to write the claims file")
    ap.add_argument("--details", type=Path, help="per-document scorer output (JSON)")
    ap.add_argument("--no-score", action="store_true", help="only write the claims file")
    args = ap.parse_args()

    from factfinder.geo import Gazetteer, find_places, incident_places
    from factfinder.jsonl import read_jsonl  # streaming reader with path:line errors
    from factfinder.model import Claim, DocumentClaims

    pred = args.pred or Path(f"/tmp/x1.{args.set}.jsonl")
    t0 = time.perf_counter()
    Gazetteer.get()
    t_load = time.perf_counter() - t0
    n_docs = n_mentions = 0
    t1 = time.perf_counter()
    with pred.open("w", encoding="utf-8") as out:
        for _line, obj in read_jsonl(SETS[args.set]):
            text = obj["text"]
            mentions = find_places(text)
            n_docs += 1
            n_mentions += len(mentions)
            claim = (
                Claim(
                    places=tuple(incident_places(mentions)), spans=((0, len(text)),), primary=True
                )
                if text
                else Claim(primary=True)
            )
            out.write(
                json.dumps(DocumentClaims(obj["id"], (claim,)).to_json(), ensure_ascii=False) + "\n"
            )
    t_run = time.perf_counter() - t1
    print(
        f"{args.set}: {n_docs} documents, {n_mentions} place mentions; gazetteer load "
        f"{t_load:.2f}s, resolution {t_run:.2f}s ({n_docs / t_run:.0f} docs/s) → {pred}",
        file=sys.stderr,
    )
    if args.no_score:
        return 0
    cmd = [
        sys.executable,
        str(SHARED / "eval" / "score.py"),
        "extract",
        "--set",
        args.set,
        "--pred",
        str(pred),
    ]
    if args.details:
        cmd += ["--details", str(args.details)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
