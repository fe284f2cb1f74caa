"""English grammar: one master regex, scanned once, and a builder per kind of match.

Span rules (the same for every kind and every language):
* a qualifier recorded in `qualifier` is inside the span ("more than 273,000", "mid-June",
  "40,000 or more", "exceeded 25,000", "estimated at $216 billion"); prepositions that only
  place a date ("on", "in", "since", "between", "from") are not;
* currency symbols/codes and percent signs/words are inside ("$2.12 billion", "USD1.8
  billion", "73 per cent");
* a word that signs a change is inside ("increased 36.7%", "fell by 5%", "doubled"): the
  value is the signed percent change, or the factor (doubled -> 2, halved -> 0.5);
* the counted or measured noun is outside and goes to `unit` ("27,941" + "people",
  "1,750" + "kilometre");
* "hundreds of" keeps its "of" (value None, approx, qualifier "hundreds of");
* a minus sign written before the digits belongs to the number ("-5" -> -5).

Kinds beyond plain figures: fractions ("nearly one-third" -> 0.333…, "one in five" -> 0.2),
ordinals ("176th"), clock times ("8 pm"), date ranges ("Q3 2025", "the first seven months of
2025", "January-April", "between 2011 and 2021"; see ranges.py for two dates joined by a
dash or "to"). Yearless dates are written --MM-DD / --MM and resolved by resolve.py.
"""
from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from pipelines.extract import dates, qualifiers
from pipelines.extract.common import Hint, date_mention as _date, day_month_year, end as _end, iso_date, month_date, month_span, number_mention
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
PCT_RE = f"(?:\\s?%|\\s?per\\s?cent{W}|\\s?percent{W}|\\s?pct{W})"

