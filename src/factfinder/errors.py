"""The exceptions of factfinder. Every one derives from `FactfinderError`.

    FactfinderError
    ├── InvalidRecord        a value breaks the claim format or a vocabulary
    ├── InputError           an input (file, line, archive member) cannot be read; names the input
    │   └── UnsupportedFormat    a file whose format no reader handles
    ├── ProjectError         a project directory or database is missing, foreign or too new
    ├── NotFound             an item, claim, incident, case, user or checkpoint does not exist
    ├── IntegrityError       stored evidence or the ledger does not match what was recorded
    ├── PermissionDenied     the acting user's role may not do this
    └── Conflict             the change contradicts the current state (e.g. a stale decision)

Errors carry their context as attributes (`input`, `item`, `stage`) so callers can report them
without parsing messages. Library code raises; only the CLI turns errors into exit codes.
"""

from __future__ import annotations


class FactfinderError(Exception):
    """The root of all factfinder errors."""


class InvalidRecord(FactfinderError):
    """A value that breaks the claim format (docs/CLAIMS.md) or a controlled vocabulary."""


class InputError(FactfinderError):
    """An input that cannot be read. `input` names it (a path, `file:line`, an archive member)."""

    def __init__(self, input: str, problem: str, *, stage: str | None = None) -> None:
        super().__init__(f"{input}: {problem}")
        self.input = input
        self.problem = problem
        self.stage = stage


class UnsupportedFormat(InputError):
    """A file whose format no reader handles."""


class ProjectError(FactfinderError):
    """A project directory or database that is missing, not a factfinder project, or too new."""


class NotFound(FactfinderError):
    """A named thing (item, claim, incident, case, user, checkpoint) that does not exist."""


class IntegrityError(FactfinderError):
    """Stored evidence or the ledger that does not match what was recorded."""


class PermissionDenied(FactfinderError):
    """The acting user's role may not perform the operation."""


class Conflict(FactfinderError):
    """A change that contradicts the current state."""
