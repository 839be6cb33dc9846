"""Small inputs of every kind for the vault tests, built in code (no binary fixtures)."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

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
