"""The Mention record: one number or date expression, where it is and what its words say."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("number", "money", "percent", "range", "date", "year", "relative_date", "identifier")


@dataclass(frozen=True, slots=True)
class Mention:
    """One expression. `text == source[start:end]` always holds.

    Plain str/float/bool/None fields only, so `dataclasses.asdict` is JSON-ready.
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
