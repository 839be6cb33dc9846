"""A real `factfinder ingest` process killed with SIGKILL in the middle of a large ingest leaves
no partial item and no broken ledger; running the same command again completes the job and
`verify` passes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from factfinder.services import Project
from factfinder.services.verification import verify_project
from factfinder.store.schema import acquisitions, items

N_SMALL = 160
BIG = 48 << 20


def _inputs(folder: Path) -> int:
    folder.mkdir()
    for i in range(N_SMALL):
        (folder / f"report-{i:04d}.txt").write_text(
            f"Report {i}: an airstrike on the village killed at least {i % 40 + 2} civilians, "
            f"including {i % 7} children, the monitor said.\n" * 3,
            encoding="utf-8",
        )
    # Large files in the middle of the run, so a kill can land inside a blob copy.
    for name in ("report-0050-scan.bin", "report-0110-scan.bin"):
        with (folder / name).open("wb") as fh:
            fh.write(os.urandom(1 << 20) * (BIG >> 20))
    return N_SMALL + 2


def _items(project: Project) -> int:
    with project.read() as conn:
        return int(conn.execute(select(func.count()).select_from(items)).scalar_one())


def _run(project_dir: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factfinder",
            "ingest",
            str(folder),
            "--custodian",
            "field team",
            "-p",
            str(project_dir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_completes_and_verifies(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "evidence"
    expected = _inputs(folder)
    for kill_after in (20, 90):
        proc = _run(project.root, folder)
        deadline = time.monotonic() + 120
        while _items(project) < kill_after and proc.poll() is None:
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        # Whatever was cut short, what is in the database is whole and verifiable.
        report = verify_project(project)
        assert report.ok, report.problems
        assert kill_after <= _items(project) < expected

    proc = _run(project.root, folder)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    report = verify_project(project)
    assert report.ok, report.problems
    assert _items(project) == expected
    with project.read() as conn:
        n_acq = conn.execute(select(func.count()).select_from(acquisitions)).scalar_one()
    assert n_acq == expected  # re-running did not record anything twice
    assert not any(project.blobs.tmp.iterdir())  # temporary files of the killed runs are gone
