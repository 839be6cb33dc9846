"""Web benchmark: latency and throughput of the workspace API under concurrent requests from
a loopback client. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_web.py            # 100,000 incidents, 20,000 items
    .venv/bin/python benchmarks/bench_web.py --quick    # a small smoke run
    .venv/bin/python benchmarks/bench_web.py --only map # the reference and the map's views
    .venv/bin/python benchmarks/bench_web.py --db postgresql://postgres@127.0.0.1/test

The project is seeded in bulk (rows written straight into the tables: the benchmark measures
reading, not ingesting), then `uvicorn` serves the app in a child process on 127.0.0.1 and this
process sends requests with `--concurrency` in flight (httpx, asyncio), authenticated with an
API token. For each endpoint: p50 / p95 latency and requests per second. Target: p95 < 150 ms.

Endpoints: the incident list (first page, a filtered page, a deep keyset page), incident
search, the map's aggregates (the whole region at zoom 6, a city at zoom 11, a filtered view),
the timeline's counts by period (months by alleged perpetrator, weeks by grade, days), the
item list and full-text item search.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_WORDS_TEXT = (
    "airstrike shelling mortar explosion market hospital school bakery convoy checkpoint "
    "village district civilians children women fighters families displaced residents "
    "rescue workers ambulance mosque bridge road camp warplanes helicopters barrel bombs "
    "artillery rockets sniper mine car bomb suicide attack monitor observatory ministry "
    "statement report witnesses activists medical sources killed wounded injured dead"
)
WORDS = tuple(_WORDS_TEXT.split())
PLACES = [
    ("Aleppo", 36.2, 37.16),
    ("Idlib", 35.93, 36.63),
    ("Raqqa", 35.95, 39.01),
    ("Deir ez-Zor", 35.34, 40.14),
    ("Homs", 34.73, 36.72),
    ("Hama", 35.13, 36.75),
    ("Douma", 33.57, 36.4),
    ("Daraa", 32.62, 36.1),
    ("Al-Hasakah", 36.5, 40.75),
    ("Latakia", 35.52, 35.79),
    ("Mosul", 36.34, 43.13),
    ("Ramadi", 33.42, 43.3),
]


VOCAB_SEED = 7
_SYLLABLES_TEXT = "ab al an ar ba da di ha ka kh ma mi na ra sa sh ta um za ye"
SYLLABLES = tuple(_SYLLABLES_TEXT.split())


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Common report words first, then made-up names; drawn with Zipf-like weights below so
    that, as in real news text, a few words are everywhere and most are rare."""
    names = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)
    }
    return list(WORDS) + sorted(names)[: size - len(WORDS)]


def seed_items(project: object, n: int, rng: random.Random) -> None:
    """`n` items with metadata and text (the FTS index is filled by its triggers)."""
    from sqlalchemy import insert

    from factfinder.store.schema import item_metadata, items, ledger, ledger_head
    from factfinder.vault.ledger import LedgerEntry

    with project.transaction("bench:seed") as tx:  # type: ignore[attr-defined]
        seq = tx.ledger_size
        entry = LedgerEntry.make(seq, "bench.seed", "bench:seed", tx.now, {"items": n}, None)
        tx.conn.execute(
            insert(ledger).values(
                seq=seq,
                kind=entry.kind,
                actor=entry.actor,
                created_at=entry.time,
                subject=None,
                entry=entry.entry,
                leaf_hash=entry.leaf_hash,
            )
        )
        tx.conn.execute(ledger_head.update().values(size=seq + 1))
        batch_i, batch_m = [], []
        vocab = vocabulary(random.Random(VOCAB_SEED))
        weights = [1 / (rank + 1) for rank in range(len(vocab))]
        for i in range(1, n + 1):
            place = rng.choice(PLACES)[0]
            text = " ".join(rng.choices(vocab, weights, k=120)) + f" in {place}."
            batch_i.append(
                {
                    "id": i,
                    "hash": f"sha256:{i:064x}",
                    "size": len(text),
                    "media_type": "text/plain",
                    "created_at": tx.now,
                }
            )
            batch_m.append(
                {
                    "item_id": i,
                    "seq": seq,
                    "title": f"Report {i} from {place}",
                    "publisher": rng.choice(["SOHR", "SANA", "Reuters", "AFP"]),
                    "published": f"20{rng.randint(12, 23)}-{rng.randint(1, 12):02d}-01",
                    "language": "en",
                    "text": text,
                }
            )
            if len(batch_i) == 5000:
                tx.conn.execute(insert(items), batch_i)
                tx.conn.execute(insert(item_metadata), batch_m)
                batch_i, batch_m = [], []
        if batch_i:
            tx.conn.execute(insert(items), batch_i)
            tx.conn.execute(insert(item_metadata), batch_m)


