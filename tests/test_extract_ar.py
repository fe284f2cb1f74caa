"""Arabic (lang="ar"): sentences from the Arabic corpus reports (SANA, KUNA, Anadolu's Arabic
service and the sites that copy them), and the forms issue 10 lists."""
from __future__ import annotations

import pytest

from pipelines.extract import extract_mentions


def found(sentence, **kw):
    return {m.text: m for m in extract_mentions(sentence, lang="ar", **kw)}


@pytest.mark.parametrize(
    "sentence, text, kind, value, unit",
    [
        # KUNA: exports of 2,568,362,000 dollars in 2025 against 1,514,101,000 in 2024
        ("بلغ مليارين و568 مليونا و362 ألف دولار خلال عام 2025", "مليارين و568 مليونا و362 ألف دولار", "money", 2_568_362_000, "USD"),
        ("مقابل مليار و514 مليونا و101 ألف دولار في عام 2024", "مليار و514 مليونا و101 ألف دولار", "money", 1_514_101_000, "USD"),
        # NTV interview: 35,114 returns written "35 thousand and 114"
        ("إن عدد السوريين العائدين إلى بلادهم بشكل طوعي بلغ 35 ألفاً و114.", "35 ألفاً و114", "number", 35114, None),
        ("بلغ 775 ألفاً و114.", "775 ألفاً و114", "number", 775114, None),
        # Anadolu: "67 million 574 thousand dollars" without و
        ("لتصل 67 مليون 574 ألف دولار، مقارنة مع", "67 مليون 574 ألف دولار", "money", 67_574_000, "USD"),
        # a preposition glued to the figure with a tatweel stays outside the span
        ("إلى سوريا بـ1.8 مليار دولار (1.3 مليار يورو)،", "1.8 مليار دولار", "money", 1.8e9, "USD"),
        ("إلى سوريا بـ1.8 مليار دولار (1.3 مليار يورو)،", "1.3 مليار يورو", "money", 1.3e9, "EUR"),
        ("كشف أن 35,114 سوريًا عادوا إلى بلدهم", "35,114", "number", 35114, "سوري"),
        ("أكد وجود 2,905,349 سوريًا في تركيا", "2,905,349", "number", 2905349, "سوري"),
        ("(تضم 9 ولايات)", "9", "number", 9, "ولاية"),
        # Arabic-Indic digits and the Arabic decimal, thousands and percent signs
        ("عاد ٣٥٬١١٤ لاجئاً", "٣٥٬١١٤", "number", 35114, "لاجئ"),
        ("بلغت النسبة ١٢٫٥٪ فقط", "١٢٫٥٪", "percent", 12.5, "%"),
        ("بلغت النسبة 12 في المئة فقط", "12 في المئة", "percent", 12, "%"),
        ("بلغت النسبة 7 بالمائة فقط", "7 بالمائة", "percent", 7, "%"),
        # duals and number words
        ("بلغت خمسة آلاف وثلاثمئة وعشرين شاحنة", "خمسة آلاف وثلاثمئة وعشرين", "number", 5320, "شاحنة"),
        ("نقلت ألفين ومئتي طن", "ألفين ومئتي", "number", 2200, "طن"),
        ("عبرت ثلاثة عشر شاحنة", "ثلاثة عشر", "number", 13, "شاحنة"),
        ("بقيمة 500 ليرة سورية", "500 ليرة سورية", "money", 500, "SYP"),
        ("بقيمة 20 ليرة تركية", "20 ليرة تركية", "money", 20, "TRY"),
    ],
)
def test_numbers(sentence, text, kind, value, unit):
    m = found(sentence)[text]
    assert (m.kind, m.value, m.unit, m.approx) == (kind, value, unit, False)
    assert sentence[m.start:m.end] == m.text


def test_agency_decimal_reads_the_integer_after_ra():
    # KUNA writes 69.6 as "6ر69": the digits after ر are the integer part
    m = found("محققا زيادة بنسبة 6ر69 بالمئة.")["زيادة بنسبة 6ر69 بالمئة"]
    assert (m.kind, m.value, m.unit) == ("change", 69.6, "%")
    m = found("سجلت الصادرات زيادة 34 بالمئة لتصل")["زيادة 34 بالمئة"]
    assert (m.kind, m.value) == ("change", 34)


@pytest.mark.parametrize(
    "sentence, text, value, qualifier, lower, upper",
    [
        ("عبرت نحو 5 آلاف شاحنة", "نحو 5 آلاف", 5000, "نحو", None, None),
        ("عاد حوالى ٣٥٬١١٤ لاجئاً", "حوالى ٣٥٬١١٤", 35114, "حوالى", None, None),
        ("عاد قرابة نصف مليون سوري", "قرابة نصف مليون", 500_000, "قرابة", None, None),
        ("وصلت إلى ما يقارب 300 ألف", "ما يقارب 300 ألف", 300_000, "ما يقارب", None, None),
        ("وما يزيد عن 200 ألف لاجئ", "ما يزيد عن 200 ألف", 200_000, "ما يزيد عن", 200_000, None),
        ("أي أكثر من 3 ملايين دولار", "أكثر من 3 ملايين دولار", 3e6, "أكثر من", 3e6, None),
        ("عاد أقل من 100 شخص", "أقل من 100", 100, "أقل من", None, 100),
        ("قد يصل العدد حتى 10 آلاف", "حتى 10 آلاف", 10_000, "حتى", None, 10_000),
        ("وصل 500 على الأقل", "500 على الأقل", 500, "على الأقل", 500, None),
    ],
)
def test_qualifiers(sentence, text, value, qualifier, lower, upper):
    m = found(sentence)[text]
    assert (m.value, m.qualifier, m.lower, m.upper, m.approx) == (value, qualifier, lower, upper, True)


