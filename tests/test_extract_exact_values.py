"""Issue 12 N1 and N4: a figure is never published sharper or with another sign than the text's.

N1: a minus sign written before the digits belongs to the number ("changed by -5 people" -> -5).
N4: a value is published as float64, which holds every integer up to 2**53 exactly. Beyond that
the extractor gives no value (the mention is still found), and a coding that states such a
value is refused with `value-not-exact`, so 99999999999999999999 can never appear as 1e+20.
"""
from __future__ import annotations

import pytest

from pipelines.coding.apply import apply_coding
from pipelines.extract import extract_mentions
from pipelines.sources.registry import Source

BEYOND = 2**53 + 1  # 9007199254740993: float64 rounds it to 9007199254740992


@pytest.mark.parametrize(
    "sentence, lang, text, value",
    [
        ("The number changed by -5 people last week.", "en", "-5", -5),
        ("Net flows were (-12) trucks.", "en", "-12", -12),
        ("Sayı -5 kişi değişti.", "tr", "-5", -5),
        ("تغير العدد بمقدار -5 أشخاص", "ar", "-5", -5),
        ("Prices rose 10-15% in a month.", "en", "10-15%", None),  # a dash between numbers is a range, not a sign
    ],
)
def test_minus_sign_is_kept(sentence, lang, text, value):
    m = [x for x in extract_mentions(sentence, lang=lang) if x.text == text][0]
    assert m.value == value
    assert all(x.value is None or x.value >= 0 or x.text.startswith("-") for x in extract_mentions(sentence, lang=lang))


@pytest.mark.parametrize(
    "sentence, lang, text",
    [
        ("A ledger lists 99999999999999999999 people.", "en", "99999999999999999999"),
        (f"A ledger lists {BEYOND} people.", "en", str(BEYOND)),
        ("Kayıtta 99.999.999.999.999.999.999 kişi var.", "tr", "99.999.999.999.999.999.999"),
        ("يضم السجل 99999999999999999999 شخصا", "ar", "99999999999999999999"),
    ],
)
def test_integers_beyond_float64_have_no_value(sentence, lang, text):
    m = [x for x in extract_mentions(sentence, lang=lang) if x.text == text][0]
    assert (m.kind, m.value) == ("number", None)


def test_integers_up_to_2_53_stay_exact():
    m = extract_mentions(f"A ledger lists {2**53} people.")[0]
    assert m.value == 2**53 and int(m.value) == 9007199254740992
    m = extract_mentions("Exports reached $2.12 billion.")[0]
    assert m.value == 2_120_000_000


def _coded(text: str, value):
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "en"})
    coding = {"source_id": source.source_id, "facts": [{
        "id": "ledger_people", "indicator": "returns_since_2016", "series": "stated_figure",
        "claim_status": "reported", "quote": text, "value": value, "mentions": [text.split()[3]],
        "period": {"end": None, "precision": "unknown", "basis": "test"},
        "returns": {"return_type": "voluntary", "route": "unknown", "origin": "TR", "destination": "SY"},
    }]}
    return apply_coding(source, extract_mentions(text), coding, "data/coding/999.yaml", actor_ids=set())


def test_coding_refuses_a_value_float64_cannot_hold():
    coded = _coded("A ledger lists 99999999999999999999 people.", 99999999999999999999)
    assert [p.code for p in coded.problems] == ["value-not-exact"]
    assert "2**53" in coded.problems[0].message


def test_coding_accepts_an_exact_value():
    coded = _coded("A ledger lists 9007199254740992 people.", 9007199254740992)
    assert [p.code for p in coded.problems] == []
    assert coded.facts[0]["value"] == 9007199254740992


@pytest.mark.parametrize("text, value", [("5bn", 5e9), ("$1.5bn", 1.5e9), ("0bn", 0.0), ("a billion dollars", 1e9)])
def test_a_figure_glued_to_its_scale_word(text, value):
    # "5bn" once crashed the extractor (the glued token went to the digit parser whole)
    (m,) = extract_mentions(text)
    assert (m.text, m.value) == (text, value)
