"""Turkish grammar (lang="tr"), as ministries and the Turkish press write numbers and dates.

* digit groups use dots and decimals a comma: 52.622 -> 52622, 2,5 milyar -> 2.5e9; a dot
  before one or two digits can only be a decimal point ("2.5 ayda" -> 2.5);
* a number with scale words is one mention: "1 milyon 190 bin 172" -> 1190172; a scale word
  may carry a case suffix, which ends the number ("1 milyon 318 bine" -> 1318000, "273
  bini", "2,3 milyona", "1 milyon 350 binini");
* a case suffix after an apostrophe (' or ’) is NOT in the span ("450 bin 169'u" -> "450 bin
  169", "2025’te" -> "2025"); a suffix written without apostrophe belongs to its word and is
  kept, because a span never splits a word ("5 binden fazla", "3 milyar doları",
  "7 milyar dolarlık", "2025 yılı Ağustos ayında");
* qualifiers are in the span and given as written: "yaklaşık", "civarında", "-den fazla"
  (the ablative as written: -den/-dan/-ten/-tan), "neredeyse", "en az", "üzerinde", and the
  verbs that bound a figure: "aştı"/"aşmış"/"aşkın" (passed it: lower bound), "yaklaştı"
  (approaching it: upper bound). "-e ulaştı" (reached) states the figure exactly and stays
  outside. A qualifier after the counted noun takes the noun into the span ("800 megavatın
  üzerine"), since the figure is bounded only with it;
* a change signed by its verb is one mention: "yüzde 51 artışla" -> +51, "yüzde 50 azaldı"
  -> -50 (unit %), "100 kat azaldı" -> 0.01, "iki katına çıktı" -> 2, "yarıya indi" -> 0.5
  (unit factor);
* "akşam 8'e kadar" is a clock time (8 pm), not "up to 8".
Span rules otherwise follow english.py.
"""
from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from pipelines.extract import dates, qualifiers
from pipelines.extract.common import Hint, date_mention, day_month_year, end as _end, iso_date, month_date, month_span, number_mention
from pipelines.extract.mention import Mention
from pipelines.extract.numbers import TR_SMALL, number_value
from pipelines.extract.trie import trie_regex, trie_regex_tails, with_capitals

