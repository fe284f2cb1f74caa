"""Give yearless dates their year, once every mention of the document is known.

A grammar writes a date without a year as `--MM-DD` / `--MM` (precision month_day /
yearless_month) with a hint. This pass picks the year, flags it `date_inferred` and sets the
precision the words give (day / month); when no year can be justified the date stays yearless.

* With a reference date (the source's publication day):
  - after "since" ("-den beri", "-dan bu yana", "-dan bugüne", "منذ") the date is the latest
    one on or before the reference day: "since December 8" in a report of 15 December 2024
    is 2024-12-08, never a date after the report;
  - "last May" / "next May": strictly before / after the reference month;
  - "December 8 last year": the reference year minus one;
  - otherwise the year that puts the date nearest the reference day.
* A date that ends a range opened by a dated mention ("from 9 December 2024 through
  mid-June") falls on or after that start, with or without a reference date.
* Without a reference date, a plain yearless date takes the year that puts it nearest the
  nearest date of the document whose year is written; a "since" date and the relative
  forms above stay yearless (only the day of writing could place them).
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re

from pipelines.extract import dates
from pipelines.extract.mention import Mention

# Words before a date that make it a start in the past ("since"), and words after it.
_SINCE_BEFORE = {
    "en": re.compile(r"(?:\b[Ss]ince|\b[Ee]ver\s+since)\s+(?:the\s+)?$"),
    "tr": re.compile(r"\b[Gg]eçen\s+$"),
    "ar": re.compile(r"(?:منذ|مُنذ)\s+(?:يوم\s+)?$"),
}
_SINCE_AFTER = {
    "tr": re.compile(r"(?:['’]?(?:[dt][ae]n)|\s+tarihinden|\s+gününden)\s+(?:bu\s+yana|beri|bugüne)"),
}
# What lies between a dated start and a yearless date that ends its range.
_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+(?:through|to|until|till|ila|ile|إلى|حتى)\s+")


def resolve_years(found: list[tuple[Mention, str | None]], text: str, lang: str, ref: dt.date | None) -> list[Mention]:
    anchors = [
        (m.start, [dates.parts(d) for d in (m.date, m.date_end) if d])
        for m, hint in found
        if hint is None and m.date and not dates.is_yearless(m.date) and not m.date_inferred
        and m.kind in ("date", "year", "date_range")
    ]
    starts = [a[0] for a in anchors]
    out: list[Mention] = []
    for m, hint in found:
        if hint is None or not dates.is_yearless(m.date):
            out.append(m)
            continue
        _, month, day = dates.parts(m.date)
        context = _context(m, text, lang, out[-1] if out else None)
        year = None
        if context == "after":
            year = _after(out[-1], month, day)
        elif ref is not None:
            year = _with_ref(hint if context is None else context, month, day, ref)
        elif hint == "near" and context is None and anchors:
            i = bisect.bisect_left(starts, m.start)
            near = [anchors[j] for j in (i - 1, i) if 0 <= j < len(anchors)]
            year = _near_anchor(min(near, key=lambda a: abs(a[0] - m.start))[1], month, day)
        out.append(m if year is None else _with_year(m, year))
    return out


def _context(m: Mention, text: str, lang: str, previous: Mention | None) -> str | None:
    if (previous is not None and previous.date and not dates.is_yearless(previous.date)
            and previous.kind in ("date", "date_range") and _RANGE_GAP.fullmatch(text, previous.end, m.start)):
        return "after"
    since_before = _SINCE_BEFORE.get(lang)
    if since_before is not None and since_before.search(text, max(0, m.start - 24), m.start):
        return "past"
    since_after = _SINCE_AFTER.get(lang)
    if since_after is not None and since_after.match(text, m.end):
        return "past"
    return None


def _after(previous: Mention, month: int, day: int | None) -> int:
    py, pm, pd = dates.parts(previous.date_end or previous.date)
    pm = pm or 1
    return py if (month, day or 1) >= (pm, pd or 1) else py + 1


def _with_ref(hint: str, month: int, day: int | None, ref: dt.date) -> int:
    if hint == "past":
        return ref.year if (month, day or 1) <= (ref.month, ref.day) else ref.year - 1
    if hint == "last":
        return ref.year if month < ref.month else ref.year - 1
    if hint == "next":
        return ref.year if month > ref.month else ref.year + 1
    if hint.startswith("offset:"):
        return ref.year + int(hint.split(":")[1])
    return dates.closest_year(month, day, ref)


def _near_anchor(anchor: list[tuple[int, int | None, int | None]], month: int, day: int | None) -> int:
    """The year that puts (month, day) nearest the anchor: a date, or either end of a range."""
    best = None
    for year, a_month, a_day in anchor:
        if a_month is None:
            candidate = (366, year)  # a bare year: take it, unless a dated end is closer
        else:
            at = dt.date(year, a_month, a_day or 15)
            y = dates.closest_year(month, day, at)
            candidate = (abs((dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1])) - at).days), y)
        best = candidate if best is None or candidate < best else best
    return best[1]


def _with_year(m: Mention, year: int) -> Mention:
    _, month, day = dates.parts(m.date)
    date, precision = _dated(year, month, day)
    date_end = None
    if m.date_end is not None:
        _, end_month, end_day = dates.parts(m.date_end)
        end_year = year if (end_month, end_day or 1) >= (month, day or 1) else year + 1
        date_end, _ = _dated(end_year, end_month, end_day)
    return dataclasses.replace(m, date=date, date_end=date_end, date_precision=precision, date_inferred=True)


def _dated(year: int, month: int, day: int | None) -> tuple[str, str]:
    if day is not None and day <= calendar.monthrange(year, month)[1]:
        return dates.iso(year, month, day), "day"
    return dates.iso(year, month), "month"
