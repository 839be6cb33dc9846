"""Uploaded files → a temporary folder the ingest service can read, named as the client named
them (reduced to a safe base name), removed when the ingest is done.

`ingest_uploads` is the whole upload flow, the same for the JSON API and the upload page."""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from starlette.concurrency import run_in_threadpool

from factfinder.errors import InputError
from factfinder.services.preserve.ingest import IngestOptions, IngestSummary, ingest
from factfinder.services.preserve.inputs import FileMetadata, parse_metadata_csv
from factfinder.services.project import Project
from factfinder.web.deps import Principal

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
CHUNK = 1 << 20


class Upload(Protocol):
    filename: str | None

    async def read(self, size: int = -1) -> bytes: ...


def safe_name(name: str | None, index: int) -> str:
    """The base name of a client-side file name, without path parts or odd characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120]
    return base or f"upload-{index}"


@contextmanager
def upload_folder() -> Iterator[Path]:
    """A new temporary folder, removed with what it holds when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="factfinder-upload-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def save_uploads(files: Sequence[Upload], folder: Path, max_bytes: int) -> list[Path]:
    """Write each upload into `folder`; `InputError` when the total exceeds `max_bytes`."""
    paths: list[Path] = []
    total = 0
    for index, upload in enumerate(files):
        name = safe_name(upload.filename, index)
        target = folder / name
        n = 1
        while target.exists():
            target = folder / f"{n}-{name}"
            n += 1
        with target.open("wb") as out:
            while chunk := await upload.read(CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(name, f"the upload exceeds {max_bytes // (1 << 20)} MB")
                out.write(chunk)
        paths.append(target)
    return paths


async def ingest_uploads(
    project: Project,
    who: Principal,
    files: Sequence[Upload],
    max_bytes: int,
    *,
    said: Sequence[FileMetadata | None] = (),
    metadata_csv: str | None = None,
) -> IngestSummary:
    """Preserve and ingest uploaded files (any format `factfinder ingest` reads, JSON Lines
    document batches included) with `who` as actor and custodian; the ingest runs on a worker
    thread. What is said about each file — publication date, publisher, URL, title, as
    `ingest --metadata` takes them — comes from `said` (by the file's position) and from
    `metadata_csv` (the text of such a CSV, its `path` column naming uploaded files by their
    names; it wins over `said`). `InputError` when the upload exceeds `max_bytes` or the
    metadata is not valid."""
    with upload_folder() as folder:
        paths = await save_uploads(files, folder, max_bytes)
        described: dict[Path, FileMetadata] = {
            path.resolve(): meta
            for path, meta in zip(paths, said, strict=False)
            if meta is not None and meta != FileMetadata(where=meta.where)
        }
        if metadata_csv is not None and metadata_csv.strip():
            by_name: dict[str, Path] = {}
            for index, (upload, path) in enumerate(zip(files, paths, strict=True)):
                by_name.setdefault(safe_name(upload.filename, index), path.resolve())
                by_name.setdefault(path.name, path.resolve())

            def target(name: str) -> Path | None:
                return by_name.get(safe_name(name, -1))

            described.update(
                parse_metadata_csv(io.StringIO(metadata_csv.lstrip("\ufeff")), "metadata", target)
            )
        return await run_in_threadpool(
            ingest,
            project,
            [str(p) for p in paths],
            IngestOptions(custodian=who.user.username, files=described),
            actor=who.actor,
        )