def test_until_a_year_is_a_date_not_a_bound():
    m = found("تعليق الاتفاق حتى 2030")["2030"]
    assert (m.kind, m.date, m.qualifier) == ("year", "2030", None)


@pytest.mark.parametrize(
    "sentence, ref, text, kind, date, date_end, precision",
    [
        ("وأضافت أنه صدر في 8 شباط/فبراير تعميم جديد", None, "8 شباط/فبراير", "date", "XXXX-02-08", None, "month_day"),
        ("وأضافت أنه صدر في 8 شباط/فبراير تعميم جديد", "2025-02-11", "8 شباط/فبراير", "date", "2025-02-08", None, "day"),
        ("صدر في 8 شباط (فبراير) 2025 قرار", None, "8 شباط (فبراير) 2025", "date", "2025-02-08", None, "day"),
        ("وفي كانون الثاني/يناير 2025 بدأ", None, "كانون الثاني/يناير 2025", "date", "2025-01", None, "month"),
        ("الذي أبرمته في العام 2004 مع تركيا", None, "2004", "year", "2004", None, "year"),
        ("خلال عام 2025 مقابل", None, "2025", "year", "2025", None, "year"),
        ("سجلت الصادرات خلال يناير من العام الجاري زيادة", "2025-02-10", "يناير من العام الجاري", "date", "2025-01", None, "month"),
        ("مقارنة مع في يناير من العام الماضي.", "2025-02-10", "يناير من العام الماضي", "date", "2024-01", None, "month"),
        ("وبلغت الصادرات ما بين 8 و29 ديسمبر نحو", None, "8 و29 ديسمبر", "date_range", "XXXX-12-08", "XXXX-12-29", "month_day"),
        ("بين عامي 2011 و2021 ارتفع العدد", None, "2011 و2021", "date_range", "2011", "2021", "year"),
        ("ومن 2011 إلى 2024 تراجع", None, "2011 إلى 2024", "date_range", "2011", "2024", "year"),
        ("خلال الربع الأول من عام 2025", None, "الربع الأول من عام 2025", "date_range", "2025-01", "2025-03", "month"),
        # "منذ" (since) puts a yearless date in the past
        ("عاد 200 ألف منذ 8 كانون الأول/ديسمبر", "2025-01-20", "8 كانون الأول/ديسمبر", "date", "2024-12-08", None, "day"),
    ],
)
def test_dates(sentence, ref, text, kind, date, date_end, precision):
    m = found(sentence, reference_date=ref)[text]
    assert (m.kind, m.date, m.date_end, m.date_precision) == (kind, date, date_end, precision)


@pytest.mark.parametrize(
    "sentence, text, date",
    [
        ("قال وزير داخلية الجمهورية التركية، الاثنين، إن عدد", "الاثنين", "2024-12-30"),
        ("أعلنت وزارة التجارة التركية، في بيان رسمي، الثلاثاء، رفع القيود", "الثلاثاء", "2024-12-31"),
        ("وقررت دمشق في الأسبوع الماضي تعليق", "الأسبوع الماضي", None),
        ("وقال أمس إن", "أمس", "2024-12-30"),
    ],
)
def test_relative_dates(sentence, text, date):
    m = found(sentence, reference_date="2024-12-31")[text]
    assert (m.kind, m.date) == ("relative_date", date)


def test_a_stretch_of_days_is_not_a_day():
    m = found("عادوا إلى بلدهم خلال 21 يوماً منذ سقوط النظام")["خلال 21 يوماً"]
    assert (m.kind, m.date, m.date_precision) == ("relative_date", None, "unknown")


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("تم رفع التعميم رقم 2021/12 المتعلق بالخدمات", "رقم 2021/12"),
        ("تعميم جديد يحمل الرقم 2025/4 وسيكون", "الرقم 2025/4"),
        ("بموجب المادة 4 من القانون", "المادة 4"),
        ("على الطريق M4 شمال سوريا", "M4"),
    ],
)
def test_identifiers(sentence, text):
    m = found(sentence)[text]
    assert (m.kind, m.value) == ("identifier", None)


def test_conjunction_glued_to_words_stays_outside():
    got = [(m.text, m.kind) for m in extract_mentions("وأمس واليوم وثلاثة عشر معبرا والساعة 8 مساء", lang="ar")]
    assert got == [("أمس", "relative_date"), ("اليوم", "relative_date"), ("ثلاثة عشر", "number"), ("الساعة 8 مساء", "time")]


def test_minus_sign_and_vague_amounts():
    got = {m.text: (m.kind, m.value, m.approx) for m in extract_mentions("تغير العدد بمقدار -5 أشخاص، وعاد آلاف اللاجئين", lang="ar")}
    assert got == {"-5": ("number", -5, False), "آلاف": ("number", None, True)}