@dataclass
class Figures:
    name: str
    n: int
    errors: int
    p50: float
    p95: float
    rps: float


async def load(
    base: str,
    token: str,
    name: str,
    make_url: Callable[[int], str],
    requests: int,
    concurrency: int,
) -> Figures:
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=60
    ) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                t = time.perf_counter()
                r = await client.get(make_url(i))
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - start
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    return Figures(
        name,
        len(latencies),
        errors,
        statistics.median(latencies) * 1000,
        p95 * 1000,
        len(latencies) / wall,
    )


FACTORY = "factfinder.web.main:app_from_environment"


def start_server(
    project_dir: Path, port: int, workers: int, factory: str
) -> subprocess.Popen[bytes]:
    here = str(Path(__file__).resolve().parent)
    env = dict(
        os.environ,
        FACTFINDER_WEB_PROJECT_DIR=str(project_dir),
        PYTHONPATH=os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")])),
    )
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    proc = subprocess.Popen(cmd, env=env)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def schema_url(url: str) -> str:
    """`url` with a fresh schema of its own as the search path."""
    from sqlalchemy import create_engine, make_url, text

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    found = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return found.render_as_string(hide_password=False)


def drop_schema(url: str) -> None:
    """Drop the schema `schema_url` made (its name is the URL's search path)."""
    from sqlalchemy import create_engine, make_url, text

    found = make_url(url)
    schema = str(found.query["options"]).removeprefix("-csearch_path=")
    engine = create_engine(found.difference_update_query(["options"]))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=600, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--db", help="a PostgreSQL URL (a schema of its own is made in it)")
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="leave PostgreSQL's planner statistics as the bulk load left them (no ANALYZE "
        "after seeding, as before link runs refreshed them)",
    )
    parser.add_argument(
        "--only", help="measure only the endpoints whose name holds this (e.g. 'map')"
    )
    args = parser.parse_args()
    if args.quick:
        args.incidents, args.items, args.requests = 2_000, 1_000, 100

    from factfinder.services import Project
    from factfinder.services.access.commands import add_user, create_token

    rng = random.Random(20240501)
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        root = Path(tmp) / "project"
        t = time.perf_counter()
        db = schema_url(args.db) if args.db else None
        with Project.init(root, db) as project:
            add_user(project, "bench", "benchmark password", "viewer", actor="bench:seed")
            token, _ = create_token(project, "bench", "bench")
            seed_items(project, args.items, rng)
            seed_project_incidents(project, args.incidents, rng, analyze=not args.no_analyze)
            seeded = args.incidents
        print(
            f"seeded {args.items:,} items and {seeded:,} incidents in "
            f"{time.perf_counter() - t:.1f} s"
        )
        port = args.port or _free_port()
        server = start_server(root, port, args.workers, FACTORY)
        base = f"http://127.0.0.1:{port}"
        try:
            endpoints = endpoints_for(base, token, seeded, rng)
            # The first endpoint (the list's first page) is the reference, measured in every
            # run: each p95 is also given as a ratio of its p95, which a loaded machine (other
            # work on the same cores) changes far less than the milliseconds.
            reference = endpoints[0]
            if args.only:
                words = [w.strip() for w in args.only.split(",") if w.strip()]
                endpoints = [e for e in endpoints if any(w in e[0] for w in words)]
            print(
                f"{'endpoint':34} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
                f"{'req/s':>8} {'p95/ref':>8}"
            )
            ref_p95 = 0.0
            for name, make_url in [reference, *(e for e in endpoints if e != reference)]:
                asyncio.run(load(base, token, name, make_url, 20, 4))  # warm up
                f = asyncio.run(load(base, token, name, make_url, args.requests, args.concurrency))
                ref_p95 = ref_p95 or f.p95
                flag = "" if f.p95 < 150 else "  (over the 150 ms target)"
                print(
                    f"{f.name:34} {f.n:8d} {f.errors:6d} {f.p50:8.1f} {f.p95:8.1f} "
                    f"{f.rps:8.1f} {f.p95 / ref_p95:8.2f}{flag}"
                )
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            if db is not None:
                drop_schema(db)
    print(
        f"concurrency {args.concurrency}, {args.workers} server worker(s), "
        f"{os.cpu_count()} cores shared with the client; "
        f"{'PostgreSQL' if args.db else 'SQLite'}"
        f"{', no ANALYZE after seeding' if args.db and args.no_analyze else ''}; "
        f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
    )


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def seed_project_incidents(
    project: object, n: int, rng: random.Random, *, analyze: bool = True
) -> None:
    """One link run of `n` incidents written straight into the incidents area's tables (the
    rows its list, filters and map read; member claims are not needed for those), and the
    search index built over them."""
    from sqlalchemy import insert

    from factfinder.store import schema_incidents as schema
    from factfinder.store.schema import ledger, ledger_head
    from factfinder.vault.ledger import LedgerEntry

    events = ("airstrike", "shelling", "explosion", "shooting", "execution", "mass_grave")
    groups = ("syrian_government", "russia", "us_led_coalition", "isis", "armed_opposition")
    grades = ("confirmed", "fair", "weak", "contested", "discounted")
    with project.transaction("bench:seed") as tx:  # type: ignore[attr-defined]
        seq = tx.ledger_size
        entry = LedgerEntry.make(seq, "bench.seed", "bench:seed", tx.now, {"incidents": n}, None)
        tx.conn.execute(
            insert(ledger).values(
                seq=seq,
                kind=entry.kind,
                actor=entry.actor,
                created_at=entry.time,
                subject=None,
                entry=entry.entry,
                leaf_hash=entry.leaf_hash,
            )
        )
        tx.conn.execute(ledger_head.update().values(size=seq + 1))
        tx.conn.execute(
            insert(schema.link_runs).values(
                id=1,
                seq=seq,
                created_at=tx.now,
                actor="bench:seed",
                claims=n * 2,
                incidents=n,
                versions="{}",
            )
        )
        batch = []
        for i in range(1, n + 1):
            place, lat, lon = rng.choice(PLACES)
            day = rng.randint(0, 14 * 365)
            date = f"{2011 + day // 365}-{1 + day % 365 // 31 % 12:02d}-{1 + day % 28:02d}"
            lo = rng.choice([None, rng.randint(0, 40), rng.randint(0, 400)])
            inc_id = f"inc-{i:06d}"
            body = {
                "incident": inc_id,
                "members": [],
                "date": {"start": date, "end": date, "precision": "day"},
                "places": [{"name": place, "lat": lat, "lon": lon, "precision": "town"}],
                "independent_sources": 1,
                "grade": "weak",
            }
            batch.append(
                {
                    "run_id": 1,
                    "incident_id": inc_id,
                    "seq": seq,
                    "date_start": date,
                    "date_end": date,
                    "date_precision": "day",
                    "place": place,
                    "governorate": place,
                    "lat": lat + rng.uniform(-0.3, 0.3),
                    "lon": lon + rng.uniform(-0.3, 0.3),
                    "event_type": rng.choice(events),
                    "perpetrator": rng.choice(groups),
                    "killed_min": lo,
                    "killed_max": None if lo is None else lo + rng.randint(0, 9),
                    "civilians_min": None if lo is None else lo // 2,
                    "civilians_max": None,
                    "grade": rng.choice(grades),
                    "independent_sources": rng.randint(1, 4),
                    "members": rng.randint(1, 6),
                    "confirmed": False,
                    "body": json.dumps(body),
                }
            )
            if len(batch) == 10_000:
                tx.conn.execute(insert(schema.incidents), batch)
                batch = []
        if batch:
            tx.conn.execute(insert(schema.incidents), batch)
    # A link run writes the incidents' search index in its transaction; rows written straight
    # into the tables need it built once.
    from factfinder.services.incidents.commands import RUN_TABLES
    from factfinder.services.incidents.index import reindex
    from factfinder.store.engine import refresh_statistics

    reindex(project)
    if analyze:  # as a link run does
        refresh_statistics(project.engine, RUN_TABLES)  # type: ignore[attr-defined]


