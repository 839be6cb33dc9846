"""Write the captures linking set's `docs.jsonl` and `clusters.jsonl` from `reports.py`.

    python3 devsets/link/captures/build.py

Documents are numbered `cap-001`, `cap-002`, … in the order of `reports.py`; the writing is
`devsets/link/linkset.py`'s.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from linkset import write_set  # noqa: E402
from reports import INCIDENTS  # noqa: E402


def main() -> None:
    def fields(report: tuple[str, str, str | None, str | None, str]) -> dict[str, object]:
        style, publisher, published, title, text = report
        return {
            "text": text,
            "title": title,
            "published": published,
            "publisher": publisher,
            "language": "en",
            "style": style,
        }

    write_set(HERE, "cap", INCIDENTS, fields)


if __name__ == "__main__":
    main()