_MONTHS_FULL = "January February March April May June July August September October November December".split()
_MONTHS_ABBR = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
MONTH_RE = f"(?:{trie_regex(_MONTHS_FULL)}{W}|{trie_regex(_MONTHS_ABBR)}\\.?{W})"
BARE_MONTH_RE = trie_regex(m for m in _MONTHS_FULL if m != "May") + W  # "may" is a verb
YEAR_RE = r"(?:1[89]|20)\d\d(?!\d|,\d)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
WEEKDAYS_RE = trie_regex("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()) + W
PERIOD_RE = r"(?:day|week|month|year|decade)s?(?!\w)"
_CURRENCY_CODES_BEFORE = ["USD", "EUR", "GBP", "TRY", "TL"]
CURRENCY_BEFORE = r"(?:US\$|\$|€|£|₺|USD|EUR|GBP|TRY|TL)"
CURRENCY_AFTER = trie_regex(
    ["dollars", "US dollars", "euros", "euro", "Turkish lira", "Turkish liras", "lira", "liras",
     "pounds sterling", "pounds", "USD", "EUR", "TRY", "TL", "GBP"]
) + W
IDENT_WORDS_LIST = (
    "Article Articles Resolution Section Sections Chapter Chapters Paragraph Paragraphs Clause Annex Law "
    "Decree Regulation Protocol Phase Phases Route Highway Item Items Rule Rules Directive Terminal Terminals "
    "Runway Platform Platforms Block Blocks Unit Units Reactor Pier Berth Line Lines".split()
)
IDENT_WORDS = trie_regex(IDENT_WORDS_LIST)
_IDENT_PLURALS = trie_regex(w for w in IDENT_WORDS_LIST if w.endswith("s") and w[:-1] in IDENT_WORDS_LIST)
_IDENT_NUM = r"\d+(?:[./-]\d+)*[A-Za-z]?(?!\w)"
# Letters glued to a digit: M4, G20, F-16, S-400, COVID-19, Covid-19 (bounded: no backtracking
# over every capitalised word). A currency code glued to its amount (USD1.8) is money.
IDENT_CAPS_RE = r"(?:(?!(?:USD|EUR|GBP|TRY|TL)\d)[A-Z]{1,6}-?\d|[A-Z][a-z]{1,5}-\d)"
QUAL_BEFORE_RE = trie_regex(with_capitals(qualifiers.EN_BEFORE))
DATE_MOD_RE = trie_regex(with_capitals(["mid", "early", "late", "the end of", "end of", "the beginning of", "beginning of", "the start of", "start of"]))
VAGUE_RE = trie_regex(with_capitals(
    ["hundreds of", "thousands of", "tens of thousands of", "hundreds of thousands of", "millions of",
     "tens of millions of", "dozens of", "scores of", "billions of",
     "several hundred", "several thousand", "several million", "a few hundred", "a few thousand"]
)) + W

_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                    "last": 4, "final": 4}
QUARTER_RE = (
    rf"(?:[Tt]he\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th|(?:last|final)(?=\s+(?:quarter|half)\s+of\s))"
    rf"\s+(?P<qk>quarter|half){W}(?:\s+of\s+(?:(?P<qy>{YEAR_RE})|(?P<qrel>this|last|next|the)\s+year{W}))?"
    rf"|(?P<qq>Q[1-4]|H[12])(?:\s+(?P<qqy>{YEAR_RE}))?{W}"
    rf"|(?:[Tt]he\s+)?first\s+(?P<fmn>{SMALL_RE}|1[0-2]|[1-9])\s+months\s+of\s+(?:(?P<fmy>{YEAR_RE})|(?P<fmrel>this|last|next|the)\s+year{W})"
)
_FRACTION_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
_FRACTION_DEN_RE = trie_regex(_FRACTION_DENOMINATORS) + W
_FRACTION_NUMERATORS = ["a", "an", "one"] + _UNITS[1:]
# "two-thirds", "three quarters": always a fraction. "a third", "one quarter": only when
# hyphenated, followed by "of", or qualified ("nearly a third") -- "a third country" is not.
FRACTION_RE = (
    rf"(?P<fn>{trie_regex(with_capitals(_FRACTION_NUMERATORS))})(?P<fsep>[-\s])(?P<fd>{_FRACTION_DEN_RE})"
    rf"|(?P<fh>[Hh]alf)(?=\s+of\W)"
    rf"|(?P<ia>{trie_regex(with_capitals(['one', 'two', 'three']))}|[1-9])\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<ib>{trie_regex(_UNITS[1:] + ['ten', 'twenty', 'hundred', 'thousand'])}|[1-9]\d{{0,2}}){W}(?!,\d)"
)
CHANGE_RE = (
    rf"(?P<chv>{trie_regex(with_capitals(qualifiers.EN_CHANGE_UP + qualifiers.EN_CHANGE_DOWN))})(?:\s+(?:by|of))?"
    rf"\s+(?:(?P<chq>{QUAL_BEFORE_RE})\s+)?(?P<chn>{DIGITS_RE})(?P<chp>{PCT_RE}|\s+percentage\s+points?{W})"
    rf"|(?=[\d.,]+\s?(?:%|per|pct))(?P<chn2>{DIGITS_RE})(?P<chp2>{PCT_RE})\s+(?P<chw>{trie_regex(qualifiers.EN_CHANGE_NOUNS)}){W}"
    rf"|(?P<fac>{trie_regex(with_capitals(qualifiers.EN_FACTORS))}){W}"
    rf"|(?=[\w.,]+?-?fold)(?P<fold>{DIGITS_RE}|{SMALL_RE})-?fold{W}"
)

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
        + [f"{w} {m}" for w in ("last", "next", "this") for m in _MONTHS_FULL]
        + list(qualifiers.EN_FACTORS)
    )
    + _MONTHS_FULL + _MONTHS_ABBR
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday No US USD EUR GBP TRY TL".split()
    + IDENT_WORDS_LIST
)
_QUAL_TAIL = f"\\s+(?:[\\d$€£₺]|{_NUMBER_START}(?!\\w))"
_CHANGE_TAIL = r"(?:\s+(?:by|of))?\s+(?:[a-z]+\s+){0,3}\d"
_FRACTION_TAIL = f"[-\\s]{_FRACTION_DEN_RE}"
_RANK_VERBS = with_capitals(["ranked", "ranks", "ranking", "placed", "came", "finished"])
_RANK_TAIL = f"\\s+{trie_regex(_ORDINAL_WORDS)}{W}"
_QUARTER_STARTS = with_capitals([f"{the}{w}" for the in ("", "the ") for w in _QUARTER_NUMBERS])
_QUARTER_TAIL = r"\s+(?:(?:quarter|half)(?!\w)|\w+\s+months\s+of\s)"
GUARD_RE = (
    "(?=[\\d$€£₺]|[-−]\\d|\\(\\d|(?:USD|EUR|GBP|TRY|TL)\\d|"
    + trie_regex_tails(
        [(w, W) for w in _TRIGGER_PHRASES]
        + [(q, _QUAL_TAIL) for q in with_capitals(qualifiers.EN_BEFORE)]
        + [(v, _CHANGE_TAIL) for v in with_capitals(qualifiers.EN_CHANGE_UP + qualifiers.EN_CHANGE_DOWN)]
        + [(n, _FRACTION_TAIL) for n in with_capitals(_FRACTION_NUMERATORS)]
        + [(h, r"\s+of\W") for h in ("half", "Half")]
        + [(v, _RANK_TAIL) for v in _RANK_VERBS]
        + [(w, _QUARTER_TAIL) for w in _QUARTER_STARTS]
    )
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
    rf"(?=\d{{4}}-\d)(?P<iso_y>\d{{4}})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?!\d)(?P<ISO>)"
    rf"|(?=\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z])(?P<dmy_d>{DAY_RE})\s+(?:of\s+)?(?P<dmy_m>{MONTH_RE})(?:,?\s+(?P<dmy_y>{YEAR_RE})|\s+(?P<dmy_rel>last|this|next)\s+year{W})?(?P<DMY>)"
    rf"|(?=\d{{1,2}}(?::\d\d|\s?[aApP]\.?[mM]|\s+o'))(?P<time>\d{{1,2}}(?::\d\d)?\s?(?:[ap]\.m\.|[AaPp][Mm]{W})|\d{{1,2}}:\d\d{W}|\d{{1,2}}\s+o'clock{W})(?P<TIME>)"
    rf"|(?=[QH][1-4]|[Tt]he\s|first|second|third|fourth|last|final|[1-4](?:st|nd|rd|th)\s)(?:{QUARTER_RE})(?P<QUARTER>)"
    rf"|(?=\d+[xX×A-Z]|24/7|\(\d|[A-Z])(?P<ident>\d+(?:[xX×]\d+)+(?!\w)|24/7{W}|\d+[A-Z]+{W}|\(\d{{1,2}}[a-z]?\)"
    rf"|{_IDENT_PLURALS}\s+{_IDENT_NUM}(?:(?:,\s*|\s+and\s+|\s*&\s*){_IDENT_NUM})+"
    rf"|{IDENT_WORDS}\s+(?:No\.\s*)?{_IDENT_NUM}|No\.\s*\d+{W}|{IDENT_CAPS_RE}\w*(?:-\d+)*)(?P<IDENT>)"
    rf"|(?=[MmEeLlTtBbSs])(?P<ymod>{DATE_MOD_RE})(?:-|\s+)(?:(?P<ymod_m>{MONTH_RE})(?:,?\s+(?P<ymod_my>{YEAR_RE}))?|(?P<ymod_y>{YEAR_RE}))(?P<MOD>)"
    rf"|(?=[A-Z][a-z])(?P<mdy_m>{MONTH_RE})\s+(?P<mdy_d>{DAY_RE})(?:,?\s+(?P<mdy_y>{YEAR_RE})|\s+(?P<mdy_rel>last|this|next)\s+year{W})?(?P<MDY>)"
    rf"|(?=[A-Z][a-z])(?P<my_m>{MONTH_RE}),?\s+(?P<my_y>{YEAR_RE})(?P<MY>)"
    rf"|(?=(?:1[89]|20)\d\d\s*[-–—/])(?P<ys1>{YEAR_RE})\s*[-–—/]\s*(?P<ys2>(?:1[89]|20)\d\d|\d\d)(?!\d|,\d)(?P<YSPAN>)"
    rf"|(?=(?:1[89]|20)\d0'?s)(?P<dec>(?:1[89]|20)\d0)'?s{W}(?P<DECADE>)"
    rf"|(?=(?:[Ll]ast|[Nn]ext|[Tt]his)\s+[A-Z])(?P<lm_mod>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<lm_m>{MONTH_RE})(?!\s+\d)(?P<LMONTH>)"
    rf"|(?=[A-Z][a-z])(?P<bm>{BARE_MONTH_RE})(?P<BMONTH>)"
    rf"|(?=(?:(?:last|next|this|Last|Next|This)\s+)?[MTWFS][a-z]+day)(?:(?P<wd_mod>last|next|this|Last|Next|This)\s+)?(?P<wd>{WEEKDAYS_RE})(?P<WEEKDAY>)"
    rf"|(?=[^\n]{{1,30}}?\sago\b)(?P<ago_n>{SMALL_RE}|\d+|[Aa]n?|[Aa]\s+few|[Ss]everal|[Aa]\s+couple\s+of)\s+(?P<ago_u>{PERIOD_RE})\s+ago{W}(?P<AGO>)"
    rf"|(?=(?:[Tt]he\s+)?(?:[Pp]ast|[Ll]ast|[Pp]revious|[Cc]oming|[Nn]ext)\s)(?:[Tt]he\s+)?(?P<per_mod>[Pp]ast|[Ll]ast|[Pp]revious|[Cc]oming|[Nn]ext)\s+(?:(?P<per_n>{SMALL_RE}|\d+|few|several)\s+)?(?P<per_u>{PERIOD_RE})(?P<PERIOD>)"
    rf"|(?=(?:[Ee]arlier|[Ll]ater|[Tt]his)\s)(?P<this_mod>(?:[Ee]arlier|[Ll]ater)\s+this|[Tt]his)\s+(?P<this_u>week|month|year){W}(?P<THIS>)"
    rf"|(?=[YyTt][eo])(?P<deic>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight){W}(?P<DEIXIS>)"
    rf"|(?=\d+(?:st|nd|rd|th)(?!\w))(?P<ord>\d+)(?:st|nd|rd|th){W}(?P<ORDINAL>)"
    rf"|{trie_regex(_RANK_VERBS)}\s+(?P<rankw>{trie_regex(_ORDINAL_WORDS)}){W}(?P<RANK>)"
    rf"|(?P<vague>{VAGUE_RE})(?P<VAGUE>)"
    rf"|(?:{CHANGE_RE})(?P<CHANGE>)"
    rf"|(?:(?P<fq>{QUAL_BEFORE_RE})\s+)?(?:{FRACTION_RE})(?P<FRACTION>)"
    rf"|(?:(?P<q>{QUAL_BEFORE_RE})\s+)?(?:"
    rf"(?P<rb>[Bb]etween)\s+(?P<rbc>{CURRENCY_BEFORE})?\s?(?P<rb1>{NUM_RE})\s+and\s+(?:{CURRENCY_BEFORE}\s?)?(?P<rb2>{NUM_RE})"
    rf"|(?P<cur1>{CURRENCY_BEFORE})\s?(?P<mon1>{DIGNUM_RE}(?:[mk]{W})?)(?:\s*[-–]\s*(?:{CURRENCY_BEFORE})\s?(?P<mon2>{DIGNUM_RE}(?:[mk]{W})?))?"
    rf"|(?P<neg>(?<=[\s(])[-−](?=\d))?(?P<num>{NUM_RE})(?:(?P<glued>km|kg)"
    rf"|\s*[-–]\s*(?P<rd2>{DIGNUM_RE})(?P<rd_pct>{PCT_RE})?"
    rf"|\s+(?P<cur2>{CURRENCY_AFTER})"
    rf"|(?P<pct>{PCT_RE}|\s+percentage\s+points?{W})"
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
_YEAR_OFFSET = {"last": -1, "this": 0, "next": 1}
_DOWN = frozenset(qualifiers.EN_CHANGE_DOWN)


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s).lower()


