"""Benchmark: `factfinder link` over 10k, 100k and 1M synthetic claims.

    .venv/bin/python benchmarks/bench_link.py [--sizes 10000,100000,1000000] [--seed 1]
                                              [--workers 2] [--density 342]
                                              [--workdir DIR] [--keep] [--inputs DIR]
                                              [--reference CHECKOUT]

For each size it writes a synthetic CLAIMS.jsonl and DOCS.jsonl (not timed), then runs the whole
batch linker on them in a fresh child process — reading both files, blocking, scoring,
clustering, reconciling, grading, writing INCIDENTS.jsonl — and prints the wall time, the
peak memory and CPU seconds of the child and its worker processes together (read from /proc
every half second), claims per second, candidate pairs and incidents, the growth ratio of time
per claim against the smallest size (1.0 = linear), and the pairwise precision and recall of
the incidents against the synthetic truth (a sanity check of the linking, not a quality figure:
real reports differ in ways a generator does not). Figures are printed, never asserted. Under
each row, the linking process's own wall and CPU seconds per stage: reading both files
(`read`), blocking, scoring and clustering (`link`), building, grading and writing the
incidents (`write`); with workers, most of the CPU is theirs.

`--reference CHECKOUT` links the same files a second time, just before, with the code of another
checkout of the project (its `src` first on the path: main, to compare a change against) and
prints its row marked `ref`, the ratio of CPU seconds, and whether the two incidents files are
byte-identical: a change that speeds the linker up must not change what it writes.

`--inputs DIR` links the files an earlier run left with `--keep` in DIR (`c<N>.jsonl`,
`d<N>.jsonl`; the directory it printed) instead of writing new ones: a 1M pair takes a minute
to write. Without the generator's truth, precision and recall are printed as `-`. Each row ends
with the 1-minute load average before and after the run: the machine's other jobs inflate both
wall and CPU time, so compare runs made under a like load (or against `--reference`).

The synthetic claims follow the shapes of real ones: incidents from 2012 on, at `--density`
claims a day (342: a million claims over the war's eight years, so 10k claims cover a month and
1M eight years), at Syrian places drawn from the project's gazetteer (weighted by population), event types and
perpetrators in realistic proportions, tolls with a long tail, and 1-20 reports per incident
from a mix of monitors, state media, ministries and wire services, each report reading the
incident a little differently (a day off, the governorate instead of the town, "at least"
instead of the figure, an updated toll, another event type); a fifth of the documents carry a
second claim about another incident. Everything is drawn from `random.Random(seed)`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVENTS = [
    ("airstrike", 34),
    ("shelling", 25),
    ("explosion", 12),
    ("shooting", 9),
    ("execution", 4),
    ("chemical", 1),
    ("mass_grave", 1),
    ("detention", 2),
    ("unknown", 12),
]
PERPETRATORS = {
    "airstrike": [("syrian_government", 5), ("russia", 3), ("us_led_coalition", 2), ("unknown", 3)],
    "shelling": [
        ("syrian_government", 4),
        ("armed_opposition", 3),
        ("isis", 1),
        ("turkey", 1),
        ("unknown", 3),
    ],
    "explosion": [("isis", 3), ("unknown", 5), ("hts_nusra", 1)],
    "chemical": [("syrian_government", 3), ("isis", 1), ("unknown", 1)],
}
SOURCES = [  # (claimant or None, claimant type, publisher)
    ("Syrian Observatory for Human Rights", "monitor", "Reuters"),
    ("the Observatory", "monitor", "AFP"),
    ("SOHR", "monitor", "Al Arabiya"),
    (None, "unknown", "SANA"),
    ("Syrian Ministry of Foreign Affairs and Expatriates", "party_to_conflict", "Press TV"),
    ("Russian Ministry of Defence", "party_to_conflict", "TASS"),
    ("Syrian Network for Human Rights", "monitor", "Daily Sabah"),
    ("Syria Civil Defence", "ngo", "Al-Araby Al-Jadeed"),
    (None, "witness", "Associated Press"),
    (None, "unknown", "Jordan Times"),
]
TARGETS = [
    "market",
    "bakery",
    "hospital",
    "school",
    "mosque",
    "bus station",
    "checkpoint",
    "residential building",
    "camp for displaced people",
    "wedding",
    "funeral",
    "convoy",
]
VERBS = {
    "airstrike": ("Air strikes hit", "Warplanes bombed", "An air raid struck"),
    "shelling": ("Shelling struck", "Rockets slammed into", "Mortar rounds hit"),
    "explosion": (
        "A car bomb exploded at",
        "A suicide bomber blew himself up at",
        "An explosive device went off at",
    ),
    "shooting": ("Gunmen opened fire at", "Snipers shot people at"),
    "execution": ("Militants executed prisoners near", "Fighters shot captives near"),
    "chemical": ("A gas attack hit", "Toxic gas was dropped on"),
    "mass_grave": ("A mass grave was found near", "Bodies were unearthed near"),
    "detention": ("Security forces detained men at", "Troops arrested residents at"),
    "unknown": ("An attack hit", "Violence struck"),
}
# Syllables for the names that set one incident apart (a street, a family, a landmark).
SYLLABLES = (
    "al",
    "ba",
    "ra",
    "sha",
    "ma",
    "qa",
    "di",
    "ya",
    "zu",
    "ha",
    "na",
    "fa",
    "ka",
    "ti",
    "lu",
    "wa",
    "jo",
    "sa",
    "mi",
    "du",
)
START = dt.date(2012, 1, 1).toordinal()
# Claims per day: a million claims over the war's eight years (2012-2019). Every size is drawn
# at this density, so a larger corpus covers more days (10k: a month; 1M: eight years), as an
# archive that grows by covering more time does.
DENSITY = 342


def _pick(rnd: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rnd.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _places() -> tuple[list[tuple[str, float, float, str, int | None]], list[float]]:
    from factfinder.geo import Gazetteer

    out, weights = [], []
    for e in Gazetteer.get().entries:
        if (
            e.country == "SY"
            and e.kind in ("city", "town")
            and e.lat is not None
            and e.lon is not None
            and e.admin1
        ):
            out.append((e.name, e.lat, e.lon, e.admin1, e.geonameid))
            weights.append(math.sqrt(e.population + 2000))
    return out, weights


def generate(
    n_claims: int,
    seed: int,
    claims_path: Path,
    docs_path: Path,
    density: int = DENSITY,
    truth: dict[tuple[str, int], int] | None = None,
) -> int:
    """Write about `n_claims` claims and their documents; return the number of claims.

    `truth`, when given, receives the synthetic incident of every (document, claim).
    """
    rnd = random.Random(seed)
    days = max(1, n_claims // density)
    places, weights = _places()
    written = doc_no = incident = 0
    with claims_path.open("w", encoding="utf-8") as fc, docs_path.open("w", encoding="utf-8") as fd:
        while written < n_claims:
            incident += 1
            name, lat, lon, admin1, gid = rnd.choices(places, weights)[0]
            event = _pick(rnd, EVENTS)
            perp = _pick(rnd, PERPETRATORS.get(event, [("unknown", 1)]))
            day = START + rnd.randrange(days)
            toll = max(1, int(rnd.lognormvariate(1.6, 1.1)))
            target = f"{rnd.choice(TARGETS)} on {_name(rnd)} street"
            lexicon = [_name(rnd).lower() for _ in range(6)]  # what sets this incident apart
            reports = min(20, 1 + int(rnd.expovariate(1 / 2.5)))
            for _ in range(reports):
                claims = [
                    _report(
                        rnd,
                        event,
                        perp,
                        day,
                        toll,
                        name,
                        lat,
                        lon,
                        admin1,
                        gid,
                        target,
                        primary=True,
                        lexicon=lexicon,
                    )
                ]
                if rnd.random() < 0.2:  # a second, unrelated incident in the same document
                    o_name, o_lat, o_lon, o_admin1, o_gid = rnd.choices(places, weights)[0]
                    o_event = _pick(rnd, EVENTS)
                    claims.append(
                        _report(
                            rnd,
                            o_event,
                            "unknown",
                            day - rnd.randrange(1, 30),
                            max(1, int(rnd.lognormvariate(1.2, 1.0))),
                            o_name,
                            o_lat,
                            o_lon,
                            o_admin1,
                            o_gid,
                            f"{rnd.choice(TARGETS)} on {_name(rnd)} street",
                            primary=False,
                            lexicon=[_name(rnd).lower() for _ in range(6)],
                        )
                    )
                claimant, ctype, publisher = rnd.choice(SOURCES)
                text_parts = []
                for c in claims:
                    c["claimant"] = {"name": claimant, "type": ctype}
                    sentence = c.pop("_sentence")
                    start = sum(len(t) + 1 for t in text_parts)
                    c["spans"] = [[start, start + len(sentence)]]
                    text_parts.append(sentence)
                doc_id = f"syn-{doc_no:08d}"
                doc_no += 1
                if truth is not None:
                    truth[(doc_id, 0)] = incident
                    if len(claims) > 1:
                        truth[(doc_id, 1)] = -doc_no  # its own incident
                published = dt.date.fromordinal(day + rnd.choice((0, 0, 0, 1, 1, 2)))
                fd.write(
                    json.dumps(
                        {
                            "id": doc_id,
                            "text": " ".join(text_parts),
                            "published": published.isoformat(),
                            "publisher": publisher,
                        }
                    )
                    + "\n"
                )
                fc.write(json.dumps({"id": doc_id, "claims": claims}) + "\n")
                written += len(claims)
    return written


_VOCAB = [f"w{i}" for i in range(20000)]


def _common(rnd: random.Random) -> str:
    """A word of the language: a few are everywhere, most are rare (a Pareto tail)."""
    return _VOCAB[min(len(_VOCAB) - 1, int(rnd.paretovariate(0.6)) - 1)]


def _name(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(3)).capitalize()


def _report(
    rnd: random.Random,
    event: str,
    perp: str,
    day: int,
    toll: int,
    name: str,
    lat: float,
    lon: float,
    admin1: str,
    gid: int | None,
    target: str,
    primary: bool,
    lexicon: list[str],
) -> dict:
    r = rnd.random()
    date = None if r < 0.03 else dt.date.fromordinal(day + (rnd.choice((-1, 1)) if r < 0.12 else 0))
    r = rnd.random()
    if r < 0.70:
        place = {
            "name": name,
            "geonameid": gid,
            "lat": lat,
            "lon": lon,
            "admin1": admin1,
            "country": "SY",
            "precision": "town",
        }
    elif r < 0.85:
        place = {
            "name": f"{admin1} Governorate",
            "geonameid": None,
            "lat": lat,
            "lon": lon,
            "admin1": admin1,
            "country": "SY",
            "precision": "governorate",
        }
    elif r < 0.95:
        place = {
            "name": f"{name} district",
            "geonameid": None,
            "lat": lat + rnd.uniform(-0.015, 0.015),
            "lon": lon + rnd.uniform(-0.015, 0.015),
            "admin1": admin1,
            "country": "SY",
            "precision": "neighbourhood",
        }
    else:
        place = None
    r = rnd.random()
    if r < 0.5:
        killed = {"min": toll, "max": toll, "text": str(toll)}
    elif r < 0.8:
        low = max(1, toll - rnd.randrange(0, 1 + toll // 3))
        killed = {"min": low, "max": None, "text": f"at least {low}"}
    else:
        up = toll + rnd.randrange(1, 2 + toll // 2)
        killed = {"min": up, "max": up, "text": str(up)}
    kind = event if rnd.random() < 0.85 else rnd.choice(("airstrike", "shelling", "unknown"))
    detail = target if rnd.random() < 0.8 else rnd.choice(TARGETS)
    # Prose: a few of the incident's own words among words of the language (Zipf-distributed).
    words = rnd.sample(lexicon, rnd.randint(2, 4)) + [_common(rnd) for _ in range(20)]
    rnd.shuffle(words)
    sentence = (
        f"{rnd.choice(VERBS[kind])} a {detail} in {name}, killing {killed['text']} "
        f"people. {' '.join(words).capitalize()}."
    )
    return {
        "primary": primary,
        "event_type": kind,
        "date": None
        if date is None
        else {"start": date.isoformat(), "end": date.isoformat(), "precision": "day"},
        "places": [] if place is None else [place],
        "perpetrator": {"name": None, "group": perp if rnd.random() < 0.8 else "unknown"},
        "killed": {"total": killed, "civilians": killed if rnd.random() < 0.6 else None},
        "injured": {},
        "weapons": [],
        "confidence": 0.7,
        "_sentence": sentence,
    }


def pairwise(incidents_path: Path, truth: dict[tuple[str, int], int]) -> tuple[float, float]:
    """Pairwise precision and recall of the linked incidents against the synthetic truth."""
    from collections import Counter

    pred_pairs = tp = 0
    for line in incidents_path.open(encoding="utf-8"):
        members = json.loads(line)["members"]
        n = len(members)
        pred_pairs += n * (n - 1) // 2
        same = Counter(truth[(m["id"], m["claim"])] for m in members)
        tp += sum(c * (c - 1) // 2 for c in same.values())
    gold = Counter(truth.values())
    gold_pairs = sum(c * (c - 1) // 2 for c in gold.values())
    return (tp / pred_pairs if pred_pairs else 1.0), (tp / gold_pairs if gold_pairs else 1.0)


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc (Linux)."""
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _tree(root: int) -> list[int]:
    kids, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, ()))
    return out


