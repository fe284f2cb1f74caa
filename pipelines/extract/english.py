"""English grammar: one master regex, scanned once, and a builder per kind of match.

Span rules (the same for every kind):
* a qualifier recorded in `qualifier` is inside the span ("more than 273,000", "mid-June",
  "40,000 or more"); prepositions that only place a date ("on", "in", "since") are not;
* currency symbols/codes and percent signs/words are inside ("$2.12 billion", "73 per cent");
* the counted or measured noun is outside and goes to `unit` ("27,941" + "people",
  "1,750" + "kilometre");
* "hundreds of" keeps its "of" (value None, approx, qualifier "hundreds of").
"""
from __future__ import annotations

import datetime as dt
import re

from pipelines.extract import dates, qualifiers
from pipelines.extract.common import Pending, date_mention as _date, day_month_year, end as _end, iso_date
from pipelines.extract.mention import Mention
from pipelines.extract.nouns import counted_noun
from pipelines.extract.numbers import number_value
from pipelines.extract.trie import trie_regex, trie_regex_tails, with_capitals

W = r"(?!\w)"  # end of word; \b would also stop inside "9," which we want, but not after "%"

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALE_WORDS = "thousand million billion trillion".split()

UNIT_RE = trie_regex(with_capitals(_UNITS))
SMALL_RE = (
    f"(?:{trie_regex(with_capitals(_TENS))}(?:[-\\s]{trie_regex(_UNITS)}{W})?"
    f"|{trie_regex(with_capitals(_TEENS + _UNITS))}){W}"
)
SCALE_RE = trie_regex(_SCALE_WORDS)
HUND_RE = f"(?:(?:{SMALL_RE}|[Aa])\\s+hundred{W}(?:\\s+(?:and\\s+)?{SMALL_RE})?|{SMALL_RE})"
HEAD_RE = f"(?:{HUND_RE}|(?:[Hh]alf\\s+)?[Aa](?=\\s+(?:{SCALE_RE}|dozen){W}))"
WORDNUM_RE = f"{HEAD_RE}(?:\\s+(?:{SCALE_RE}|dozen){W}(?:,?\\s+(?:and\\s+)?{HUND_RE}(?!\\s+(?:{SCALE_RE}|dozen)\\s+{SCALE_RE}))?)*"
DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
DIGNUM_RE = f"{DIGITS_RE}(?:\\s+{SCALE_RE}{W}|\\s?(?:bn|mn|mln|tn){W})?"
NUM_RE = f"(?:{DIGNUM_RE}|{WORDNUM_RE})"

