"""Qualifier words and the bound each implies.

"lower": the figure is a floor (more than 273,000 -> lower=273000);
"upper": a ceiling (nearly 40,000 -> upper=40000, up to 10 -> upper=10);
None:    approximate without a side (approximately 40,000 -> no bounds).
"""
from __future__ import annotations

EN_BEFORE = {
    "about": None, "approximately": None, "approx.": None, "around": None, "roughly": None,
    "some": None, "an estimated": None, "estimated": None, "circa": None, "close to": None,
    "an average of": None, "on average": None,
    "nearly": "upper", "almost": "upper", "up to": "upper", "less than": "upper",
    "fewer than": "upper", "under": "upper", "below": "upper", "at most": "upper",
    "no more than": "upper", "not more than": "upper", "as many as": "upper",
    "as much as": "upper", "just under": "upper", "just below": "upper", "a maximum of": "upper",
    "more than": "lower", "over": "lower", "above": "lower", "at least": "lower",
    "in excess of": "lower", "upwards of": "lower", "no fewer than": "lower",
    "no less than": "lower", "not less than": "lower", "just over": "lower",
    "well over": "lower", "a minimum of": "lower", "exceeding": "lower", "over than": "lower",
}
EN_AFTER = {"or more": "lower", "or so": None, "+": "lower", "-plus": "lower", "plus": "lower"}

TR_BEFORE = {
    "yaklaşık": None, "tahminen": None, "ortalama": None, "neredeyse": "upper",
    "en az": "lower", "en fazla": "upper", "en çok": "upper", "azami": "upper", "asgari": "lower",
}
# Written after the number; "-den fazla" keeps the ablative suffix as written.
TR_AFTER = {
    "civarında": None, "civarı": None, "dolayında": None, "kadar": "upper",
    "üzerinde": "lower", "aşkın": "lower", "fazla": "lower", "çok": "lower", "az": "upper",
}


def bounds(value: float | None, side: str | None) -> tuple[float | None, float | None]:
    if value is None or side is None:
        return None, None
    return (value, None) if side == "lower" else (None, value)
