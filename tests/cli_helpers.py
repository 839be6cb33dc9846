"""Running the `factfinder` command in process, for the tests of every area (imported by name:
the tests folder is on the path)."""

from __future__ import annotations

from typer.testing import CliRunner

from factfinder.cli import build_app

runner = CliRunner()


def ff(*args: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `factfinder ARGS`; an exception that is not an exit is
    raised, so a traceback fails the test instead of passing as exit code 1."""
    result = runner.invoke(build_app(), [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
