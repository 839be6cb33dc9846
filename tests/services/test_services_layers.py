"""The services' shape: one package per stage, no import cycle among them, and a query module
(a read) never imports a command module (a write), directly or through another module."""

from __future__ import annotations

import grimp
import pytest

SERVICES = "factfinder.services"
COMMANDS = frozenset(
    f"{SERVICES}.{name}"
    for name in (
        "access.commands",
        "access.signin",
        "preserve.ingest",
        "preserve.record",
        "preserve.checkpoints",
        "claims.extraction",
        "claims.review",
        "incidents.commands",
        "incidents.index",
        "cases.commands",
        "cases.files",
        "cases.seen",  # a privileged read is ledgered
    )
)
STAGES = ("preserve", "claims", "incidents", "cases", "access")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("factfinder")


def _services(graph: grimp.ImportGraph) -> list[str]:
    return sorted(m for m in graph.modules if m.startswith(SERVICES + "."))


def test_every_command_module_exists(graph: grimp.ImportGraph) -> None:
    assert set(graph.modules) >= COMMANDS
    assert {f"{SERVICES}.{s}" for s in STAGES} <= set(graph.modules)


def test_no_import_cycle_among_the_services(graph: grimp.ImportGraph) -> None:
    cycles = []
    for module in _services(graph):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith(SERVICES):
                back = graph.find_shortest_chain(importer=imported, imported=module)
                if back:
                    cycles.append((module, *back))
    assert cycles == []


def test_reads_never_import_writes(graph: grimp.ImportGraph) -> None:
    found = []
    for module in _services(graph):
        if module in COMMANDS:
            continue
        for command in sorted(COMMANDS):
            chain = graph.find_shortest_chain(importer=module, imported=command)
            if chain:
                found.append(chain)
    assert found == []


def test_the_services_import_no_cli_or_web(graph: grimp.ImportGraph) -> None:
    upward = [
        (m, i)
        for m in _services(graph)
        for i in graph.find_modules_directly_imported_by(m)
        if i.startswith(("factfinder.cli", "factfinder.web"))
    ]
    assert upward == []


def test_stages_import_only_earlier_stages(graph: grimp.ImportGraph) -> None:
    """preserve < claims < incidents < cases, with the dashboard above them all; access is
    read by every stage and reads none of them."""
    order = ("preserve", "claims", "incidents", "cases", "workspace")
    upward = [
        (low, high)
        for i, low in enumerate(order)
        for high in order[i + 1 :]
        if graph.chain_exists(
            importer=f"{SERVICES}.{low}", imported=f"{SERVICES}.{high}", as_packages=True
        )
    ]
    upward += [
        ("access", stage)
        for stage in order
        if graph.chain_exists(
            importer=f"{SERVICES}.access", imported=f"{SERVICES}.{stage}", as_packages=True
        )
    ]
    assert upward == []