def _period(word: str) -> str:
    return _PERIOD_UNIT[word.lower().rstrip("s")]


def _small_int(s: str | None) -> int | None:
    if s is None:
        return None
    v = number_value(s)
    return int(v) if v is not None else None


def _is_year(s: str | None) -> bool:
    return s is not None and len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099


def extract(text: str, ref: dt.date | None) -> list[tuple[Mention, Hint]]:
    out: list[tuple[Mention, Hint]] = []
    for m in MASTER.finditer(" " + text):
        built = _BUILDERS[m.lastgroup](m, text, ref)
        if built is not None:
            out.append(built)
    return out


def _year_hint(rel: str | None) -> Hint:
    return "near" if rel is None else f"offset:{_YEAR_OFFSET[rel.lower()]}"


def _b_dmy(m, text, ref):
    return day_month_year(m, m["dmy_d"], m["dmy_m"], m["dmy_y"], _year_hint(m["dmy_rel"]))


def _b_mdy(m, text, ref):
    return day_month_year(m, m["mdy_d"], m["mdy_m"], m["mdy_y"], _year_hint(m["mdy_rel"]))


def _b_my(m, text, ref):
    return _date(m, "date", dates.iso(int(m["my_y"]), dates.month_number(m["my_m"])), "month")


def _b_mod(m, text, ref):
    q = _norm(m["ymod"])
    if m["ymod_y"] is not None:
        return _date(m, "year", m["ymod_y"], "year", qualifier=q)
    month = dates.month_number(m["ymod_m"])
    return month_date(m, int(m["ymod_my"]) if m["ymod_my"] else None, month, qualifier=q)


