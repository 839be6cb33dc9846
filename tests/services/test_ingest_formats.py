"""`factfinder ingest` over the formats investigators are sent — an Outlook message, chat
exports, a workbook, a broken file among them: each read, the broken one a single line naming
it, the batch going on (exit code 3), everything preserved and `verify` clean. The fixtures are
in tests/intake/fixtures (see its README)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from factfinder.cli import build_app
from factfinder.services import Project
from factfinder.services.preserve.items import list_items
from factfinder.services.verification import verify_project

FIXTURES = Path(__file__).resolve().parents[1] / "intake" / "fixtures"
runner = CliRunner()


def test_ingest_reads_each_format_and_names_the_broken_file(
    project: Project, tmp_path: Path
) -> None:
    inputs = tmp_path / "received"
    inputs.mkdir()
    for name in ("message.msg", "incidents.xlsx", "chats/result.json", "chats/_chat.txt"):
        shutil.copy(FIXTURES / name, inputs)
    broken = inputs / "minutes.msg"
    broken.write_bytes((FIXTURES / "message.msg").read_bytes()[:1024])  # cut short
    result = runner.invoke(
        build_app(), ["ingest", str(inputs), "--project", str(project.root), "--json"]
    )
    assert result.exit_code == 3, result.stderr
    summary = json.loads(result.stdout)
    assert [f["input"] for f in summary["failures"]] == [str(broken)]
    assert summary["failures"][0]["problem"].startswith("not a readable Outlook message")
    # The message and its attachment, the workbook, 4 + 4 chat messages and their two exports,
    # and the broken file's bytes.
    assert summary["new_items"] == 2 + 1 + (1 + 4) + (1 + 4) + 1
    items, _ = list_items(project, limit=100)
    kinds = sorted({i.media_type for i in items})
    assert kinds == [
        "application/vnd.factfinder.chat-message+json",
        "application/vnd.ms-outlook",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/x-telegram-export+json",
        "text/plain",
        "text/x-whatsapp-chat",
    ]
    assert verify_project(project).ok