W = r"(?!\w)"
L = "[a-zçğıöşüâîû]"  # a lowercase Turkish letter (suffixes)
_TR_WORDS = [w for w in TR_SMALL if w not in ("bir", "sıfır")] + ["yüz"]
TRWORD_RE = f"(?:{trie_regex(with_capitals(_TR_WORDS))}{W}|[Bb]ir(?=\\s+(?:yüz|bin|milyon|milyar){W}))"
TRWORDNUM_RE = f"{TRWORD_RE}(?:\\s+{trie_regex(_TR_WORDS)}{W})*"
# "üçü iletim, dördü dağıtım": a number word with the possessive ("three of them").
_POSSESSIVE = {"ikisi": 2, "üçü": 3, "dördü": 4, "beşi": 5, "altısı": 6, "yedisi": 7, "sekizi": 8, "dokuzu": 9}
POSS_RE = f"{trie_regex(with_capitals(_POSSESSIVE))}(?:n(?:d[ae]n?|[ei]|[ıiuü]n?|[ae]))?{W}"
TRDIG_RE = r"(?:\d+\.\d{1,2}(?![\d])|\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,\d+)?"
SCALE_RE = r"(?:milyar|milyon|bin|trilyon)"
# A scale word with a case suffix (vowel harmony keeps "bina", a building, out).
SCALE_SFX_RE = (
    f"(?:bin(?:in(?:i|e|de|den)?|i|e|de|den|le|lik)|milyon(?:un(?:u|a|da|dan)?|u|a|da|dan|la|luk)"
    f"|milyar(?:ın(?:ı|a|da|dan)?|ı|a|da|dan|la|lık)|trilyon(?:un(?:u|a|da|dan)?|u|a|da|dan|la|luk)){W}"
)
# "1 milyon 190 bin 172": groups of (number, scale) in one mention; the scale may carry the
# ablative of "-den fazla" (captured apart so the qualifier can be read), or end the number
# with another suffix ("318 bine").
TRNUM_RE = (
    f"(?:{TRDIG_RE}|{TRWORDNUM_RE})"
    f"(?:\\s+{SCALE_RE}(?=[dt][ae]n\\s+(?:fazla|az|çok){W}|{W})(?:\\s+(?:{TRDIG_RE}|{TRWORDNUM_RE})(?!\\s+{SCALE_RE}\\s+{SCALE_RE}))?)*"
    f"(?:\\s+{SCALE_SFX_RE})?"
)
_MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]
TRMONTH_RE = trie_regex(_MONTHS) + W
# Lower-case month names are ordinary words too ("aralık": a gap, "ocak": a hearth), so they
# count only where a date is certain: after a day, before a year or "ayı", in a month range.
TRMONTH_ANY_RE = trie_regex(_MONTHS + [m.replace("I", "ı").replace("İ", "i").lower() for m in _MONTHS]) + W
YEAR_RE = r"(?:1[89]|20)\d\d(?![\d.,]\d|\d)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
WEEKDAY_RE = trie_regex(["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"]) + W
PERIOD_RE = r"(?P<per_u>gün|hafta|ay|yıl|sene)"
BEFORE_RE = trie_regex(with_capitals(qualifiers.TR_BEFORE))
CUR_AFTER_RE = (
    f"(?:(?:ABD|Amerikan)\\s+dolar{L}*|dolar{L}*|[Aa]vro{L}*|[Ee]uro{L}*|TL|lira{L}*|Türk\\s+lira{L}*|USD|EUR){W}"
)
VAGUE_RE = trie_regex(with_capitals(["yüzlerce", "binlerce", "on binlerce", "yüz binlerce", "milyonlarca", "onlarca", "düzinelerce"])) + W
IDENT_RE = (
    r"\d+(?:[xX×]\d+)+(?!\w)|(?:24/7|7/24)(?![\w/])|\(\d{1,2}[a-z]?\)"
    r"|(?:MADDE|Madde|Maddesi|Article)\s+(?:No\.?\s*)?\d+(?:[./-]\d+)*(?!\w)"
    r"|[A-ZÇĞİÖŞÜ][A-Za-zçğıöşüÇĞİÖŞÜ]{0,12}-?\d\w*(?:-\d+)*"
)
_CHANGE_UP = f"artış{L}*|art(?:tı|mış|arak|an|ıyor|acak|ması|tığı){L}*|yüksel{L}+"
_CHANGE_DOWN = f"azal{L}*|düş(?:tü|müş|erek|üş|en|ecek|tüğü){L}*|geril{L}+|kayb{L}*"
_QUARTER_ORD = {"ilk": 1, "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "son": 0}
_POST_NOUN_FOLLOW = r"\s+(?:üzerinde|üzerine|üstünde|altında|aş(?:t|m|ı|k|a(?!ğ))|yaklaş(?:t|m|ı(?!k)|a))"

# Cheap necessary condition tried first at every separator (see english.py): a digit or sign, a
# capitalised word glued to a digit (M4), or a word that can begin some alternative.
_LOWER_MONTHS = [m.replace("I", "ı").replace("İ", "i").lower() for m in _MONTHS]
_STARTS = (
    with_capitals(_TR_WORDS + list(_POSSESSIVE) + ["yüzde", "yarı", "yarıya", "yarısı", "yarısını", "yarısına",
                                                  "yarısında", "yarısından", "dün", "bugün", "yarın", "saat", "akşam",
                                                  "sabah", "gece", "öğleden", "geçen", "geçtiğimiz", "gelecek",
                                                  "önümüzdeki", "yılın", "yüzlerce", "binlerce", "on binlerce",
                                                  "yüz binlerce", "milyonlarca", "onlarca", "düzinelerce",
                                                  "ikide", "üçte", "dörtte", "beşte", "altıda", "yedide", "sekizde",
                                                  "dokuzda", "onda"]
                  + list(qualifiers.TR_BEFORE))
    + _MONTHS + _LOWER_MONTHS + ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar",
                                 "MADDE", "Madde", "Maddesi", "Article"]
)
_TAILED = [("bir", r"\s+(?:yüz|bin|milyon|milyar)(?!\w)"), ("Bir", r"\s+(?:yüz|bin|milyon|milyar)(?!\w)"),
           ("bu", r"\s+(?:gün|hafta|ay|yıl|sene)"), ("Bu", r"\s+(?:gün|hafta|ay|yıl|sene)")]
