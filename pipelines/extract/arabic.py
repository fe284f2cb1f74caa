"""Arabic grammar (lang="ar"), as SANA, the Gulf agencies and Arab news sites write figures.

The scan runs over a copy of the text normalised one character for one character, so offsets
stay those of the source: hamza forms of alif (أ إ آ) -> ا, ى -> ي, ة -> ه, Arabic-Indic
digits (٠-٩, ۰-۹) -> 0-9, the Arabic decimal and thousands marks (٫ ٬) -> . and , the Arabic
percent sign (٪) -> %, and the short vowels and tanween (ً ٌ ٍ َ ُ ِ ّ ْ) -> tatweel (ـ), so that
"ألفاً" and "ألفًا" read alike. Mention text is always sliced from the original.

* numbers: digit groups "35,114" / "2,905,349", decimals "1.8", and the agency style "6ر69"
  (KUNA: the digits after ر are the integer part, those before it the decimals: 69.6);
* number words and compounds joined by و or by a space: "35 ألفاً و114" = 35114,
  "مليارين و568 مليونا و362 ألف دولار" = 2568362000 USD, "67 مليون 574 ألف دولار", the duals
  (ألفين, مليونين, مليارين), the plurals after a count (3 آلاف), small number words (خمس, عشرة);
* a conjunction or preposition glued to a figure (و, ب, بـ, ل, ف) is outside the span:
  "بـ1.8 مليار دولار" -> "1.8 مليار دولار";
* percent (% ٪ بالمئة بالمائة في المئة), currencies after the figure (دولار, يورو, ليرة تركية
  -> TRY, ليرة سورية -> SYP; a bare ليرة is "lira"), counted nouns (the unit);
* qualifiers in the span: نحو, حوالي, قرابة, ما يقارب, زهاء (approximate), أكثر من, ما يزيد
  عن/على, لا يقل عن (lower bound), أقل من, حتى, ما يصل إلى (upper bound), and after the
  figure على الأقل, فأكثر (lower), تقريبا (approximate);
* a change with its direction: "زيادة 34 بالمئة", "زيادة بنسبة 6ر69 بالمئة" (+), انخفاض/تراجع (-);
* dates: both month naming systems, alone or paired ("8 شباط/فبراير", "كانون الثاني/يناير"),
  "عام 2025" / "في العام 2004" (the year), "يناير من العام الجاري" (this year's January),
  quarters ("الربع الأول من عام 2025"), ranges ("ما بين 8 و29 ديسمبر", via ranges.py),
  weekdays ("الاثنين"), relative dates ("الأسبوع الماضي", "أمس", "خلال 21 يوماً"),
  and "منذ" before a yearless date resolves it to the past (resolve.py);
* identifiers: "التعميم رقم 2021/12" -> "رقم 2021/12", "2025/4", "المادة 4", M4.
Span rules otherwise follow english.py.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

from pipelines.extract import dates, qualifiers
from pipelines.extract.common import Hint, number_mention
from pipelines.extract.mention import Mention
from pipelines.extract.numbers import whole_or_exact
from pipelines.extract.trie import trie_regex, trie_regex_tails

_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
NORMALISE = str.maketrans(
    {**{c: "ا" for c in "أإآٱ"}, "ى": "ي", "ة": "ه", **{c: "ـ" for c in _DIACRITICS},
     **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
     "٫": ".", "٬": ",", "٪": "%"}
)

W = r"(?![\w])"
T = "[\u0640\u064b-\u0652\u0670]*"  # tatweel and short vowels / tanween
# Endings a noun or number word takes (tanween alif, accusative): "ألفاً", "مليونا", "يوماً".
END = f"{T}(?:ا{T})?"

UNITS = {"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "سته": 6, "سبع": 7, "سبعه": 7,
         "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
         "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2}
TEENS = {f"{u} {t}": v + 10 for u, v in [("احد", 1), ("احدي", 1), ("اثنا", 2), ("اثني", 2), ("اثنتا", 2), ("اثنتي", 2),
                                          ("ثلاثه", 3), ("ثلاث", 3), ("اربعه", 4), ("اربع", 4), ("خمسه", 5), ("خمس", 5),
                                          ("سته", 6), ("ست", 6), ("سبعه", 7), ("سبع", 7), ("ثمانيه", 8), ("ثماني", 8),
                                          ("تسعه", 9), ("تسع", 9)] for t in ("عشر", "عشره")}
TENS = {f"{stem}{end}": v for stem, v in [("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60),
                                           ("سبع", 70), ("ثمان", 80), ("تسع", 90)] for end in ("ون", "ين")}
HUNDREDS = {"مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "مئتي": 200, "مائتي": 200,
            **{f"{p}{h}": v * 100 for p, v in [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                                 ("ثمان", 8), ("ثماني", 8), ("تسع", 9)] for h in ("مئه", "مائه")}}
# Scale words: singular (alone = one of it, after a count = times), dual (two of it), plural (after 3-10).
SCALES = {"الف": 10**3, "مليون": 10**6, "مليار": 10**9, "بليون": 10**9, "تريليون": 10**12}
DUALS = {"الفان": 2 * 10**3, "الفين": 2 * 10**3, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
         "ملياران": 2 * 10**9, "مليارين": 2 * 10**9}
PLURALS = {"الاف": 10**3, "ملايين": 10**6, "مليارات": 10**9}
WORDS = {**UNITS, **TEENS, **TENS, **HUNDREDS}

EG_MONTHS = {"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
             "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}
LEV_MONTHS = {"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
              "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12}
MONTHS = {**EG_MONTHS, **LEV_MONTHS}
# Month names that are also common words (مارس "practised", آب/أب "father" once normalised) need a
# day, a year or the other name next to them.
_AMBIGUOUS_MONTHS = {"مارس", "اب"}
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}

QUAL_BEFORE = {
    "نحو": None, "حوالي": None, "قرابه": None, "ما يقارب": None, "يقارب": None, "ما يقرب من": None,
    "ما يناهز": None, "يناهز": None, "زهاء": None, "تقريبا": None,
    "اكثر من": "lower", "ما يزيد عن": "lower", "ما يزيد علي": "lower", "يزيد عن": "lower", "يزيد علي": "lower",
    "ازيد من": "lower", "ما لا يقل عن": "lower", "لا يقل عن": "lower", "اكثر من": "lower",
    "اقل من": "upper", "حتي": "upper", "ما يصل الي": "upper", "يصل الي": "upper",
}
QUAL_AFTER = {"علي الاقل": "lower", "فاكثر": "lower", "او اكثر": "lower", "تقريبا": None}
CHANGE_UP = ("زياده", "ارتفاع", "نمو", "ارتفع", "ارتفعت", "زاد", "زادت", "نما", "نمت")
CHANGE_DOWN = ("انخفاض", "تراجع", "هبوط", "انخفضت", "انخفض", "تراجعت", "هبط", "هبطت", "نقص", "نقصت")
# Counted nouns written after a figure, by stem; the unit is the singular.
NOUNS = {"سوري": "سوري", "لاجئ": "لاجئ", "شخص": "شخص", "اشخاص": "شخص", "ولاي": "ولاية", "يوم": "يوم",
         "ايام": "يوم", "شهر": "شهر", "اشهر": "شهر", "سنه": "سنة", "سنوات": "سنة", "عام": "عام", "اعوام": "عام",
         "معبر": "معبر", "معابر": "معبر", "شاحن": "شاحنة", "عائل": "عائلة", "اسر": "أسرة", "طن": "طن",
         "اطنان": "طن", "ميغاواط": "ميغاواط", "ميجاواط": "ميغاواط", "كيلومتر": "كيلومتر", "كم": "كم",
         "مواطن": "مواطن", "طفل": "طفل", "اطفال": "طفل", "عائد": "عائد"}
CURRENCIES = [("دولار امريكي", "USD"), ("دولار اميركي", "USD"), ("دولار", "USD"), ("دولارات", "USD"),
              ("يورو", "EUR"), ("ليره تركيه", "TRY"), ("ليرات تركيه", "TRY"), ("ليره سوريه", "SYP"),
              ("ليرات سوريه", "SYP"), ("ليره", "lira"), ("ليرات", "lira"), ("جنيه استرليني", "GBP")]

_PREFIX = r"(?:وب|ول|[وفبلك])ـ?"  # glued conjunction / preposition


def _alt(words) -> str:
    return trie_regex(words)


NUMWORD_RE = f"(?:{_alt(list(TEENS))}|{_alt(list(TENS))}|{_alt(list(HUNDREDS))}|{_alt(list(UNITS))}){END}{W}"
# "ثلاث مئة" written apart
NUMWORDS_RE = f"(?:{_alt(['ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثماني', 'ثمان', 'تسع'])}\\s+(?:مئه|مائه){END}{W}|{NUMWORD_RE})"
DIGITS_RE = r"(?:\d+ر\d+|\d{1,3}(?:[,٬]\d{3})+(?!\d)|\d+(?:[.,٫]\d+)?)"
SCALE_RE = f"(?:{_alt(list(SCALES))}){END}{W}"
DUAL_RE = f"(?:{_alt(list(DUALS))}){T}{W}"
PLURAL_RE = f"(?:{_alt(list(PLURALS))}){T}{W}"
# Arabic joins the parts below a thousand with و, units before tens: "ثلاثة وعشرون" = 23.
HEAD_RE = f"(?:{DIGITS_RE}|{NUMWORDS_RE}(?:\\s*و\\s*{NUMWORDS_RE})*)"
# A scaled group: "568 مليونا", "3 آلاف", "مليارين", "مليار" (one billion), "نصف مليون".
SG_RE = f"(?:(?:{HEAD_RE})\\s*(?:{SCALE_RE}|{PLURAL_RE})|{DUAL_RE}|{SCALE_RE}|نصف\\s+(?:مليون|مليار){END}{W})"
# Groups continue with a space or و; a bare number may close the compound only after و ("35 ألفاً و114").
NUM_RE = f"(?:{SG_RE}(?:\\s*و?\\s*{SG_RE})*(?:\\s*و\\s*(?:{HEAD_RE})(?!\\s*(?:{SCALE_RE}|{PLURAL_RE})))?|{HEAD_RE})"
PCT_RE = r"(?:\s*[%٪]|\s*(?:بال|في\s+ال)(?:مئه|مائه)" + W + ")"
YEAR_RE = r"(?:1[89]|20)\d\d(?![\d,.]\d|\d)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
EG_RE = _alt(list(EG_MONTHS)) + W
LEV_RE = _alt(list(LEV_MONTHS)) + W
# A month in either naming system, alone or paired with its other name: "شباط/فبراير", "شباط (فبراير)".
_PAIR_LEV = f"{LEV_RE}(?:\\s*/\\s*{EG_RE}|\\s*\\(\\s*{EG_RE}\\s*\\))"
_PAIR_EG = f"{EG_RE}(?:\\s*/\\s*{LEV_RE}|\\s*\\(\\s*{LEV_RE}\\s*\\))"
MONTH_RE = f"(?:{_PAIR_LEV}|{_PAIR_EG}|{LEV_RE}|{EG_RE})"
BARE_MONTH_RE = f"(?:{_PAIR_LEV}|{_PAIR_EG}|{_alt([m for m in MONTHS if m not in _AMBIGUOUS_MONTHS])}{W})"
YEAR_WORD = r"(?:ال)?(?:عام|سنه)"
REL_YEAR = r"(?:الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم)"
QUAL_BEFORE_RE = _alt(list(QUAL_BEFORE))
CUR_RE = f"(?:{_alt([c for c, _ in CURRENCIES])}){END}{W}"
PERIOD_RE = r"(?:الاسبوع|الشهر|العام|السنه)"
PERIODS_PL = r"(?P<per_u>يوم|ايام|اسبوع|اسابيع|اشهر|شهور|شهر|سنوات|سنه|اعوام|عام)"

# Cheap necessary condition tried at every separator (see english.py): a digit or sign, or a word
# that can begin some alternative, possibly behind a glued conjunction or preposition.
_STARTS = (
    list(UNITS) + [t.split()[0] for t in TEENS] + list(TENS) + list(HUNDREDS) + list(SCALES) + list(DUALS)
    + ["ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "ثمان", "تسع", "نصف", "ثلث", "ثلثي", "ثلثا", "ربع"]
    + [m.split()[0] for m in MONTHS] + list(WEEKDAYS)
    + ["عام", "العام", "سنه", "السنه", "عامي", "سنتي", "الربع", "النصف", "رقم", "الرقم", "ماده", "الماده", "الساعه",
       "الاسبوع", "الشهر", "امس", "غداـ", "عشرات", "مئات", "الاف", "ملايين", "تضاعف", "بين"]
    + list(CHANGE_UP + CHANGE_DOWN) + [q.split()[0] for q in QUAL_BEFORE if not q.startswith(("ما ", "لا "))]
)
_TAILED = [("ما", r"\s+(?:يقارب|يقرب|يناهز|يزيد|لا|يصل|بين)"), ("لا", r"\s+يقل"), ("يوم", r"\s+ال"),
           ("اليوم", W), ("خلال", r"\s+\w"), ("منذ", r"\s+\w"), ("قبل", r"\s+\w")]
GUARD_RE = "(?:[\\d$€(]|[-−]\\d|[A-Z]|" + trie_regex_tails([(w, "") for w in _STARTS] + _TAILED) + ")"

MASTER_SOURCE = (
    f"[^\\w.](?=(?:{_PREFIX})?{GUARD_RE})(?P<pre>{_PREFIX}(?={GUARD_RE}))?(?:"
    rf"(?P<iso_y>\d{{4}})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?!\d)(?P<ISO>)"
    rf"|(?P<nd>{DAY_RE})/(?P<nm>0?[1-9]|1[0-2])/(?P<ny>{YEAR_RE})(?P<NUMDATE>)"
    rf"|(?P<dmy_d>{DAY_RE})\s+(?:من\s+)?(?P<dmy_m>{MONTH_RE})(?:\s*[,،]?\s*(?:{YEAR_WORD}\s+)?(?P<dmy_y>{YEAR_RE})|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<dmy_rel>{REL_YEAR}))?(?P<DMY>)"
    rf"|(?P<qk>الربع|النصف)\s+(?P<qn>الاول|الثاني|الثالث|الرابع|الاخير)(?:\s+من\s+(?:(?:{YEAR_WORD}\s+)?(?P<qy>{YEAR_RE})|(?:ال)?(?:عام|سنه)\s+(?P<qrel>{REL_YEAR})))?{W}(?P<QUARTER>)"
    rf"|(?P<my_m>{MONTH_RE})(?:\s+(?:من\s+)?(?:{YEAR_WORD}\s+)?(?P<my_y>{YEAR_RE})|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<my_rel>{REL_YEAR}))(?P<MY>)"
    rf"|(?P<lm_m>{MONTH_RE})\s+(?P<lm_mod>الماضي|المنصرم|الفائت|المقبل|القادم){W}(?P<LMONTH>)"
    rf"|(?P<bm>{BARE_MONTH_RE})(?P<BMONTH>)"
    rf"|(?:(?:عامي|سنتي)\s+)(?P<ys1>{YEAR_RE})\s+و\s*(?P<ys2>{YEAR_RE})(?P<YEARS>)"
    rf"|(?P<ys_a>{YEAR_RE})\s*[-–]\s*(?P<ys_b>{YEAR_RE})(?P<YSPAN>)"
    rf"|{YEAR_WORD}\s+(?P<yw>{YEAR_RE})(?P<YEAR>)"
    rf"|(?P<ident>(?:ال)?رقم\s+\d+(?:/\d+)*|(?:ال)?ماده\s+\d+|\d{{1,4}}/\d{{1,4}}(?![\d/])|\(\d{{1,2}}\)|[A-Z]{{1,6}}-?\d\w*)(?P<IDENT>)"
    rf"|(?P<time>الساعه\s+\d{{1,2}}(?::\d\d)?(?:\s+(?:صباحا|مساء|ظهرا|ليلا|فجرا){END}{W})?)(?P<TIME>)"
    rf"|(?:يوم\s+)?(?P<wd>{_alt(list(WEEKDAYS))}){W}(?P<WEEKDAY>)"
    rf"|(?P<rel_p>{PERIOD_RE})\s+(?P<rel_m>الماضي|الماضيه|المنصرم|الفائت|السابق|المقبل|القادم|الجاري|الحالي){W}(?P<REL>)"
    rf"|(?P<deic>امس|اليوم|غداـ+){W}(?P<DEIXIS>)"
    rf"|(?P<span_w>خلال|منذ|قبل)\s+(?P<span_n>\d+|{NUMWORD_RE})\s+{PERIODS_PL}{END}{W}(?P<SPAN>)"
    rf"|(?P<vague>(?:عشرات|مئات|الاف|ملايين)(?:\s+(?:الالاف|الاف|الملايين))?){W}(?P<VAGUE>)"
    rf"|(?:(?P<chw>{_alt(CHANGE_UP + CHANGE_DOWN)}){W}(?:\s+(?:بنسبه|قدرها|نسبتها))?\s+(?:(?P<chq>{QUAL_BEFORE_RE})\s+)?(?P<chn>{DIGITS_RE}){PCT_RE}"
    rf"|(?P<fac>تضاعف\w*))(?P<CHANGE>)"
    rf"|(?:(?P<fq>{QUAL_BEFORE_RE})\s+)?(?P<frac>ثلاثه\s+ارباع|ثلثي|ثلثا|ثلث|ربع|نصف)(?=\s+\w)(?!\s+(?:مليون|مليار))(?P<FRACTION>)"
    rf"|(?:(?P<q>{QUAL_BEFORE_RE})\s+)?(?:"
    rf"(?P<rb>(?:ما\s+)?بين)\s+(?P<rb1>{NUM_RE})\s+و\s*(?P<rb2>{NUM_RE})"
    rf"|(?P<cur1>\$|€)\s?(?P<mon1>{NUM_RE})"
    rf"|(?P<neg>(?<=[\s(])[-−](?=\d))?(?P<num>{NUM_RE})(?:\s*[-–]\s*(?P<rd2>{NUM_RE}))?"
    rf"(?:(?P<pct>{PCT_RE})|\s+(?P<cur2>{CUR_RE}))?"
    rf")(?:\s+(?P<qa>{_alt(list(QUAL_AFTER))}){W})?(?!\w)(?P<QTY>)"
    ")"
)

# The patterns above are written with the normalised letters; the scan runs over the text as
# written, so each of those letters, and each ASCII digit, stands for all its spellings.
_VARIANTS = {"ا": "أإآٱ", "ي": "ى", "ه": "ة", **{str(i): chr(0x0660 + i) + chr(0x06F0 + i) for i in range(10)}}


def tolerant(pattern: str) -> str:
    """`pattern` with every ا ي ه and ASCII digit literal widened to its spellings, inside and
    outside character classes (escapes, group names and {m,n} counts are left alone)."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:j + 1])
            i = j + 1
        elif c == "{" and re.match(r"\{\d*,?\d*\}", pattern[i:]):
            j = pattern.index("}", i)
            out.append(pattern[i:j + 1])
            i = j + 1
        elif c == "[":
            j = i + 1
            body = []
            while pattern[j] != "]" or j == i + 1:
                if pattern[j] == "\\":
                    body.append(pattern[j:j + 2])
                    j += 2
                    continue
                if pattern[j + 1] == "-" and pattern[j + 2] != "]":  # a range a-b
                    lo, hi = pattern[j], pattern[j + 2]
                    body.append(f"{lo}-{hi}")
                    if lo.isascii() and lo.isdigit() and hi.isdigit():
                        body.append(f"{chr(0x0660 + int(lo))}-{chr(0x0660 + int(hi))}{chr(0x06F0 + int(lo))}-{chr(0x06F0 + int(hi))}")
                    j += 3
                    continue
                body.append(pattern[j] + _VARIANTS.get(pattern[j], ""))
                j += 1
            out.append("[" + "".join(body) + "]")
            i = j + 1
        elif c in _VARIANTS:
            out.append("[" + c + _VARIANTS[c] + "]")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


