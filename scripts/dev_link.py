"""Development harness for the linker: why gold pairs are missed and wrong pairs made.

    .venv/bin/python scripts/dev_link.py CLAIMS.jsonl DOCS.jsonl CLUSTERS.jsonl [--all-claims]

Links the claims in memory, then prints, for a sample of gold document pairs whose primary
claims were not linked, the pair's score and features (or why it was no candidate), and for the
wrong links, the two claims' sentences. Reads nothing but its arguments; writes nothing.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter

from factfinder.link.batch import read_records
from factfinder.link.blocking import candidate_pairs
from factfinder.link.features import explain_pair
from factfinder.link.run import blocking_keys, link_records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("claims")
    ap.add_argument("docs")
    ap.add_argument("clusters")
    ap.add_argument("--all-claims", action="store_true")
    ap.add_argument("--show", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    records = read_records(args.claims, args.docs).records
    gold: dict[str, str] = {}
    with open(args.clusters, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            for m in obj["members"]:
                gold[m] = obj["cluster"]
    run = link_records(records)
    cluster_of = {}
    for k, members in enumerate(run.clustering.clusters):
        for i in members:
            cluster_of[i] = k
    use = [r for r in records if r.ref.id in gold and (args.all_claims or r.primary)]
    cands = {(min(a, b), max(a, b)) for a, b in candidate_pairs(records, *blocking_keys(records))}
    missed, wrong = [], []
    stats: Counter[str] = Counter()
    by_doc: dict[str, list[int]] = {}
    for r in use:
        by_doc.setdefault(r.ref.id, []).append(r.idx)
    docs = sorted(by_doc)
    for x in range(len(docs)):
        for y in range(x + 1, len(docs)):
            a, b = docs[x], docs[y]
            same_gold = gold[a] == gold[b]
            linked = any(cluster_of[i] == cluster_of[j] for i in by_doc[a] for j in by_doc[b])
            if same_gold and not linked:
                stats["missed"] += 1
                i, j = by_doc[a][0], by_doc[b][0]
                key = (min(i, j), max(i, j))
                stats["missed_not_candidate" if key not in cands else "missed_candidate"] += 1
                missed.append((i, j, key in cands))
            elif linked and not same_gold:
                stats["wrong"] += 1
                pairs = [
                    (i, j) for i in by_doc[a] for j in by_doc[b] if cluster_of[i] == cluster_of[j]
                ]
                wrong.append(pairs[0])
            elif linked:
                stats["right"] += 1
    print(dict(stats))
    rnd = random.Random(args.seed)
    for title, sample in (("MISSED", missed), ("WRONG", wrong)):
        print(f"===== {title} ({len(sample)})")
        for item in rnd.sample(sample, min(args.show, len(sample))):
            i, j = item[0], item[1]
            a, b = records[i], records[j]
            ex = explain_pair(a, b, run.idf)
            feats = {k: v for k, v in ex.features.items() if k != "prior"}
            print(
                f"--- {a.ref.id}#{a.ref.claim} x {b.ref.id}#{b.ref.claim} score {ex.score}"
                + (f" candidate={item[2]}" if len(item) > 2 else "")
            )
            print(
                "  A:",
                a.event_type,
                a.place_name,
                a.place_precision,
                a.lo,
                a.date_precision,
                a.killed[:2],
                a.source.name,
                "|",
                a.text[:160],
            )
            print(
                "  B:",
                b.event_type,
                b.place_name,
                b.place_precision,
                b.lo,
                b.date_precision,
                b.killed[:2],
                b.source.name,
                "|",
                b.text[:160],
            )
            print("  ", json.dumps(feats))


if __name__ == "__main__":
    main()