GUARD_RE = (
    "(?=[\\d$€₺%(]|[-−]\\d|[A-ZÇĞİÖŞÜ][A-Za-zçğıöşüÇĞİÖŞÜ]{0,12}+-?\\d|"
    + trie_regex_tails([(w, "") for w in _STARTS] + _TAILED) + ")"
)

MASTER = re.compile(
    "[^\\w.]" + GUARD_RE + "(?:"
    rf"(?=\d{{1,2}}[./]\d{{1,2}}[./]\d)(?P<nd>{DAY_RE})[./](?P<nm>0?[1-9]|1[0-2])[./](?P<ny>{YEAR_RE})(?P<NUMDATE>)"
    rf"|(?=\d{{4}}-\d)(?P<iso_y>\d{{4}})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?!\d)(?P<ISO>)"
    rf"|(?=[SsAaGgÖö]|\d{{1,2}}:)(?:(?P<tpre>[Ss]aat|[Aa]kşam|[Ss]abah|[Gg]ece|[Öö]ğleden\s+sonra)\s+\d{{1,2}}(?:[:.]\d\d)?|\d{{1,2}}:\d\d)(?!\d)(?P<TIME>)"
    rf"|(?=(?:1[89]|20)\d\d\S*+\s+(?:yılı\w*\s+)?(?:ilk|birinci|ikinci|üçüncü|dördüncü|son)\s|[Yy]ılın\s)(?:(?P<qy>{YEAR_RE})(?:['’]{L}*|\s+yılı(?:nın)?)|(?P<qthis>[Yy]ılın))\s+(?P<qn>ilk|birinci|ikinci|üçüncü|dördüncü|son)"
    rf"\s+(?:(?P<qk>çeyre|yarı){L}*|(?P<qm>1[0-2]|[1-9]|{TRWORD_RE})\s+ay{L}*)(?P<QUARTER>)"
    rf"|(?=(?:(?:1[89]|20)\d\d\S*\s+(?:yılı\w*\s+)?)?[^\W\d_]+\s*[-–]\s*[^\W\d_])(?:(?P<ry>{YEAR_RE})(?:\s+yılı(?:nın)?|['’]{L}+)\s+)?(?P<rm1>{TRMONTH_ANY_RE})\s*[-–]\s*(?P<rm2>{TRMONTH_ANY_RE})(?:\s+(?P<ry2>{YEAR_RE}))?(?P<MRANGE>)"
    rf"|(?=\d{{1,2}}\s+[^\W\d_])(?P<dmy_d>{DAY_RE})\s+(?P<dmy_m>{TRMONTH_ANY_RE})(?:\s+(?P<dmy_y>{YEAR_RE}))?(?P<DMY>)"
    rf"|(?=(?:1[89]|20)\d\d\s+(?:yılı\w*\s+)?(?:sonu|başı|ortası|sonları|başları))(?P<yq_y>{YEAR_RE})(?:\s+yılı(?:nın)?)?\s+(?P<yq>(?:sonu|başı|ortası|sonları|başları){L}*)(?P<YQUAL>)"
    rf"|(?=(?:1[89]|20)\d\d\s+yıl)(?P<yma_y>{YEAR_RE})\s+yıl\w*\s+(?P<yma_m>{TRMONTH_ANY_RE})(?:\s+ay\w*)?(?P<YMA>)"
    rf"|(?=[^\W\d_]+\s+(?:ayı\s+)?\d)(?P<my_m>{TRMONTH_ANY_RE})\s+(?:ayı\s+)?(?P<my_y>{YEAR_RE})(?P<MY>)"
    rf"|(?=[^\W\d_]+\s+ayı)(?P<mq_m>{TRMONTH_ANY_RE})\s+ayı(?:nın)?\s+(?P<mq>(?:sonu|başı|ortası){L}*)(?P<MQUAL>)"
    rf"|(?P<lm_mod>[Gg]eçen|[Gg]eçtiğimiz|[Gg]elecek|[Öö]nümüzdeki)\s+(?P<lm_m>{TRMONTH_ANY_RE})(?!\s+\d)(?:\s+ay{L}*)?(?P<LMONTH>)"
    rf"|(?:(?P<ma_m>{TRMONTH_RE})(?:\s+ay\w*|(?=['’]\w))|(?P<ma_lc>{TRMONTH_ANY_RE})\s+ay\w*)(?P<MA>)"
    rf"|(?=\d+[xX×]|24/|7/24|\(\d|[A-ZÇĞİÖŞÜ])(?P<ident>{IDENT_RE})(?P<IDENT>)"
    rf"|(?P<wd>{WEEKDAY_RE})(?:\s+günü)?(?P<WEEKDAY>)"
    rf"|(?P<rel_mod>[Gg]eçen|[Bb]u|[Gg]elecek|[Öö]nümüzdeki|[Gg]eçtiğimiz)\s+{PERIOD_RE}(?!l[ae]r)\w*(?P<REL>)"
    rf"|(?=\S++\s+(?:gün|hafta|ay|yıl|sene)\s+önce)(?P<ago_n>{TRDIG_RE}|{TRWORDNUM_RE}|[Bb]ir)\s+(?P<ago_u>gün|hafta|ay|yıl|sene)\s+önce{W}(?P<AGO>)"
    rf"|(?P<deic>[Dd]ün|[Bb]ugün|[Yy]arın)(?:kü|ki|d[ae]n|[ae])?{W}(?P<DEIXIS>)"
    rf"|(?=\d+(?:['’]?[nıiuü]|\.\s+sıra))(?P<ord>\d+)(?:['’]?(?:nci|ncı|ncü|ncu|inci|ıncı|üncü|uncu){W}|\.(?=\s+sıra))(?P<ORDINAL>)"
    rf"|(?P<vague>{VAGUE_RE})(?P<VAGUE>)"
    rf"|(?:(?=(?:[^\W\d_]+\s+){{0,2}}(?:[Yy]üzde\s|%))(?:(?P<chq>{BEFORE_RE})\s+)?(?P<chp>[Yy]üzde\s+|%\s?)(?P<chn>{TRDIG_RE})(?:['’]{L}+)?\s+(?:(?P<chup>{_CHANGE_UP})|(?P<chdown>{_CHANGE_DOWN})){W}"
    rf"|(?=\S++\s+kat)(?P<katn>{TRDIG_RE}|{TRWORDNUM_RE})\s+kat(?:\s+(?:(?P<katup>art{L}*|yüksel{L}*)|(?P<katdown>azal{L}*|düş{L}*|geril{L}*))|ına\s+(?:çık|yüksel){L}*){W}"
    rf"|(?P<halved>[Yy]arıya\s+(?:in|düş|geril){L}*){W})(?P<CHANGE>)"
    rf"|(?:(?P<q>{BEFORE_RE})\s+)?(?:"
    rf"(?P<pct1>[Yy]üzde\s+|%\s?)(?P<pn>{TRDIG_RE})(?!\w)"
    rf"|(?P<cur1>\$|€|₺)\s?(?P<mon1>{TRNUM_RE})"
    rf"|(?P<fd>ikide|üçte|dörtte|beşte|altıda|yedide|sekizde|dokuzda|onda)\s+(?P<fn>biri|ikisi|üçü|dördü|beşi|altısı|yedisi|sekizi|dokuzu){L}*"
    rf"|(?P<yari>[Yy]arı(?:sı|sını|sına|sında|sından)){W}"
    rf"|(?P<poss>{POSS_RE})"
    rf"|(?P<neg>(?<=[\s(])[-−](?=\d))?(?P<num>{TRNUM_RE})(?:\s*[-–]\s*(?P<rd2>{TRNUM_RE})|\s+ila\s+(?P<ri2>{TRNUM_RE}))?(?:\s+(?P<cur2>{CUR_AFTER_RE}))?"
    rf")(?:(?=\s+\S++\s+(?:üz|üs|al|aş|ya))\s+(?P<qnoun>[^\W\d_]{{2,}})(?={_POST_NOUN_FOLLOW}))?"
    rf"(?:'?(?P<abl>[dt][ae]n)\s+(?P<post1>fazla|az|çok)(?:sı)?{W}|(?<=[dt][ae]n)\s+(?P<post1b>fazla|az|çok)(?:sı)?{W}"
    rf"|(?P<post2>\s+(?:civarında|civarı|dolayında|üzerinde|üzerine|üstünde|aşkın|altında)){W}"
    rf"|'(?P<dat>y?[ae])\s+(?P<post3>kadar){W}|(?<=[ae])\s+(?P<post3b>kadar){W}"
    rf"|(?:['’]{L}+)?\s+(?P<post5>aş(?:t|m|ı|a(?!ğ)){L}*|yaklaş(?:t|m|ı(?!k)|a){L}*){W}"
    rf"|(?!\w))(?P<QTY>)"
    ")"
)

