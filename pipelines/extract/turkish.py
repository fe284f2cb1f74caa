"""Turkish grammar (lang="tr"), as ministries and the Turkish press write numbers and dates.

* digit groups use dots and decimals a comma: 52.622 -> 52622, 2,5 milyar -> 2.5e9;
* a number with scale words is one mention: "1 milyon 190 bin 172" -> 1190172;
* a case suffix after an apostrophe is NOT in the span ("450 bin 169'u" -> "450 bin 169");
  a suffix written without apostrophe belongs to its word and is kept, because a span never
  splits a word ("5 binden fazla", "2025 yılı Ağustos ayında");
* qualifiers are in the span and given as written: "yaklaşık", "civarında", "-den fazla"
  (the ablative as written: -den/-dan/-ten/-tan), "neredeyse", "en az".
Span rules otherwise follow english.py.
"""
from __future__ import annotations

import datetime as dt
import re

from pipelines.extract import dates, qualifiers
from pipelines.extract.common import Pending, date_mention, day_month_year, end as _end, iso_date
from pipelines.extract.mention import Mention
from pipelines.extract.numbers import TR_SMALL, number_value
from pipelines.extract.trie import trie_regex, with_capitals

W = r"(?!\w)"
_TR_WORDS = [w for w in TR_SMALL if w not in ("bir", "sıfır")] + ["yüz"]
TRWORD_RE = f"(?:{trie_regex(with_capitals(_TR_WORDS))}{W}|[Bb]ir(?=\\s+(?:yüz|bin|milyon|milyar){W}))"
TRWORDNUM_RE = f"{TRWORD_RE}(?:\\s+{trie_regex(_TR_WORDS)}{W})*"
TRDIG_RE = r"(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,\d+)?"
SCALE_RE = r"(?:milyar|milyon|bin|trilyon)"
# "1 milyon 190 bin 172": groups of (number, scale) in one mention; the scale may carry the
# ablative of "-den fazla" (captured apart so the qualifier can be read).
TRNUM_RE = (
    f"(?:{TRDIG_RE}|{TRWORDNUM_RE})"
    f"(?:\\s+{SCALE_RE}(?=[dt][ae]n\\s+(?:fazla|az|çok){W}|{W})(?:\\s+(?:{TRDIG_RE}|{TRWORDNUM_RE})(?!\\s+{SCALE_RE}\\s+{SCALE_RE}))?)*"
)
TRMONTH_RE = trie_regex(["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]) + W
YEAR_RE = r"(?:1[89]|20)\d\d(?![\d.,]\d|\d)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
WEEKDAY_RE = trie_regex(["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"]) + W
PERIOD_RE = r"(?P<per_u>gün|hafta|ay|yıl|sene)"
BEFORE_RE = trie_regex(with_capitals(qualifiers.TR_BEFORE))
CUR_AFTER_RE = trie_regex(["dolar", "ABD doları", "Amerikan doları", "avro", "Avro", "euro", "Euro", "TL", "lira", "Türk lirası", "USD", "EUR"]) + W
VAGUE_RE = trie_regex(with_capitals(["yüzlerce", "binlerce", "on binlerce", "yüz binlerce", "milyonlarca", "onlarca", "düzinelerce"])) + W
IDENT_RE = (
    r"\d+(?:[xX×]\d+)+(?!\w)|\d{1,2}:\d\d(?!\d)"
    r"|(?:Madde|Maddesi|Article)\s+(?:No\.?\s*)?\d+(?:[./-]\d+)*(?!\w)"
    r"|[A-ZÇĞİÖŞÜ][A-Za-zçğıöşüÇĞİÖŞÜ]*-?\d\w*(?:-\d+)*|[a-zçğıöşü]+\d\w*"
)

MASTER = re.compile(
    "[^\\w.](?:"
    rf"(?P<nd>{DAY_RE})[./](?P<nm>0?[1-9]|1[0-2])[./](?P<ny>{YEAR_RE})(?P<NUMDATE>)"
    rf"|(?P<iso_y>\d{{4}})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?!\d)(?P<ISO>)"
    rf"|(?P<dmy_d>{DAY_RE})\s+(?P<dmy_m>{TRMONTH_RE})(?:\s+(?P<dmy_y>{YEAR_RE}))?(?P<DMY>)"
    rf"|(?P<yma_y>{YEAR_RE})\s+yıl\w*\s+(?P<yma_m>{TRMONTH_RE})(?:\s+ay\w*)?(?P<YMA>)"
    rf"|(?P<my_m>{TRMONTH_RE})\s+(?:ayı\s+)?(?P<my_y>{YEAR_RE})(?P<MY>)"
    rf"|(?P<ma_m>{TRMONTH_RE})(?:\s+ay\w*|(?='\w))(?P<MA>)"
    rf"|(?P<ident>{IDENT_RE})(?P<IDENT>)"
    rf"|(?P<wd>{WEEKDAY_RE})(?:\s+günü)?(?P<WEEKDAY>)"
    rf"|(?P<rel_mod>[Gg]eçen|[Bb]u|[Gg]elecek|[Öö]nümüzdeki|[Gg]eçtiğimiz)\s+{PERIOD_RE}\w*(?P<REL>)"
    rf"|(?P<ago_n>{TRDIG_RE}|{TRWORDNUM_RE}|[Bb]ir)\s+(?P<ago_u>gün|hafta|ay|yıl|sene)\s+önce{W}(?P<AGO>)"
    rf"|(?P<deic>[Dd]ün|[Bb]ugün|[Yy]arın){W}(?P<DEIXIS>)"
    rf"|(?P<vague>{VAGUE_RE})(?P<VAGUE>)"
    rf"|(?:(?P<q>{BEFORE_RE})\s+)?(?:"
    rf"(?P<pct1>[Yy]üzde\s+|%\s?)(?P<pn>{TRDIG_RE})(?!\w)"
    rf"|(?P<cur1>\$|€|₺)\s?(?P<mon1>{TRNUM_RE})"
    rf"|(?P<num>{TRNUM_RE})(?:\s*[-–]\s*(?P<rd2>{TRNUM_RE})|\s+ila\s+(?P<ri2>{TRNUM_RE}))?(?:\s+(?P<cur2>{CUR_AFTER_RE}))?"
    rf")(?:'?(?P<abl>[dt][ae]n)\s+(?P<post1>fazla|az|çok){W}|(?P<post2>\s+(?:civarında|civarı|dolayında|üzerinde)){W}"
    rf"|'(?P<dat>y?[ae])\s+(?P<post3>kadar){W}|(?!\w))(?P<QTY>)"
    ")"
)

CURRENCY_CODES = {
    "$": "USD", "dolar": "USD", "abd doları": "USD", "amerikan doları": "USD", "usd": "USD",
    "€": "EUR", "avro": "EUR", "euro": "EUR", "eur": "EUR",
    "₺": "TRY", "tl": "TRY", "lira": "TRY", "türk lirası": "TRY",
}
# Counted nouns the ministries use; a following word is the unit only if it starts with one.
NOUNS = ("kişi", "suriyeli", "sığınmacı", "göçmen", "mülteci", "ülke", "gümrük kapı", "kapı", "araç", "tır",
         "ton", "konut", "ev", "okul", "çocuk", "aile", "asker", "üs", "şirket", "proje", "kilometre", "km")
_NEXT = re.compile(r"[ \t]+([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)")
_SPACES = re.compile(r"\s+")
_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def _lower(s: str) -> str:
    return _SPACES.sub(" ", s).translate(_TR_LOWER).lower()


def _unit(text: str, end: int) -> str | None:
    m = _NEXT.match(text, end)
    if not m:
        return None
    words = _lower(m.group(1))
    for noun in NOUNS:
        if words.startswith(noun):
            return "gümrük kapısı" if noun == "gümrük kapı" else noun
    return None


def extract(text: str, ref: dt.date | None) -> list[tuple[Mention, Pending | None]]:
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
    return day_month_year(m, ref, m["dmy_d"], m["dmy_m"], m["dmy_y"])


def _b_yma(m, text, ref):
    return date_mention(m, "date", dates.iso(int(m["yma_y"]), dates.month_number(m["yma_m"])), "month")


def _b_my(m, text, ref):
    return date_mention(m, "date", dates.iso(int(m["my_y"]), dates.month_number(m["my_m"])), "month")


def _b_ma(m, text, ref):
    month = dates.month_number(m["ma_m"])
    if ref is not None:
        return date_mention(m, "date", dates.iso(dates.closest_year(month, None, ref), month), "month", True)
    return date_mention(m, "date", None, "unknown", pending=(month, None))


def _b_ident(m, text, ref):
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "identifier"), None


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


def _b_vague(m, text, ref):
    q = _lower(m["vague"])
    return Mention(m.start(), _end(m), text[m.start():_end(m)], "number", None, _unit(text, _end(m)), None, None, False, True, q), None


def _b_qty(m, text, ref):
    start, end = m.start(), _end(m)
    q = _lower(m["q"]) if m["q"] else None
    side = qualifiers.TR_BEFORE.get(q) if q else None
    post = m["post1"] or (m["post2"] and m["post2"].strip()) or m["post3"]
    if post:
        post = _lower(post)
        written = f"-{m['abl'].lower()} {post}" if m["abl"] else post
        side = qualifiers.TR_AFTER[post] if q is None or side is None else side
        q = written if q is None else f"{q} … {written}"
    second = m["rd2"] or m["ri2"]
    if second is not None:
        lo, hi = number_value(m["num"], "tr"), number_value(second, "tr")
        if not re.search(SCALE_RE, m["num"]) and (sc := re.search(SCALE_RE + "$", second)):
            lo = number_value(f"{m['num']} {sc.group(0)}", "tr")  # "50-60 bin": both thousands
        unit = CURRENCY_CODES[_lower(m["cur2"])] if m["cur2"] else _unit(text, end)
        return Mention(start, end, text[start:end], "range", None, unit, None, None, False, True, q, lo, hi), None
    if m["pn"] is not None:
        value, kind, unit = number_value(m["pn"], "tr"), "percent", "%"
    elif m["cur1"] is not None:
        value, kind, unit = number_value(m["mon1"], "tr"), "money", CURRENCY_CODES[m["cur1"]]
    elif m["cur2"] is not None:
        value, kind, unit = number_value(m["num"], "tr"), "money", CURRENCY_CODES[_lower(m["cur2"])]
    else:
        num = m["num"]
        value, kind, unit = number_value(num, "tr"), "number", _unit(text, end)
        if q is None and len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2099 and unit is None:
            return date_mention(m, "year", num, "year")
    lower, upper = qualifiers.bounds(value, side)
    return Mention(start, end, text[start:end], kind, value, unit, None, None, False, q is not None, q, lower, upper), None


_BUILDERS = {
    "NUMDATE": _b_numdate, "ISO": iso_date, "DMY": _b_dmy, "YMA": _b_yma, "MY": _b_my, "MA": _b_ma,
    "IDENT": _b_ident, "WEEKDAY": _b_weekday, "REL": _b_rel, "AGO": _b_ago, "DEIXIS": _b_deixis,
    "VAGUE": _b_vague, "QTY": _b_qty,
}
