"""An extractor misreading must not block the truth: a coder reads the value from a span of the quote
(`override`), the fact is flagged, coverage counts it, and extractor_issues publishes it as a test case.
Nothing else relaxes: the value must be readable from the span."""
from __future__ import annotations

import pytest

from pipelines.coding.apply import apply_coding, significant_digits
from pipelines.coding.quotes import QuoteError, locate
from pipelines.extract import extract_mentions
from pipelines.sources.registry import Source

TEXT = "Yerlikaya said the number of returnees had passed 273 thousand-odd by then."


def _coded(value, span: str, *, text: str = TEXT, reason: str = "the extractor reads the scale word as a separate word"):
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "en"})
    coding = {"source_id": source.source_id, "facts": [{
        "id": "returns_273k", "indicator": "returns_since_2024_12_08", "series": "dgmm", "claim_status": "reported",
        "quote": text, "value": value, "override": {"span": span, "reason": reason},
        "period": {"end": None, "precision": "unknown", "basis": "test"},
        "returns": {"return_type": "voluntary", "route": "all crossings", "origin": "TR", "destination": "SY"},
    }], "dismissed": []}
    return apply_coding(source, extract_mentions(text), coding, "data/coding/999.yaml", actor_ids=set())


def test_an_override_publishes_the_value_flags_the_fact_and_records_the_issue():
    coded = _coded(273000, "273 thousand")
    assert [p.code for p in coded.problems] == []
    (fact,) = coded.facts
    assert (fact["value"], fact["flags"]) == (273000.0, "extractor_override")
    (issue,) = coded.overrides
    start = TEXT.index("273 thousand")
    assert issue == {"fact_id": "returns_273k", "source_id": "999_0000000000000000", "span_start": start,
                     "span_end": start + len("273 thousand"), "span_text": "273 thousand",
                     "extractor_reading": issue["extractor_reading"], "value": 273000.0, "check": "digits",
                     "reason": "the extractor reads the scale word as a separate word"}
    # the mentions the extractor found inside the span are accounted for by the fact
    assert coded.unclaimed == 0 and all(m["fact_id"] == "returns_273k" for m in coded.mentions)


def test_the_value_must_be_readable_from_the_span():
    coded = _coded(274000, "273 thousand")
    assert [p.code for p in coded.problems] == ["override-not-readable"]
    assert "digits 274 are not the span's 273" in coded.problems[0].message
    assert coded.overrides == []


def test_the_span_must_be_inside_the_quote():
    coded = _coded(273000, "274 thousand")
    assert "override-span-not-in-quote" in [p.code for p in coded.problems]


@pytest.mark.parametrize("value, written, same", [
    (273000, "273 bini", True), (1.5e9, "1,5 milyar", True), (54.31, "%54,31", True),
    (2_938_261, "2.938.261", True), (300, "٣٠٠", True), (0.5, "yarısı", False), (1500, "15,000", True),
    (15000, "1,500", True), (273000, "237 bin", False)])
def test_significant_digits(value, written, same):
    # the rule compares significant digits: an order of magnitude is the coder's reading, a digit is not
    assert (significant_digits(value) == significant_digits(written)) is same


def test_quote_not_found_says_where_the_match_stops():
    text = "He said “we will” and 5,000 people returned.\nNext paragraph."
    cases = {'He said "we will"': "typographic quote", "5,000 people  returned": "whitespace",
             "returned. Next": "paragraph break"}
    for quote, kind in cases.items():
        with pytest.raises(QuoteError) as caught:
            locate(text, quote)
        assert caught.value.code == "quote-not-found"
        assert kind in str(caught.value)
    with pytest.raises(QuoteError) as caught:
        locate(text, "5,000 people  returned")
    assert "its first 13 of 22 characters match at offset 22" in str(caught.value)