CURRENCY_CODES = {
    "$": "USD", "dolar": "USD", "abd doları": "USD", "amerikan doları": "USD", "usd": "USD",
    "€": "EUR", "avro": "EUR", "euro": "EUR", "eur": "EUR",
    "₺": "TRY", "tl": "TRY", "lira": "TRY", "türk lirası": "TRY",
}
# Counted nouns the ministries use; a following word is the unit only if it starts with one.
NOUNS = ("kişi", "suriyeli", "sığınmacı", "göçmen", "mülteci", "ülke", "gümrük kapı", "kapı", "araç", "tır",
         "ton", "konut", "ev", "okul", "çocuk", "aile", "asker", "üs", "şirket", "proje", "kilometre", "km",
         "megavat", "mw", "kilovat", "dönüm", "metreküp", "yolcu", "saat", "gümrük", "hat")
_NEXT = re.compile(r"[ \t]+([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)")
_SPACES = re.compile(r"\s+")
_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_FRACTION_DEN = {"ikide": 2, "üçte": 3, "dörtte": 4, "beşte": 5, "altıda": 6, "yedide": 7, "sekizde": 8, "dokuzda": 9, "onda": 10}
_FRACTION_NUM = {"biri": 1, "ikisi": 2, "üçü": 3, "dördü": 4, "beşi": 5, "altısı": 6, "yedisi": 7, "sekizi": 8, "dokuzu": 9}