MASTER = re.compile(tolerant(MASTER_SOURCE))


def normalise(text: str) -> str:
    return text.translate(NORMALISE)


def _n(m, group: str) -> str | None:
    """A group's text, normalised (for look-ups and values)."""
    value = m[group]
    return None if value is None else value.translate(NORMALISE)


def extract(text: str, ref: dt.date | None) -> list[tuple[Mention, Hint]]:
    out = []
    for m in MASTER.finditer(" " + text):
        built = _BUILDERS[m.lastgroup](m, text, ref)
        if built is not None:
            out.append(built)
    return out


# -- values ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\d+ر\d+|\d[\d,.]*|[^\W\d_]+")


def digits_value(s: str) -> Decimal:
    if "ر" in s:  # KUNA "6ر69": decimals before ر, integer part after it
        frac, whole = s.split("ر")
        return Decimal(f"{whole}.{frac}")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
        return Decimal(s.replace(",", ""))
    return Decimal(s.replace(",", "."))


def number_value(s: str) -> float | None:
    """Value of a normalised Arabic number expression ("مليارين و568 مليونا و362 الف")."""
    s = s.replace("ـ", "")
    if s.isdigit():
        return whole_or_exact(int(s))
    total = 0  # int while every part is whole, Decimal once a decimal appears
    current = 0
    seen = False
    words = _TOKEN.findall(s)
    i = 0
    while i < len(words):
        tok = words[i]
        if tok[0].isdigit():
            plain = tok.replace(",", "")
            current += int(plain) if plain.isdigit() and (plain == tok or _GROUPS.fullmatch(tok)) else digits_value(tok)
            seen = True
            i += 1
            continue
        if tok.startswith("و") and tok[1:] and (tok[1:] in WORDS or _scale(tok[1:])):
            tok = tok[1:]  # "وثلاثه", "ومليون"
        pair = f"{tok} {words[i + 1]}" if i + 1 < len(words) else None
        if pair in WORDS:  # teens and "ثلاث مئه" written apart
            current += WORDS[pair]
            i += 2
            seen = True
            continue
        if pair is not None and tok in _HUNDRED_HEADS and words[i + 1].rstrip("ا") in ("مئه", "مائه"):
            current += _HUNDRED_HEADS[tok] * 100
            i += 2
            seen = True
            continue
        word = tok.rstrip("ا") if tok.rstrip("ا") in SCALES else tok
        if tok == "نصف":
            current = Decimal("0.5")
            seen = True
        elif word in WORDS:
            current += WORDS[word]
            seen = True
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
            seen = True
        elif tok in DUALS:
            total += DUALS[tok]
            current = 0
            seen = True
        elif tok in PLURALS:
            total += (current or 1) * PLURALS[tok]
            current = 0
            seen = True
        i += 1
    if not seen:
        return None
    return whole_or_exact(total + current)