def _b_bmonth(m, text, ref):
    return month_date(m, None, dates.month_number(m["bm"]))


def _b_lmonth(m, text, ref):
    mod = m["lm_mod"].lower()
    return month_date(m, None, dates.month_number(m["lm_m"]), hint={"this": "offset:0"}.get(mod, mod))


def _b_quarter(m, text, ref):
    if m["qq"] is not None:  # Q3 2025, H1
        n = int(m["qq"][1])
        size = 3 if m["qq"][0] == "Q" else 6
        year = int(m["qqy"]) if m["qqy"] else None
        return month_span(m, year, (n - 1) * size + 1, n * size)
    if m["fmn"] is not None:  # the first seven months of 2025
        months = _small_int(m["fmn"])
        if not 1 <= months <= 12:
            return None
        year, rel = m["fmy"], m["fmrel"]
        return month_span(m, int(year) if year else None, 1, months, hint=_rel_year_hint(rel))
    n = _QUARTER_NUMBERS[m["qn"].lower()]
    size = 3 if m["qk"] == "quarter" else 6
    if size == 6 and n > 2:
        n = 2 if m["qn"].lower() in ("last", "final") else 0
        if not n:
            return None  # "the third half": not a period
    year = int(m["qy"]) if m["qy"] else None
    return month_span(m, year, (n - 1) * size + 1, n * size, hint=_rel_year_hint(m["qrel"]))


