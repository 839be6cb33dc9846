"""Map benchmark: the latency of `/api/v1/incidents/map` (the server's grid clusters) in
process, one request at a time, on SQLite or PostgreSQL. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_map.py                       # 100,000 incidents, SQLite
    .venv/bin/python benchmarks/bench_map.py --db postgresql://postgres@127.0.0.1/test
    .venv/bin/python benchmarks/bench_map.py --profile             # cProfile of the slowest view

The project is seeded as `bench_web.py` seeds it (rows written straight into the tables) and
read as a viewer with an API token through the app (`TestClient`): no network, no second
process, so the figures are of the server's work alone. For each of `bench_web.py`'s map
views: the first request (nothing kept yet) and p50 / p95 of the rest (a box moved a little
each time, as a user pans). With `--keep DIR` the seeded project is kept and reused.
A reference in the same process — the list's first page — is timed alongside, and each p95
is printed as a ratio of it, so runs on a loaded machine can be compared.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import PLACES, schema_url, seed_project_incidents


def views() -> list[tuple[str, Callable[[int], str]]]:
    def jitter(i: int) -> float:
        return ((i * 7919) % 100) / 1000  # up to 0.1 degree: the user pans

    def city(i: int) -> str:
        _, lat, lon = PLACES[i % len(PLACES)]
        d = jitter(i) / 4
        return (
            f"/api/v1/incidents/map?south={lat - 0.08 + d:.3f}&west={lon - 0.15 + d:.3f}"
            f"&north={lat + 0.08 + d:.3f}&east={lon + 0.15 + d:.3f}&zoom=11"
        )

    return [
        (
            "map: region, zoom 6",
            lambda i: (
                f"/api/v1/incidents/map?south={31 + jitter(i):.3f}&west={34 + jitter(i):.3f}"
                f"&north={38.5 + jitter(i):.3f}&east={44 + jitter(i):.3f}&zoom=6"
            ),
        ),
        ("map: a city, zoom 11", city),
        (
            "map: filtered, zoom 8",
            lambda i: (
                f"/api/v1/incidents/map?south={33 + jitter(i):.3f}&west=35&north=37.5&east=42"
                f"&zoom=8&perpetrator={('russia', 'isis', 'us_led_coalition')[i % 3]}"
            ),
        ),
        (
            "map: city filtered, zoom 12",
            lambda i: city(i).replace("zoom=11", "zoom=12") + "&grade=fair",
        ),
    ]


def seed(root: Path, db: str | None, incidents: int) -> str:
    from factfinder.services import Project
    from factfinder.services.access.commands import add_user, create_token

    t = time.perf_counter()
    with Project.init(root, db) as project:
        add_user(project, "bench", "benchmark password", "viewer", actor="bench:seed")
        token, _ = create_token(project, "bench", "bench")
        seed_project_incidents(project, incidents, random.Random(20240501))
    (root / "bench-token").write_text(token)
    print(f"seeded {incidents:,} incidents in {time.perf_counter() - t:.1f} s")
    return token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="per view")
    parser.add_argument("--db", help="a PostgreSQL URL (a schema of its own is made in it)")
    parser.add_argument("--keep", type=Path, help="keep the seeded project here and reuse it")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    import tempfile

    from fastapi.testclient import TestClient

    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    tmp = tempfile.TemporaryDirectory(prefix="bench-map-")
    root = args.keep or Path(tmp.name) / "project"
    if (root / "bench-token").exists():
        token = (root / "bench-token").read_text()
    else:
        token = seed(root, schema_url(args.db) if args.db else None, args.incidents)
    app = create_app(WebSettings(project_dir=root))
    client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
    print(f"database: {app.state.project.engine.dialect.name}")

    def timed(url: str) -> float:
        t = time.perf_counter()
        r = client.get(url)
        elapsed = (time.perf_counter() - t) * 1000
        assert r.status_code == 200, (url, r.status_code, r.text[:200])
        return elapsed

    reference = [timed("/api/v1/incidents?limit=50") for _ in range(args.requests)]
    ref95 = sorted(reference)[int(len(reference) * 0.95) - 1]
    print(f"{'view':32} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'p95/ref':>8}")
    print(
        f"{'reference: list, page 1':32} {'':>9} {statistics.median(reference):8.1f} {ref95:8.1f}"
    )
    slowest: tuple[float, str] = (0.0, "")
    for name, make_url in views():
        first = timed(make_url(0))
        times = sorted(timed(make_url(i)) for i in range(1, args.requests + 1))
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"{name:32} {first:9.1f} {statistics.median(times):8.1f} {p95:8.1f} {p95 / ref95:8.2f}"
        )
        slowest = max(slowest, (p95, make_url(args.requests + 1)))
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(20):
            timed(slowest[1])
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    client.close()
    app.state.project.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