_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")
_HUNDRED_HEADS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "ثمان": 8, "تسع": 9}


def _scale(word: str) -> bool:
    return word.rstrip("ا") in SCALES or word in DUALS or word in PLURALS


# -- builders -------------------------------------------------------------------------------------

def _start(m) -> int:
    """Start of the mention in the original text: after a glued prefix (و, بـ), never on it."""
    return (m.end("pre") - 1) if m["pre"] else m.start()


def _mention(m, text, kind, start=None, **fields) -> tuple[Mention, Hint]:
    hint = fields.pop("hint", None)
    s = _start(m) if start is None else start
    e = m.end() - 1
    return Mention(s, e, text[s:e], kind, **fields), hint


def _date(m, text, kind, date, precision, *, start=None, hint=None, date_end=None, qualifier=None, inferred=False):
    return _mention(m, text, kind, start=start, date=date, date_precision=precision, date_end=date_end,
                    hint=hint, qualifier=qualifier, date_inferred=inferred)


def _month(name: str) -> int:
    name = re.sub(r"\s+", " ", normalise(name).replace("ـ", "")).strip()
    first = re.split(r"\s*[/(]\s*", name)[0].strip(" )")
    return MONTHS[first]


def _rel_offset(word: str | None) -> int | None:
    if word is None:
        return None
    return {"الجاري": 0, "الحالي": 0, "الماضي": -1, "المنصرم": -1, "الفائت": -1, "المقبل": 1, "القادم": 1}[word]


