"""Linking: claims → clusters of claims about one incident, with their source chains.

Public interface::

    from factfinder.link import cluster_files, link_records, build, Constraints, DocInfo
    run, result = cluster_files("claims.jsonl", "docs.jsonl")        # a claims file
    run = link_records([build(i, ref, doc, claim, DocInfo(...), text) ...], constraints)
    run.clustering.clusters                                          # member indices

`factfinder.assess` turns a run's clusters into graded incidents (`assess.incidents`) and
writes the batch command's incidents file (`assess.batch.link_files`).

Modules: `records` (the compact claim view), `text` (names, targets and rare words of a
claim's sentences), `sources` (claimant/publisher → original source), `blocking` (candidate
pairs), `features` (pair score and its reasons), `pairs` (blocking keys; pairs found and scored
stretch by stretch), `furniture` (page furniture read as a report: not linked), `cluster`
(constrained clustering), `chains` (source chains), `run` (one run in memory), `reading` (the
claims file parsed on workers), `batch` (files), `parallel` (worker processes).
"""

from __future__ import annotations

from factfinder.link.batch import ClusterFilesSummary, cluster_files
from factfinder.link.cluster import Constraints
from factfinder.link.records import DocInfo, LinkClaim, build
from factfinder.link.run import LinkRun, LinkStats, link_records

__all__ = [
    "ClusterFilesSummary",
    "Constraints",
    "DocInfo",
    "LinkClaim",
    "LinkRun",
    "LinkStats",
    "build",
    "cluster_files",
    "link_records",
]
