"""The batch command `factfinder link`: CLAIMS.jsonl + DOCS.jsonl → INCIDENTS.jsonl.

Linking (`factfinder.link.batch.cluster_files`) reads the claims and groups them into clusters;
this module turns the clusters into graded incidents (`factfinder.assess.output`) and writes
them atomically as the workers build them. One pool of worker processes serves both stages;
the output is the same for any number of workers (the formats are in docs/CLAIMS.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factfinder.assess.output import run_lines
from factfinder.jsonl import atomic_writer
from factfinder.link.batch import ClusterFilesSummary, ErrorHandler, cluster_files
from factfinder.link.cluster import Constraints
from factfinder.link.parallel import Workers, gc_paused


def link_files(
    claims_path: str | Path,
    docs_path: str | Path | None,
    output_path: str | Path,
    *,
    sources_path: str | Path | None = None,
    constraints: Constraints | None = None,
    on_error: ErrorHandler | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
) -> ClusterFilesSummary:
    """Link a claims file into an incidents file (and optionally a source-chains file).

    `workers` > 1 spreads reading, scoring and incident building over that many local
    processes; the output is the same.
    """
    say = progress or (lambda _msg: None)
    with gc_paused(), Workers(workers) as pool:
        run, result = cluster_files(
            claims_path,
            docs_path,
            sources_path=sources_path,
            constraints=constraints,
            on_error=on_error,
            progress=progress,
            workers=pool,
        )
        say(f"writing {run.stats.incidents} incidents")
        with atomic_writer(output_path) as fh:
            for line in run_lines(run, workers=pool):
                fh.write(line)
                fh.write("\n")
        # Let the records go while the collector is paused: once it runs again, its first
        # collection walks every object made in the pause that is still alive.
        del run
    return result
