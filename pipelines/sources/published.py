"""Read a publication date as a corpus writes it, without sharpening it.

The corpus metadata gives `published` as a day (`2024-12-15`, `2025-11-01 (Saturday)`), a month
(`2011-12 (URL path)`), a year with commentary (`2021 (circular); ~Mar/Apr 2021 (bound …)`), two
alternatives (`2025-06/07 (…)`, `2025-08-06/07`), bounds (`~2025-06-06..2025-06-14 (bound)`,
`~2025-12-19..22`) or an inference (`~2025-04 (inferred)`, `~2026-02-02`). Each becomes the earliest
and latest day it allows, a precision (`day`, `month`, `year`, `range`), whether it is inferred (a
leading `~` or the word "inferred"), and a basis: the corpus's own basis plus any commentary, kept word
for word. The leading date expression alone sets the bounds; the commentary never narrows them.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from pipelines.errors import Problem, TsrError

_Y, _M, _D = r"(?P<y>\d{4})", r"(?P<m>\d{2})", r"(?P<d>\d{2})"
# The leading date expression, most specific first. Named groups: y, m, d (first day), then the end.
# A form must end where no digit, '-', '/' or '.' continues it: "2025-1" is not the year 2025.
_FORMS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(pattern + r"(?![\d/.\-])")) for name, pattern in (
    ("day_to_day", rf"{_Y}-{_M}-{_D}\.\.(?P<y2>\d{{4}})-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})"),  # 2025-06-06..2025-06-14
    ("day_to_month_day", rf"{_Y}-{_M}-{_D}\.\.(?P<m2>\d{{2}})-(?P<d2>\d{{2}})"),          # 2025-06-28..07-02
    ("day_to_day_of_month", rf"{_Y}-{_M}-{_D}\.\.(?P<d2>\d{{2}})"),                       # 2025-12-19..22
    ("day_or_day", rf"{_Y}-{_M}-{_D}/(?P<d2>\d{{2}})"),                                   # 2025-08-06/07
    ("day", rf"{_Y}-{_M}-{_D}"),                                                          # 2024-12-15
    ("month_or_month", rf"{_Y}-{_M}/(?P<m2>\d{{2}})"),                                    # 2025-06/07
    ("month", rf"{_Y}-{_M}"),                                                             # 2011-12
    ("year", rf"{_Y}"),                                                                   # 2021
))
_PRECISION = {"day": "day", "month": "month", "year": "year"}  # every other form is a range
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_INFERRED_WORD = re.compile(r"\binferred\b", re.IGNORECASE)


@dataclass(frozen=True)
class PublishedDate:
    earliest: str  # YYYY-MM-DD
    latest: str
    precision: str  # day | month | year | range
    inferred: bool
    basis: str
    as_given: str

    def as_meta(self) -> dict:
        """The `published` mapping of a source's metadata file."""
        return {"earliest": self.earliest, "latest": self.latest, "precision": self.precision,
                "inferred": self.inferred, "basis": self.basis, "as_given": self.as_given}


def _refuse(file: str, as_given: str, why: str, code: str = "unreadable-published") -> TsrError:
    return TsrError(Problem(code, file, "published", f"{as_given!r}: {why}"))


def _day(year: str, month: str, day: str, file: str, as_given: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise _refuse(file, as_given, f"{year}-{month}-{day} is not a calendar date", "bad-date") from None


def _month(year: str, month: str, file: str, as_given: str) -> tuple[dt.date, dt.date]:
    first = _day(year, month, "01", file, as_given)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _bounds(form: str, g: dict, file: str, as_given: str) -> tuple[dt.date, dt.date]:
    if form == "year":
        return dt.date(int(g["y"]), 1, 1), dt.date(int(g["y"]), 12, 31)
    if form == "month":
        return _month(g["y"], g["m"], file, as_given)
    if form == "month_or_month":
        return _month(g["y"], g["m"], file, as_given)[0], _month(g["y"], g["m2"], file, as_given)[1]
    first = _day(g["y"], g["m"], g["d"], file, as_given)
    if form == "day":
        return first, first
    last = _day(g.get("y2") or g["y"], g.get("m2") or g["m"], g["d2"], file, as_given)
    return first, last


def _commentary(rest: str, file: str, as_given: str) -> str:
    """What follows the date: nothing, or a parenthetical / `;` clause. One parenthetical loses its parentheses."""
    rest = rest.strip()
    if not rest:
        return ""
    if rest[0] not in "(;":
        raise _refuse(file, as_given, f"after the date, expected '(' or ';' but found {rest[:20]!r}")
    if rest.count("(") != rest.count(")"):
        raise _refuse(file, as_given, "unbalanced parentheses in the commentary")
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        return rest[1:-1].strip()
    return rest.lstrip(";").strip()


def parse_published(as_given: str, basis: str | None = None, *, file: str = "") -> PublishedDate:
    """The bounds, precision, inference and basis of a publication date written as the corpus writes it.

    Raises TsrError naming `file` and the string: `unreadable-published` for a form it does not know,
    `bad-date` for an impossible calendar day, `end-before-start`, `weekday-mismatch`.
    """
    if not isinstance(as_given, str) or not as_given.strip():
        raise _refuse(file, str(as_given), "no publication date given")
    text = as_given.strip()
    inferred = text.startswith("~")
    body = text.lstrip("~").strip()
    for form, pattern in _FORMS:
        match = pattern.match(body)
        if match:
            break
    else:
        raise _refuse(file, as_given, "not a day (2024-12-15), month (2011-12), year (2021), alternatives "
                                      "(2025-06/07, 2025-08-06/07) or bounds (2025-06-06..2025-06-14, 2025-12-19..22)")
    earliest, latest = _bounds(form, match.groupdict(), file, as_given)
    if latest < earliest:
        raise _refuse(file, as_given, f"the end {latest} is before the start {earliest}", "end-before-start")
    if latest == earliest and form != "day":
        raise _refuse(file, as_given, "the two alternatives are the same day; write the day once")
    commentary = _commentary(body[match.end():], file, as_given)
    weekday = _WEEKDAYS.get(commentary.lower())
    if weekday is not None and (form != "day" or earliest.weekday() != weekday):
        raise _refuse(file, as_given, f"{earliest} is a {calendar.day_name[earliest.weekday()]}, not a {commentary}",
                      "weekday-mismatch")
    inferred = inferred or bool(_INFERRED_WORD.search(commentary))
    parts = [" ".join(p.split()) for p in (basis or "", commentary) if p and p.strip()]
    if len(parts) == 2 and parts[1].lower() in parts[0].lower():
        parts.pop()  # "URL path 2011/12" already says "(URL path)"
    return PublishedDate(
        earliest=earliest.isoformat(), latest=latest.isoformat(), precision=_PRECISION.get(form, "range"),
        inferred=inferred, basis="; ".join(parts) or "Publication date as given by the person who added the source; no further basis was recorded.",
        as_given=as_given)
