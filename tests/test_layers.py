"""The layer contract: every package imports only from the layers below it (pyproject.toml,
`[tool.importlinter]`), every top-level package of `factfinder` has its place in it, and no
module imports itself through others."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

import factfinder

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"


def _layers() -> list[list[str]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return [re.split(r"\s*[|:]\s*", layer) for layer in contract["layers"]]


def test_the_imports_keep_the_pipeline_order() -> None:
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0


def test_every_top_level_package_has_a_layer() -> None:
    placed = {name for layer in _layers() for name in layer}
    package = Path(factfinder.__file__).parent
    tops = {
        f"factfinder.{p.stem if p.is_file() else p.name}"
        for p in package.iterdir()
        if (p.is_file() and p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
        or (p.is_dir() and (p / "__init__.py").is_file())
    }
    assert tops == placed


def test_the_ground_floor_imports_no_stage() -> None:
    # The mention types, the vocabularies and the claim format reach no stage package, even
    # through a chain of imports.
    graph = grimp.build_graph("factfinder", cache_dir=None)
    stages = ("store", "vault", "intake", "geo", "extract", "link", "assess", "report")
    for low in (
        "factfinder.mentions",
        "factfinder.model",
        "factfinder.vocab",
        "factfinder.subjects",
    ):
        for stage in stages:
            assert not graph.chain_exists(
                importer=low, imported=f"factfinder.{stage}", as_packages=True
            ), (
                low,
                stage,
            )


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (strongly connected components
    of more than one module), over the imports among `modules`."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(modules):
        if root in order:
            continue
        # Tarjan's algorithm, iteratively: (module, its remaining neighbours).
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, rest = work[-1]
            for nxt in rest:
                if nxt not in order:
                    order[nxt] = low[nxt] = len(order)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append(
                        (nxt, iter(sorted(graph.find_modules_directly_imported_by(nxt) & modules)))
                    )
                    break
                if nxt in on_stack:
                    low[module] = min(low[module], order[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == order[module]:
                    group = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        group.append(top)
                        if top == module:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def _with_package_inits(graph: grimp.ImportGraph) -> grimp.ImportGraph:
    """`graph` with the imports Python makes implicitly: importing `a.b.c` runs the packages
    `a` and `a.b` first, so a module outside `a.b` that imports `a.b.c` imports `a.b` too (a
    cycle through a package's `__init__` is a cycle all the same)."""
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            parts = imported.split(".")
            for k in range(2, len(parts)):
                package = ".".join(parts[:k])
                if package in graph.modules and not (
                    importer == package or importer.startswith(package + ".")
                ):
                    graph.add_import(importer=importer, imported=package)
    return graph


def test_no_module_imports_itself_through_others() -> None:
    graph = _with_package_inits(grimp.build_graph("factfinder", cache_dir=None))
    assert _cycles(graph, set(graph.modules)) == []


def test_a_cycle_through_a_package_init_is_found() -> None:
    graph = grimp.ImportGraph()
    for module in ("r", "r.p", "r.p.words", "r.p.reader", "r.q", "r.q.tally", "r.q.assemble"):
        graph.add_module(module)
    # r.q.assemble → r.q.tally → r.p.words (running r.p's __init__); r.p → r.p.reader → back
    for importer, imported in (
        ("r.q.assemble", "r.q.tally"),
        ("r.q.tally", "r.p.words"),
        ("r.p", "r.p.reader"),
        ("r.p.reader", "r.q.assemble"),
    ):
        graph.add_import(importer=importer, imported=imported)
    assert _cycles(graph, set(graph.modules)) == []
    assert _cycles(_with_package_inits(graph), set(graph.modules)) == [
        ["r.p", "r.p.reader", "r.q.assemble", "r.q.tally"]
    ]


def test_the_cycle_finder_finds_cycles() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e")):
        graph.add_import(importer=importer, imported=imported)
    graph.add_import(importer="e", imported="d")
    assert sorted(_cycles(graph, set(graph.modules))) == [["a", "b", "c"], ["d", "e"]]
    assert _cycles(graph, {"a", "b", "d"}) == []
