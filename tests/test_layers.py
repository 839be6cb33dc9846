"""The layer contract: every package imports only from the layers below it (pyproject.toml,
`[tool.importlinter]`), and every top-level package of `factfinder` has its place in it."""

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
    for low in ("factfinder.mentions", "factfinder.model", "factfinder.vocab"):
        for stage in stages:
            assert not graph.chain_exists(
                importer=low, imported=f"factfinder.{stage}", as_packages=True
            ), (
                low,
                stage,
            )