_MONTHS_FULL = "January February March April May June July August September October November December".split()
MONTH_RE = f"(?:{trie_regex(_MONTHS_FULL)}{W}|{trie_regex('Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec'.split())}\\.?{W})"
BARE_MONTH_RE = trie_regex(m for m in _MONTHS_FULL if m != "May") + W  # "may" is a verb
YEAR_RE = r"(?:1[89]|20)\d\d(?!\d|,\d)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
WEEKDAYS_RE = trie_regex("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()) + W
PERIOD_RE = r"(?:day|week|month|year|decade)s?(?!\w)"
CURRENCY_BEFORE = r"(?:US\$|\$|€|£|₺|USD|EUR|GBP|TRY|TL)"
CURRENCY_AFTER = trie_regex(
    ["dollars", "US dollars", "euros", "euro", "Turkish lira", "Turkish liras", "lira", "liras",
     "pounds sterling", "pounds", "USD", "EUR", "TRY", "TL", "GBP"]
) + W
IDENT_WORDS_LIST = (
    "Article Articles Resolution Section Chapter Paragraph Clause Annex Law Decree Regulation "
    "Protocol Phase Route Highway Item Rule Directive".split()
)
IDENT_WORDS = trie_regex(IDENT_WORDS_LIST)
# Letters glued to a digit: M4, G20, F-16, S-400, COVID-19, Covid-19 (bounded: no backtracking
# over every capitalised word).
IDENT_CAPS_RE = r"(?:[A-Z]{1,6}-?\d|[A-Z][a-z]{1,5}-\d)"
QUAL_BEFORE_RE = trie_regex(with_capitals(qualifiers.EN_BEFORE))
DATE_MOD_RE = trie_regex(with_capitals(["mid", "early", "late", "the end of", "end of", "the beginning of", "beginning of", "the start of", "start of"]))
VAGUE_RE = trie_regex(with_capitals(
    ["hundreds of", "thousands of", "tens of thousands of", "hundreds of thousands of", "millions of",
     "tens of millions of", "dozens of", "scores of", "billions of",
     "several hundred", "several thousand", "several million", "a few hundred", "a few thousand"]
)) + W

# Cheap necessary condition tried first at every separator: a digit or currency sign, a
# phrase that can begin some alternative, or a capitalised word glued to a digit (M4,
# COVID-19). Ordinary words ("the", "about", "a") fail here after a character or two unless
# the words that make them a mention follow, which is what keeps one scan fast.
_NUMBER_START = trie_regex(with_capitals(_UNITS + _TEENS + _TENS + ["zero", "a", "an", "half", "hundreds", "thousands", "tens", "millions", "dozens"]))
_PERIODS = ["day", "week", "month", "year", "decade", "days", "weeks", "months", "years", "decades"]
_TRIGGER_PHRASES = (
    with_capitals(
        _UNITS + _TEENS + _TENS + ["zero", "half a", "between", "several", "hundreds of", "thousands of",
        "tens of", "millions of", "billions of", "dozens of", "scores of", "mid", "early", "late",
        "end of", "the end of", "beginning of", "the beginning of", "start of", "the start of",
        "yesterday", "today", "tomorrow", "tonight", "earlier this", "later this", "a few", "a couple"]
        + [f"{a} {u}" for a in ("a", "an", "this") for u in _PERIODS]
        + [f"a {w}" for w in ("dozen", "hundred", "thousand", "million", "billion", "trillion")]
        + [f"{the}{w}" for the in ("", "the ") for w in ("past", "last", "previous", "coming", "next")]
    )
    + _MONTHS_FULL + "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday No US USD EUR GBP TRY TL".split()
    + IDENT_WORDS_LIST
)
_QUAL_TAIL = f"\\s+(?:[\\d$€£₺]|{_NUMBER_START}(?!\\w))"
GUARD_RE = (
    "(?=[\\d$€£₺]|"
    + trie_regex_tails([(w, W) for w in _TRIGGER_PHRASES] + [(q, _QUAL_TAIL) for q in with_capitals(qualifiers.EN_BEFORE)])
    + f"|{IDENT_CAPS_RE})"
)

# One alternation, most specific first. The pattern opens by consuming the separator before
# the mention (a character that is neither a word character nor "."): a leading character
# class lets `re` skip ahead in C to the next separator instead of trying every position.
# The text is scanned with a space prepended (see common.end for the offsets). Each
# alternative ends in an empty marker group so that m.lastgroup names it without testing
# every group.
MASTER = re.compile(
    "[^\\w.]" + GUARD_RE + "(?:"
    rf"(?P<iso_y>\d{{4}})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?!\d)(?P<ISO>)"
    rf"|(?P<dmy_d>{DAY_RE})\s+(?:of\s+)?(?P<dmy_m>{MONTH_RE})(?:,?\s+(?P<dmy_y>{YEAR_RE}))?(?P<DMY>)"
    rf"|(?P<ident>\d+(?:[xX×]\d+)+(?!\w)|\d+[A-Z]+{W}|\d{{1,2}}:\d\d(?:\s?[ap]\.m\.|\s?[ap]m{W})?|{IDENT_WORDS}\s+(?:No\.\s*)?\d+(?:[./-]\d+)*[A-Za-z]?{W}|No\.\s*\d+{W}|{IDENT_CAPS_RE}\w*(?:-\d+)*)(?P<IDENT>)"
    rf"|(?P<ymod>{DATE_MOD_RE})(?:-|\s+)(?:(?P<ymod_m>{MONTH_RE})(?:,?\s+(?P<ymod_my>{YEAR_RE}))?|(?P<ymod_y>{YEAR_RE}))(?P<MOD>)"
    rf"|(?P<mdy_m>{MONTH_RE})\s+(?P<mdy_d>{DAY_RE})(?:,?\s+(?P<mdy_y>{YEAR_RE}))?(?P<MDY>)"
    rf"|(?P<my_m>{MONTH_RE}),?\s+(?P<my_y>{YEAR_RE})(?P<MY>)"
    rf"|(?P<ys1>{YEAR_RE})\s*[-–—/]\s*(?P<ys2>(?:1[89]|20)\d\d|\d\d)(?!\d|,\d)(?P<YSPAN>)"
    rf"|(?P<dec>(?:1[89]|20)\d0)'?s{W}(?P<DECADE>)"
    rf"|(?P<bm>{BARE_MONTH_RE})(?P<BMONTH>)"
    rf"|(?:(?P<wd_mod>last|next|this|Last|Next|This)\s+)?(?P<wd>{WEEKDAYS_RE})(?P<WEEKDAY>)"
    rf"|(?P<ago_n>{SMALL_RE}|\d+|[Aa]n?|[Aa]\s+few|[Ss]everal|[Aa]\s+couple\s+of)\s+(?P<ago_u>{PERIOD_RE})\s+ago{W}(?P<AGO>)"
    rf"|(?:[Tt]he\s+)?(?P<per_mod>[Pp]ast|[Ll]ast|[Pp]revious|[Cc]oming|[Nn]ext)\s+(?:(?P<per_n>{SMALL_RE}|\d+|few|several)\s+)?(?P<per_u>{PERIOD_RE})(?P<PERIOD>)"
    rf"|(?P<this_mod>(?:[Ee]arlier|[Ll]ater)\s+this|[Tt]his)\s+(?P<this_u>week|month|year){W}(?P<THIS>)"
    rf"|(?P<deic>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight){W}(?P<DEIXIS>)"
    rf"|\d+(?:st|nd|rd|th){W}(?P<ORDINAL>)"
    rf"|(?P<vague>{VAGUE_RE})(?P<VAGUE>)"
    rf"|(?:(?P<q>{QUAL_BEFORE_RE})\s+)?(?:"
    rf"(?P<rb>[Bb]etween)\s+(?P<rb1>{NUM_RE})\s+and\s+(?P<rb2>{NUM_RE})"
    rf"|(?P<cur1>{CURRENCY_BEFORE})\s?(?P<mon1>{DIGNUM_RE}(?:[mk]{W})?)"
    rf"|(?P<num>{NUM_RE})(?:(?P<glued>km|kg)"
    rf"|\s*[-–]\s*(?P<rd2>{DIGNUM_RE})(?P<rd_pct>\s?%|\s?per\s?cent{W}|\s?percent{W})?"
    rf"|\s+(?P<cur2>{CURRENCY_AFTER})"
    rf"|(?P<pct>\s?%|\s?per\s?cent{W}|\s?percent{W}|\s+percentage\s+points?{W})"
    rf")?(?!\w)(?!\s+{PERIOD_RE}\s+ago)"
    rf")(?P<qs>\s+or\s+(?:more|so){W}|\+|-plus{W})?(?P<QTY>)"
    ")"
)

CURRENCY_CODES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "us dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
    "₺": "TRY", "tl": "TRY", "try": "TRY", "lira": "TRY", "liras": "TRY",
    "turkish lira": "TRY", "turkish liras": "TRY",
}
_PERIOD_UNIT = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade"}
_NOT_COUNT_BEFORE = re.compile(r"(?:\b(?:no|any|every|each|which|the|that|this)\s+)$", re.I)
_SPACES = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s).lower()


