"""Turkish (lang="tr"): sentences written the way ministries and the press write figures."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.extract import extract_mentions

REF = dt.date(2025, 9, 4)  # a Thursday


def only(sentence, **kw):
    found = extract_mentions(sentence, lang="tr", **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, text, kind, value, unit",
    [
        ("Sınırdan 52.622 Suriyeli döndü.", "52.622", "number", 52622, "suriyeli"),
        ("İhracat 2,5 milyar dolar oldu.", "2,5 milyar dolar", "money", 2.5e9, "USD"),
        ("Toplam 1 milyon 190 bin 172 kişi kayıtlı.", "1 milyon 190 bin 172", "number", 1190172, "kişi"),
        ("Bunların 450 bin 169'u gönüllü döndü.", "450 bin 169", "number", 450169, None),
        ("Oran yüzde 54,31 oldu.", "yüzde 54,31", "percent", 54.31, "%"),
        ("Oran %12,5 arttı.", "%12,5", "percent", 12.5, "%"),
        ("Sınırda üç gümrük kapısı var.", "üç", "number", 3, "gümrük kapısı"),
        ("İki yüz elli kişi geldi.", "İki yüz elli", "number", 250, "kişi"),
        ("Toplam 3,4 milyar TL harcandı.", "3,4 milyar TL", "money", 3.4e9, "TRY"),
    ],
)
def test_numbers(sentence, text, kind, value, unit):
    m = only(sentence)
    assert (m.text, m.kind, m.value, m.unit, m.approx) == (text, kind, value, unit, False)
    assert sentence[m.start:m.end] == m.text


@pytest.mark.parametrize(
    "sentence, text, value, qualifier, lower, upper",
    [
        ("Yaklaşık 40 bin kişi döndü.", "Yaklaşık 40 bin", 40000, "yaklaşık", None, None),
        ("Sayı 200 civarında kaldı.", "200 civarında", 200, "civarında", None, None),
        ("Bugüne kadar 5 binden fazla tır geçti.", "5 binden fazla", 5000, "-den fazla", 5000, None),
        ("Kapıdan 10'dan fazla araç geçti.", "10'dan fazla", 10, "-dan fazla", 10, None),
        ("Neredeyse 40 bin kişi geçti.", "Neredeyse 40 bin", 40000, "neredeyse", None, 40000),
        ("En az 12 kişi yaralandı.", "En az 12", 12, "en az", 12, None),
    ],
)
def test_qualifiers(sentence, text, value, qualifier, lower, upper):
    m = [x for x in extract_mentions(sentence, lang="tr") if x.kind == "number"][0]
    assert (m.text, m.value, m.qualifier, m.lower, m.upper, m.approx) == (text, value, qualifier, lower, upper, True)


def test_range():
    m = only("Her gün 50-60 bin kişi geçiyor.")
    assert (m.text, m.kind, m.lower, m.upper, m.unit) == ("50-60 bin", "range", 50000, 60000, "kişi")


@pytest.mark.parametrize(
    "sentence, text, kind, date, precision",
    [
        ("8 Aralık 2024 tarihinden bu yana dönüşler sürüyor.", "8 Aralık 2024", "date", "2024-12-08", "day"),
        ("2025 yılı Ağustos ayı verileri açıklandı.", "2025 yılı Ağustos ayı", "date", "2025-08", "month"),
        ("Aralık 2024 itibarıyla açıldı.", "Aralık 2024", "date", "2024-12", "month"),
        ("Anlaşma 2011 yılında askıya alındı.", "2011", "year", "2011", "year"),
        ("Karar 11.02.2025 tarihinde yayımlandı.", "11.02.2025", "date", "2025-02-11", "day"),
    ],
)
def test_dates(sentence, text, kind, date, precision):
    m = only(sentence)
    assert (m.text, m.kind, m.date, m.date_precision) == (text, kind, date, precision)


def test_month_with_apostrophe_suffix_takes_reference_year():
    m = only("Toplantı Mart'ta yapıldı.", reference_date=REF)
    assert (m.text, m.date, m.date_precision, m.date_inferred) == ("Mart", "2025-03", "month", True)


@pytest.mark.parametrize(
    "sentence, text, date, precision",
    [
        ("Perşembe günü açıklama yapıldı.", "Perşembe günü", "2025-09-04", "day"),
        ("Geçen ay sınır açıldı.", "Geçen ay", "2025-08", "month"),
        ("İki ay önce karar alındı.", "İki ay önce", "2025-07", "month"),
        ("Dün 300 kişi geçti.", "Dün", "2025-09-03", "day"),
    ],
)
def test_relative_dates(sentence, text, date, precision):
    m = extract_mentions(sentence, lang="tr", reference_date=REF)[0]
    assert (m.text, m.kind, m.date, m.date_precision, m.date_inferred) == (text, "relative_date", date, precision, True)


def test_identifier():
    m = only("M4 karayolu onarılıyor.")
    assert (m.text, m.kind, m.value) == ("M4", "identifier", None)


def test_vague():
    m = only("Binlerce kişi sınıra geldi.")
    assert (m.text, m.value, m.approx, m.qualifier) == ("Binlerce", None, True, "binlerce")
