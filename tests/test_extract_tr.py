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
        ("Oran %12,5 oldu.", "%12,5", "percent", 12.5, "%"),
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


@pytest.mark.parametrize(
    "sentence, text, kind, value, unit, qualifier, lower, upper",
    [
        # issue 10/15: scale words with a case suffix end the number; the suffix stays in the word
        ("toplam gönüllü geri dönüş sayısının 1 milyon 318 bine ulaştığını belirtti.", "1 milyon 318 bine", "number", 1318000, None, None, None, None),
        ("Bunlardan 1 milyon 350 binini Türkiye'den çıkış yapanlar oluşturdu.", "1 milyon 350 binini", "number", 1350000, None, None, None, None),
        # verbs that bound the figure are qualifiers inside the span; "-e ulaştı" is not
        ("geri dönen Suriyelilerin sayısı 273 bini aşmış durumda.", "273 bini aşmış", "number", 273000, None, "aşmış", 273000, None),
        ("Kara sınır kapılarından geçen yolcu sayısı 2025'te 2,3 milyona yaklaştı.", "2,3 milyona yaklaştı", "number", 2.3e6, None, "yaklaştı", None, 2.3e6),
        # currency words with a suffix are money
        ("ihracatı yüzde 69,6 artarak 2,5 milyar doları aştı.", "2,5 milyar doları aştı", "money", 2.5e9, "USD", "aştı", 2.5e9, None),
        ("Bunun yaklaşık 700 milyon dolarını hububat oluşturdu.", "yaklaşık 700 milyon dolarını", "money", 7e8, "USD", "yaklaşık", None, None),
        ("dün imzalanan nihai anlaşmayla 7 milyar dolarlık enerji yatırımında", "7 milyar dolarlık", "money", 7e9, "USD", None, None, None),
        ("yüzde 51 artışla 999 milyon dolardan yükseldi", "999 milyon dolardan", "money", 999e6, "USD", None, None, None),
        ("ihracat kapasitesinin 800 megavatın üzerine çıkarılması öngörülüyor", "800 megavatın üzerine", "number", 800, "megavat", "üzerine", 800, None),
        # a dot before one or two digits is a decimal point
        ("gönüllü olarak Suriye’ye dönen mülteci sayısı 2.5 ayda 161 bin oldu.", "2.5", "number", 2.5, None, None, None, None),
        ("Suriye’ye hâlihazırda üçü iletim, dördü dağıtım gerilim seviyesinde", "üçü", "number", 3, None, None, None, None),
        ("ihracatın üçte biri tarım ürünleri", "üçte biri", "fraction", 1 / 3, None, None, None, None),
        ("ihracatın yarısından fazlası", "yarısından fazlası", "fraction", 0.5, None, "-dan fazla", 0.5, None),
    ],
)
def test_corpus_number_forms(sentence, text, kind, value, unit, qualifier, lower, upper):
    m = [x for x in extract_mentions(sentence, lang="tr") if x.text == text][0]
    assert (m.kind, m.value, m.unit, m.qualifier, m.lower, m.upper, m.approx) == (kind, value, unit, qualifier, lower, upper, qualifier is not None)


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("ihracatı yüzde 69,6 artarak 2,5 milyar doları aştı.", "yüzde 69,6 artarak", 69.6, "%"),
        ("ihracatı yüzde 51 artışla 999 milyon dolardan yükseldi", "yüzde 51 artışla", 51, "%"),
        ("aynı dönemine göre yüzde 54,31 artış göstermiştir.", "yüzde 54,31 artış", 54.31, "%"),
        ("Oran %12,5 arttı.", "%12,5 arttı", 12.5, "%"),
        ("Geçişler yüzde 50 azaldı.", "yüzde 50 azaldı", -50, "%"),
        ("Bekleme süresi 100 kat azaldı.", "100 kat azaldı", 0.01, "factor"),
        ("Ticaret iki katına çıktı.", "iki katına çıktı", 2, "factor"),
        ("Geçişler yarıya indi.", "yarıya indi", 0.5, "factor"),
    ],
)
def test_changes(sentence, text, value, unit):
    m = [x for x in extract_mentions(sentence, lang="tr") if x.kind == "change"][0]
    assert (m.text, m.value, m.unit) == (text, value, unit)