def endpoints_for(
    base: str, token: str, incidents: int, rng: random.Random
) -> list[tuple[str, Callable[[int], str]]]:
    # Queries of one or two mid-frequency words (rank 100–1,000), like a name and a place.
    words = vocabulary(random.Random(VOCAB_SEED))[100:1000]

    def item_search(i: int) -> str:
        a, b = words[(i * 13) % len(words)], words[(i * 7 + 3) % len(words)]
        return f"/api/v1/items?q={a}+{b}&limit=50" if i % 2 else f"/api/v1/items?q={a}&limit=50"

    out: list[tuple[str, Callable[[int], str]]] = []

    if incidents:
        govs = [p[0] for p in PLACES]
        events = ("airstrike", "shelling", "explosion", "shooting")
        out += [
            ("incidents: list, page 1", lambda i: "/api/v1/incidents?limit=50"),
            (
                "incidents: filtered page",
                lambda i: (
                    f"/api/v1/incidents?governorate={govs[i % len(govs)]}"
                    f"&event_type={events[i % len(events)]}&limit=50"
                ),
            ),
            (
                "incidents: deep page (keyset)",
                lambda i: f"/api/v1/incidents?limit=50&after=20{12 + i % 12}-06-15%7Cinc-999999",
            ),
            (
                "incidents: date range",
                lambda i: (
                    f"/api/v1/incidents?date_from=20{12 + i % 10}-01-01"
                    f"&date_to=20{12 + i % 10}-03-31&limit=50"
                ),
            ),
            (
                "incidents: text search",
                lambda i: (
                    f"/api/v1/incidents?q={govs[i % len(govs)]}+{events[i % len(events)]}&limit=50"
                ),
            ),
        ]
        out += [
            (
                "map: region, zoom 6",
                lambda i: "/api/v1/incidents/map?south=31&west=34&north=38.5&east=44&zoom=6",
            ),
            (
                "map: a city, zoom 11",
                lambda i: (
                    f"/api/v1/incidents/map?south={PLACES[i % len(PLACES)][1] - 0.08:.3f}"
                    f"&west={PLACES[i % len(PLACES)][2] - 0.15:.3f}"
                    f"&north={PLACES[i % len(PLACES)][1] + 0.08:.3f}"
                    f"&east={PLACES[i % len(PLACES)][2] + 0.15:.3f}&zoom=11"
                ),
            ),
            (
                "map: filtered, zoom 8",
                lambda i: (
                    f"/api/v1/incidents/map?south=33&west=35&north=37.5&east=42&zoom=8"
                    f"&perpetrator={('russia', 'isis', 'us_led_coalition')[i % 3]}"
                ),
            ),
            (
                "timeline: months by perpetrator",
                lambda i: "/api/v1/incidents/periods?period=month&by=perpetrator",
            ),
            (
                "timeline: weeks by grade",
                lambda i: "/api/v1/incidents/periods?period=week&by=grade&measure=civilians",
            ),
            (
                "timeline: days, one year",
                lambda i: (
                    f"/api/v1/incidents/periods?period=day&date_from=20{12 + i % 10}-01-01"
                    f"&date_to=20{12 + i % 10}-12-31"
                ),
            ),
        ]
    out += [
        ("items: list, page 1", lambda i: "/api/v1/items?limit=50"),
        ("items: list, page 20", lambda i: "/api/v1/items?limit=50&offset=950"),
        ("items: full-text search", item_search),
    ]
    return out


if __name__ == "__main__":
    main()
