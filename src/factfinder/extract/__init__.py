"""Claim extraction: documents → claims (docs/CLAIMS.md).

The public interface::

    from factfinder.extract import extract_document, extract_batch, extract_files, Extractor

    extract_document(Document(...)) -> DocumentClaims      # one document
    extract_batch(docs, workers=N) -> Iterator[ExtractionResult]  # ordered, N local processes
    extract_files("DOCS.jsonl", "CLAIMS.jsonl", workers=N) -> ExtractStats  # the batch command

The parts (`sentences`, `numbers`/`casualties`, `dates`, `actors`, `events`, `attribution`,
`factfinder.geo`) each read a sentence into mentions (`factfinder.mentions`); `assemble` turns
them into claims. Nothing is imported until first use, so importing the package stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Extractor", "extract_batch", "extract_document", "extract_files"]


def __getattr__(name: str) -> Any:
    if name in ("Extractor", "extract_batch", "extract_document"):
        from factfinder.extract import pipeline

        return getattr(pipeline, name)
    if name == "extract_files":
        from factfinder.extract.batch import extract_files

        return extract_files
    raise AttributeError(f"module 'factfinder.extract' has no attribute {name!r}")