def _period(word: str) -> str:
    return _PERIOD_UNIT[word.lower().rstrip("s")]


def _small_int(s: str | None) -> int | None:
    if s is None:
        return None
    v = number_value(s)
    return int(v) if v is not None else None


def extract(text: str, ref: dt.date | None) -> list[tuple[Mention, Pending | None]]:
    out: list[tuple[Mention, Pending | None]] = []
    for m in MASTER.finditer(" " + text):
        built = _BUILDERS[m.lastgroup](m, text, ref)
        if built is not None:
            out.append(built)
    return out


def _b_dmy(m, text, ref):
    return day_month_year(m, ref, m["dmy_d"], m["dmy_m"], m["dmy_y"])


def _b_mdy(m, text, ref):
    return day_month_year(m, ref, m["mdy_d"], m["mdy_m"], m["mdy_y"])


def _b_my(m, text, ref):
    return _date(m, "date", dates.iso(int(m["my_y"]), dates.month_number(m["my_m"])), "month")


def _month_only(m, ref, month, qualifier=None):
    if ref is not None:
        return _date(m, "date", dates.iso(dates.closest_year(month, None, ref), month), "month", True, qualifier)
    return _date(m, "date", None, "unknown", qualifier=qualifier, pending=(month, None))


def _b_mod(m, text, ref):
    q = _norm(m["ymod"])
    if m["ymod_y"] is not None:
        return _date(m, "year", m["ymod_y"], "year", qualifier=q)
    month = dates.month_number(m["ymod_m"])
    if m["ymod_my"] is not None:
        return _date(m, "date", dates.iso(int(m["ymod_my"]), month), "month", qualifier=q)
    return _month_only(m, ref, month, q)


