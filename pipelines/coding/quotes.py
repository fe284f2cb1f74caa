"""Locate verbatim quotes in a source text and the mentions inside them.

A long official report holds tens of thousands of figures, each with a quote to find and a sentence
to suggest. Scanning the whole text for each of them is quadratic (a 1 MB report took 48 s), so each
text is indexed once, and every lookup after that costs about the length of the quote:

* sentence boundaries (line ends and ". ", "? ", "! ") are found in one regex scan, then bisected;
* every quote occurrence contains, at the same offset, every k-gram of the quote; the text's k-grams
  are hashed and sorted once (numpy), so the occurrences are the verified positions of the quote's
  rarest k-gram. Hash collisions only add candidates that `startswith` then rejects: the result is
  exactly what scanning with `str.find` gives, overlapping occurrences included.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

_K = 8  # k-gram length; a quote shorter than this is searched by scanning
_SAMPLED = 12  # k-grams of a quote looked up to find its rarest
_BASE = np.uint64(1_000_003)  # multiplier of the polynomial k-gram hash (mod 2**64)
_BOUNDARY = re.compile(r"\n|[.?!] ")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class QuoteError(ValueError):
    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)


def _kgram_hashes(codes: np.ndarray) -> np.ndarray:
    n = len(codes) - _K + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.zeros(n, dtype=np.uint64)
    for j in range(_K):
        hashes = hashes * _BASE + codes[j:j + n]
    return hashes


@dataclass(frozen=True)
class _KgramIndex:
    hashes: np.ndarray  # sorted k-gram hashes of the text
    positions: np.ndarray  # the text offset of each, ascending within equal hashes


@lru_cache(maxsize=4)
def _kgram_index(text: str) -> _KgramIndex:
    hashes = _kgram_hashes(_codes(text))
    order = np.argsort(hashes, kind="stable")
    return _KgramIndex(hashes[order], order)


def occurrences(text: str, quote: str) -> list[int]:
    """Every offset where `quote` starts in `text`, ascending, overlapping ones included."""
    if not quote or len(quote) > len(text):
        return []
    if len(quote) < _K:
        starts, at = [], text.find(quote)
        while at != -1:
            starts.append(at)
            at = text.find(quote, at + 1)
        return starts
    index = _kgram_index(text)
    hashes = _kgram_hashes(_codes(quote))
    # Any k-gram of the quote will do; the rarest of a few evenly spread ones keeps the lookup short.
    offsets = np.unique(np.linspace(0, len(hashes) - 1, num=min(len(hashes), _SAMPLED)).astype(np.int64))
    low = np.searchsorted(index.hashes, hashes[offsets], side="left")
    high = np.searchsorted(index.hashes, hashes[offsets], side="right")
    rarest = int(np.argmin(high - low))
    offset = int(offsets[rarest])
    candidates = index.positions[low[rarest]:high[rarest]] - offset
    return [p for p in candidates[candidates >= 0].tolist() if text.startswith(quote, p)]


def locate(text: str, quote: str, occurrence: int | None = None) -> Span:
    """The span of `quote` in `text`; it must occur exactly once unless `occurrence` (1-based) picks one."""
    if not quote:
        raise QuoteError("quote-not-found", "quote is empty")
    starts = occurrences(text, quote)
    if not starts:
        raise QuoteError("quote-not-found", f"quote not found verbatim in the source: {quote!r}; {near_miss(text, quote)}")
    if occurrence is None:
        if len(starts) > 1:
            raise QuoteError("quote-ambiguous",
                             f"quote occurs {len(starts)} times at offsets {starts}; lengthen it or add occurrence: N")
        return Span(starts[0], starts[0] + len(quote))
    if not 1 <= occurrence <= len(starts):
        raise QuoteError("quote-not-found", f"occurrence {occurrence} asked, quote occurs {len(starts)} times")
    return Span(starts[occurrence - 1], starts[occurrence - 1] + len(quote))


_TYPOGRAPHIC = set("\"'`´‘’‚‛“”„‟«»‹›″′")


def _char(c: str | None) -> str:
    return "the end of the text" if c is None else f"{c!r} (U+{ord(c):04X})"


def _kind_of_difference(ours: str, theirs: str | None) -> str:
    if theirs in ("\n", "\r") or ours in ("\n", "\r"):
        return "a paragraph break: a quote cannot span paragraphs; quote one paragraph, or code the figure with the paragraph that holds it"
    if ours in _TYPOGRAPHIC or (theirs or "") in _TYPOGRAPHIC:
        return "a typographic quote or apostrophe: copy the character from the source file"
    if ours.isspace() or (theirs or " ").isspace():
        return "whitespace (a double space, a non-breaking or thin space): copy the spacing from the source file"
    return "a different character"


def near_miss(text: str, quote: str) -> str:
    """Where the search for `quote` stops: the longest start of the quote that is in the text, and the
    first character that differs, with what kind of difference it is."""
    low, high = 0, len(quote)  # the prefix of length `low` occurs; the whole quote does not
    while high - low > 1:
        middle = (low + high) // 2
        if occurrences(text, quote[:middle]):
            low = middle
        else:
            high = middle
    if low == 0:
        return f"not even its first character {_char(quote[0])} is in the source"
    at = occurrences(text, quote[:low])[0]
    theirs = text[at + low] if at + low < len(text) else None
    return (f"its first {low} of {len(quote)} characters match at offset {at} (…{quote[max(0, low - 30):low]!r}); "
            f"then the quote has {_char(quote[low])} where the source has {_char(theirs)}: "
            f"{_kind_of_difference(quote[low], theirs)}")


@lru_cache(maxsize=4)
def _sentence_marks(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every sentence boundary: a line end, or ". ", "? ", "! "."""
    starts, ends = [], []
    for mark in _BOUNDARY.finditer(text):
        starts.append(mark.start())
        ends.append(mark.end())
    return starts, ends


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding [start, end): the suggested quote for a mention."""
    starts, ends = _sentence_marks(text)
    before = bisect.bisect_right(ends, start) - 1  # the last boundary that ends at or before `start`
    left = ends[before] if before >= 0 else 0
    after = bisect.bisect_left(starts, end)  # the first boundary that starts at or after `end`
    right = starts[after] if after < len(starts) else len(text)
    if right < len(text) and text[right] in ".?!":
        right += 1
    return text[left:right].strip()
