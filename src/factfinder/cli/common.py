"""What every command shares: the consoles, exit codes, error reporting and `--json` output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from factfinder.errors import (
    FactfinderError,
    InputError,
    IntegrityError,
    NotFound,
    PermissionDenied,
    ProjectError,
)

P = ParamSpec("P")
R = TypeVar("R")

# Exit codes: 0 success; 1 an error stopped the command; 2 usage (Typer's own);
# 3 the command finished but some inputs failed; 4 verification found the evidence altered.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_PARTIAL = 3
EXIT_INTEGRITY = 4

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report_input_error(error: InputError) -> None:
    """One clear line naming the input and the problem."""
    err.print(f"[red]error[/red] {error.input}: {error.problem}", markup=True)


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn factfinder errors into one line on stderr and an exit code; no tracebacks for users."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            report_input_error(exc)
            raise typer.Exit(EXIT_ERROR) from exc
        except IntegrityError as exc:
            err.print(f"[red]integrity[/red] {exc}")
            raise typer.Exit(EXIT_INTEGRITY) from exc
        except (ProjectError, NotFound, PermissionDenied, FactfinderError) as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(EXIT_ERROR) from exc

    return wrapper


def print_json(obj: Any) -> None:
    """Machine-readable output for `--json`: one JSON document on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table.")
