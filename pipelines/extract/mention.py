"""The Mention record: one number or date expression, where it is and what its words say."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = (
    "number", "money", "percent", "range", "fraction", "ordinal", "change",
    "date", "date_range", "year", "relative_date", "time", "identifier",
)
# Kinds whose `value` (or, for a range, `lower`/`upper`) is a figure a fact can state.
NUMERIC_KINDS = frozenset({"number", "money", "percent", "range", "fraction", "ordinal", "change"})
# Kinds that place something on the calendar (`date`, and `date_end` for a date_range).
DATE_KINDS = frozenset({"date", "date_range", "year", "relative_date"})


@dataclass(slots=True)
class Mention:
    """One expression. `text == source[start:end]` always holds.

    Plain str/float/bool/None fields only, so `dataclasses.asdict` is JSON-ready. Not frozen:
    a frozen dataclass's __init__ costs five times as much, and extraction builds one per
    figure; treat a Mention as a value all the same (dataclasses.replace to change one).
    Dates are ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or without a year `--MM-DD` / `--MM`
    when the text gives none and none could be inferred. `date_end` is the last day, month or
    year of a date_range (same precision as `date`), else None.
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    unit: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_inferred: bool = False
    approx: bool = False
    qualifier: str | None = None
    lower: float | None = None
    upper: float | None = None
    date_end: str | None = None
