"""What every command shares: the consoles, exit codes, error reporting, `--json` output, and the
`--project` option with the project it opens."""

from __future__ import annotations

import functools
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from factfinder.errors import (
    FactfinderError,
    InputError,
    IntegrityError,
    NotFound,
    PermissionDenied,
    ProjectError,
)

if TYPE_CHECKING:
    from factfinder.services.project import Project

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


def shown(text: str) -> str:
    """`text` safe to print on one terminal line: control characters (newlines, escape codes),
    format characters (bidi overrides) and the bytes of a name that is not UTF-8 (surrogate
    escapes) written as backslash escapes, and Rich markup escaped, so that a hostile file name
    cannot forge or hide output."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")  # a byte of a name that is not UTF-8
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return escape("".join(out))


def text_status_label(status: str | None, confidence: float | None, *, short: bool = False) -> str:
    """How an item's text was read, for a listing: "" (the file's own text), "OCR (mean
    confidence 86.7)", or the status itself ("text not read: OCR unavailable")."""
    if status is None:
        return ""
    if status == "ocr":
        if confidence is None:
            return "OCR"
        return f"OCR {confidence:.0f}%" if short else f"OCR (mean confidence {confidence})"
    return "not read" if short and status.startswith("text not read") else status


def report_text_not_read(label: str, status: str) -> None:
    """One line naming an input whose text could not be read, and why."""
    err.print(
        f"[yellow]warning[/yellow] {shown(label)}: {shown(status)}", markup=True, highlight=False
    )


def report_input_error(error: InputError) -> None:
    """One clear line naming the input and the problem."""
    err.print(f"[red]error[/red] {shown(str(error.input))}: {shown(error.problem)}", markup=True)


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


PROJECT_HELP = "Project directory (default: $FACTFINDER_PROJECT or the current one)."


def project_option(help: str = PROJECT_HELP, *, from_env: bool = True) -> Any:
    """The `--project` / `-p` option (a project directory; by default $FACTFINDER_PROJECT)."""
    return typer.Option(
        "--project", "-p", envvar="FACTFINDER_PROJECT" if from_env else None, help=help
    )


ProjectOption = Annotated[Path | None, project_option()]


def open_project(project: Path | None) -> Project:
    """The project at `project` (None: $FACTFINDER_PROJECT, else the current directory)."""
    # Imported here: the database stack is not loaded for commands that need no project.
    from factfinder.services.project import Project

    return Project.open(project)
