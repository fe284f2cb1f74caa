"""Read the cells a dataset coding file names, and re-verify them on every build.

A dataset observation is a copied cell, never a recomputed one: its locator (file, table, row key,
column) and value are published. Every build checks the file's sha256 against its coding, re-reads
each cell, and compares it with the value the package last published for that locator, so a cell
edited in place (even with its sha256 fixed in the coding) stops the build naming the cell.
Errors carry stable codes and name the coding file and the row key: unknown-column,
filter-matches-nothing, row-key-not-unique, non-numeric-cell, unknown-country-code, cell-changed,
sha256-mismatch, unknown-table, bad-dataset-coding.
"""
from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pandas as pd
import pycountry
import pyreadr
from pydantic import ValidationError

from pipelines.datasets.coding_schema import DatasetCoding, slug
from pipelines.errors import Problem, TsrError
from pipelines.yamlfile import read_yaml, strip_lines


def read_coding(path: Path, where: str | None = None) -> DatasetCoding:
    where = where or str(path)
    try:
        return DatasetCoding.model_validate(strip_lines(read_yaml(path, where)))
    except ValidationError as error:
        raise TsrError([Problem("bad-dataset-coding", where, ".".join(map(str, e["loc"])) or "(file)", e["msg"])
                        for e in error.errors()]) from None


def read_table(file: Path, table: str, where: str | None = None) -> pd.DataFrame:
    frames = pyreadr.read_r(str(file))
    if table not in frames:
        raise TsrError(Problem("unknown-table", where or str(file), table, f"no table {table!r}; the file holds {sorted(frames)}"))
    return frames[table]


def file_sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def _key_value(name: str, value):
    # R stores years as doubles; a row key names them as the integers they are
    return int(value) if name == "year" else str(value)


def _row_key(coding: DatasetCoding, row: pd.Series) -> dict:
    return {k: _key_value(k, row[k]) for k in coding.row_key}


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


def _places(coding: DatasetCoding, key: dict, names: list[str], where: str) -> str | None:
    """The row's places as the package's ISO 3166-1 alpha-2 geography (TR, SY;TR), from alpha-3 codes."""
    places = set()
    for name in names:
        code = key[name]
        if code in coding.place_codes:
            if coding.place_codes[code]:
                places.add(coding.place_codes[code])
            continue
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            raise TsrError(Problem("unknown-country-code", where, f"{_key_text(key)} {name}",
                                   f"{code!r} is not an ISO 3166-1 alpha-3 code; map it under place_codes (null for none)"))
        places.add(country.alpha_2)
    return ";".join(sorted(places)) or None


def coded_cells(coding: DatasetCoding, frame: pd.DataFrame, where: str) -> list[dict]:
    """One row per coded cell: indicator, series, period, value, unit, places and its locator.

    An empty cell (R's NA: UNHCR leaves returned_refugees empty where a row holds only resettlements)
    states no figure and is skipped; any other non-number is an error."""
    rows = select_rows(coding, frame, where)
    out = []
    for _, row in rows.sort_values(coding.row_key).iterrows():
        key = _row_key(coding, row)
        year = key.get("year")
        for col in coding.columns:
            if not col.covers(year):
                continue
            if _is_empty(row[col.column]):
                continue
            partial = col.partial_years.get(year)
            start, end, precision = _period(year, col.period, partial)
            out.append({
                "observation_id": slug(f"{coding.dataset}__{_key_text(key)}__{col.column}"),
                "source_id": coding.source_id, "dataset": coding.dataset,
                "indicator": col.partial_indicator if partial and col.partial_indicator else col.indicator,
                "series": coding.series, "value": _number(row[col.column], where, _key_text(key), col.column),
                "unit": col.unit, "geography": _places(coding, key, col.geography, where),
                "period_start": start, "period_end": end, "period_precision": precision,
                "partial_year": partial, "release": coding.release, "released_on": coding.released_on,
                "cell_file": coding.file, "cell_sha256": coding.sha256, "cell_table": coding.table,
                "cell_row_key": _key_text(key), "cell_column": col.column, "coding_file": where,
            })
    return out


def observations(coding: DatasetCoding, root: Path, where: str) -> list[dict]:
    """Every coded cell of the file a coding names, after checking the file's sha256 (I/O: reads the file)."""
    file = root / coding.file
    if not file.is_file():
        raise TsrError(Problem("missing-dataset-file", where, "file", f"{coding.file} does not exist"))
    digest = file_sha256(file)
    if digest != coding.sha256:
        raise TsrError(Problem("sha256-mismatch", where, coding.file, f"file sha256 is {digest}, the coding says {coding.sha256}"))
    return coded_cells(coding, read_table(file, coding.table, where), where)


LOCATOR = ["cell_file", "cell_table", "cell_row_key", "cell_column"]


def changed_cells(current: pd.DataFrame, published: pd.DataFrame) -> list[Problem]:
    """Cells whose value differs from the value last published for the same locator (file, table, row
    key, column): the table analogue of a quote that no longer matches its text. A new release is a new
    file, so its cells have no published value yet and pass."""
    if published.empty or current.empty:
        return []
    joined = current.merge(published[LOCATOR + ["value"]], on=LOCATOR, suffixes=("", "_published"))
    differs = joined[joined["value"] != joined["value_published"].astype(float)]
    return [Problem("cell-changed", r.coding_file, f"{r.cell_file} {r.cell_table} {r.cell_row_key} {r.cell_column}",
                    f"the file now holds {r.value:,}, the package published {float(r.value_published):,}; a "
                    "vendored file is never edited: register a corrected release as a new file")
            for r in differs.sort_values(LOCATOR).itertuples()]
