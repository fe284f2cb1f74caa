"""The counted noun right after an English number ("27,941 people", "three customs gates").

A heuristic, not a parser: read up to four following words, stop at a function word or
punctuation, take the last plural-looking word as the head, and drop leading adjectives
(capitalised words, a small list, typical adjective endings). "three new military bases"
-> "bases"; "three customs gates" -> "customs gates"; "five countries agreed" -> "countries".
"""
from __future__ import annotations

import re

_NEXT_WORDS = re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z-]*(?:'s)?){1,4}")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")

STOP = frozenset(
    """a an the of in on at to from by for with and or but nor have has had is are was were be
    been being will would could should may might can must do does did that which who whom whose
    this these those it its their his her our your my not no as than per into through since after
    before during including according said say says also more most ago under over while between
    among each every all some such only than then there here when where what if so too very
    who's reportedly were across against along around about within without toward towards upon
    out up down off via amid despite unless until till whether yet still just even already
    again ever never both either neither other another same own""".split()
)
IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel staff troops cattle sheep livestock data media".split()
)
MEASURES = frozenset(
    """km kilometre kilometres kilometer kilometers mile miles metre metres meter meters kg
    kilogram kilograms tonne tonnes ton tons hectare hectares acre acres litre litres liter
    liters barrel barrels megawatt megawatts gigawatt gigawatts kilowatt kilowatts kilowatt-hour
    kilowatt-hours megawatt-hour megawatt-hours mw gw kw kwh mwh gwh bcm mcm""".split()
)
# Measure symbols keep their letter case as the unit ("500 MW" -> "MW").
SYMBOLS = frozenset("MW GW kW kWh MWh GWh BCM MCM".split())
# Words that look like adjectives but belong to the measure ("cubic meters", "square kilometres").
MEASURE_PREFIXES = frozenset({"cubic", "square"})
ADJECTIVES = frozenset(
    """new old additional other more further major key main separate different informed unnamed
    permanent temporary first second third last next few many several various certain local
    foreign large small big major minor top senior junior former current existing remaining
    total daily monthly annual weekly young elderly displaced registered unregistered armed
    joint public private special civilian military""".split()
)
_ADJ_ENDINGS = ("ed", "al", "ic", "ive", "ous", "ful", "ian", "ish", "ary", "ern", "ese", "less", "able")


def _plural(w: str) -> bool:
    lw = w.lower()
    if lw in IRREGULAR_PLURALS or lw in MEASURES:
        return True
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s"))


def _adjective(w: str) -> bool:
    lw = w.lower()
    if lw in MEASURE_PREFIXES:
        return False
    return w[:1].isupper() or lw in ADJECTIVES or lw.endswith(_ADJ_ENDINGS)


def counted_noun(text: str, end: int, *, singular: bool = False) -> str | None:
    """Noun phrase counted by the number ending at `end`, lowercased, or None.

    `singular=True` (for "one") accepts a singular head but no adjective-looking one, so
    "one marked not by" gives None while "one military base" gives "base".
    """
    if end < len(text) and text[end] == "-":
        m = _WORD.match(text, end + 1)  # "1,750-kilometre", "25-member"
        return m.group(0).lower() if m else None
    m = _NEXT_WORDS.match(text, end)
    if not m:
        return None
    run: list[str] = []
    for w in m.group(0).split():
        if w.lower() in STOP:
            break
        run.append(w[:-2] if w.endswith("'s") else w)
    if not run:
        return None
    head = None
    for i, w in enumerate(run):
        if _plural(w) or (singular and not w.lower().endswith(("ed", "ing")) and not _adjective(w)):
            head = i
    if head is None:
        return None
    words = run[: head + 1]
    first = 0
    while first < head and _adjective(words[first]):
        first += 1
    if words[head] in SYMBOLS:
        return words[head]
    return " ".join(words[first:]).lower()
