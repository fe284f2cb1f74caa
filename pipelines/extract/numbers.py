"""Turn the text of a number expression into its value (English and Turkish).

Values are computed with Decimal and converted to float at the end, so that
"$2.12 billion" is exactly 2120000000.0 rather than 2120000000.0000002.

A value is published as float64, which holds every integer up to 2**53 exactly and about 15
significant digits of a fraction. Beyond that the float would silently round the figure
("99999999999999999999" -> 1e+20), so the value is None instead: the mention is still found,
but no fact can state it (exact_float).
"""
from __future__ import annotations

import re
from decimal import Decimal

# Word values: units add, "hundred"/"dozen" multiply what is pending, scales close a group.
EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "half": Decimal("0.5"),
}
TR_SMALL = {
    "sıfır": 0, "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7,
    "sekiz": 8, "dokuz": 9, "on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50,
    "altmış": 60, "yetmiş": 70, "seksen": 80, "doksan": 90,
}
MULTIPLIERS = {"hundred": 100, "dozen": 12, "yüz": 100}
SCALES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "tn": 10**12,
    "bin": 10**3, "milyon": 10**6, "milyar": 10**9, "trilyon": 10**12,
}

MAX_EXACT_INTEGER = 2**53

_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_TR_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_TR_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")
_TOKEN = re.compile(r"\d[\d.,]*|[^\W\d_]+")
_GLUED = re.compile(r"\d[^\W\d_]")
# Turkish scale words may carry a case suffix without apostrophe ("binden fazla").
_TR_SCALE_STEM = re.compile(r"^(bin|milyon|milyar|trilyon)")


def digits_value(s: str, lang: str) -> Decimal:
    """'27,941' / '3.4' (English) or '52.622' / '2,5' (Turkish) -> Decimal."""
    if lang == "tr":
        if _TR_DOT_DECIMAL.fullmatch(s):  # "2.5 ayda": a dot before one or two digits is a decimal point
            return Decimal(s)
        return Decimal(s.replace(".", "").replace(",", "."))
    if lang == "ar":
        return Decimal(s.replace(",", "").replace("٬", "").replace("٫", ".").replace("ر", "."))
    return Decimal(s.replace(",", ""))


def exact_float(d: Decimal) -> float | None:
    """float(d), or None when float64 cannot hold d exactly enough (see the module docstring)."""
    if d == d.to_integral_value():
        return float(d) if abs(d) <= MAX_EXACT_INTEGER else None
    return float(d) if len(d.normalize().as_tuple().digits) <= 15 else None


_EN_WORDS = dict(EN_SMALL)
_TR_WORDS = dict(TR_SMALL)
_GROUP_SEP = {"en": ",", "tr": "."}
_WORD_ROLE: dict[tuple[str, str], tuple[str, object] | None] = {}  # (lang, token) -> (role, value)


def _word_role(tok: str, lang: str):
    """('unit'|'multiplier'|'scale', value) of a number word as written, or None. Cached: the
    same few dozen words recur in every text."""
    key = (lang, tok)
    if key not in _WORD_ROLE:
        if lang == "tr":
            w = tok.translate(_TR_LOWER).lower()  # "İki".lower() would keep a combining dot
            m = _TR_SCALE_STEM.match(w)
            if m:
                w = m.group(1)
            words = _TR_WORDS
        else:
            w = tok.lower()
            words = _EN_WORDS
        if w in words:
            role = ("article" if w in ("a", "an") else "unit", words[w])
        elif w in MULTIPLIERS:
            role = ("multiplier", MULTIPLIERS[w])
        elif w in SCALES:
            role = ("scale", SCALES[w])
        else:
            role = None
        _WORD_ROLE[key] = role
    return _WORD_ROLE[key]


def number_value(s: str, lang: str = "en") -> float | None:
    """Value of a number expression made of digit groups and number words.

    '1 milyon 190 bin 172' -> 1190172; 'twenty-five thousand three hundred' -> 25300;
    '$2.12 billion' is parsed from its number part '2.12 billion'.
    """
    if s.isdigit():  # fast path: most mentions are plain digit groups
        return float(s) if len(s) < 16 else exact_float(Decimal(s))
    plain = s.replace(_GROUP_SEP[lang], "")
    if plain.isdigit() and (lang != "tr" or _TR_GROUPS.fullmatch(s)):
        return float(plain) if len(plain) < 16 else exact_float(Decimal(plain))
    total = 0  # int while every part is whole, Decimal once a decimal appears
    current = 0
    seen = False
    # Words split on spaces unless a hyphen joins them ("twenty-five") or a symbol is glued.
    # A figure glued to its scale word ("5bn", "1.5bn") is two tokens.
    tokens = s.split() if s.replace(" ", "").replace(",", "").replace(".", "").isalnum() else _TOKEN.findall(s)
    tokens = [piece for tok in tokens for piece in (_TOKEN.findall(tok) if _GLUED.search(tok) else [tok])]
    for tok in tokens:
        if tok[0].isdigit():
            whole = tok.replace(_GROUP_SEP[lang], "")
            if whole.isdigit() and (lang != "tr" or "." not in tok or _TR_GROUPS.fullmatch(tok)):
                current += int(whole)
            else:
                current += digits_value(tok, lang)
            seen = written = True
            continue
        role = _word_role(tok, lang)
        if role is None:
            continue  # "and", hyphens' neighbours, etc.
        kind, value = role
        if kind == "article":
            if current:
                continue  # "half a dozen": the article is not another unit
            current += value
        elif kind == "unit":
            current += value
        elif kind == "multiplier":
            current = (current if current or written else 1) * value
        else:
            total += (current if current or written else 1) * value
            current = 0
            written = False
        seen = True
    if not seen:
        return None
    return whole_or_exact(total + current)


def whole_or_exact(value: int | Decimal) -> float | None:
    if isinstance(value, int):
        return float(value) if abs(value) <= MAX_EXACT_INTEGER else None
    return exact_float(value)