def _lower(s: str) -> str:
    return _SPACES.sub(" ", s).translate(_TR_LOWER).lower()


# Adjectives that may stand between a figure and its noun ("8 faal gümrük kapısında").
_ADJECTIVES = ("faal", "aktif", "yeni", "mevcut", "ayrı", "farklı", "kayıtlı")
_UNIT_RE = re.compile(
    "[ \t]+(?:" + trie_regex(with_capitals(_ADJECTIVES)) + "[ \t]+)?(?:(?P<gk>[Gg]ümrük[ \t]+kapı)|(?P<noun>"
    + trie_regex(with_capitals([n for n in NOUNS if n != "gümrük kapı"] + ["MW"])) + "))"
)


def _unit(text: str, end: int) -> str | None:
    m = _UNIT_RE.match(text, end)
    if m is None:
        return None
    if m["gk"]:
        return "gümrük kapısı"
    noun = m["noun"]
    return noun if noun == "MW" else _lower(noun)


def _currency(word: str) -> str:
    w = _lower(word)
    if w.startswith(("abd", "amerikan", "dolar")):
        return "USD"
    if w.startswith(("avro", "euro", "eur")):
        return "EUR"
    if w.startswith("usd"):
        return "USD"
    return "TRY"


def extract(text: str, ref: dt.date | None) -> list[tuple[Mention, Hint]]:
    out = []
    for m in MASTER.finditer(" " + text):
        built = _BUILDERS[m.lastgroup](m, text, ref)
        if built is not None:
            out.append(built)
    return out


def _b_numdate(m, text, ref):
    y, mo, d = int(m["ny"]), int(m["nm"]), int(m["nd"])
    if not dates.valid_day(y, mo, d):
        return None
    return date_mention(m, "date", dates.iso(y, mo, d), "day")


def _b_dmy(m, text, ref):
    return day_month_year(m, m["dmy_d"], m["dmy_m"], m["dmy_y"])


def _b_yma(m, text, ref):
    return date_mention(m, "date", dates.iso(int(m["yma_y"]), dates.month_number(m["yma_m"])), "month")


def _b_my(m, text, ref):
    return date_mention(m, "date", dates.iso(int(m["my_y"]), dates.month_number(m["my_m"])), "month")


def _b_ma(m, text, ref):
    return month_date(m, None, dates.month_number(m["ma_m"] or m["ma_lc"]))


def _b_mqual(m, text, ref):
    return month_date(m, None, dates.month_number(m["mq_m"]), qualifier=_lower(m["mq"]))


