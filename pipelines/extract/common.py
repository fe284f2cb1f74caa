"""Pieces every grammar shares: match coordinates and date-mention construction."""
from __future__ import annotations

import re

from pipelines.extract import dates
from pipelines.extract.mention import Mention

# How a yearless date finds its year (see resolve.py): "near" (the year that puts it nearest
# the reference date), "last"/"next" ("last May": strictly before / after the reference
# month), "offset:-1" ("December 8 last year"). None: the date needs no year.
Hint = str | None


def end(m: re.Match) -> int:
    """End of the mention in the unpadded text.

    Grammars scan " " + text and open each match by consuming the separator before the
    mention, so m.start() of the padded string is already the mention's start in text, and
    the mention ends one character before m.end()."""
    return m.end() - 1


def date_mention(m, kind, date, precision, inferred=False, qualifier=None, lower=None, upper=None,
                 hint: Hint = None, date_end=None, start=None):
    s, e = (m.start() if start is None else start), m.end() - 1
    return (
        Mention(s, e, m.string[s + 1:e + 1], kind, None, None, date, precision, inferred,
                False, qualifier, lower, upper, date_end),
        hint,
    )


def month_date(m, year: int | None, month: int, kind="date", qualifier=None, hint: Hint = "near"):
    """A month, with its year as written or yearless (resolved later)."""
    if year is not None:
        return date_mention(m, kind, dates.iso(year, month), "month", qualifier=qualifier)
    date, precision = dates.yearless(month)
    return date_mention(m, kind, date, precision, qualifier=qualifier, hint=hint)


def day_month_year(m, day_text: str, month_text: str, year_text: str | None, hint: Hint = "near"):
    """A day-month date, with its year as written, else yearless (resolved later from the
    reference date or the document's other dates). An impossible day keeps only the month."""
    month = dates.month_number(month_text)
    day = int(re.match(r"\d+", day_text).group(0))  # "9th" -> 9
    if year_text:
        year = int(year_text)
        if dates.valid_day(year, month, day):
            return date_mention(m, "date", dates.iso(year, month, day), "day")
        return date_mention(m, "date", dates.iso(year, month), "month")
    date, precision = dates.yearless(month, day)
    return date_mention(m, "date", date, precision, hint=hint)


def iso_date(m, text, ref):
    """YYYY-MM-DD (groups iso_y, iso_m, iso_d in every grammar); not a date if the day is impossible."""
    y, mo, d = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    return date_mention(m, "date", dates.iso(y, mo, d), "day") if dates.valid_day(y, mo, d) else None


def month_span(m, year: int | None, first: int, last: int, qualifier=None, hint: Hint = "near", start=None):
    """A run of whole months (a quarter, a half, "January-April", "the first seven months of
    2025") as a date_range of month precision; yearless when the text gives no year."""
    if year is not None:
        end_year = year if last >= first else year + 1
        return date_mention(m, "date_range", dates.iso(year, first), "month", qualifier=qualifier,
                            date_end=dates.iso(end_year, last), start=start)
    return date_mention(m, "date_range", dates.yearless(first)[0], "yearless_month", qualifier=qualifier,
                        hint=hint, date_end=dates.yearless(last)[0], start=start)


def number_mention(start, end, text, kind, value, unit=None, qualifier=None, side=None):
    """A figure with its qualifier; the bound the qualifier implies goes to lower/upper."""
    from pipelines.extract.qualifiers import bounds

    lower, upper = bounds(value, side)
    return Mention(start, end, text[start:end], kind, value, unit, None, None, False, qualifier is not None,
                   qualifier, lower, upper), None
