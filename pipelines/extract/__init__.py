"""Find every number and date expression in a report, exactly where it is.

    from pipelines.extract import extract_mentions, Mention
    extract_mentions(text, lang="en", reference_date=None) -> list[Mention]

Pure Python: one compiled master regex per language, scanned once (see english.py for the
span rules, turkish.py for Turkish suffixes). Mentions come back sorted by (start, end) and
never overlap, because they are the non-overlapping matches of that single scan.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt

from pipelines.extract import dates, english, turkish
from pipelines.extract.mention import KINDS, Mention

__all__ = ["extract_mentions", "Mention", "KINDS"]

_GRAMMARS = {"en": english.extract, "tr": turkish.extract}


def extract_mentions(text: str, *, lang: str = "en", reference_date: dt.date | None = None) -> list[Mention]:
    try:
        grammar = _GRAMMARS[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(_GRAMMARS)}") from None
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    found = grammar(text, reference_date)
    if any(p is not None for _, p in found):
        return _infer_years(found)
    return [m for m, _ in found]


def _infer_years(found) -> list[Mention]:
    """Give yearless dates ("March 9") the year of the nearest date in the same document
    whose year is written out. Without one, they stay date=None, precision "unknown"."""
    anchors = [
        (m.start, int(m.date[:4]))
        for m, p in found
        if p is None and m.date and not m.date_inferred and m.kind in ("date", "year")
    ]
    starts = [a[0] for a in anchors]
    out = []
    for m, pending in found:
        if pending is not None and anchors:
            i = bisect.bisect_left(starts, m.start)
            near = [anchors[j] for j in (i - 1, i) if 0 <= j < len(anchors)]
            year = min(near, key=lambda a: abs(a[0] - m.start))[1]
            month, day = pending
            if day is not None and dates.valid_day(year, month, day):
                m = dataclasses.replace(m, date=dates.iso(year, month, day), date_precision="day", date_inferred=True)
            else:
                m = dataclasses.replace(m, date=dates.iso(year, month), date_precision="month", date_inferred=True)
        out.append(m)
    return out