def _b_iso(m, text, ref):
    y, mo, d = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    return _date(m, text, "date", dates.iso(y, mo, d), "day") if dates.valid_day(y, mo, d) else None


def _b_numdate(m, text, ref):
    y, mo, d = int(m["ny"]), int(m["nm"]), int(m["nd"])
    return _date(m, text, "date", dates.iso(y, mo, d), "day") if dates.valid_day(y, mo, d) else None


def _b_dmy(m, text, ref):
    month, day = _month(m["dmy_m"]), int(m["dmy_d"])
    if m["dmy_y"]:
        year = int(m["dmy_y"])
        if dates.valid_day(year, month, day):
            return _date(m, text, "date", dates.iso(year, month, day), "day")
        return _date(m, text, "date", dates.iso(year, month), "month")
    date, precision = dates.yearless(month, day)
    offset = _rel_offset(_n(m, "dmy_rel"))
    return _date(m, text, "date", date, precision, hint="near" if offset is None else f"offset:{offset}")


def _b_my(m, text, ref):
    month = _month(m["my_m"])
    if m["my_y"]:
        return _date(m, text, "date", dates.iso(int(m["my_y"]), month), "month")
    date, precision = dates.yearless(month)
    return _date(m, text, "date", date, precision, hint=f"offset:{_rel_offset(_n(m, 'my_rel'))}")


