"""Write the captures linking set's `docs.jsonl` and `clusters.jsonl` from `reports.py`.

    python3 devsets/link/captures/build.py

Documents are numbered `cap-001`, `cap-002`, … in the order of `reports.py`; the writing
and the fields of a report are `devsets/link/linkset.py`'s.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from linkset import english_fields, write_set  # noqa: E402
from reports import INCIDENTS  # noqa: E402


def main() -> None:
    write_set(HERE, "cap", INCIDENTS, english_fields)


if __name__ == "__main__":
    main()