def _b_bmonth(m, text, ref):
    return _month_only(m, ref, dates.month_number(m["bm"]))


def _b_yspan(m, text, ref):
    a, b = m["ys1"], m["ys2"]
    end = int(a[:2] + b) if len(b) == 2 else int(b)
    if end <= int(a):  # "2010-05": not a span of years; read as two numbers joined
        return None
    return _date(m, "year", a, "year", lower=float(a), upper=float(end))


def _b_decade(m, text, ref):
    y = int(m["dec"])
    return _date(m, "year", None, "unknown", lower=float(y), upper=float(y + 9))


def _b_weekday(m, text, ref):
    if ref is None:
        return _date(m, "relative_date", None, "unknown")
    mod = m["wd_mod"].lower() if m["wd_mod"] else None
    d = dates.last_weekday(dates.EN_WEEKDAYS[m["wd"].lower()], ref, mod)
    return _date(m, "relative_date", d.isoformat(), "day", inferred=True)


def _relative(m, ref, unit, offset):
    if offset is None:
        return _date(m, "relative_date", None, "unknown")
    date, precision = dates.resolve_relative(unit, offset, ref)
    return _date(m, "relative_date", date, precision, inferred=date is not None)


def _b_ago(m, text, ref):
    n = m["ago_n"].lower()
    if n in ("a", "an"):
        count = 1
    elif re.search(r"few|several|couple", n):
        count = None  # vague: cannot be placed on the calendar
    else:
        count = _small_int(n)
    unit = _period(m["ago_u"])
    if count is not None and unit == "week":
        unit, count = "day", count * 7
    return _relative(m, ref, unit, -count if count is not None else None)


def _b_period(m, text, ref):
    mod = m["per_mod"].lower()
    unit = _period(m["per_u"])
    if m["per_n"] is not None:  # "the past three years": a stretch, not a calendar unit
        return _relative(m, ref, unit, None)
    return _relative(m, ref, unit, 1 if mod in ("coming", "next") else -1)


