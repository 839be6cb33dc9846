"""Legacy Word documents (.doc, Word 97–2003) with the Debian tools catdoc (first) or antiword:
the text, one paragraph a line, made one paragraph a blank-line-separated block as the other
readers give them; table cells separated by tabs (catdoc).

The tools are run as subprocesses on the file with a time limit. When neither is installed the
text is empty and marked "text not read: no .doc reader (catdoc or antiword) installed"; when
both fail the file is refused with what the last one said. No metadata is read.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part

TIMEOUT = 120
NO_READER = "text not read: no .doc reader (catdoc or antiword) installed"


def read(part: Part) -> Extracted:
    """The text of the Word 97–2003 document at `part.path`."""
    commands = []
    if catdoc := shutil.which("catdoc"):
        commands.append([catdoc, "-d", "utf-8", "-w", str(part.path)])
    if antiword := shutil.which("antiword"):
        commands.append([antiword, "-m", "UTF-8.txt", "-w", "0", str(part.path)])
    if not commands:
        return Extracted(text="", text_status=NO_READER)
    problem = ""
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    for command in commands:
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT, check=False, env=env
            )
        except (OSError, subprocess.SubprocessError) as exc:
            problem = f"{os.path.basename(command[0])}: {exc}"
            continue
        text = done.stdout.decode("utf-8", errors="replace")
        if done.returncode == 0 and text.strip():
            return Extracted(text=_paragraphs(text))
        said = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        problem = f"{os.path.basename(command[0])}: {said[-1] if said else 'no text'}"
    raise InputError(part.label, f"not a readable Word 97–2003 document ({problem})")


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.replace("\r\n", "\n").replace("\f", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line)