def _b_yqual(m, text, ref):
    return date_mention(m, "year", m["yq_y"], "year", qualifier=_lower(m["yq"]))


def _b_lmonth(m, text, ref):
    hint = "last" if _lower(m["lm_mod"]).startswith("geç") else "next"
    return month_date(m, None, dates.month_number(m["lm_m"]), hint=hint)


def _b_mrange(m, text, ref):
    year = m["ry"] or m["ry2"]
    first, last = dates.month_number(m["rm1"]), dates.month_number(m["rm2"])
    return month_span(m, int(year) if year else None, first, last)


def _b_quarter(m, text, ref):
    n = _QUARTER_ORD[_lower(m["qn"])]
    year = int(m["qy"]) if m["qy"] else None
    hint = "offset:0" if m["qthis"] else "near"
    if m["qm"] is not None:  # "2025 yılının ilk 7 ayında"
        months = int(m["qm"]) if m["qm"].isdigit() else int(number_value(m["qm"], "tr"))
        if m["qn"] != "ilk" or not 1 <= months <= 12:
            return None
        return month_span(m, year, 1, months, hint=hint)
    size = 3 if m["qk"] == "çeyre" else 6
    count = 12 // size
    n = count if n == 0 else n
    if n > count:
        return None
    return month_span(m, year, (n - 1) * size + 1, n * size, hint=hint)


def _b_ident(m, text, ref):
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "identifier"), None


def _b_time(m, text, ref):
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "time"), None


def _b_weekday(m, text, ref):
    if ref is None:
        return date_mention(m, "relative_date", None, "unknown")
    d = dates.last_weekday(dates.TR_WEEKDAYS[_lower(m["wd"])], ref, None)
    return date_mention(m, "relative_date", d.isoformat(), "day", inferred=True)


_UNIT = {"gün": "day", "hafta": "week", "ay": "month", "yıl": "year", "sene": "year"}


def _relative(m, ref, unit, offset):
    date, precision = dates.resolve_relative(unit, offset, ref)
    return date_mention(m, "relative_date", date, precision, inferred=date is not None)


def _b_rel(m, text, ref):
    mod = _lower(m["rel_mod"])
    offset = {"geçen": -1, "geçtiğimiz": -1, "bu": 0, "gelecek": 1, "önümüzdeki": 1}[mod]
    return _relative(m, ref, _UNIT[m["per_u"]], offset)


def _b_ago(m, text, ref):
    n = number_value(m["ago_n"], "tr") if _lower(m["ago_n"]) != "bir" else 1
    unit = _UNIT[m["ago_u"]]
    if unit == "week":
        unit, n = "day", n * 7
    return _relative(m, ref, unit, -int(n))


def _b_deixis(m, text, ref):
    return _relative(m, ref, "day", {"dün": -1, "bugün": 0, "yarın": 1}[_lower(m["deic"])])


def _b_ordinal(m, text, ref):
    return number_mention(m.start(), _end(m), text, "ordinal", float(m["ord"]))


def _b_vague(m, text, ref):
    q = _lower(m["vague"])
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "number", None, _unit(text, _end(m)), None, None, False, True, q), None


def _b_change(m, text, ref):
    start, end = m.start(), _end(m)
    if m["halved"] is not None:
        return number_mention(start, end, text, "change", 0.5, "factor")
    if m["katn"] is not None:
        n = number_value(m["katn"], "tr")
        if not n:
            return None
        value = float(Fraction(1) / Fraction(str(n))) if m["katdown"] else n
        return number_mention(start, end, text, "change", value, "factor")
    value = number_value(m["chn"], "tr")
    if value is not None and m["chdown"]:
        value = -value
    q = _lower(m["chq"]) if m["chq"] else None
    side = qualifiers.TR_BEFORE.get(q) if q else None
    if side is not None and value is not None and value < 0:
        side = {"lower": "upper", "upper": "lower"}[side]
    return number_mention(start, end, text, "change", value, "%", q, side)


_POST_GROUPS = ("post1", "post1b", "post2", "post3", "post3b", "post5")
_KIND_GROUPS = ("pn", "cur1", "fd", "yari", "poss", "cur2", "num", "rd2", "ri2", "neg", "qnoun")


