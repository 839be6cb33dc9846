"""Times as intake reports them: timezone-aware UTC datetimes, written as ISO 8601 with `Z`.

A time without a zone is taken as UTC (WARC dates, DOCX core properties and tar headers are
UTC by their specifications; for the rest it is the least wrong reading of a bare value).
"""

from __future__ import annotations

import datetime as dt
import re

_PDF_DATE = re.compile(
    r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?"
)


def as_utc(when: dt.datetime) -> dt.datetime:
    """`when` in UTC; a naive value is taken to be UTC already."""
    if when.tzinfo is None:
        return when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC)


def utc_iso(when: dt.datetime) -> str:
    """`2017-11-04T10:00:00Z`."""
    return as_utc(when).isoformat().replace("+00:00", "Z")


def epoch_to_utc(seconds: float) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_iso(text: str | None) -> dt.datetime | None:
    """An ISO 8601 date or date-time (`2017-11-04`, `2017-11-04T10:00:00Z`) in UTC, or None."""
    if not text:
        return None
    value = text.strip()
    try:
        if len(value) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), dt.UTC)
        return as_utc(dt.datetime.fromisoformat(value))
    except ValueError:
        return None


def parse_pdf_date(text: str | None) -> dt.datetime | None:
    """A PDF date string (`D:20171104103000+01'00'`) in UTC, or None when it is not one."""
    if not text:
        return None
    m = _PDF_DATE.match(text.strip())
    if not m:
        return None
    year, month, day, hour, minute, second = (
        int(g) if g else d for g, d in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0), strict=True)
    )
    tz = dt.UTC
    if m.group(8):
        offset = dt.timedelta(hours=int(m.group(9)), minutes=int(m.group(10) or 0))
        tz = dt.timezone(offset if m.group(8) == "+" else -offset)
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=tz).astimezone(dt.UTC)
    except ValueError:
        return None
