"""The input files read on worker processes: stretches of lines → checked values → plain parts.

The parent cuts a file into byte ranges at line ends (`file_chunks`); a worker reads one, checks
each line exactly as `factfinder.jsonl.read_jsonl` does and each object exactly as
`DocumentClaims.from_json` / `Document.from_json` do, and sends back what the linker keeps as
plain tuples of strings and numbers (`ClaimParts`, `DocLine`): those cross between processes for
a fraction of what the model's dataclasses cost, and the parent turns them into records
(`factfinder.link.batch`). Equal values of one stretch are sent as one object, so the parent
shares them by identity. Lines, line numbers and error messages are those of reading the file
in one process. `claim_words` reads the names and words of the sentences claims point at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from factfinder.errors import InputError, InvalidRecord
from factfinder.jsonl import MAX_LINE_BYTES
from factfinder.link.records import Count, Counts, claim_text, document_hints, hint_of
from factfinder.link.text import Words, word_chunk
from factfinder.model import Casualties, Claim, Document, DocumentClaims, Place
from factfinder.vocab import COUNT_KEYS

Spans = tuple[tuple[int, int], ...]

CHUNK_BYTES = 8 << 20

# (name, lat, lon, geonameid, admin1, country, precision): a `Place` as plain values.
PlaceParts = tuple[str, Any, Any, Any, Any, Any, str]


class ClaimParts(NamedTuple):
    """What the linker keeps of one claim, as plain values (see `factfinder.link.batch`).

    `places_key` is `(places, fallback)` when every value has its usual type (so equal keys
    mean identical places and the parent may share them), else None.
    """

    primary: bool
    event_type: str
    perpetrator: str
    date: tuple[int | None, int | None, str] | None  # ordinal start, end, precision
    places: tuple[PlaceParts, ...]
    fallback: PlaceParts | None
    places_key: tuple[tuple[PlaceParts, ...], PlaceParts | None] | None
    killed: Counts
    injured: Counts
    claimant: tuple[str | None, str, str | None]  # name, type, statement
    spans: tuple[tuple[int, int], ...]
    stance: str = "alleges"


class DocLine(NamedTuple):
    """A documents line read: what the linker keeps of the document."""

    line: int
    doc_id: str
    publisher: str | None
    published: int | None  # ordinal day
    title: str | None
    text: str
    language: str | None = None


class ClaimsLine(NamedTuple):
    """A claims line read: its number, document id and claims."""

    line: int
    doc_id: str
    claims: tuple[ClaimParts, ...]


class LineFailure(NamedTuple):
    """A line that could not be read, as plain values (`InputError` does not survive pickling)."""

    line: int
    input: str
    problem: str
    stage: str | None

    def error(self) -> InputError:
        return InputError(self.input, self.problem, stage=self.stage)


class Chunk(NamedTuple):
    """A byte range of a file that starts and ends at line ends; `first_line` is 1-based.

    `path` names the file in JSON errors (as `read_jsonl` does, through `Path`), `label` in
    errors about the claims (as the caller named the file).
    """

    path: str
    label: str
    start: int
    end: int
    first_line: int


def file_chunks(path: str | Path, size: int = CHUNK_BYTES) -> list[Chunk]:
    """Byte ranges of about `size` that end at line ends, with the number of their first line."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise InputError(str(p), f"cannot open: {exc.strerror or exc}") from exc
    out: list[Chunk] = []
    with fh:
        start, line = 0, 1
        while True:
            fh.seek(start)
            data = fh.read(size)
            if not data:
                break
            lines = data.count(b"\n")
            end = start + len(data)
            if len(data) == size and not data.endswith(b"\n"):
                # Run on to the end of the line without holding it (a line may be huge).
                while block := fh.read(1 << 20):
                    cut = block.find(b"\n")
                    if cut >= 0:
                        end += cut + 1
                        lines += 1
                        break
                    end += len(block)
            out.append(Chunk(str(p), str(path), start, end, line))
            line += lines
            start = end
    return out


def _raw_lines(chunk: Chunk) -> list[tuple[int, bytes]]:
    """(number, bytes) of each line of the chunk, read as `read_jsonl` reads them."""
    out: list[tuple[int, bytes]] = []
    n = chunk.first_line
    with open(chunk.path, "rb") as fh:
        fh.seek(chunk.start)
        pos = chunk.start
        while pos < chunk.end:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            pos += len(raw)
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (more := fh.readline(MAX_LINE_BYTES)) and not more.endswith(b"\n"):
                    pos += len(more)
                pos += len(more)
                raw = raw[: MAX_LINE_BYTES + 1]  # over the limit: only its length matters
            out.append((n, raw))
            n += 1
    return out


def parse_line(raw: bytes, where: str) -> dict[str, Any]:
    """One JSON object from one line, with `read_jsonl`'s checks and messages."""
    if len(raw) > MAX_LINE_BYTES:
        raise InputError(where, f"line longer than {MAX_LINE_BYTES} bytes")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"invalid UTF-8 at byte {exc.start}") from exc
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise InputError(where, "not a JSON object")
    return obj


