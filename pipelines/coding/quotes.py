"""Locate verbatim quotes in a source text and the mentions inside them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class QuoteError(ValueError):
    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def locate(text: str, quote: str, occurrence: int | None = None) -> Span:
    """The span of `quote` in `text`; it must occur exactly once unless `occurrence` (1-based) picks one."""
    if not quote:
        raise QuoteError("quote-not-found", "quote is empty")
    starts = []
    at = text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        raise QuoteError("quote-not-found", f"quote not found verbatim in the source: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise QuoteError("quote-ambiguous",
                             f"quote occurs {len(starts)} times at offsets {starts}; lengthen it or add occurrence: N")
        return Span(starts[0], starts[0] + len(quote))
    if not 1 <= occurrence <= len(starts):
        raise QuoteError("quote-not-found", f"occurrence {occurrence} asked, quote occurs {len(starts)} times")
    return Span(starts[occurrence - 1], starts[occurrence - 1] + len(quote))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding [start, end): the suggested quote for a mention."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "? ", "! ")))
    left = 0 if left < 0 else left + (1 if text[left] == "\n" else 2)
    right_candidates = [i for i in (text.find("\n", end), *(text.find(p, end) for p in (". ", "? ", "! "))) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    if right < len(text) and text[right] in ".?!":
        right += 1
    return text[left:right].strip()
