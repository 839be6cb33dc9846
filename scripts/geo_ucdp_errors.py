#!/usr/bin/env python3
"""Error analysis of place predictions on the UCDP headlines (development aid, not a test).

Reads a claims file (from `scripts/geo_devscore.py ucdp` or `scripts/evaluate.py --keep DIR`) and the
UCDP set, re-uses the shared scorer's own functions, and prints where the place metrics are lost:

* precision failures grouped by predicted place name, with the predicted precision;
* recall misses grouped by gold place name (which predicted places the headline got instead);
* governorate misses grouped by (predicted admin1 → gold adm_1 set).

    .venv/bin/python scripts/geo_ucdp_errors.py /tmp/x1.ucdp.jsonl --top 40
    .venv/bin/python scripts/geo_ucdp_errors.py PRED --show precision --name Idlib --examples 30

The gold is read only to count and show errors; nothing here feeds the gazetteer.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score"] = mod
    spec.loader.exec_module(mod)
    return mod


def _primary(claims: list[dict]) -> dict | None:
    for c in claims:
        if c.get("primary"):
            return c
    return claims[0] if claims else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred", type=Path)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument(
        "--show", choices=["summary", "precision", "recall", "governorate"], default="summary"
    )
    ap.add_argument("--name", help="only errors for this predicted (or gold) name")
    ap.add_argument("--examples", type=int, default=0, help="print this many example headlines")
    args = ap.parse_args()

    sc = _scorer()
    docs = {d["id"]: d for d in map(json.loads, (SHARED / "eval/ucdp/docs.jsonl").open())}
    gold = {g["id"]: g for g in map(json.loads, (SHARED / "eval/ucdp/gold.jsonl").open())}
    preds = {p["id"]: p["claims"] for p in map(json.loads, args.pred.open())}

    prec_bad: Counter[str] = Counter()
    prec_ok: Counter[str] = Counter()
    prec_ex: dict[str, list[str]] = defaultdict(list)
    rec_bad: Counter[str] = Counter()
    rec_ok: Counter[str] = Counter()
    rec_ex: dict[str, list[str]] = defaultdict(list)
    gov_bad: Counter[str] = Counter()
    gov_ex: dict[str, list[str]] = defaultdict(list)
    n_gov_none = 0
    for i, g in gold.items():
        text = docs[i]["text"]
        claims = preds.get(i, [])
        tt = sc.TextTokens(text)
        all_pts = [(e["lat"], e["lon"]) for e in g["events"] if e["lat"] is not None]
        gold_desc = "; ".join(sorted({f"{e['place']} [{e['where_prec']}]" for e in g["events"]}))
        places = [p for c in claims for p in c["places"]]
        with_coords = [
            p for p in places if p.get("lat") is not None and p["precision"] != "country"
        ]
        for p in with_coords:
            ok = any(
                sc.haversine_km(la, lo, p["lat"], p["lon"]) <= sc.RADIUS_KM for la, lo in all_pts
            )
            key = f"{p['name']} ({p['precision']})"
            (prec_ok if ok else prec_bad)[key] += 1
            if not ok:
                prec_ex[key].append(f"{text}\n      gold: {gold_desc}")
        seen = set()
        for e in g["events"]:
            if e["lat"] is None or e["where_prec"] is None or e["where_prec"] > 2:
                continue
            k = (e["place"], round(e["lat"], 5), round(e["lon"], 5))
            if k in seen or not sc.name_in_text(e["place"], tt):
                continue
            seen.add(k)
            ok = any(
                sc.haversine_km(e["lat"], e["lon"], p["lat"], p["lon"]) <= sc.RADIUS_KM
                for p in with_coords
            )
            (rec_ok if ok else rec_bad)[e["place"]] += 1
            if not ok:
                got = ", ".join(f"{p['name']}({p['precision']})" for p in places) or "-"
                rec_ex[e["place"]].append(f"{text}\n      pred: {got}")
        gold_govs = {sc.governorate(e["adm_1"]) for e in g["events"] if e["adm_1"]}
        gold_govs.discard(None)
        if gold_govs:
            _, gv = sc.first_admin1_gov(_primary(claims))
            if gv not in gold_govs:
                if gv is None:
                    n_gov_none += 1
                key = f"{gv} -> {'|'.join(sorted(gold_govs))}"
                gov_bad[key] += 1
                first = (_primary(claims) or {"places": []})["places"][:1]
                gov_ex[key].append(f"{text}\n      first: {first[0]['name'] if first else '-'}")

    def table(bad: Counter[str], ok: Counter[str], title: str) -> None:
        print(f"\n{title}: {sum(bad.values())} wrong, {sum(ok.values())} right")
        for name, n in bad.most_common(args.top):
            print(f"  {n:5d} wrong / {ok.get(name, 0):5d} right  {name}")

    def examples(ex: dict[str, list[str]]) -> None:
        items = ex.get(args.name, []) if args.name else [x for v in ex.values() for x in v]
        for x in items[: args.examples]:
            print("  -", x)

    if args.show in ("summary", "precision"):
        table(prec_bad, prec_ok, "precision failures by predicted place")
        if args.show == "precision":
            examples(prec_ex)
    if args.show in ("summary", "recall"):
        table(rec_bad, rec_ok, "recall misses by gold place")
        if args.show == "recall":
            examples(rec_ex)
    if args.show in ("summary", "governorate"):
        print(f"\ngovernorate misses: {sum(gov_bad.values())} (no admin1 at all: {n_gov_none})")
        for key, n in gov_bad.most_common(args.top):
            print(f"  {n:5d}  {key}")
        if args.show == "governorate":
            examples(gov_ex)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