def _objects(chunk: Chunk) -> Iterator[tuple[int, dict[str, Any] | LineFailure]]:
    """(number, object or why not) of each non-blank line of a chunk."""
    for n, raw in _raw_lines(chunk):
        if not raw.strip():
            continue
        try:
            yield n, parse_line(raw, f"{chunk.path}:{n}")
        except InputError as exc:
            yield n, LineFailure(n, exc.input, exc.problem, exc.stage)


def read_chunk(chunk: Chunk) -> list[ClaimsLine | LineFailure]:
    """The claims lines of a chunk (blank lines skipped), or why each could not be read."""
    out: list[ClaimsLine | LineFailure] = []
    share: dict[Any, Any] = {}
    for n, obj in _objects(chunk):
        if isinstance(obj, LineFailure):
            out.append(obj)
            continue
        try:
            dc = DocumentClaims.from_json(obj)
        except InvalidRecord as exc:
            out.append(LineFailure(n, f"{chunk.label}:{n}", str(exc), "link"))
            continue
        out.append(ClaimsLine(n, dc.id, claim_parts(dc.claims, share)))
    return out


def read_docs_chunk(chunk: Chunk) -> list[DocLine | LineFailure]:
    """The documents lines of a chunk (blank lines skipped), or why each could not be read."""
    out: list[DocLine | LineFailure] = []
    for n, obj in _objects(chunk):
        if isinstance(obj, LineFailure):
            out.append(obj)
            continue
        try:
            doc = Document.from_json(obj)
        except InvalidRecord as exc:
            out.append(LineFailure(n, f"{chunk.label}:{n}", str(exc), "link"))
            continue
        out.append(
            DocLine(
                n,
                doc.id,
                doc.publisher,
                doc.published.toordinal() if doc.published else None,
                doc.title,
                doc.text,
                doc.language,
            )
        )
    return out


def claim_parts(
    claims: tuple[Claim, ...], share: dict[Any, Any] | None = None
) -> tuple[ClaimParts, ...]:
    """The plain parts of a document's claims (with the document's fallback place).

    Equal places and counts become one object through `share`.
    """
    same: dict[Any, Any] = {} if share is None else share
    fallback_place, _ = document_hints(claims)
    fallback = None if fallback_place is None else _place(fallback_place)
    out = []
    for c in claims:
        places = tuple(_place(p) for p in c.places)
        key = None
        if _usual(fallback_place) and all(_usual(p) for p in c.places):
            key = same.setdefault((places, fallback), (places, fallback))
            places = key[0]
        d = c.date
        date = (
            None
            if d is None
            else (
                d.start.toordinal() if d.start else None,
                d.end.toordinal() if d.end else None,
                d.precision,
            )
        )
        cl = c.claimant
        killed, injured = _counts(c.killed), _counts(c.injured)
        out.append(
            ClaimParts(
                c.primary,
                c.event_type,
                c.perpetrator.group,
                date,
                places,
                fallback,
                key,
                same.setdefault(killed, killed),
                same.setdefault(injured, injured),
                (cl.name, cl.type, cl.statement),
                c.spans,
                c.stance,
            )
        )
    return tuple(out)


def claim_words(
    docs: list[tuple[str, str | None, tuple[Spans, ...], tuple[bool, ...], tuple[bool, ...]]],
) -> tuple[list[tuple[Words, Words, str, str]], dict[str, int], list[int]]:
    """Names, words, normalised sentences and script of each claim of each document, how many
    claims use each word, and each claim's day hint (`records.pack_hint`; read only for the
    claims marked undated, 0 for the others). A document is (text, title, the spans of each of
    its claims, whether each is undated, whether each answers another: an answer's words, the
    incident's own sentence again, are not counted, `counted_in_df`)."""
    texts: list[str] = []
    hints: list[int] = []
    answers: list[bool] = []
    for text, title, claims, undated, answering in docs:
        for spans, bare, answer in zip(claims, undated, answering, strict=True):
            sentences = claim_text(text, spans, title)
            texts.append(sentences)
            hints.append(hint_of(sentences) if bare else 0)
            answers.append(answer)
    words, counts = word_chunk(texts, answers)
    return words, counts, hints


def _place(p: Place) -> PlaceParts:
    return (p.name, p.lat, p.lon, p.geonameid, p.admin1, p.country, p.precision)


def _usual(p: Place | None) -> bool:
    """Whether a place's values have their usual types, so that equal means identical
    (36 == 36.0, but the output would print them differently)."""
    if p is None:
        return True
    return (
        type(p.lat) in (float, type(None))
        and type(p.lon) in (float, type(None))
        and type(p.geonameid) in (int, type(None))
        and type(p.admin1) in (str, type(None))
        and type(p.country) in (str, type(None))
    )


def _counts(c: Casualties) -> Counts:
    out: list[Count | None] = []
    for key in COUNT_KEYS:
        r = c.get(key)
        out.append(None if r is None else (r.min, r.max))
    return tuple(out)


def place_of(parts: PlaceParts) -> Place:
    """The `Place` of its plain parts."""
    name, lat, lon, geonameid, admin1, country, precision = parts
    return Place(name, lat, lon, geonameid, admin1, country, precision)