def _rel_year_hint(rel: str | None) -> Hint:
    if rel is None or rel.lower() == "the":
        return "near"
    return f"offset:{_YEAR_OFFSET[rel.lower()]}"


def _b_yspan(m, text, ref):
    a, b = m["ys1"], m["ys2"]
    end = int(a[:2] + b) if len(b) == 2 else int(b)
    if end <= int(a):
        if "/" in m.group(0):  # "2021/12": a number of a circular, not a span
            return _b_ident(m, text, ref)
        if len(b) == 2 and 1 <= int(b) <= 12:  # "2010-05": May 2010
            return _date(m, "date", dates.iso(int(a), int(b)), "month")
        return None
    return _date(m, "date_range", a, "year", date_end=str(end))


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


def _b_time(m, text, ref):
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "time"), None


def _b_ordinal(m, text, ref):
    return number_mention(m.start(), _end(m), text, "ordinal", float(m["ord"]))


def _b_rank(m, text, ref):
    return number_mention(m.start("rankw") - 1, _end(m), text, "ordinal", float(_ORDINAL_WORDS[m["rankw"]]))


def _b_vague(m, text, ref):
    q = _norm(m["vague"])
    unit = counted_noun(text, _end(m))
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "number", None, unit, None, None, False, True, q), None


def _b_change(m, text, ref):
    start, end = m.start(), _end(m)
    if m["fac"] is not None:
        return number_mention(start, end, text, "change", float(qualifiers.EN_FACTORS[m["fac"].lower()]), "factor")
    if m["fold"] is not None:
        return number_mention(start, end, text, "change", number_value(m["fold"]), "factor")
    if m["chn"] is not None:
        verb, digits, pct = _norm(m["chv"]), m["chn"], m["chp"]
    else:
        verb, digits, pct = _norm(m["chw"]), m["chn2"], m["chp2"]
    value = number_value(digits)
    if value is not None and verb in _DOWN:
        value = -value
    unit = "percentage points" if "point" in pct else "%"
    q = _norm(m["chq"]) if m["chq"] else None
    side = qualifiers.EN_BEFORE.get(q) if q else None
    if side is not None and value is not None and value < 0:
        side = {"lower": "upper", "upper": "lower"}[side]  # "fell by more than 5%": at most -5
    return number_mention(start, end, text, "change", value, unit, q, side)


