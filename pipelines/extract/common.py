"""Pieces both grammars share: match coordinates and date-mention construction."""
from __future__ import annotations

import re

from pipelines.extract import dates
from pipelines.extract.mention import Mention

# (month, day) of a date whose year must come from elsewhere in the document.
Pending = tuple[int, int | None]


def end(m: re.Match) -> int:
    """End of the mention in the unpadded text.

    Grammars scan " " + text and open each match by consuming the separator before the
    mention, so m.start() of the padded string is already the mention's start in text, and
    the mention ends one character before m.end()."""
    return m.end() - 1


def date_mention(m, kind, date, precision, inferred=False, qualifier=None, lower=None, upper=None, pending=None):
    s, e = m.start(), m.end() - 1
    return (
        Mention(s, e, m.string[s + 1:e + 1], kind, None, None, date, precision, inferred,
                False, qualifier, lower, upper),
        pending,
    )




def day_month_year(m, ref, day_text: str, month_text: str, year_text: str | None):
    """A day-month date, with its year as written, else the year nearest `ref`, else pending
    (resolved later from the document's other dates). An impossible day keeps only the month."""
    month = dates.month_number(month_text)
    day = int(re.match(r"\d+", day_text).group(0))  # "9th" -> 9
    if year_text:
        year = int(year_text)
        if dates.valid_day(year, month, day):
            return date_mention(m, "date", dates.iso(year, month, day), "day")
        return date_mention(m, "date", dates.iso(year, month), "month")
    if ref is not None:
        year = dates.closest_year(month, day, ref)
        if dates.valid_day(year, month, day):
            return date_mention(m, "date", dates.iso(year, month, day), "day", inferred=True)
    return date_mention(m, "date", None, "unknown", pending=(month, day))


def iso_date(m, text, ref):
    """YYYY-MM-DD (groups iso_y, iso_m, iso_d in both grammars); not a date if the day is impossible."""
    y, mo, d = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    return date_mention(m, "date", dates.iso(y, mo, d), "day") if dates.valid_day(y, mo, d) else None
