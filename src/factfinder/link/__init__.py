"""Linking: claims → incidents, with source chains, reconciled figures and grades.

Public interface::

    from factfinder.link import link_files, link_records, build, Constraints, DocInfo
    link_files("claims.jsonl", "docs.jsonl", "incidents.jsonl")      # the batch command
    run = link_records([build(i, ref, doc, claim, DocInfo(...), text) ...], constraints)
    for incident in run.incidents(overrides): ...                    # factfinder.model.Incident

Modules: `records` (the compact claim view), `text` (names, targets and rare words of a
claim's sentences), `sources` (claimant/publisher → original source), `blocking` (candidate
pairs), `features` (pair score and its reasons), `pairs` (blocking keys; pairs found and scored
stretch by stretch), `furniture` (page furniture read as a report: not linked), `cluster`
(constrained clustering), `chains` (source chains), `incidents` (cluster → Incident), `output`
(incidents as JSON lines), `run` (one run in memory), `reading` (the claims file parsed on
workers), `batch` (files), `parallel` (worker processes).
"""

from __future__ import annotations

from factfinder.link.batch import BatchResult, link_files
from factfinder.link.cluster import Constraints
from factfinder.link.records import DocInfo, LinkClaim, build
from factfinder.link.run import LinkRun, LinkStats, link_records

__all__ = [
    "BatchResult",
    "Constraints",
    "DocInfo",
    "LinkClaim",
    "LinkRun",
    "LinkStats",
    "build",
    "link_files",
    "link_records",
]
