"""Small inputs of every kind for the vault tests, built in code (no binary fixtures), and raw
SQL access that bypasses factfinder (`tamper_with`)."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import text

from factfinder.services import Project

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"
SEED_TEXT = (SEEDS / "000_333615f24a6eccba.txt").read_text(encoding="utf-8")
SEED_TEXT_2 = (SEEDS / "004_6af2a3e425f5ce01.txt").read_text(encoding="utf-8")


def seed_text() -> str:
    return SEED_TEXT


def make_eml(path: Path, body: str, attachments: dict[str, tuple[bytes, str]]) -> Path:
    msg = EmailMessage()
    msg["From"] = "Permanent Mission <mission@example.org>"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "Letters to the Secretary-General"
    msg["Date"] = "Sat, 03 Nov 2018 10:00:00 +0000"
    msg.set_content(body)
    for name, (data, ctype) in attachments.items():
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    path.write_bytes(bytes(msg))
    return path


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data)
    path.write_bytes(buf.getvalue())
    return path


def make_warc(path: Path, pages: list[tuple[str, str]], *, truncate_last: bool = False) -> Path:
    """A WARC of HTTP 200 responses (uri, html); with `truncate_last` the file ends half-way
    through the last record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    offsets = []
    for uri, html in pages:
        offsets.append(buf.tell())
        payload = html.encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2018-11-04T08:00:00Z"},
        )
        writer.write_record(record)
    data = buf.getvalue()
    if truncate_last:
        data = data[: offsets[-1] + (len(data) - offsets[-1]) // 2]
    path.write_bytes(data)
    return path


def html_page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    )


APPEND_ONLY = (
    "ledger",
    "checkpoints",
    "items",
    "acquisitions",
    "cases",
    "case_members",
    "case_notes",
    "link_runs",
    "incidents",
    "incident_members",
    "incident_assessments",
    "incident_decisions",
)


def tamper_with(project: Project, *statements: str, **params: object) -> None:
    """Run SQL statements on the project's database outside factfinder: the append-only guards
    are dropped and foreign keys are not enforced, as in a hostile SQL shell (on SQLite the
    item search index's triggers too, since they call a function only the application
    registers)."""
    if project.engine.dialect.name == "sqlite":
        db = project.engine.url.database
        assert db
        conn = sqlite3.connect(db)
        try:
            for table in APPEND_ONLY:
                for action in ("update", "delete"):
                    conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
            for trigger in ("item_search_ai", "item_search_ad", "item_search_au"):
                conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            for stmt in statements:
                conn.execute(stmt, params)
            conn.commit()
        finally:
            conn.close()
        return
    with project.engine.begin() as c:
        c.execute(text("SET LOCAL session_replication_role = replica"))
        for stmt in statements:
            c.execute(text(stmt), params)