def _b_qty(m, text, ref):
    start, end = m.start(), _end(m)
    q = _lower(m["q"]) if m["q"] else None
    side = qualifiers.TR_BEFORE.get(q) if q else None
    post1, post1b, post2, post3, post3b, post5 = m.group(*_POST_GROUPS)  # one call: most figures have none
    post = post1 or post1b or (post2 and post2.strip()) or post3 or post3b or post5
    if post:
        post = _lower(post)
        if post5:
            written, post_side = post, qualifiers.TR_VERB_SIDES["aş" if post.startswith("aş") else "yaklaş"]
        else:
            post_side = qualifiers.TR_AFTER[post]
            abl = m["abl"] or (text[:m.end("post1b") - 1].split()[-2][-3:] if post1b else None)
            written = f"-{abl.lower()} {post}" if abl else post
        side = post_side if q is None or side is None else side
        q = written if q is None else f"{q} … {written}"
    pn, cur1, fd, yari, poss, cur2, num, rd2, ri2, neg, qnoun = m.group(*_KIND_GROUPS)
    unit_at = end
    if qnoun:  # "800 megavatın üzerine": the unit is the noun the qualifier carried into the span
        unit_at = m.start("qnoun") - 1
        while unit_at > start and text[unit_at - 1].isspace():
            unit_at -= 1
    second = rd2 or ri2
    if second is not None:
        a, b = num, second
        if q is None and _is_year(a) and _is_year(b) and int(a) < int(b) and not cur2 and _unit(text, end) is None:
            return date_mention(m, "date_range", a, "year", date_end=b)  # "2016–2025 yılları"
        lo, hi = number_value(a, "tr"), number_value(b, "tr")
        if not re.search(SCALE_RE, a) and (sc := re.search(SCALE_RE + "$", b)):
            lo = number_value(f"{a} {sc.group(0)}", "tr")  # "50-60 bin": both thousands
        unit = _currency(cur2) if cur2 else _unit(text, end)
        return Mention(start, end, text[start:end], "range", None, unit, None, None, False, True, q, lo, hi), None
    if num is not None and cur2 is None:
        value, kind, unit = number_value(num, "tr"), "number", _unit(text, unit_at)
        if q is None and neg is None and unit is None and _is_year(num):
            return date_mention(m, "year", num, "year")
    elif pn is not None:
        value, kind, unit = number_value(pn, "tr"), "percent", "%"
    elif cur1 is not None:
        value, kind, unit = number_value(m["mon1"], "tr"), "money", CURRENCY_CODES[cur1]
    elif fd is not None:
        frac = Fraction(_fraction_numerator(m["fn"]), _FRACTION_DEN[_lower(fd)])
        if frac >= 1:
            return None
        value, kind, unit = float(frac), "fraction", None
    elif yari is not None:
        value, kind, unit = 0.5, "fraction", None
    elif poss is not None:
        value, kind, unit = float(_possessive(poss)), "number", None
    else:
        value, kind, unit = number_value(num, "tr"), "money", _currency(cur2)
    if neg is not None and value is not None:
        value = -value
    lower, upper = qualifiers.bounds(value, side)
    return Mention(start, end, text[start:end], kind, value, unit, None, None, False, q is not None, q, lower, upper), None


def _is_year(s: str) -> bool:
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099


def _possessive(word: str) -> int:
    w = _lower(word)
    for stem, n in _POSSESSIVE.items():
        if w.startswith(stem):
            return n
    raise ValueError(word)


def _fraction_numerator(word: str) -> int:
    w = _lower(word)
    for stem, n in sorted(_FRACTION_NUM.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return n
    raise ValueError(word)


_BUILDERS = {
    "NUMDATE": _b_numdate, "ISO": iso_date, "TIME": _b_time, "QUARTER": _b_quarter, "MRANGE": _b_mrange,
    "DMY": _b_dmy, "YQUAL": _b_yqual, "YMA": _b_yma, "MY": _b_my, "MQUAL": _b_mqual, "LMONTH": _b_lmonth,
    "MA": _b_ma, "IDENT": _b_ident, "WEEKDAY": _b_weekday, "REL": _b_rel, "AGO": _b_ago, "DEIXIS": _b_deixis,
    "ORDINAL": _b_ordinal, "VAGUE": _b_vague, "CHANGE": _b_change, "QTY": _b_qty,
}