def _b_fraction(m, text, ref):
    q = _norm(m["fq"]) if m["fq"] else None
    if m["fh"] is not None:
        value = Fraction(1, 2)
    elif m["fd"] is not None:
        num = m["fn"].lower()
        n = 1 if num in ("a", "an", "one") else _UNITS.index(num) + 1
        plural = m["fd"].lower().endswith("s")
        hyphen = m["fsep"] == "-"
        if n == 1 and not plural and not hyphen and q is None and not text.startswith(" of", _end(m)):
            return None  # "a third country", "one quarter": an ordinal or a period, not a share
        if n > 1 and not plural and m["fd"].lower() != "half":
            return None  # "two third" is not how a share is written
        value = Fraction(n, _FRACTION_DENOMINATORS[m["fd"].lower()])
        if value >= 1:
            return None
    else:
        a, b = _small_int(m["ia"]), _small_int(m["ib"])
        if not a or not b or a >= b:
            return None
        value = Fraction(a, b)
    side = qualifiers.EN_BEFORE.get(q) if q else None
    return number_mention(m.start(), _end(m), text, "fraction", float(value), None, q, side)


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
    if m["rb"] is not None or m["rd2"] is not None or m["mon2"] is not None:
        a = m["rb1"] or m["num"] or m["mon1"]
        b = m["rb2"] or m["rd2"] or m["mon2"]
        if m["rb"] is not None and q is None and not m["rbc"] and _is_year(a) and _is_year(b) and int(a) < int(b):
            # "between 2011 and 2021": a stretch of years; "between" places it, like "from"
            return _date(m, "date_range", a, "year", date_end=b, start=m.start("rb1") - 1)
        lo, hi = number_value(a), number_value(b)
        if m["rb"] is not None:
            q = q or "between"
        if _scale_only_on_second(a, b):
            lo = number_value(a + " " + _scale_of(b))  # "between 2 and 3 billion": both billions
        if m["rbc"] or m["mon2"]:
            unit = CURRENCY_CODES[(m["rbc"] or m["cur1"]).lower()]
        else:
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
            if (q is None and m["neg"] is None and _is_year(num)
                    and (unit is None or text[end:end + 1] == "-")):
                return _date(m, "year", num, "year")
        if "dozen" in num.lower() and q is None:
            q, side = _norm(num), None  # "a dozen" is itself a hedge
    if m["neg"] is not None and value is not None:
        value = -value
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
    "ISO": iso_date, "DMY": _b_dmy, "TIME": _b_time, "QUARTER": _b_quarter, "IDENT": _b_ident, "MOD": _b_mod,
    "MDY": _b_mdy, "MY": _b_my, "YSPAN": _b_yspan, "DECADE": _b_decade, "LMONTH": _b_lmonth, "BMONTH": _b_bmonth,
    "WEEKDAY": _b_weekday, "AGO": _b_ago, "PERIOD": _b_period, "THIS": _b_this, "DEIXIS": _b_deixis,
    "ORDINAL": _b_ordinal, "RANK": _b_rank, "VAGUE": _b_vague, "CHANGE": _b_change, "FRACTION": _b_fraction,
    "QTY": _b_qty,
}
