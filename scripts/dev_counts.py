#!/usr/bin/env python3
"""Dev harness: score the number, casualty and date parts alone on FA-KES (or any set).

    .venv/bin/python scripts/dev_counts.py ../shared/eval/fakes/docs_nopub.jsonl -o /tmp/x2.jsonl \
        [--pick first|lede|largest|first2] [--people-are-civilians] [--later-breakdowns] \
        [--date-rule report|event]
    python3 ../shared/eval/score.py extract --set fakes --pred /tmp/x2.jsonl

It writes one primary claim per document holding only counts and a date, chosen the simple
way, so that changes to numbers/casualties/dates can be measured without the assembly:

* the incident is the first sentence with a *precise* killed count (a sentence with only
  "dozens" is the fallback), skipping a war's running toll ("since 2011"); `--pick lede`
  prefers the lede over the headline, `largest` the sentence with the largest count, `first2`
  merges the first two sentences with counts;
* its counts are `combine`d from that sentence's mentions; `--later-breakdowns` adds children
  and women counts that stand alone in the next two sentences ("Six children were among the
  dead"); `--people-are-civilians` reads "people" as civilians (see `combine`);
* the date (`--date-rule report`, the default) is `published`, else the dateline, else the first
  day-precision date; `event` takes the first day date of the incident's sentence instead.

It is a yardstick for these parts, not the claim assembly (that is `factfinder extract`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import replace

from factfinder.extract.casualties import combine, find_casualties, is_vague
from factfinder.extract.dates import find_dates, read_dateline
from factfinder.mentions import CountMention, DateMention
from factfinder.model import Casualties, Claim, DateWindow, DocumentClaims, parse_date

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")


def sentences(text: str, title: str | None) -> Iterator[tuple[int, int]]:
    """Rough sentence spans; the title, when the text repeats it near the start, is its own."""
    pos = 0
    if title:
        at = text.find(title.strip(), 0, 200 + len(title))
        if at >= 0:
            if at > 0:
                yield 0, at
            yield at, at + len(title.strip())
            pos = at + len(title.strip())
    for m in _SENTENCE_END.finditer(text, pos):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


# A war's running toll, not an incident: "the war that has killed more than 280000 people".
_BACKGROUND = re.compile(
    r"\b(?:war|conflict|crisis|uprising|revolt|revolution)\b[^.]*\bsince\b|"
    r"\bsince\b[^.]*\b(?:war|conflict|crisis|uprising)\b|\bsince\s+(?:19|20)\d\d\b|"
    r"\bsince\s+(?:it|the\s+\w+)\s+(?:began|started|erupted)",
    re.I,
)


def _breakdowns_after(
    per_sentence: list[tuple[tuple[int, int], list[CountMention]]],
    span: tuple[int, int],
    found: list[CountMention],
) -> list[CountMention]:
    """Children/women killed in the next sentences when they stand alone ("Six children were
    among the dead"): breakdowns of the primary count that the lede did not give."""
    have = {m.victims for m in found if m.outcome == "killed"}
    out: list[CountMention] = []
    after = [f for s, f in per_sentence if s[0] >= span[1]][:2]
    for mentions in after:
        killed = [m for m in mentions if m.outcome == "killed"]
        if any(m.victims in ("total", "civilians", "combatants") for m in killed):
            break
        for m in killed:
            if m.victims in ("children", "women") and m.victims not in have:
                out.append(replace(m, sub_of=None))
                have.add(m.victims)
    return out


def pick_counts(
    text: str,
    title: str | None,
    rule: str,
    people_as_civilians: bool,
    later_breakdowns: bool = False,
) -> tuple[Casualties, list[tuple[int, int]]]:
    per_sentence: list[tuple[tuple[int, int], list[CountMention]]] = []
    spans = list(sentences(text, title))
    for a, b in spans:
        found = find_casualties(text, a, b)
        if any(m.outcome == "killed" for m in found) and not _BACKGROUND.search(text, a, b):
            per_sentence.append(((a, b), found))
    # A sentence with a figure beats one with only "dozens"; vague ones are the fallback.
    precise = [
        s
        for s in per_sentence
        if any(m.outcome == "killed" and not is_vague(m.range) for m in s[1])
    ]
    per_sentence = precise or per_sentence
    if rule == "lede" and len(per_sentence) > 1 and title:
        at = text.find(title.strip())
        if at >= 0 and per_sentence[0][0][0] <= at < per_sentence[0][0][1]:
            first_body = per_sentence[1]
            if first_body[0][0] <= spans[min(len(spans) - 1, 3)][0]:
                per_sentence = per_sentence[1:]
    if not per_sentence:
        return Casualties(), []
    if rule == "largest":
        span, found = max(
            per_sentence,
            key=lambda s: max((m.range.min or 0) for m in s[1] if m.outcome == "killed"),
        )
    elif rule == "title" and title:
        span, found = per_sentence[0]
    elif rule == "first2":
        span, found = per_sentence[0]
        if len(per_sentence) > 1:
            found = found + [
                replace(m, sub_of=None if m.sub_of is None else m.sub_of + len(found))
                for m in per_sentence[1][1]
            ]
    else:
        span, found = per_sentence[0]
    if later_breakdowns:
        found = found + _breakdowns_after(per_sentence, span, found)
    killed, _injured, _missing = combine(found, people_as_civilians=people_as_civilians)
    return killed, [span]


def pick_date(
    doc: dict[str, object], text: str, title: str | None, rule: str, spans: list[tuple[int, int]]
) -> DateMention | None:
    """`report`: the report's own date (published, else dateline), else the first day date.
    `event`: the first day-precision date of the incident's sentence, else as `report`."""
    published = parse_date(doc.get("published"))
    dateline = read_dateline(text, title, anchor=published)
    anchor = published or (dateline.window.start if dateline else None)
    dates = [
        d for d in find_dates(text, anchor=anchor) if dateline is None or d.start >= dateline.end
    ]
    if rule == "event" and spans:
        a, b = spans[0]
        own = [d for d in dates if a <= d.start < b and d.window.precision == "day"]
        if own:
            return own[0]
    if published is not None:
        return DateMention(0, 1, DateWindow.day(published), "dateline")
    if dateline is not None:
        return dateline
    return next((d for d in dates if d.window.precision == "day"), None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("docs")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument(
        "--pick", default="first", choices=["first", "largest", "title", "first2", "lede"]
    )
    ap.add_argument(
        "--people-are-civilians",
        action="store_true",
        help="set killed.civilians to the total when the text names no category",
    )
    ap.add_argument("--date-rule", default="report", choices=["report", "event"])
    ap.add_argument(
        "--later-breakdowns",
        action="store_true",
        help="add stand-alone children/women counts of the next two sentences",
    )
    args = ap.parse_args(argv)
    started = time.perf_counter()
    n = 0
    with open(args.docs, encoding="utf-8") as src, open(args.output, "w", encoding="utf-8") as out:
        for line in src:
            doc = json.loads(line)
            text, title = doc["text"], doc.get("title")
            killed, spans = pick_counts(
                text, title, args.pick, args.people_are_civilians, args.later_breakdowns
            )
            date = pick_date(doc, text, title, args.date_rule, spans)
            claim = Claim(
                killed=killed,
                date=date.window if date else None,
                spans=tuple(spans) or ((0, max(1, min(len(text), 1))),),
                primary=True,
            )
            out.write(json.dumps(DocumentClaims(doc["id"], (claim,)).to_json()) + "\n")
            n += 1
    took = time.perf_counter() - started
    print(f"{n} documents in {took:.1f} s ({n / took:.0f}/s) -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
