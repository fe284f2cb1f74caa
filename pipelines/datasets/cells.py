"""Read the cells a dataset coding file names, and re-verify them on every build.

A dataset observation is a copied cell, never a recomputed one: its locator (file, table, row key,
column) and value are published, and every build re-reads the file, checks its sha256 and each cell.
Errors carry stable codes and name the coding file and the row key: unknown-column,
filter-matches-nothing, row-key-not-unique, non-numeric-cell, cell-changed, sha256-mismatch.
"""
from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pandas as pd
import pyreadr
import yaml
from pydantic import ValidationError

from pipelines.datasets.coding_schema import DatasetCoding
from pipelines.errors import Problem, TsrError


def read_coding(path: Path) -> DatasetCoding:
    try:
        return DatasetCoding.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as error:
        raise TsrError([Problem("bad-dataset-coding", str(path), ".".join(map(str, e["loc"])), e["msg"])
                        for e in error.errors()]) from None


def read_table(file: Path, table: str) -> pd.DataFrame:
    frames = pyreadr.read_r(str(file))
    if table not in frames:
        raise TsrError(Problem("unknown-table", str(file), table, f"no table {table!r}; the file holds {sorted(frames)}"))
    return frames[table]


def _row_key(coding: DatasetCoding, row: pd.Series) -> dict:
    return {k: (int(row[k]) if k == "year" else str(row[k])) for k in coding.row_key}


def _key_text(key: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in key.items())


def _period(year: int, rule: str, partial: str | None) -> tuple[str, str, str]:
    if partial == "mid_year":
        return (f"{year}-06-30" if rule == "end_of_year" else f"{year}-01-01"), f"{year}-06-30", "day" if rule == "end_of_year" else "month"
    if rule == "end_of_year":
        return f"{year}-12-31", f"{year}-12-31", "day"
    return f"{year}-01-01", f"{year}-12-31", "year"


def select_rows(coding: DatasetCoding, frame: pd.DataFrame, where: str) -> pd.DataFrame:
    """The rows the coding's filter and year span keep; every named column must exist."""
    named = set(coding.row_key) | set(coding.filter) | {c.column for c in coding.columns}
    for name in sorted(named - set(frame.columns)):
        raise TsrError(Problem("unknown-column", where, name, f"table {coding.table!r} has no column {name!r}"))
    keep = pd.Series(True, index=frame.index)
    for column, wanted in coding.filter.items():
        keep &= frame[column].isin(wanted if isinstance(wanted, list) else [wanted])
    if coding.years:
        keep &= frame["year"].between(*coding.years)
    rows = frame[keep]
    if rows.empty:
        raise TsrError(Problem("filter-matches-nothing", where, "filter",
                               f"no row of {coding.table!r} matches {coding.filter} years {coding.years}"))
    duplicated = rows[rows.duplicated(coding.row_key, keep=False)]
    if not duplicated.empty:
        raise TsrError(Problem("row-key-not-unique", where, _key_text(_row_key(coding, duplicated.iloc[0])),
                               f"{len(duplicated)} rows share a row key {coding.row_key}"))
    return rows


def _is_empty(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _number(value, where: str, key: str, column: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise TsrError(Problem("non-numeric-cell", where, f"{key} {column}", f"cell is {value!r}, not a number"))


def observations(coding_path: Path, root: Path) -> list[dict]:
    """One row per coded cell of the file a coding names (I/O: reads the coding and the file)."""
    coding = read_coding(coding_path)
    where = str(coding_path.relative_to(root)) if coding_path.is_relative_to(root) else str(coding_path)
    file = root / coding.file
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    if digest != coding.sha256:
        raise TsrError(Problem("sha256-mismatch", where, coding.file, f"file sha256 is {digest}, the coding says {coding.sha256}"))
    return coded_cells(coding, read_table(file, coding.table), where)


def coded_cells(coding: DatasetCoding, frame: pd.DataFrame, where: str) -> list[dict]:
    """One row per coded cell: indicator, series, period, value, unit and its locator.

    An empty cell (R's NA: UNHCR leaves returned_refugees empty where a row holds only resettlements)
    states no figure and is skipped; any other non-number is an error."""
    rows = select_rows(coding, frame, where)
    out = []
    for _, row in rows.sort_values(coding.row_key).iterrows():
        key = _row_key(coding, row)
        for col in coding.columns:
            if _is_empty(row[col.column]):
                continue
            partial = col.partial_years.get(key["year"])
            start, end, precision = _period(key["year"], col.period, partial)
            indicator = col.partial_indicator if partial and col.partial_indicator else col.indicator
            value = _number(row[col.column], where, _key_text(key), col.column)
            out.append({
                "observation_id": f"{coding.dataset}__{_key_text(key).replace('=', '_').replace(',', '__')}__{col.column}".lower(),
                "dataset": coding.dataset, "indicator": indicator, "series": coding.series,
                "value": value, "unit": col.unit, "period_start": start, "period_end": end,
                "period_precision": precision, "release": coding.release, "released_on": coding.released_on,
                "cell_file": coding.file, "cell_sha256": coding.sha256, "cell_table": coding.table,
                "cell_row_key": _key_text(key), "cell_column": col.column, "coding_file": where,
                **{f"key_{k}": v for k, v in key.items()},
            })
    return out


def verify(published: pd.DataFrame, root: Path) -> None:
    """Re-read every published cell from its file: the table analogue of quote verification."""
    problems = []
    for (file, table), cells in published.groupby(["cell_file", "cell_table"]):
        path = root / file
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        stated = set(cells["cell_sha256"])
        if stated != {digest}:
            problems.append(Problem("sha256-mismatch", file, table, f"file sha256 is {digest}, published {sorted(stated)}"))
        frame = read_table(path, table)
        for cell in cells.itertuples():
            key = dict(part.split("=", 1) for part in cell.cell_row_key.split(","))
            mask = pd.Series(True, index=frame.index)
            for k, v in key.items():
                mask &= (frame[k] == int(v)) if k == "year" else (frame[k] == v)
            found = frame.loc[mask, cell.cell_column]
            if len(found) != 1 or not math.isclose(float(found.iloc[0]), cell.value, rel_tol=0, abs_tol=0):
                now = found.tolist()
                problems.append(Problem("cell-changed", cell.coding_file, f"{file} {table} {cell.cell_row_key} {cell.cell_column}",
                                        f"published {cell.value:g}, the file now holds {now}"))
    if problems:
        raise TsrError(problems)
