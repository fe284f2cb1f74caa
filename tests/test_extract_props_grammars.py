"""Property tests for the Turkish and Arabic grammars and the date passes (issue 10 item 3)."""
from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipelines.extract import extract_mentions

INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")
TR_MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


# Case suffixes by the last scale word's vowel harmony ("318 bine", "2,3 milyona", "3 milyarı").
_TR_SUFFIXES = {"bin": ["e", "i", "in", "den"], "milyon": ["a", "u", "un", "dan"], "milyar": ["a", "ı", "ın", "dan"]}


def turkish_scaled(n: int, suffix: int | None) -> str:
    """1318000 -> '1 milyon 318 bin', or with a case suffix on the last scale word: '... 318 bine'."""
    parts = []
    for scale, name in ((10**9, "milyar"), (10**6, "milyon"), (10**3, "bin")):
        if n >= scale:
            parts.append(f"{n // scale} {name}")
            last = name
            n %= scale
    if n:
        parts.append(str(n))
    elif suffix is not None:
        parts[-1] += _TR_SUFFIXES[last][suffix]
    return " ".join(parts)


def arabic_compound(n: int, glue: str) -> str:
    """2568362000 -> 'مليارين و568 مليونا و362 ألفاً': one -> the bare scale word, two -> the dual,
    3 to 10 -> the plural (5 آلاف), 11 and more -> the accusative singular (568 مليونا)."""
    names = ((10**9, "مليار", "مليارين", "مليارات", "مليارا"), (10**6, "مليون", "مليونين", "ملايين", "مليونا"),
             (10**3, "ألف", "ألفين", "آلاف", "ألفاً"))
    parts = []
    for scale, one, two, plural, acc in names:
        k, n = divmod(n, scale)
        if k == 1:
            parts.append(one)
        elif k == 2:
            parts.append(two)
        elif k:
            parts.append(f"{k} {plural if k <= 10 else acc}")
    if n:
        parts.append(str(n))
    return glue.join(parts)


@settings(max_examples=300, deadline=None)
@given(n=st.one_of(st.integers(min_value=1000, max_value=10**12 - 1), st.integers(1, 999_999).map(lambda k: k * 1000)),
       suffix=st.one_of(st.none(), st.integers(0, 3)))
def test_turkish_scale_compounds_round_trip(n, suffix):
    written = turkish_scaled(n, suffix)
    text = f"Sayı {written} kişiye ulaştı."
    found = extract_mentions(text, lang="tr")
    assert [(m.text, m.value) for m in found] == [(written, n)], found


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1001, max_value=10**12 - 1), glue=st.sampled_from([" و", " "]))
def test_arabic_compounds_round_trip(n, glue):
    written = arabic_compound(n, glue)
    assume(glue == " و" or n % 1000 == 0)  # without و a bare trailing number is not joined
    text = f"بلغت الصادرات {written} دولار خلال العام"
    found = [m for m in extract_mentions(text, lang="ar") if m.kind == "money"]
    assert [(m.text, m.value, m.unit) for m in found] == [(f"{written} دولار", n, "USD")], found


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**12))
def test_arabic_indic_digit_groups_round_trip(n):
    written = f"{n:,}".translate(INDIC)
    text = f"عاد {written} لاجئاً إلى بلادهم"
    found = extract_mentions(text, lang="ar")
    assert [(m.text, m.value, m.unit) for m in found] == [(written, n, "لاجئ")]


@settings(max_examples=200, deadline=None)
@given(day1=st.integers(1, 28), day2=st.integers(1, 28), m1=st.integers(1, 12), m2=st.integers(1, 12),
       year=st.integers(2000, 2030))
def test_turkish_day_ranges(day1, day2, m1, m2, year):
    assume((m1, day1) < (m2, day2))
    written = f"{day1} {TR_MONTHS[m1 - 1]}-{day2} {TR_MONTHS[m2 - 1]} {year}"
    m = extract_mentions(f"Veriler {written} tarihleri arasında toplandı.", lang="tr")
    assert [(x.text, x.kind, x.date, x.date_end, x.date_precision) for x in m] == [
        (written, "date_range", f"{year}-{m1:02d}-{day1:02d}", f"{year}-{m2:02d}-{day2:02d}", "day")]


@settings(max_examples=300, deadline=None)
@given(day=st.integers(1, 28), month=st.integers(1, 12), ref=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
       since=st.booleans())
def test_yearless_dates_resolve_near_the_reference_and_since_before_it(day, month, ref, since):
    text = f"{'Since' if since else 'On'} {day} {EN_MONTHS[month - 1]} the gates opened."
    m = extract_mentions(text, reference_date=ref)[0]
    resolved = dt.date.fromisoformat(m.date)
    assert (resolved.month, resolved.day, m.date_inferred, m.date_precision) == (month, day, True, "day")
    if since:
        assert resolved <= ref and (ref - resolved).days < 366
    else:
        assert abs((resolved - ref).days) <= 184
    bare = extract_mentions(text)[0]
    assert (bare.date, bare.date_precision) == (f"XXXX-{month:02d}-{day:02d}", "month_day")


_TR_ALPHABET = list("abcçdefgğhıijklmnoöprsştuüvyz ABCÇDEİ0123456789.,%-–'’\n") + ["bin", "milyon", "yüzde", "Aralık", "dolar", "aştı"]
_AR_ALPHABET = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ً ٌ ـ0123456789٠١٢٣٤٥٦٧٨٩٫٬٪%,.-/\n") + [
    "ألف", "مليون", "مليار", "و", "دولار", "بالمئة", "شباط/فبراير", "نحو", "أكثر من", "عام", "بـ", "ر"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TR_ALPHABET), max_size=60).map("".join))
def test_turkish_spans_always_slice_the_text(text):
    found = extract_mentions(text, lang="tr")
    for m in found:
        assert text[m.start:m.end] == m.text and m.end > m.start
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AR_ALPHABET), max_size=60).map("".join))
def test_arabic_spans_always_slice_the_text(text):
    found = extract_mentions(text, lang="ar")
    for m in found:
        assert text[m.start:m.end] == m.text and m.end > m.start
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=2**53), lang=st.sampled_from(["en", "tr", "ar"]))
def test_a_minus_sign_is_never_dropped(n, lang):
    sentence = {"en": f"The balance changed by -{n} people.", "tr": f"Denge -{n} kişi değişti.",
                "ar": f"تغير الرصيد بمقدار -{n} أشخاص"}[lang]
    found = [m for m in extract_mentions(sentence, lang=lang) if m.kind == "number"]
    assert [(m.text, m.value) for m in found] == [(f"-{n}", -n)]


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=2**53 + 1, max_value=10**30))
def test_integers_float64_cannot_hold_get_no_value(n):
    found = extract_mentions(f"A ledger lists {n} entries.")
    assert [(m.text, m.value) for m in found] == [(str(n), None)]
