"""How far the coding of each source has got: which mentions are coded, dismissed, or still open.

Coverage never raises on coding problems (that is the build's job): it is the progress report a coder
runs between edits, so it must work on a half-coded file.
"""
from __future__ import annotations

import pandas as pd

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout

COLUMNS = ["source_id", "language", "mentions", "facts", "events", "fact_and_event", "dismissed", "todo",
           "unaccounted", "problems"]
COUNTED = ["mentions", "facts", "events", "fact_and_event", "dismissed", "todo", "unaccounted", "problems"]
_CODED_AS = {"fact": "facts", "event": "events", "fact_and_event": "fact_and_event", "dismissed": "dismissed"}
# Reported as their own columns; every other problem is a coding error counted under `problems`.
_PROGRESS_CODES = {"coding-todo", "unaccounted-mention"}


def _row(source, coded) -> dict:
    row = {"source_id": source.source_id, "language": source.meta.get("language"),
           **{column: 0 for column in COUNTED}}
    for mention in coded.mentions:
        row[_CODED_AS[mention["coded_as"]]] += 1
    accounted = len(coded.mentions)
    row["mentions"] = accounted + _open_mentions(source, coded)
    row["todo"] = coded.todo
    row["unaccounted"] = row["mentions"] - accounted
    row["problems"] = sum(1 for p in coded.problems if p.code not in _PROGRESS_CODES)
    return row


def _open_mentions(source, coded) -> int:
    """Mentions neither coded nor dismissed.

    The coding names them only once no todo is left (until then they are the todos), so count them
    from the extractor's mentions when the coded source does not carry them.
    """
    extracted = getattr(coded, "extracted", None)
    if extracted is None:
        from pipelines.extract import extract_mentions
        from pipelines.stub import reference_date

        extracted = extract_mentions(source.text, lang=source.meta["language"], reference_date=reference_date(source))
    return len(extracted) - len(coded.mentions)


def coverage(layout: Layout, source_id: str | None = None) -> pd.DataFrame:
    """One row per source (or only `source_id`) with its mention counts; columns as COLUMNS."""
    from pipelines.build import code_all

    sources, coded_sources = code_all(layout)
    coded_by_id = {c.source_id: c for c in coded_sources}
    if source_id is not None and source_id not in coded_by_id:
        raise TsrError(Problem("unknown-source", layout.rel(layout.sources_dir), source_id,
                               f"no source with this id; registered sources: {', '.join(sorted(coded_by_id)) or 'none'}"))
    rows = [_row(s, coded_by_id[s.source_id]) for s in sources
            if s.source_id in coded_by_id and source_id in (None, s.source_id)]
    return pd.DataFrame(rows, columns=COLUMNS)


def complete(table: pd.DataFrame) -> bool:
    """True when every mention of every listed source is coded or dismissed and no todo is left."""
    return bool((table["todo"] == 0).all() and (table["unaccounted"] == 0).all())


def format_coverage(table: pd.DataFrame) -> str:
    """The table with a total line, as printed by `tsr coverage`."""
    total = {"source_id": "TOTAL", "language": "", **{c: int(table[c].sum()) for c in COUNTED}}
    shown = pd.concat([table, pd.DataFrame([total])], ignore_index=True)
    return shown.to_string(index=False)