def _sample(pid: int) -> tuple[float, float] | None:
    """(CPU seconds so far, proportional set size in MB) of one process, None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    pss = next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return cpu, pss / 1024


def run_child(claims: Path, docs: Path, out: Path, workers: int, src: Path | None = None) -> dict:
    """Link in a fresh process, watching it and every process it starts.

    The worker processes are not the linking process's children (they are forked by a fork
    server it starts), so its own resource counters miss them: every half second the process
    tree is read from /proc, and the peak memory is the largest sum of the processes'
    proportional set sizes (pages shared between them counted once), the CPU seconds the sum of
    each process's last reading (the linking process's own count at its end). `src`, when
    given, is put first on the child's path (another checkout's code).

    The stages are marked by the linker's progress messages ("linking ...", "writing ...").
    """
    code = (
        "import json, resource, sys, time\n"
        "from factfinder.assess.batch import link_files\n"
        "def cpu():\n"
        "    me = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    return me.ru_utime + me.ru_stime\n"
        "t = time.perf_counter()\n"
        "marks = [(t, cpu())]\n"
        "def mark(msg):\n"
        "    if msg.startswith(('linking', 'writing')):\n"
        "        marks.append((time.perf_counter(), cpu()))\n"
        "r = link_files(sys.argv[1], sys.argv[2], sys.argv[3], workers=int(sys.argv[4]),"
        " progress=mark)\n"
        "marks.append((time.perf_counter(), cpu()))\n"
        "dt = time.perf_counter() - t\n"
        "stages = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])]\n"
        "print(json.dumps({'seconds': dt, 'cpu_self': cpu(), 'stages': stages,"
        " 'claims': r.stats.claims, 'pairs': r.stats.candidate_pairs,"
        " 'links': r.stats.links, 'incidents': r.stats.incidents}))\n"
    )
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(claims), str(docs), str(out), str(workers)],
            stdout=stdout,
            stderr=stderr,
            text=True,
            env=env,
        )
        cpu: dict[int, float] = {}
        peak = 0.0
        while proc.poll() is None:
            total = 0.0
            for pid in _tree(proc.pid):
                got = _sample(pid)
                if got is not None:
                    cpu[pid] = got[0]
                    total += got[1]
            peak = max(peak, total)
            time.sleep(0.5)
        stdout.seek(0)
        stderr.seek(0)
        printed, errors = stdout.read(), stderr.read()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args, printed, errors)
    result: dict = json.loads(printed.strip().splitlines()[-1])
    result["rss_mb"] = peak
    cpu[proc.pid] = result["cpu_self"]  # its own count to the end
    result["cpu"] = sum(cpu.values())
    result["load"] = (load, os.getloadavg()[0])
    return result


def _row(r: dict, tail: str) -> None:
    print(
        f"{r['claims']:>9} {r['seconds']:>8.1f} {r['cpu']:>7.1f} "
        f"{r['claims'] / r['seconds']:>9.0f} "
        f"{r['rss_mb']:>8.0f} {r['pairs']:>10} {r['incidents']:>9} {tail}",
    )
    stages = ", ".join(
        f"{name} {wall:.1f} s ({cpu:.1f} CPU)"
        for name, (wall, cpu) in zip(("read", "link", "write"), r["stages"], strict=False)
    )
    print(
        f"{'':>9} linking process: {stages}; load average {r['load'][0]:.1f} → {r['load'][1]:.1f}",
        flush=True,
    )


def _same_file(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (read in chunks)."""
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--density", type=int, default=DENSITY, help="claims per day")
    ap.add_argument(
        "--workers",
        type=int,
        default=2,
        help="linker processes (`factfinder link --workers`; 2 = this machine's cores)",
    )
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument(
        "--inputs",
        type=Path,
        default=None,
        metavar="DIR",
        help="link the c<N>.jsonl and d<N>.jsonl an earlier --keep run left in DIR",
    )
    ap.add_argument(
        "--reference",
        type=Path,
        default=None,
        metavar="CHECKOUT",
        help="also link each size with this checkout's code (its src/) and compare the outputs",
    )
    args = ap.parse_args(argv)
    ref_src = None if args.reference is None else args.reference.resolve() / "src"
    if ref_src is not None and not (ref_src / "factfinder").is_dir():
        ap.error(f"{args.reference}: no src/factfinder in it")
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench_link_", dir=args.workdir))
    print(
        f"{'claims':>9} {'seconds':>8} {'CPU s':>7} {'claims/s':>9} {'peak MB':>8} "
        f"{'pairs':>10} {'incidents':>9} {'growth':>7} {'P':>5} {'R':>5}"
    )
    base: float | None = None
    try:
        for n in sizes:
            out = work / f"i{n}.jsonl"
            truth: dict[tuple[str, int], int] | None = None
            if args.inputs is not None:
                claims, docs = args.inputs / f"c{n}.jsonl", args.inputs / f"d{n}.jsonl"
                if not (claims.is_file() and docs.is_file()):
                    ap.error(f"{args.inputs}: no c{n}.jsonl and d{n}.jsonl")
            else:
                claims, docs = work / f"c{n}.jsonl", work / f"d{n}.jsonl"
                t = time.perf_counter()
                truth = {}
                written = generate(n, args.seed, claims, docs, args.density, truth)
                gen = time.perf_counter() - t
            ref = ref_out = None
            if ref_src is not None:
                ref_out = work / f"i{n}.ref.jsonl"
                ref = run_child(claims, docs, ref_out, args.workers, ref_src)
            r = run_child(claims, docs, out, args.workers)
            quality = f"{'-':>5} {'-':>5}"
            if truth is not None:
                precision, recall = pairwise(out, truth)
                quality = f"{precision:>5.2f} {recall:>5.2f}"
            del truth
            per_claim = r["seconds"] / r["claims"]
            base = base or per_claim
            if ref is not None:
                _row(ref, f"{'(ref)':>7}")
            _row(r, f"{per_claim / base:>7.2f} {quality}")
            if args.inputs is None:
                print(f"{'':>9} (generated {written} in {gen:.0f} s)", flush=True)
            if ref is not None and ref_out is not None:
                same = _same_file(out, ref_out)
                print(
                    f"{'':>9} CPU s {r['cpu'] / ref['cpu']:.2f}x the reference's; "
                    f"incidents {'byte-identical' if same else 'DIFFERENT'}",
                    flush=True,
                )
            if not args.keep:
                mine = (claims, docs) if args.inputs is None else ()
                for p in (*mine, out, ref_out):
                    if p is not None:
                        p.unlink(missing_ok=True)
    finally:
        if args.keep:
            print(f"files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
