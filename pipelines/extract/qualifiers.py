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
    # A verb of passing a mark bounds the figure like "more than" ("has exceeded 25,000").
    "exceeded": "lower", "exceeds": "lower", "surpassed": "lower", "surpassing": "lower", "surpasses": "lower",
    "topped": "lower", "topping": "lower",
    # An estimate is an approximation ("is estimated to have been 5,000").
    "estimated at": None, "estimated to be": None, "estimated to have been": None, "estimated to reach": None,
}
EN_AFTER = {"or more": "lower", "or so": None, "+": "lower", "-plus": "lower", "plus": "lower"}

# A relative change: the direction word signs the change (see change_sign).
EN_CHANGE_UP = ("increased", "increases", "increase", "rose", "rises", "rise", "risen", "grew", "grown", "grows",
                "growth", "jumped", "jump", "climbed", "surged", "soared", "gained", "gain", "expanded", "was up",
                "were up", "up", "hike")
EN_CHANGE_DOWN = ("decreased", "decreases", "decrease", "fell", "falls", "fallen", "fall", "dropped", "drops", "drop",
                  "declined", "declines", "decline", "plunged", "slumped", "slump", "shrank", "shrunk", "contracted",
                  "contraction", "slid", "tumbled", "was down", "were down", "down", "cut", "reduction")
EN_CHANGE_NOUNS = ("increase", "rise", "growth", "jump", "gain", "hike", "decrease", "decline", "drop", "fall",
                   "contraction", "cut", "reduction", "slump")
EN_FACTORS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5,
              "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10, "hundredfold": 100}

TR_BEFORE = {
    "yaklaşık": None, "tahminen": None, "ortalama": None, "neredeyse": "upper",
    "en az": "lower", "en fazla": "upper", "en çok": "upper", "azami": "upper", "asgari": "lower",
}
# Written after the number; "-den fazla" keeps the ablative suffix as written.
TR_AFTER = {
    "civarında": None, "civarı": None, "dolayında": None, "kadar": "upper",
    "üzerinde": "lower", "üzerine": "lower", "üstünde": "lower", "aşkın": "lower", "fazla": "lower", "çok": "lower",
    "az": "upper", "altında": "upper",
}
# Verbs after a number that bound it: passing it ("273 bini aşmış": more than 273,000) or
# approaching it ("2,3 milyona yaklaştı": nearly 2.3 million). "-e ulaştı" (reached) does not
# bound the figure and stays outside the span.
TR_VERB_SIDES = {"aş": "lower", "yaklaş": "upper"}


def bounds(value: float | None, side: str | None) -> tuple[float | None, float | None]:
    if value is None or side is None:
        return None, None
    return (value, None) if side == "lower" else (None, value)
