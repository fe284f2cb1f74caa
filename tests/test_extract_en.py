"""English: one short sentence per construction, asserting exact spans and values."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from pipelines.extract import Mention, extract_mentions

REF = dt.date(2025, 3, 13)  # a Thursday


def only(sentence, **kw) -> Mention:
    found = extract_mentions(sentence, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, text, kind, value, unit",
    [
        ("In all, 27,941 people returned.", "27,941", "number", 27941, "people"),
        ("The 1,750-kilometre border is long.", "1,750", "number", 1750, "kilometre"),
        ("Exports reached $2.12 billion last quarter.", "$2.12 billion", "money", 2.12e9, "USD"),
        ("Trade was worth 3.4 billion in total.", "3.4 billion", "number", 3.4e9, None),
        ("Support stood at 73 per cent in the poll.", "73 per cent", "percent", 73, "%"),
        ("The share was 54.31% overall.", "54.31%", "percent", 54.31, "%"),
        ("They paid €15 million for it.", "€15 million", "money", 15e6, "EUR"),
        ("It cost 400 million lira to build.", "400 million lira", "money", 4e8, "TRY"),
        ("The two countries signed.", "two", "number", 2, "countries"),
        ("The five countries agreed.", "five", "number", 5, "countries"),
        ("Twenty-five officials attended.", "Twenty-five", "number", 25, "officials"),
        ("A 25-member delegation came.", "25", "number", 25, "member"),
        ("They counted twenty-five thousand three hundred votes.", "twenty-five thousand three hundred", "number", 25300, "votes"),
        ("One hundred and fifty trucks crossed.", "One hundred and fifty", "number", 150, "trucks"),
        ("Hatay's three customs gates were busy.", "three", "number", 3, "customs gates"),
        ("Turkey plans three new military bases in the desert.", "three", "number", 3, "bases"),
        ("One military base will open.", "One", "number", 1, "base"),
    ],
)
def test_numbers(sentence, text, kind, value, unit):
    m = only(sentence)
    assert (m.text, m.kind, m.value, m.unit) == (text, kind, value, unit)
    assert sentence[m.start:m.end] == m.text
    assert not m.approx and m.qualifier is None


@pytest.mark.parametrize(
    "sentence, text, value, qualifier, lower, upper",
    [
        ("More than 273,000 Syrians went home.", "More than 273,000", 273000, "more than", 273000, None),
        ("It reached nearly 40,000 by spring.", "nearly 40,000", 40000, "nearly", None, 40000),
        ("Approximately 40,000 people returned.", "Approximately 40,000", 40000, "approximately", None, None),
        ("They may send up to 10 advisers.", "up to 10", 10, "up to", None, 10),
        ("At least 12 trucks passed.", "At least 12", 12, "at least", 12, None),
        ("Some 300 officers joined.", "Some 300", 300, "some", None, None),
        ("Almost three quarters said no.", "Almost three", 3, "almost", None, 3),
        ("About a dozen envoys came.", "About a dozen", 12, "about", None, None),
        ("A dozen envoys came.", "A dozen", 12, "a dozen", None, None),
        ("They hired 500 or more workers.", "500 or more", 500, "or more", 500, None),
        ("Less than 5% voted.", "Less than 5%", 5, "less than", None, 5),
    ],
)
def test_qualifiers_are_in_the_span(sentence, text, value, qualifier, lower, upper):
    m = only(sentence)
    assert (m.text, m.value, m.qualifier, m.lower, m.upper, m.approx) == (text, value, qualifier, lower, upper, True)


@pytest.mark.parametrize(
    "sentence, text, lower, upper, unit",
    [
        ("Between 50,000 and 60,000 people crossed.", "Between 50,000 and 60,000", 50000, 60000, "people"),
        ("It will cost between 2 and 3 billion.", "between 2 and 3 billion", 2e9, 3e9, None),
        ("Prices rose 10-15% in a month.", "10-15%", 10, 15, "%"),
        ("between five and ten families", "between five and ten", 5, 10, "families"),
    ],
)
def test_ranges(sentence, text, lower, upper, unit):
    m = [x for x in extract_mentions(sentence) if x.kind == "range"][0]
    assert (m.text, m.value, m.lower, m.upper, m.unit, m.approx) == (text, None, lower, upper, unit, True)


def test_hundreds_of_is_vague():
    m = only("Hundreds of families were displaced.")
    assert (m.text, m.kind, m.value, m.approx, m.qualifier, m.unit) == ("Hundreds of", "number", None, True, "hundreds of", "families")


@pytest.mark.parametrize(
    "sentence, text, kind, date, precision, inferred",
    [
        ("It was issued on February 11, 2025.", "February 11, 2025", "date", "2025-02-11", "day", False),
        ("It was issued on 11 February 2025.", "11 February 2025", "date", "2025-02-11", "day", False),
        ("In January 2025, talks began.", "January 2025", "date", "2025-01", "month", False),
        ("Aid arrived in December 2024.", "December 2024", "date", "2024-12", "month", False),
        ("It has been frozen since 2011.", "2011", "year", "2011", "year", False),
        ("Exports fell in 2009-2010.", "2009-2010", "year", "2009", "year", False),
        ("Talks resume on May 3, 2025.", "May 3, 2025", "date", "2025-05-03", "day", False),
        ("Data for May 2025 are out.", "May 2025", "date", "2025-05", "month", False),
        ("The law was passed on 2025-02-11.", "2025-02-11", "date", "2025-02-11", "day", False),
        ("Work ends on March 1st, 2025.", "March 1st, 2025", "date", "2025-03-01", "day", False),
    ],
)
def test_dates(sentence, text, kind, date, precision, inferred):
    m = only(sentence)
    assert (m.text, m.kind, m.date, m.date_precision, m.date_inferred) == (text, kind, date, precision, inferred)
    assert m.value is None


def test_year_span_bounds():
    m = only("Exports fell in 2009-2010.")
    assert (m.lower, m.upper) == (2009, 2010)


@pytest.mark.parametrize(
    "sentence, text, date, precision",
    [
        ("The meeting took place on March 9.", "March 9", "2025-03-09", "day"),
        ("It was signed on Feb. 11 in Ankara.", "Feb. 11", "2025-02-11", "day"),
        ("Harvest starts in mid-June.", "mid-June", "2025-06", "month"),
        ("Prices rose in December.", "December", "2024-12", "month"),
    ],
)
def test_yearless_dates_take_the_reference_year(sentence, text, date, precision):
    m = only(sentence, reference_date=REF)
    assert (m.text, m.date, m.date_precision, m.date_inferred) == (text, date, precision, True)
    bare = only(sentence)
    assert (bare.text, bare.date, bare.date_precision, bare.date_inferred) == (text, None, "unknown", False)


def test_yearless_date_takes_the_documents_year():
    found = extract_mentions("On February 11, 2025, the ban ended. On March 9 a meeting followed.")
    march = [m for m in found if m.text == "March 9"][0]
    assert (march.date, march.date_precision, march.date_inferred) == ("2025-03-09", "day", True)


def test_mid_june_keeps_its_qualifier():
    m = only("Harvest starts in mid-June.")
    assert (m.qualifier, m.approx) == ("mid", False)


@pytest.mark.parametrize(
    "sentence, text, date, precision",
    [
        ("A statement was issued on Thursday.", "Thursday", "2025-03-13", "day"),
        ("Two months ago, Reuters reported it.", "Two months ago", "2025-01", "month"),
        ("Ties grew over the past month.", "the past month", "2025-02", "month"),
        ("Exports rose last year.", "last year", "2024", "year"),
        ("Yesterday the gate opened.", "Yesterday", "2025-03-12", "day"),
        ("Three days ago the gate opened.", "Three days ago", "2025-03-10", "day"),
    ],
)
def test_relative_dates(sentence, text, date, precision):
    m = only(sentence, reference_date=REF)
    assert (m.text, m.kind, m.date, m.date_precision, m.date_inferred) == (text, "relative_date", date, precision, True)
    bare = only(sentence)
    assert (bare.kind, bare.date, bare.date_precision) == ("relative_date", None, "unknown")


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Repairs continue on the M4 highway.", "M4"),
        ("They bought 8x8 armoured vehicles.", "8x8"),
        ("Trade slumped during COVID-19 closures.", "COVID-19"),
        ("Allies invoked Article 5 at once.", "Article 5"),
        ("It flew an F-16 over the border.", "F-16"),
    ],
)
def test_identifiers_are_not_quantities(sentence, text):
    m = only(sentence)
    assert (m.text, m.kind, m.value, m.unit) == (text, "identifier", None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "He may visit Ankara soon.",
        "It was one of the largest deals.",
        "No one was hurt.",
        "A new phase, one marked not by confrontation, began.",
        "It was the first visit and the second deal.",
        "He came 2nd in the vote.",
        "The march on Ankara was large.",
    ],
)
def test_false_positives(sentence):
    assert extract_mentions(sentence) == []


def test_mentions_are_sorted_non_overlapping_and_json_ready():
    text = ("On February 11, 2025, some 40,000 people (54.31%) crossed; between 50,000 and 60,000 "
            "more may follow by mid-June, up to 10 a day via the M4.")
    found = extract_mentions(text)
    assert [(m.start, m.end) for m in found] == sorted((m.start, m.end) for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    for m in found:
        assert text[m.start:m.end] == m.text
        json.dumps(dataclasses.asdict(m))
    assert [f.name for f in dataclasses.fields(Mention)] == [
        "start", "end", "text", "kind", "value", "unit", "date", "date_precision", "date_inferred",
        "approx", "qualifier", "lower", "upper",
    ]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        extract_mentions("x", lang="fr")
