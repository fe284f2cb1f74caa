"""Pieces both grammars share: match coordinates and date-mention construction."""
from __future__ import annotations

import re

from pipelines.extract.mention import Mention

# (month, day) of a date whose year must come from elsewhere in the document.
Pending = tuple[int, int | None]


class Hit:
    """A master-regex match seen in the coordinates of the unpadded text: the separator
    consumed at m.start() of " " + text sits where the mention starts in text."""

    __slots__ = ("m", "s", "e", "string")

    def __init__(self, m: re.Match, text: str):
        self.m, self.s, self.e, self.string = m, m.start(), m.end() - 1, text

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.string[self.s:self.e]

    def __getitem__(self, name: str) -> str | None:
        return self.m[name]


def date_mention(m, kind, date, precision, inferred=False, qualifier=None, lower=None, upper=None, pending=None, start=None):
    s = m.start() if start is None else start
    return (
        Mention(s, m.end(), m.string[s:m.end()], kind, None, None, date, precision, inferred,
                False, qualifier, lower, upper),
        pending,
    )


