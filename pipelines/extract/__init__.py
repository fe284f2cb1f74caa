"""Find every number and date expression in a report, exactly where it is.

    from pipelines.extract import extract_mentions, Mention
    extract_mentions(text, lang="en", reference_date=None) -> list[Mention]

Pure Python: one compiled master regex per language, scanned once (see english.py for the
span rules, turkish.py for Turkish suffixes, arabic.py for Arabic). Two small passes follow
over the mentions found: ranges.py joins two dates written as one stretch of time, and
resolve.py gives yearless dates their year. Mentions come back sorted by (start, end) and
never overlap.
"""
from __future__ import annotations

import datetime as dt

from pipelines.extract import arabic, english, turkish
from pipelines.extract.mention import DATE_KINDS, KINDS, NUMERIC_KINDS, Mention
from pipelines.extract.ranges import merge_date_ranges
from pipelines.extract.resolve import resolve_years

__all__ = ["extract_mentions", "Mention", "KINDS", "NUMERIC_KINDS", "DATE_KINDS", "LANGUAGES"]

_GRAMMARS = {"en": english.extract, "tr": turkish.extract, "ar": arabic.extract}
LANGUAGES = tuple(sorted(_GRAMMARS))


def extract_mentions(text: str, *, lang: str = "en", reference_date: dt.date | str | None = None) -> list[Mention]:
    """Every mention in `text`. `reference_date` (a date, or an ISO string 'YYYY-MM-DD') is the
    day the text was written: it resolves "yesterday", "Thursday" and yearless dates."""
    try:
        grammar = _GRAMMARS[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(_GRAMMARS)}") from None
    ref = _reference_day(reference_date)
    found = grammar(text, ref)
    if any(m.kind in ("date", "year") for m, _ in found):
        found = merge_date_ranges(found, text, lang)
    if any(hint is not None for _, hint in found):
        return resolve_years(found, text, lang, ref)
    return [m for m, _ in found]


def _reference_day(value) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"reference_date {value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(f"reference_date must be a date or an ISO string, not {type(value).__name__}")