@pytest.mark.parametrize(
    "sentence, text, kind, date, date_end, precision",
    [
        ("Böylelikle 29 Mayıs-14 Ağustos arasında gönüllü olarak", "29 Mayıs-14 Ağustos", "date_range", "XXXX-05-29", "XXXX-08-14", "month_day"),
        ("ihracatı 8 Aralık 2024-17 Ağustos 2025 tarihleri arasında", "8 Aralık 2024-17 Ağustos 2025", "date_range", "2024-12-08", "2025-08-17", "day"),
        ("Ayrıca 2016–2025 yılları arasında toplam gönüllü geri dönüş", "2016–2025", "date_range", "2016", "2025", "year"),
        ("2025 yılının ocak–haziran döneminde Türkiye’nin ihracatı", "2025 yılının ocak–haziran", "date_range", "2025-01", "2025-06", "month"),
        ("hattın 2026’nın ilk çeyreğinde işletmeye açılacağını", "2026’nın ilk çeyreğinde", "date_range", "2026-01", "2026-03", "month"),
        ("2025'in ilk çeyreği verileri", "2025'in ilk çeyreği", "date_range", "2025-01", "2025-03", "month"),
        ("2025 yılının ilk 7 ayında ihracat", "2025 yılının ilk 7 ayında", "date_range", "2025-01", "2025-07", "month"),
        ("Türkiye'de 2020 yılı sonunda 3 milyon kayıtlı", "2020 yılı sonunda", "year", "2020", None, "year"),
        ("kapıların şubat ayı sonu itibarıyla kapatılacağı bildirildi.", "şubat ayı sonu", "date", "XXXX-02", None, "yearless_month"),
        ("sadece ağustos ayı boyunca belirli tarım ürünleri", "ağustos ayı", "date", "XXXX-08", None, "yearless_month"),
    ],
)
def test_date_forms(sentence, text, kind, date, date_end, precision):
    m = [x for x in extract_mentions(sentence, lang="tr") if x.text == text][0]
    assert (m.kind, m.date, m.date_end, m.date_precision) == (kind, date, date_end, precision)


@pytest.mark.parametrize(
    "sentence, ref, text, date",
    [
        # issue 10: "-dan bu yana" (since) resolves to the past, also after a typographic apostrophe
        ("İçişleri Bakanı Ali Yerlikaya, 9 Aralık’tan bu yana 81 bin 576 Suriyelinin döndüğünü açıkladı.", "2025-01-29", "9 Aralık", "2024-12-09"),
        ("8 Aralık’tan bugüne geri dönenlerin sayısı 273 bini aşmış durumda.", "2025-06-20", "8 Aralık", "2024-12-08"),
        ("Yerlikaya, geçen 29 Mayıs günü yaptığı açıklamada", "2025-08-18", "29 Mayıs", "2025-05-29"),
        ("bakanları 28 Haziran'da sınırlarda anlaşmayı imzalamışlardı.", "2025-08-28", "28 Haziran", "2025-06-28"),
    ],
)
def test_yearless_dates_with_reference(sentence, ref, text, date):
    m = [x for x in extract_mentions(sentence, lang="tr", reference_date=ref) if x.text == text][0]
    assert (m.date, m.date_precision, m.date_inferred) == (date, "day", True)
    bare = [x for x in extract_mentions(sentence, lang="tr") if x.text == text][0]
    assert (bare.date, bare.date_precision, bare.date_inferred) == ("XXXX-" + date[5:], "month_day", False)


@pytest.mark.parametrize(
    "sentence, text, kind",
    [
        ("MADDE 4 – (1) TGB’den Suriye’ye ihracat ve transit serbesttir.", "MADDE 4", "identifier"),
        ("MADDE 4 – (1) TGB’den Suriye’ye ihracat ve transit serbesttir.", "(1)", "identifier"),
        ("Diğer 7 gümrükte de akşam 8'e kadar hizmet verilmesi konusunda mutabık kaldık.", "akşam 8", "time"),
        ("Kapılar 7/24 açık.", "7/24", "identifier"),
        ("Türkiye endekste 176'ncı sırada.", "176'ncı", "ordinal"),
        ("Bugüne kadar ülkesine dönen toplam Suriyeli sayısı", "Bugüne", "relative_date"),
        ("yarından itibaren iki gümrük kapısında", "yarından", "relative_date"),
    ],
)
def test_names_times_ordinals(sentence, text, kind):
    m = [x for x in extract_mentions(sentence, lang="tr") if x.text == text][0]
    assert m.kind == kind


def test_suffix_after_typographic_apostrophe_is_outside_the_span():
    found = [(m.text, m.kind, m.value or m.date) for m in extract_mentions(
        "2021’de 3 milyon 737 bin 369 olan Suriyeliler, 2024’te 2 milyon 901 bin 478’e düştü; 134 bin 388’i reşit, 2.506.740'a", lang="tr")]
    assert found == [("2021", "year", "2021"), ("3 milyon 737 bin 369", "number", 3737369), ("2024", "year", "2024"),
                     ("2 milyon 901 bin 478", "number", 2901478), ("134 bin 388", "number", 134388), ("2.506.740", "number", 2506740)]


def test_a_building_is_not_a_thousand():
    assert [(m.text, m.value) for m in extract_mentions("Türkiye 2 bina yaptı.", lang="tr")] == [("2", 2)]


def test_plural_periods_are_not_relative_dates():
    assert [m.text for m in extract_mentions('"Geçen senelere göre yüzde 54 artış kaydettik."', lang="tr")] == ["yüzde 54 artış"]
