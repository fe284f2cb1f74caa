"""Draft facts for a stub: the figures a person only has to confirm.

Where the stub can propose how a figure is coded (the most similar coded fact gives indicator, series,
attribution, claim status, places and returns attributes; the sentence's dates give the period), it
writes the whole fact instead of a todo, marked `draft: true`. The build refuses a draft
(`draft-not-confirmed`), so each one is read against the text before it is published: confirming is
deleting one line, and correcting is editing the line that is wrong. Figures without a proposal, and
dates no draft uses, stay todos. Pure functions.
"""
from __future__ import annotations

import re

from pipelines.extract.mention import NUMERIC_KINDS

_SLUG = re.compile(r"[^a-z0-9]+")


def _plain(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _mention_ref(text: str, quote: str, start_in_quote: int) -> str | dict:
    """The mention as a coding file names it: its text, with its occurrence when the quote repeats it."""
    before = 0
    at = quote.find(text)
    while 0 <= at < start_in_quote:
        before += 1
        at = quote.find(text, at + 1)
    total = quote.count(text)
    return text if total <= 1 else {"text": text, "occurrence": before + 1}


def _fact_id(indicator: str, sequence: str, value, taken: set[str]) -> str:
    base = _SLUG.sub("_", f"{indicator}_{sequence}_{_plain(value)}".lower()).strip("_")
    fact_id, n = base, 2
    while fact_id in taken:
        fact_id, n = f"{base}_{n}", n + 1
    taken.add(fact_id)
    return fact_id


def _period(proposed: dict, indicator) -> dict:
    period = {k: proposed[k] for k in ("start", "end", "precision", "basis") if k in proposed and proposed[k] is not None}
    if indicator is not None and indicator.since:  # the build starts a running total on its indicator's since day
        period.pop("start", None)
    return period


def _used_dates(todos: list[dict], quote: str, period: dict, indicator) -> list[dict]:
    """The date todos of the sentence that the draft's period rests on: its as-of day, its year, or the
    day its running total starts."""
    start, end = str(period.get("start")), str(period.get("end"))
    wanted = {end}
    if period.get("precision") in ("year", "month") and period.get("start"):
        wanted |= {start, start[:7], end[:7]}  # "January-April" is written 2025-01 .. 2025-04
        if start[:4] == end[:4]:
            wanted.add(start[:4])  # ... and "2025" beside it names the same span's year
    if indicator is not None and indicator.since:
        since = str(indicator.since)
        wanted |= {since, since[:4]} if since.endswith("-01-01") else {since}
    return [t for t in todos if t["kind"] in ("date", "year") and t["quote"] == quote and str(t.get("date")) in wanted]


def draft_facts(todos: list[dict], source_id: str, catalogue, taken_ids: set[str] | None = None) -> tuple[list[dict], list[dict]]:
    """(draft facts, the todos they leave). A numeric todo with a proposed fact becomes a draft; the dates
    its period uses join the first draft of their sentence (a mention backs one fact)."""
    sequence = source_id.split("_", 1)[0]
    taken = set(taken_ids or ())
    drafts, covered = [], set()
    for todo in todos:
        proposal = (todo.get("proposed") or {}).get("fact")
        if todo["kind"] not in NUMERIC_KINDS or todo.get("value") is None or not proposal:
            continue
        indicator = catalogue.indicators.get(proposal["indicator"])
        attribution = (todo.get("proposed") or {}).get("attribution")
        quote, start_in_quote = todo["quote"], todo["start"] - todo.get("_quote_start", 0)
        period = _period((todo.get("proposed") or {}).get("period") or {}, indicator)
        mentions = [_mention_ref(todo["text"], quote, start_in_quote)]
        for date in _used_dates(todos, quote, period, indicator):
            if id(date) not in covered:
                covered.add(id(date))
                mentions.append(_mention_ref(date["text"], quote, date["start"] - date.get("_quote_start", 0)))
        fact = {
            "id": _fact_id(proposal["indicator"], sequence, todo["value"], taken),
            "draft": f"{proposal['because']}; check every line against the text, then delete this line",
            "indicator": proposal["indicator"],
            "series": proposal["series"],
            "label": " ".join(indicator.label.split()) if indicator is not None else None,
            "value": _plain(todo["value"]),
            "period": period,
            "geography": proposal.get("geography"),
            "attributed_to": (attribution or proposal).get("attributed_to"),
            "claim_status": (attribution or {}).get("claim_status", proposal["claim_status"]),
            "quote": quote,
            "occurrence": todo.get("occurrence"),
            "mentions": mentions,
            "returns": proposal.get("returns") if indicator is not None and indicator.category == "returns" else None,
        }
        drafts.append({k: v for k, v in fact.items() if v is not None})
        covered.add(id(todo))
    return drafts, [t for t in todos if id(t) not in covered]


IDENTIFIER_REASON = "an identifier (a name, code or document number), not a quantity"


def draft_dismissals(todos: list[dict]) -> tuple[list[dict], list[dict]]:
    """(draft dismissals, the todos they leave): a mention the extractor reads as an identifier ("M4",
    "2021/12" of a circular) is drafted as dismissed, for a person to confirm like a draft fact."""
    drafted, left = [], []
    for todo in todos:
        if todo["kind"] != "identifier":
            left.append(todo)
            continue
        entry = {"mention": _mention_ref(todo["text"], todo["quote"], todo["start"] - todo.get("_quote_start", 0)),
                 "quote": todo["quote"], "reason": IDENTIFIER_REASON,
                 "draft": "the extractor reads it as an identifier; check it is not a figure, then delete this line"}
        if todo.get("occurrence"):
            entry["occurrence"] = todo["occurrence"]
        drafted.append(entry)
    return drafted, left