def _b_lmonth(m, text, ref):
    date, precision = dates.yearless(_month(m["lm_m"]))
    return _date(m, text, "date", date, precision, hint="last" if _rel_offset(_n(m, "lm_mod")) < 0 else "next")


def _b_bmonth(m, text, ref):
    date, precision = dates.yearless(_month(m["bm"]))
    return _date(m, text, "date", date, precision, hint="near")


_QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 0}


def _b_quarter(m, text, ref):
    size = 3 if _n(m, "qk") == "الربع" else 6
    n = _QUARTERS[_n(m, "qn")] or 12 // size
    if n > 12 // size:
        return None
    first, last = (n - 1) * size + 1, n * size
    if m["qy"]:
        year = int(m["qy"])
        return _date(m, text, "date_range", dates.iso(year, first), "month", date_end=dates.iso(year, last))
    offset = _rel_offset(_n(m, "qrel"))
    return _date(m, text, "date_range", dates.yearless(first)[0], "yearless_month", date_end=dates.yearless(last)[0],
                 hint="near" if offset is None else f"offset:{offset}")


def _b_years(m, text, ref):
    a, b = _n(m, "ys1"), _n(m, "ys2")
    if int(b) <= int(a):
        return None
    return _date(m, text, "date_range", a, "year", date_end=b, start=m.start("ys1") - 1)


