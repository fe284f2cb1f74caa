"""How far the coding of each source has got: which mentions are coded, dismissed, or still open.

Coverage never raises on coding problems (that is the build's job): it is the progress report a coder
runs between edits, so it must work on a half-coded file.
"""
from __future__ import annotations

import pandas as pd

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout

COLUMNS = ["source_id", "language", "mentions", "facts", "events", "fact_and_event", "dismissed", "todo",
           "unaccounted", "overrides", "problems"]
COUNTED = ["mentions", "facts", "events", "fact_and_event", "dismissed", "todo", "unaccounted", "overrides", "problems"]
_CODED_AS = {"fact": "facts", "event": "events", "fact_and_event": "fact_and_event", "dismissed": "dismissed"}
# Reported as their own columns; every other problem is a coding error counted under `problems`.
_PROGRESS_CODES = {"coding-todo", "unaccounted-mention"}


def _row(source_id: str, language: str | None, coded) -> dict:
    row = {"source_id": source_id, "language": language, **{column: 0 for column in COUNTED}}
    for mention in coded.mentions:
        row[_CODED_AS[mention["coded_as"]]] += 1
    # Counted by the coding itself: it names unaccounted mentions as problems only once no todo is left.
    row["mentions"] = len(coded.mentions) + coded.unclaimed
    row["unaccounted"] = coded.unclaimed
    row["todo"] = coded.todo
    row["overrides"] = len(coded.overrides)  # values read by a person where the extractor misreads
    row["problems"] = sum(1 for p in coded.problems if p.code not in _PROGRESS_CODES)
    return row


def coverage_rows(sources, coded_sources, source_id: str | None = None) -> pd.DataFrame:
    """One row per coded source (or only `source_id`), from what `code_all` returned. Pure."""
    language = {s.source_id: s.meta["language"] for s in sources}
    rows = [_row(c.source_id, language.get(c.source_id), c) for c in coded_sources
            if source_id in (None, c.source_id)]
    return pd.DataFrame(rows, columns=COLUMNS)


def coverage(layout: Layout, source_id: str | None = None) -> pd.DataFrame:
    """One row per source (or only `source_id`) with its mention counts; columns as COLUMNS."""
    return coverage_report(layout, source_id)[0]


def coverage_report(layout: Layout, source_id: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The coverage table and every problem of the listed sources' coding, each naming file, entry and line."""
    from pipelines.coding.run import code_all

    sources, coded_sources = code_all(layout)
    known = [s.source_id for s in sources]  # in sequence order, as read
    if source_id is not None and source_id not in known:
        raise TsrError(Problem("unknown-source", layout.rel(layout.sources_dir), source_id,
                               f"no source with this id; registered sources: {', '.join(known) or 'none'}"))
    problems = [p for c in coded_sources if source_id in (None, c.source_id) for p in c.problems]
    return coverage_rows(sources, coded_sources, source_id), problems


def complete(table: pd.DataFrame) -> bool:
    """True when every mention of every listed source is coded or dismissed and no todo is left."""
    return bool((table["todo"] == 0).all() and (table["unaccounted"] == 0).all())


def format_coverage(table: pd.DataFrame) -> str:
    """The table with a total line, as printed by `tsr coverage`."""
    total = {"source_id": "TOTAL", "language": "", **{c: int(table[c].sum()) for c in COUNTED}}
    shown = pd.concat([table, pd.DataFrame([total])], ignore_index=True)
    return shown.to_string(index=False)
