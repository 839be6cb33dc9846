"""Spreadsheets — XLSX (openpyxl), ODS (lxml over `content.xml`) and CSV (`csv`) — read as
tables, not as one blob of cells.

Each sheet's rows are kept in order. The first non-empty row of a sheet is its header when
every cell in it is text; every later row then becomes one line naming each value by its
column's header — `Name: Samir Haddad; Age: 34; Date: 2024-03-04` — so that a list of victims
or of incidents is read row by row, each row a unit (a value under no header is named by its
column letter). A sheet without such a header gives its rows as values joined by "; ". Each
sheet opens with a line naming it and the rows it holds (`Sheet "Victims", rows 2–4:`), and a
row line that does not follow the one before it in the sheet (an empty row between) begins
with its row number (`[row 9]`), so that a line can be found again in the file. Dates are
written ISO 8601, whole numbers without a decimal point, formulas as their last computed value
(XLSX) or cached value (ODS).

Title, author and the file's creation and modification dates come from the document
properties (XLSX `docProps/core.xml` through openpyxl, ODS `meta.xml`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part, document_title
from factfinder.intake.text_file import decode_text
from factfinder.intake.times import as_utc, parse_iso

MAX_CELLS = 10_000_000  # cells read from one file; past this the rest is not read
MAX_REPEAT = 1_000  # an ODS cell or row repeated more than this is one cell or row (padding)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet's non-empty rows as (row number from 1, cell texts)."""

    name: str | None
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def read_xlsx(part: Part) -> Extracted:
    """The sheets of an XLSX workbook as lines of named values, and its properties."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(part.path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, BadZipFile, … on a broken package
        raise InputError(
            part.label, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"
        ) from exc
    try:
        budget = _Budget(part.label)
        sheets = [
            Sheet(ws.title, tuple(budget.rows(ws.iter_rows(min_row=1, values_only=True))))
            for ws in book.worksheets
        ]
        props = book.properties
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            part.label, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        book.close()
    return Extracted(
        text=tables_text(sheets),
        title=document_title(props.title),
        author=props.creator or None,
        file_created=as_utc(props.created) if props.created else None,
        file_modified=as_utc(props.modified) if props.modified else None,
        notes=budget.notes(),
    )


def read_csv(part: Part) -> Extracted:
    """A CSV file (comma, semicolon or tab separated, as its first lines tell) as a table."""
    try:
        data = part.path.read_bytes()
    except OSError as exc:
        raise InputError(part.label, f"cannot read: {exc.strerror or exc}") from exc
    text = decode_text(data, part.label).lstrip("\ufeff")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    budget = _Budget(part.label)
    try:
        rows = tuple(budget.rows(csv.reader(io.StringIO(text, newline=""), dialect)))
    except csv.Error as exc:
        raise InputError(part.label, f"malformed CSV ({exc})") from exc
    return Extracted(text=tables_text([Sheet(None, rows)]), notes=budget.notes())


def read_ods(part: Part) -> Extracted:
    """The sheets of an OpenDocument spreadsheet as lines of named values, and its metadata."""
    import lxml.etree

    from factfinder.intake import odf_file

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(part.path) as zf:
            content = lxml.etree.fromstring(odf_file.member(part, zf, "content.xml"), parser)
            meta_bytes = odf_file.member(part, zf, "meta.xml", required=False)
    except (zipfile.BadZipFile, OSError, lxml.etree.XMLSyntaxError) as exc:
        raise InputError(part.label, f"not a readable OpenDocument spreadsheet ({exc})") from exc
    budget = _Budget(part.label)
    sheets = [
        Sheet(table.get(odf_file.q("table", "name")), tuple(budget.rows(_ods_rows(table))))
        for table in content.iter(odf_file.q("table", "table"))
    ]
    meta = odf_file.metadata(meta_bytes, parser) if meta_bytes else {}
    return Extracted(
        text=tables_text(sheets),
        title=document_title(meta.get("title")),
        author=meta.get("initial-creator") or meta.get("creator"),
        file_created=parse_iso(meta.get("creation-date")),
        file_modified=parse_iso(meta.get("date")),
        notes=budget.notes(),
    )


def _ods_rows(table: Any) -> Iterator[list[str]]:
    from factfinder.intake import odf_file

    row_tag, cell_tags = (
        odf_file.q("table", "table-row"),
        {
            odf_file.q("table", "table-cell"),
            odf_file.q("table", "covered-table-cell"),
        },
    )
    repeat_rows, repeat_cells = (
        odf_file.q("table", "number-rows-repeated"),
        odf_file.q("table", "number-columns-repeated"),
    )
    for row in table.iter(row_tag):
        if _enclosing_table(row) is not table:
            continue  # a row of a table nested in a cell
        cells: list[str] = []
        for cell in row:
            if cell.tag not in cell_tags:
                continue
            value = _ods_value(cell)
            times = int(cell.get(repeat_cells) or 1)
            cells.extend([value] * min(times, MAX_REPEAT))
        times = int(row.get(repeat_rows) or 1)
        for _ in range(min(times, MAX_REPEAT)):
            yield cells


def _enclosing_table(element: Any) -> Any:
    from factfinder.intake import odf_file

    tag = odf_file.q("table", "table")
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _ods_value(cell: Any) -> str:
    from factfinder.intake import odf_file

    kind = cell.get(odf_file.q("office", "value-type"))
    if kind == "date":
        return str(cell.get(odf_file.q("office", "date-value")) or "").removesuffix("T00:00:00")
    paragraphs = [" ".join(odf_file.inline(p).split()) for p in cell.iter(*odf_file.PARAGRAPHS)]
    return " ".join(p for p in paragraphs if p)


class _Budget:
    """Counts the cells read from one file; past `MAX_CELLS` the rest is left out, and said."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.cells = 0
        self.cut = False

    def rows(self, source: Iterable[Sequence[Any]]) -> Iterator[tuple[int, tuple[str, ...]]]:
        for number, raw in enumerate(source, start=1):
            if self.cut:
                return
            cells = [cell_text(v) for v in raw]
            while cells and not cells[-1]:
                cells.pop()
            self.cells += len(cells)
            if self.cells > MAX_CELLS:
                self.cut = True
                return
            if any(cells):
                yield number, tuple(cells)

    def notes(self) -> tuple[str, ...]:
        if self.cut:
            return (f"only the first {MAX_CELLS} cells were read",)
        return ()