def _b_yspan(m, text, ref):
    a, b = _n(m, "ys_a"), _n(m, "ys_b")
    if int(b) <= int(a):
        return None
    return _date(m, text, "date_range", a, "year", date_end=b)


def _b_year(m, text, ref):
    return _date(m, text, "year", _n(m, "yw"), "year", start=m.start("yw") - 1)


def _b_ident(m, text, ref):
    return _mention(m, text, "identifier")


def _b_time(m, text, ref):
    return _mention(m, text, "time")


def _b_weekday(m, text, ref):
    if ref is None:
        return _date(m, text, "relative_date", None, "unknown")
    d = dates.last_weekday(WEEKDAYS[_n(m, "wd")], ref, None)
    return _date(m, text, "relative_date", d.isoformat(), "day", inferred=True)


_PERIOD_UNITS = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}


def _relative(m, text, ref, unit, offset):
    if offset is None:
        return _date(m, text, "relative_date", None, "unknown")
    date, precision = dates.resolve_relative(unit, offset, ref)
    return _date(m, text, "relative_date", date, precision, inferred=date is not None)


def _b_rel(m, text, ref):
    word = _n(m, "rel_m")
    offset = {"الماضي": -1, "الماضيه": -1, "المنصرم": -1, "الفائت": -1, "السابق": -1, "المقبل": 1, "القادم": 1,
              "الجاري": 0, "الحالي": 0}[word]
    return _relative(m, text, ref, _PERIOD_UNITS[_n(m, "rel_p")], offset)