def _b_this(m, text, ref):
    return _relative(m, ref, m["this_u"].lower(), 0)


def _b_deixis(m, text, ref):
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["deic"].lower()]
    return _relative(m, ref, "day", offset)


def _b_ident(m, text, ref):
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "identifier"), None


def _b_ordinal(m, text, ref):
    return None  # "1st", "2nd": ordinals are not quantities


def _b_vague(m, text, ref):
    q = _norm(m["vague"])
    unit = counted_noun(text, _end(m))
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "number", None, unit, None, None, False, True, q), None


def _b_qty(m, text, ref):
    q = _norm(m["q"]) if m["q"] else None
    side = qualifiers.EN_BEFORE.get(q) if q else None
    qs = m["qs"]
    if qs:
        qs_norm = _norm(qs.strip())
        if q is None:
            q, side = qs_norm, qualifiers.EN_AFTER[qs_norm]
        else:
            q = f"{q} … {qs_norm}"
    start, end = m.start(), _end(m)
    unit = None
    if m["rb"] is not None or m["rd2"] is not None:
        a, b = m["rb1"] or m["num"], m["rb2"] or m["rd2"]
        lo, hi = number_value(a), number_value(b)
        if m["rb"] is not None:
            q = q or "between"
        if _scale_only_on_second(a, b):
            lo = number_value(a + " " + _scale_of(b))  # "between 2 and 3 billion": both billions
        unit = "%" if m["rd_pct"] else counted_noun(text, end)
        return Mention(start, end, text[start:end], "range", None, unit, None, None, False, True, q, lo, hi), None
    if m["cur1"] is not None:
        value = number_value(m["mon1"])
        kind, unit = "money", CURRENCY_CODES[m["cur1"].lower()]
    elif m["cur2"] is not None:
        value = number_value(m["num"])
        kind, unit = "money", CURRENCY_CODES[_norm(m["cur2"])]
    elif m["pct"] is not None:
        value = number_value(m["num"])
        kind, unit = "percent", "percentage points" if "point" in m["pct"] else "%"
    else:
        num = m["num"]
        value = number_value(num)
        kind = "number"
        if m["glued"]:
            unit = m["glued"].lower()
        else:
            lw = num.lower()
            unit = counted_noun(text, end, singular=lw == "one")
            if lw == "one" and q is None and (unit is None or _NOT_COUNT_BEFORE.search(text, max(0, start - 12), start)):
                return None  # pronoun "one": "one of the", "no one", "one marked by"
            if (q is None and len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2099
                    and (unit is None or text[end:end + 1] == "-")):
                return _date(m, "year", num, "year")
        if "dozen" in num.lower() and q is None:
            q, side = _norm(num), None  # "a dozen" is itself a hedge
    lower, upper = qualifiers.bounds(value, side)
    approx = q is not None
    return Mention(start, end, text[start:end], kind, value, unit, None, None, False, approx, q, lower, upper), None


_SCALE_WORD_AT_END = re.compile(rf"\s+({SCALE_RE})$")


def _scale_of(s: str) -> str:
    m = _SCALE_WORD_AT_END.search(s)
    return m.group(1) if m else ""


def _scale_only_on_second(a: str, b: str) -> bool:
    return bool(_scale_of(b)) and not _scale_of(a)


_BUILDERS = {
    "ISO": iso_date, "DMY": _b_dmy, "MDY": _b_mdy, "MY": _b_my, "MOD": _b_mod, "YSPAN": _b_yspan,
    "DECADE": _b_decade, "BMONTH": _b_bmonth, "WEEKDAY": _b_weekday, "AGO": _b_ago,
    "PERIOD": _b_period, "THIS": _b_this, "DEIXIS": _b_deixis, "IDENT": _b_ident,
    "ORDINAL": _b_ordinal, "VAGUE": _b_vague, "QTY": _b_qty,
}