def cell_text(value: Any) -> str:
    """A cell's value as text: dates ISO 8601, whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return " ".join(str(value).split())


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_NUMBERISH = re.compile(r"^[\d\s.,:/+-]+$")


def _header(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 2 and not any(_NUMBERISH.match(c) for c in filled)


def tables_text(sheets: Sequence[Sheet]) -> str:
    """The sheets as text: a line naming each sheet, then a line per row (module docstring)."""
    blocks: list[str] = []
    for sheet in sheets:
        if not sheet.rows:
            continue
        rows = list(sheet.rows)
        header: Sequence[str] | None = None
        if _header(rows[0][1]) and len(rows) > 1:
            header = rows[0][1]
        first, last = rows[0][0], rows[-1][0]
        span = f"row {first}" if first == last else f"rows {first}\u2013{last}"
        name = f'Sheet "{sheet.name}", {span}:' if sheet.name else f"Table, {span}:"
        lines = [name]
        previous = None
        for number, cells in rows:
            if header is not None and number == rows[0][0]:
                lines.append("Columns: " + "; ".join(c for c in cells if c) + ".")
                previous = number
                continue
            if header is not None:
                named = [
                    f"{header[i] if i < len(header) and header[i] else 'Column ' + _column(i)}: "
                    f"{value}"
                    for i, value in enumerate(cells)
                    if value
                ]
            else:
                named = [value for value in cells if value]
            line = "; ".join(named)
            if previous is not None and number != previous + 1:
                line = f"[row {number}] {line}"
            lines.append(line if line.endswith((".", "!", "?")) else line + ".")
            previous = number
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
