"""Screenshots of the workspace's map, timeline and dashboard, for reading them by eye.

    PYTHONPATH=src .venv/bin/python scripts/screenshots.py --project demo --out /tmp/shots
    PYTHONPATH=src .venv/bin/python scripts/screenshots.py --incidents 5000 --out /tmp/shots

`--project DIR` serves a project that exists (`make demo` writes one to ./demo); a viewer is
added to it when it has none. `--incidents N` makes a project in a temporary folder with N
incidents written in bulk by the web benchmark's seeder (`benchmarks/bench_web.py`). Each page
is shot in Debian's Chromium (Playwright) once its charts or markers have loaded, as
`<name>-map.png`, `<name>-map-zoom8.png`, `<name>-timeline.png` and `<name>-dashboard.png`.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PASSWORD = "screenshots only"


def _module(path: Path, name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def seeded(n: int, folder: Path) -> Path:
    from factfinder.services import Project

    bench = _module(ROOT / "benchmarks" / "bench_web.py", "bench_web")
    root = folder / f"incidents-{n}"
    with Project.init(root) as project:
        bench.seed_project_incidents(project, n, random.Random(11))  # type: ignore[attr-defined]
    return root


def shoot(root: Path, name: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests" / "web"))
    from web_helpers import LiveServer

    from factfinder.services import Project
    from factfinder.services.access.commands import add_user, create_session
    from factfinder.services.access.queries import get_user, list_users
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    with Project.open(root) as project:
        if "viewer" not in {u.username for u in list_users(project)}:
            add_user(project, "viewer", PASSWORD, "viewer", actor="screenshots")
    app = create_app(WebSettings(project_dir=root))
    shots: list[Path] = []
    try:
        project = app.state.project
        cookie, _ = create_session(project, get_user(project, "viewer"))
        with LiveServer(app) as live, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.add_cookies([{"name": "ff_session", "value": cookie, "url": live.url}])
            page = context.new_page()
            page.set_default_timeout(60_000)
            pages = [
                ("map", "/map", "#map[data-loaded]:not([data-busy])"),
                ("map-zoom8", "/map#8/35.5/38.5", "#map[data-loaded]:not([data-busy])"),
                ("timeline", "/timeline", "#timeline[data-loaded]:not([data-busy])"),
                ("dashboard", "/", ".chart[data-small][data-loaded]"),
            ]
            for what, path, ready in pages:
                page.goto("about:blank")  # a new load, not a change of the address's #view
                page.goto(live.url + path)
                page.wait_for_selector(ready, state="attached")
                page.wait_for_timeout(600)  # the last labels and tiles settle
                target = out / f"{name}-{what}.png"
                page.screenshot(path=str(target), full_page=True)
                shots.append(target)
            browser.close()
    finally:
        app.state.project.close()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="a project folder to serve")
    parser.add_argument("--incidents", type=int, help="seed a project with this many incidents")
    parser.add_argument("--name", help="the files' prefix (default: seed or incidents-N)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factfinder-shots-") as tmp:
        if args.project is not None:
            root, name = args.project, args.name or "seed"
        elif args.incidents:
            root, name = seeded(args.incidents, Path(tmp)), args.name or f"{args.incidents}"
        else:
            parser.error("give --project DIR or --incidents N")
        for path in shoot(root, name, args.out):
            print(path)


if __name__ == "__main__":
    main()
