"""Quotes and sentences in long sources: the same answers as a plain scan, without rescanning the text
for every figure (a long official report holds tens of thousands of figures; issue 12, Q1).

The cost is counted, never timed: the text is wrapped so that every character a str method is asked
to read is tallied, and the mention list so that every mention looked at is tallied.
"""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.coding.apply import apply_coding
from pipelines.coding.quotes import locate, occurrences, sentence_around
from pipelines.extract import extract_mentions
from pipelines.sources.registry import Source


def reference_sentence_around(text: str, start: int, end: int) -> str:
    """The original definition, scanning the text on every call."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "? ", "! ")))
    left = 0 if left < 0 else left + (1 if text[left] == "\n" else 2)
    right_candidates = [i for i in (text.find("\n", end), *(text.find(p, end) for p in (". ", "? ", "! "))) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    if right < len(text) and text[right] in ".?!":
        right += 1
    return text[left:right].strip()


def reference_occurrences(text: str, quote: str) -> list[int]:
    starts, at = [], text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


# Few letters, so that sentences, boundaries and quotes repeat and overlap.
texts = st.text(alphabet="ab .?!\n7é", max_size=300)


@settings(max_examples=300)
@given(texts, st.data())
def test_sentence_around_is_the_plain_scan(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_around(text, start, end) == reference_sentence_around(text, start, end)


@settings(max_examples=300)
@given(texts, st.data())
def test_occurrences_are_the_plain_scan(text, data):
    start = data.draw(st.integers(0, len(text)))
    quote = data.draw(st.one_of(st.text(alphabet="ab .7é", min_size=1, max_size=30),
                                st.just(text[start:start + data.draw(st.integers(1, 40))])))
    if quote:
        assert occurrences(text, quote) == reference_occurrences(text, quote)


def test_overlapping_occurrences_are_all_found():
    text = "ab" * 40
    quote = "ab" * 10
    assert occurrences(text, quote) == list(range(0, 61, 2))


class CountingStr(str):
    """A str that tallies how many characters its search methods, slices and encoding read."""

    read = 0

    def _tally(self, start, end):
        start = 0 if start is None else start
        end = len(self) if end is None else end
        CountingStr.read += max(0, min(end, len(self)) - max(start, 0))

    def find(self, sub, start=None, end=None):
        self._tally(start, end)
        return str.find(self, sub, start, end)

    def rfind(self, sub, start=None, end=None):
        self._tally(start, end)
        return str.rfind(self, sub, start, end)

    def index(self, sub, start=None, end=None):
        self._tally(start, end)
        return str.index(self, sub, start, end)

    def count(self, sub, start=None, end=None):
        self._tally(start, end)
        return str.count(self, sub, start, end)

    def startswith(self, prefix, start=None, end=None):
        CountingStr.read += len(prefix)
        return str.startswith(self, prefix, start, end)

    def encode(self, *args, **kwargs):
        CountingStr.read += len(self)
        return str.encode(self, *args, **kwargs)

    def __getitem__(self, key):
        if isinstance(key, slice):
            self._tally(key.start, key.stop)
        return str.__getitem__(self, key)

    def __contains__(self, sub):
        CountingStr.read += len(self)
        return str.__contains__(self, sub)

    def __hash__(self):
        return str.__hash__(self)


class CountingList(list):
    """A list that tallies every item it hands out."""

    looked_at = 0

    def __getitem__(self, key):
        item = list.__getitem__(self, key)
        CountingList.looked_at += len(item) if isinstance(key, slice) else 1
        return item

    def __iter__(self):
        for item in list.__iter__(self):
            CountingList.looked_at += 1
            yield item


def long_report(sentences: int) -> str:
    """One figure per sentence, paragraphs of ten, no '?' or '!' (the case that scanned to the end)."""
    rng = random.Random(7)
    places = ["Hatay", "Kilis", "Idlib", "Aleppo", "Homs", "Mersin"]
    nouns = ["families", "people", "trucks", "students", "tents"]
    lines = [" ".join(f"In {rng.choice(places)} officials said that {rng.randint(2, 999_999):,} {rng.choice(nouns)} "
                      f"had been counted in phase {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}."
                      for _ in range(10)) for _ in range(sentences // 10)]
    return "\n\n".join(lines) + "\n"


def test_sentences_and_quotes_of_every_figure_read_the_text_about_once():
    plain = long_report(2_000)
    mentions = extract_mentions(plain, lang="en")
    assert len(mentions) >= 2_000
    text = CountingStr(plain)
    CountingStr.read = 0
    quotes = [sentence_around(text, m.start, m.end) for m in mentions]
    spans = [locate(text, q) for q in quotes]
    assert [plain[s.start:s.end] for s in spans] == quotes
    # A rescan per figure reads the text once per figure: thousands of times its length.
    assert CountingStr.read <= 5 * len(plain), f"read {CountingStr.read / len(plain):.0f} times the text"


def test_applying_a_coding_looks_at_each_mention_a_few_times():
    plain = long_report(2_000)
    found = extract_mentions(plain, lang="en")
    source = Source("900_0000000000000000", plain, "data/sources/900_0000000000000000.txt", "0" * 64,
                    len(plain.encode("utf-8")), {"language": "en"})
    coding = {"source_id": source.source_id,
              "dismissed": [{"mention": m.text, "quote": sentence_around(plain, m.start, m.end), "reason": "test"}
                            for m in found]}
    mentions = CountingList(found)
    CountingList.looked_at = 0
    coded = apply_coding(source, mentions, coding, "data/coding/900_0000000000000000.yaml", set())
    assert coded.problems == [] and len(coded.mentions) == len(found)
    assert CountingList.looked_at <= 20 * len(found), f"{CountingList.looked_at / len(found):.0f} looks per mention"
