"""Calendar facts shared by the grammars.

A date keeps only the precision its words give: "February 11, 2025" -> 2025-02-11 (day),
"January 2025" -> 2025-01 (month), "2011" -> 2011 (year). A date written without its year
keeps what it has, with the year unspecified as ISO 8601-2 (EDTF) writes it: "March 9" ->
XXXX-03-09 (precision month_day), "December" -> XXXX-12 (yearless_month); resolve.py then fills
the year from the reference date (or the
document's other dates) and flags it `date_inferred`.
"""
from __future__ import annotations

import calendar
import datetime as dt

EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
TR_MONTHS = {
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
}
EN_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
TR_WEEKDAYS = {"pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5, "pazar": 6}


def month_number(word: str) -> int:
    w = word.rstrip(".")
    return EN_MONTHS.get(w.lower()) or TR_MONTHS[w.replace("I", "ı").replace("İ", "i").lower()]


# Precision of a yearless date, and the precision it has once its year is known.
YEARLESS = {"month_day": "day", "yearless_month": "month"}
YEAR_UNKNOWN = "XXXX"


# Not ISO 8601's --03-09: a cell starting with "-" is a formula to a spreadsheet, and the CSV guard
# would have to alter the date.
def is_yearless(date: str | None) -> bool:
    return bool(date) and date.startswith(YEAR_UNKNOWN)


def yearless(month: int, day: int | None = None) -> tuple[str, str]:
    """(date, precision) of a date whose year the text does not give. An impossible day
    ("30 February") keeps only the month."""
    if day is None or not valid_day(2000, month, day):  # 2000 is a leap year: 29 February exists
        return f"{YEAR_UNKNOWN}-{month:02d}", "yearless_month"
    return f"{YEAR_UNKNOWN}-{month:02d}-{day:02d}", "month_day"


def parts(date: str) -> tuple[int | None, int | None, int | None]:
    """'2025-03-09' -> (2025, 3, 9); 'XXXX-03-09' -> (None, 3, 9); '2025' -> (2025, None, None)."""
    if is_yearless(date):
        fields = date[len(YEAR_UNKNOWN) + 1:].split("-")
        return None, int(fields[0]), int(fields[1]) if len(fields) > 1 else None
    fields = [int(f) for f in date.split("-")]
    return fields[0], fields[1] if len(fields) > 1 else None, fields[2] if len(fields) > 2 else None


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def add_months(d: dt.date, months: int) -> tuple[int, int]:
    n = d.year * 12 + (d.month - 1) + months
    return n // 12, n % 12 + 1


def closest_year(month: int, day: int | None, ref: dt.date) -> int:
    """Year that puts (month, day) nearest the reference date: a report dated 2 January
    that says "December 30" means the previous December."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = min(day or 15, calendar.monthrange(y, month)[1])
        gap = abs((dt.date(y, month, d) - ref).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1]


UNIT_DAYS = {"day": 1, "week": 7}


def resolve_relative(unit: str, offset: int, ref: dt.date | None) -> tuple[str | None, str]:
    """Date of the calendar `unit` (day, week, month, year) `offset` units from ref.

    Weeks resolve to None/"unknown": a week is not a precision the schema can hold, and
    giving its Monday as a day would claim more than the words say.
    """
    if ref is None or unit in ("week", "decade"):
        return None, "unknown"
    if unit == "day":
        return (ref + dt.timedelta(days=offset)).isoformat(), "day"
    if unit == "month":
        return iso(*add_months(ref, offset)), "month"
    return iso(ref.year + offset), "year"


def last_weekday(weekday: int, ref: dt.date, mod: str | None) -> dt.date:
    """'on Thursday' in a report means the latest Thursday on or before its date
    ('next Thursday' the first one after it, 'last Thursday' the one before the latest)."""
    back = (ref.weekday() - weekday) % 7
    d = ref - dt.timedelta(days=back)
    if mod == "next":
        return d + dt.timedelta(days=7)
    if mod == "last" and back == 0:
        return d - dt.timedelta(days=7)
    return d
