"""Pieces both grammars share: match coordinates and date-mention construction."""
from __future__ import annotations

import re

from pipelines.extract.mention import Mention

# (month, day) of a date whose year must come from elsewhere in the document.
Pending = tuple[int, int | None]


def end(m: re.Match) -> int:
    """End of the mention in the unpadded text.

    Grammars scan " " + text and open each match by consuming the separator before the
    mention, so m.start() of the padded string is already the mention's start in text, and
    the mention ends one character before m.end()."""
    return m.end() - 1


def date_mention(m, kind, date, precision, inferred=False, qualifier=None, lower=None, upper=None, pending=None):
    s, e = m.start(), m.end() - 1
    return (
        Mention(s, e, m.string[s + 1:e + 1], kind, None, None, date, precision, inferred,
                False, qualifier, lower, upper),
        pending,
    )


