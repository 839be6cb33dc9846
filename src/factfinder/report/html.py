"""The case report as one self-contained HTML document (styles and charts inline).

`render_html(case_file)` is a pure function of the `CaseFile`: no clock, no random ids, no file
paths, dictionaries in insertion order and floats formatted to fixed precision — so the same case
file always gives the same bytes (`report --at CHECKPOINT` relies on it). Jinja2 autoescapes
everything that comes from the record; only the SVG this package draws is inserted as markup.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from factfinder.arabic import text_direction
from factfinder.geo.wof import ATTRIBUTION as PLACE_ATTRIBUTION
from factfinder.model import format_figure
from factfinder.report.labels import label
from factfinder.report.model import WITHHELD, CaseFile, IncidentEntry
from factfinder.report.periods import Counted, period_chart
from factfinder.report.svgmap import Marker, incident_map
from factfinder.report.timeline import Span, timeline_chart

if TYPE_CHECKING:
    from jinja2 import Environment

FIGURE_ROWS = (
    ("killed", "total", "Killed"),
    ("killed", "civilians", "Civilians killed"),
    ("killed", "children", "Children killed"),
    ("killed", "women", "Women killed"),
    ("killed", "men", "Men killed"),
    ("killed", "combatants", "Combatants killed"),
    ("injured", "total", "Injured"),
    ("injured", "civilians", "Civilians injured"),
    ("injured", "children", "Children injured"),
)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("factfinder.report", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["label"] = label
    env.filters["figure"] = format_figure
    env.filters["textdir"] = text_direction
    return env


def _css() -> str:
    return (
        resources.files("factfinder.report")
        .joinpath("templates/report.css")
        .read_text(encoding="utf-8")
    )


def markers(incidents: tuple[IncidentEntry, ...]) -> list[Marker]:
    """Each incident's map marker: its most precise place with a point, else its governorate."""
    out = []
    for e in incidents:
        label = f"{e.number}. {e.id}: {e.place_text}"
        point = next(
            (
                p
                for p in e.incident.places
                if p.lat is not None
                and p.lon is not None
                and p.precision not in ("governorate", "country")
            ),
            None,
        )
        admin1 = next((p.admin1 for p in e.incident.places if p.admin1), None)
        if point is not None:
            out.append(
                Marker(e.number, point.lat, point.lon, point.admin1 or admin1, point.country, label)
            )
        else:
            country = next((p.country for p in e.incident.places if p.country), None)
            areas = tuple(dict.fromkeys(p.admin1 for p in e.incident.places if p.admin1))
            out.append(Marker(e.number, None, None, admin1, country, label, areas))
    return out


def spans(incidents: tuple[IncidentEntry, ...]) -> list[Span]:
    out = []
    for e in incidents:
        d = e.incident.date
        label = e.place_text
        if d is None or d.start is None:
            out.append(Span(e.number, label, None, None))
        else:
            out.append(Span(e.number, label, d.start, d.end or d.start, d.precision))
    return out


def counted(incidents: tuple[IncidentEntry, ...]) -> list[Counted]:
    """Each incident as the chart by period counts it: its start date, the perpetrator most of
    its claims allege (as the incident list has it) and its smallest civilians-killed figure."""
    out = []
    for e in incidents:
        d = e.incident.date
        perpetrator = str(e.incident.extra.get("perpetrator") or "unknown")
        civilians = e.figure("killed", "civilians").min or 0
        out.append(Counted(d.start if d is not None else None, perpetrator, civilians))
    return out


def render_html(case_file: CaseFile) -> str:
    """The report. Deterministic: see the module docstring."""
    template = _environment().get_template("case_report.html")
    return template.render(
        cf=case_file,
        cp=case_file.checkpoint,
        s=case_file.summary(),
        css=_css(),
        map_svg=incident_map(markers(case_file.incidents)),
        periods_svg=period_chart(counted(case_file.incidents)),
        timeline_svg=timeline_chart(spans(case_file.incidents)),
        figure_rows=FIGURE_ROWS,
        case_notes=[n for n in case_file.notes if n.incident is None],
        withheld_mark=WITHHELD,
        place_attribution=PLACE_ATTRIBUTION,
    )
