"""Join two dates written as one stretch of time into a single date_range mention.

"29 Mayıs-14 Ağustos", "8 Aralık 2024-17 Ağustos 2025", "1 January-1 July 2025",
"January-April", "from 2011 to 2024", "between 8 December 2024 and 19 June 2025", and a day
range inside one month: "Dec. 9 - 13", "9-13 December". The mention spans both ends and the
connector; `date` is the start and `date_end` the end, both with the same precision. A year
written once at the end belongs to both ends ("1 January-1 July 2025"). Two dates of
different precision ("from January 1 to July 2025") or with a qualifier ("mid-June") stay two
mentions: one precision could not describe them.

Runs after the grammar's scan and before the yearless dates are resolved.
"""
from __future__ import annotations

import re

from pipelines.extract import dates
from pipelines.extract.mention import Mention

_FAMILY = {"day": "day", "month_day": "day", "month": "month", "yearless_month": "month", "year": "year"}

_CONNECTORS = {
    "en": r"\s*[-–—]\s*|\s+(?:to|through|until|till)\s+",
    "tr": r"\s*[-–—]\s*|\s+(?:ila|ile)\s+",
    "ar": r"\s*[-–—]\s*|\s+(?:إلى|الى|إلي|حتى|حتي)\s+(?:(?:ال)?عام\s+)?",
}
_AND = {"en": r"\s+and\s+", "tr": r"\s+(?:ile|ve)\s+", "ar": r"\s+و\s*"}
_BETWEEN = {"en": r"\b[Bb]etween\s+$", "tr": None, "ar": r"(?:بين|ما\s+بين)\s+$"}


def merge_date_ranges(found: list[tuple[Mention, str | None]], text: str, lang: str) -> list[tuple[Mention, str | None]]:
    connector = re.compile(_CONNECTORS[lang])
    and_ = re.compile(_AND[lang])
    between = re.compile(_BETWEEN[lang]) if _BETWEEN[lang] else None
    out: list[tuple[Mention, str | None]] = []
    i = 0
    while i < len(found):
        if i + 1 < len(found):
            a, ha = found[i]
            b, hb = found[i + 1]
            gap_is_connector = connector.fullmatch(text, a.end, b.start) is not None
            gap_is_and = (between is not None and and_.fullmatch(text, a.end, b.start) is not None
                          and between.search(text, max(0, a.start - 12), a.start) is not None)
            merged = None
            if gap_is_connector or gap_is_and:
                merged = (_two_dates(a, ha, b, hb, text) or _day_run(a, ha, b, text)
                          or _day_to_date(a, b, hb, text))
            elif a.kind == "range" and text[a.end:b.start].isspace():
                merged = _days_before_month(a, b, hb, text)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(found[i])
        i += 1
    return out


def _two_dates(a: Mention, ha, b: Mention, hb, text: str):
    if a.kind not in ("date", "year") or b.kind not in ("date", "year") or a.qualifier or b.qualifier:
        return None
    if not a.date or not b.date or _FAMILY.get(a.date_precision) != _FAMILY.get(b.date_precision):
        return None
    start, end = a.date, b.date
    ya, ma, da = dates.parts(start)
    yb, mb, db = dates.parts(end)
    hint = None
    if ya is None and yb is not None:  # "1 January-1 July 2025": the year is written once, at the end
        ya = yb if (ma, da or 1) <= (mb, db or 1) else yb - 1
        start = dates.iso(ya, ma, da)
    elif ya is not None and yb is None:
        yb = ya if (mb, db or 1) >= (ma, da or 1) else ya + 1
        end = dates.iso(yb, mb, db)
    elif ya is None and yb is None:
        hint = ha or hb
    if ya is not None and (yb, mb or 0, db or 0) < (ya, ma or 0, da or 0):
        return None  # "2025 - 2011": not a stretch of time
    precision = b.date_precision if yb is not None or ya is None else a.date_precision
    if ya is not None:
        precision = {"month_day": "day", "yearless_month": "month"}.get(precision, precision)
    return _range(a, b, text, start, end, precision), hint


def _day_run(a: Mention, ha, b: Mention, text: str):
    """'Dec. 9 - 13': a dated day, a dash, and a bare later day of the same month."""
    if a.kind != "date" or _FAMILY.get(a.date_precision) != "day" or a.qualifier:
        return None
    if b.kind != "number" or not b.text.isdigit() or len(b.text) > 2 or b.qualifier:
        return None
    year, month, day = dates.parts(a.date)
    last = int(b.text)
    if not day < last <= (dates.last_day(year, month) if year else dates.last_day(2000, month)):
        return None
    end = dates.iso(year, month, last) if year else dates.yearless(month, last)[0]
    return _range(a, b, text, a.date, end, a.date_precision), ha


def _day_to_date(a: Mention, b: Mention, hb, text: str):
    """'14 to 16 March', 'between 8 and 29 December': a bare day, then a dated day of a month."""
    if a.kind != "number" or not a.text.isdigit() or len(a.text) > 2 or a.qualifier or a.unit:
        return None
    if b.kind != "date" or _FAMILY.get(b.date_precision) != "day" or b.qualifier:
        return None
    year, month, day = dates.parts(b.date)
    if not 1 <= int(a.text) < day:
        return None
    start = dates.iso(year, month, int(a.text)) if year else dates.yearless(month, int(a.text))[0]
    return _range(a, b, text, start, b.date, b.date_precision), hb


def _days_before_month(a: Mention, b: Mention, hb, text: str):
    """'9-13 December (2024)': a range of day numbers right before a month."""
    if b.kind != "date" or _FAMILY.get(b.date_precision) != "month" or b.qualifier or (a.qualifier is not None and not a.qualifier.lower().endswith(("between", "بين"))):
        return None
    if a.lower is None or a.upper is None or a.unit is not None or a.lower != int(a.lower) or a.upper != int(a.upper):
        return None
    year, month, _ = dates.parts(b.date)
    first, last = int(a.lower), int(a.upper)
    top = dates.last_day(year, month) if year else dates.last_day(2000, month)
    if not 1 <= first < last <= top:
        return None
    if a.qualifier is not None:  # "between 8 and 29 December": "between" places the range, outside the span
        first_digit = re.search(r"\d", a.text).start()
        a = Mention(a.start + first_digit, a.end, a.text[first_digit:], a.kind)
    if year is None:
        return _range(a, b, text, dates.yearless(month, first)[0], dates.yearless(month, last)[0], "month_day"), hb
    return _range(a, b, text, dates.iso(year, month, first), dates.iso(year, month, last), "day"), None


def _range(a: Mention, b: Mention, text: str, start: str, end: str, precision: str) -> Mention:
    return Mention(a.start, b.end, text[a.start:b.end], "date_range", None, None, start, precision,
                   a.date_inferred or b.date_inferred, False, None, None, None, end)