def _b_deixis(m, text, ref):
    return _relative(m, text, ref, "day", {"امس": -1, "اليوم": 0}.get(_n(m, "deic").replace("ـ", ""), 1))


_SPAN_UNITS = {"يوم": "day", "ايام": "day", "اسبوع": "week", "اسابيع": "week", "شهر": "month", "اشهر": "month",
               "شهور": "month", "سنوات": "year", "سنه": "year", "اعوام": "year", "عام": "year"}


def _b_span(m, text, ref):
    """'قبل 3 أيام' (3 days ago) is a day; 'خلال 21 يوماً' (within 21 days) and 'منذ 3 أيام' a stretch."""
    if _n(m, "span_w") == "قبل":
        n = number_value(_n(m, "span_n"))
        unit = _SPAN_UNITS[_n(m, "per_u")]
        if n is not None and unit in ("day", "week"):
            return _relative(m, text, ref, "day", -int(n) * (7 if unit == "week" else 1))
        if n is not None:
            return _relative(m, text, ref, unit, -int(n))
    return _date(m, text, "relative_date", None, "unknown")


def _written(m, text, group: str) -> str | None:
    """A group as the source writes it (the scan sees the normalised copy), spaces collapsed."""
    if m[group] is None:
        return None
    return " ".join(text[m.start(group) - 1:m.end(group) - 1].split())


def _b_vague(m, text, ref):
    s, e = _start(m), m.end() - 1
    return Mention(s, e, text[s:e], "number", None, _unit(text, m.end() - 1), None, None, False, True,
                   _written(m, text, "vague")), None


def _b_change(m, text, ref):
    start, end = _start(m), m.end() - 1
    if m["fac"] is not None:
        return number_mention(start, end, text, "change", 2.0, "factor")
    value = number_value(_n(m, "chn"))
    if value is not None and _n(m, "chw") in CHANGE_DOWN:
        value = -value
    side = QUAL_BEFORE.get(_n(m, "chq")) if m["chq"] else None
    if side is not None and value is not None and value < 0:
        side = {"lower": "upper", "upper": "lower"}[side]
    return number_mention(start, end, text, "change", value, "%", _written(m, text, "chq"), side)


