"""Property tests: any integer, however written, comes back as one mention with its value."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract import extract_mentions

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_1000(n: int) -> str:
    words = []
    if n >= 100:
        words.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n == 0:
            return words[0]
    if n >= 20:
        words.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n or not words:
        words.append(_ONES[n])
    return " ".join(words)


def english_words(n: int) -> str:
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        if n >= scale:
            parts.append((_below_1000(n // scale) + (" " + name if name else "")).strip())
            n %= scale
    return " ".join(parts)


def english_commas(n: int) -> str:
    return f"{n:,}"


def turkish_dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**12))
def test_english_digit_groups(n):
    written = english_commas(n)
    text = f"Officials said {written} trucks crossed the border."
    found = extract_mentions(text)
    assert len(found) == 1
    m = found[0]
    assert (m.text, m.value, m.start) == (written, n, len("Officials said "))


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**12))
def test_turkish_dot_groups(n):
    written = turkish_dots(n)
    text = f"Bakanlığa göre {written} araç sınırdan geçti."
    found = extract_mentions(text, lang="tr")
    assert len(found) == 1
    m = found[0]
    assert (m.text, m.value, m.start) == (written, n, len("Bakanlığa göre "))


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=2, max_value=999_999_999))
def test_english_number_words(n):
    written = english_words(n)
    text = f"Officials said {written} trucks crossed the border."
    found = extract_mentions(text)
    assert len(found) == 1, (written, found)
    m = found[0]
    assert (m.text, m.value, m.start) == (written, n, len("Officials said "))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 0123456789,.%$-:'\nMayJunethousandonebetween")), max_size=80))
def test_spans_always_slice_the_text(text):
    found = extract_mentions(text)
    for m in found:
        assert text[m.start:m.end] == m.text and m.end > m.start
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