_FRACTIONS = {"نصف": Fraction(1, 2), "ثلث": Fraction(1, 3), "ثلثي": Fraction(2, 3), "ثلثا": Fraction(2, 3), "ربع": Fraction(1, 4)}


def _b_fraction(m, text, ref):
    frac_word = _n(m, "frac")
    frac = Fraction(3, 4) if frac_word.startswith("ثلاثه") else _FRACTIONS[frac_word]
    side = QUAL_BEFORE.get(_n(m, "fq")) if m["fq"] else None
    return number_mention(_start(m), m.end() - 1, text, "fraction", float(frac), None, _written(m, text, "fq"), side)


def _b_qty(m, text, ref):
    start, end = _start(m), m.end() - 1
    q = _written(m, text, "q")
    side = QUAL_BEFORE.get(_n(m, "q")) if m["q"] else None
    if m["qa"]:
        qa = _written(m, text, "qa")
        side = QUAL_AFTER[re.sub(r"\s+", " ", _n(m, "qa"))] if q is None else side
        q = qa if q is None else f"{q} … {qa}"
    if m["rb"] is not None or m["rd2"] is not None:
        a, b = (_n(m, "rb1"), _n(m, "rb2")) if m["rb"] is not None else (_n(m, "num"), _n(m, "rd2"))
        if m["rb"] is not None:
            q = q or _written(m, text, "rb")
        lo, hi = number_value(a), number_value(b)
        unit = _currency(_n(m, "cur2")) if m["cur2"] else ("%" if m["pct"] else _unit(text, m.end() - 1))
        return Mention(start, end, text[start:end], "range", None, unit, None, None, False, True, q, lo, hi), None
    if m["cur1"] is not None:
        value, kind, unit = number_value(_n(m, "mon1")), "money", {"$": "USD", "€": "EUR"}[m["cur1"]]
    elif m["pct"] is not None:
        value, kind, unit = number_value(_n(m, "num")), "percent", "%"
    elif m["cur2"] is not None:
        value, kind, unit = number_value(_n(m, "num")), "money", _currency(_n(m, "cur2"))
    else:
        num = _n(m, "num")
        if _n(m, "q") == "حتي" and _is_year(num):  # "حتى 2025" is "until 2025", not "up to 2025"
            q, side, start = None, None, m.start("num") - 1
        value, kind, unit = number_value(num), "number", _unit(text, m.end() - 1)
        if q is None and m["neg"] is None and _is_year(num) and unit is None:
            return _date(m, text, "year", num, "year", start=start)
    if m["neg"] is not None and value is not None:
        value = -value
    lower, upper = qualifiers.bounds(value, side)
    return Mention(start, end, text[start:end], kind, value, unit, None, None, False, q is not None, q, lower, upper), None


def _is_year(s: str) -> bool:
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099


def _currency(word: str) -> str:
    w = re.sub(r"\s+", " ", word.replace("ـ", "")).rstrip("ا")
    for name, code in CURRENCIES:
        if w.startswith(name):
            return code
    return "lira"


_NEXT_WORD = re.compile(r"\s+([\w\u064b-\u0652\u0670]+)")


def _unit(text: str, end: int) -> str | None:
    """Counted noun right after the figure ending at `end`."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return None
    word = normalise(m.group(1)).replace("ـ", "")
    if word.startswith("ال"):
        return None  # a definite noun is not what the figure counts
    for stem, unit in NOUNS.items():
        if word.startswith(stem):
            return unit
    return None


_BUILDERS = {
    "ISO": _b_iso, "NUMDATE": _b_numdate, "DMY": _b_dmy, "QUARTER": _b_quarter, "MY": _b_my, "LMONTH": _b_lmonth, "BMONTH": _b_bmonth,
    "YEARS": _b_years, "YSPAN": _b_yspan, "YEAR": _b_year, "IDENT": _b_ident, "TIME": _b_time,
    "WEEKDAY": _b_weekday, "REL": _b_rel, "DEIXIS": _b_deixis, "SPAN": _b_span, "VAGUE": _b_vague,
    "CHANGE": _b_change, "FRACTION": _b_fraction, "QTY": _b_qty,
}
