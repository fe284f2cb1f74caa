"""What the build publishes, and how it is written into a staging folder.

Nothing under the package root changes until every file is staged and the Frictionless package
validates; `journal.swap_in` then swaps the staged package in, all or nothing.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd

from schemas import TABLES
from schemas.table_schema import columns, description, frictionless_schema, title

# What the build owns under the package root. Anything here not produced by a build is removed at swap time.
PUBLISHED_DIRS = ("data/parquet", "data/charts", "site")
PUBLISHED_GLOBS = ("data/*.csv",)
PUBLISHED_FILES = ("datapackage.json", "data/turkey_syria.duckdb", "data/load.sql")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Spreadsheets run a cell that starts with one of these as a formula (OWASP's CSV injection advice).
# A leading ' is escaped too, so that the rule can be undone exactly: see `csv_cell_text`.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _text_cell(value) -> str:
    """A text cell, always quoted; one ' in front when it would start like a formula (or with ')."""
    if pd.isna(value):
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"'


def _plain_cell(value) -> str:
    text = "" if pd.isna(value) else str(value)
    return f'"{text}"' if any(ch in text for ch in ',"\n\r') else text


def csv_cell_text(cell: str) -> str:
    """The raw text of a published CSV text cell: the inverse of the formula rule (drops one leading ')."""
    return cell[1:] if cell.startswith("'") else cell


def csv_text(frame: pd.DataFrame, table: str) -> str:
    return typed_csv_text(frame, {col.name: col.type for col in columns(TABLES[table])})


def typed_csv_text(frame: pd.DataFrame, types: dict[str, str]) -> str:
    """CSV with lowercase booleans, integral floats without '.0', LF line ends: stable bytes.
    `types` maps a column to its Frictionless type.

    Text (string) columns are always quoted and neutralised against formula injection; numbers,
    booleans and dates are never touched (-5 in a numeric column is a number). Parquet and DuckDB keep
    the raw text.
    """
    rendered = []
    for name in frame.columns:
        kind = types.get(name, "string")
        if kind == "boolean":
            cells = frame[name].map(lambda v: "" if pd.isna(v) else "true" if v else "false")
        elif kind == "number":
            cells = frame[name].map(lambda v: "" if pd.isna(v) else format(float(v), ".12g"))
        elif kind == "string":
            cells = frame[name].map(_text_cell)
        else:
            cells = frame[name].map(_plain_cell)
        rendered.append(cells.tolist())
    lines = [",".join(frame.columns)] + [",".join(row) for row in zip(*rendered)]
    return "\n".join(lines) + "\n"


def write_csvs(tables: dict[str, pd.DataFrame], staging: Path) -> None:
    (staging / "data").mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        (staging / "data" / f"{name}.csv").write_text(csv_text(frame, name), encoding="utf-8", newline="")


def table_resource(name: str, staging: Path) -> dict:
    model = TABLES[name]
    path = staging / "data" / f"{name}.csv"
    return {
        "name": name,
        "type": "table",
        "path": f"data/{name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": title(model),
        "description": description(model),
        "hash": "sha256:" + file_sha256(path),
        "bytes": path.stat().st_size,
        "schema": frictionless_schema(model),
    }


def parquet_resource(name: str) -> dict:
    model = TABLES[name]
    # No hash/bytes: frictionless 5 does not compute them for Parquet and would report a false byte-count error.
    # No foreignKeys: they are declared once, on the CSV resources; the Parquet copies hold the same rows
    # (checked by the build), and repeating the keys triples validation time.
    schema = {k: v for k, v in frictionless_schema(model).items() if k != "foreignKeys"}
    # frictionless reads Parquet through pandas, which turns a missing integer into the float NaN; the
    # package never publishes NaN as a value (schemas/checks.py: finite), so "nan" can only be a missing cell.
    schema["missingValues"] = ["", "nan"]
    return {
        "name": f"{name}-parquet",
        "type": "table",
        "path": f"data/parquet/{name}.parquet",
        "scheme": "file",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "title": f"{title(model)} (Parquet)",
        "description": f"{description(model)} Same rows as data/{name}.csv, typed.",
        "schema": schema,
    }


def load_script_resource() -> dict:
    return {"name": "duckdb-load-script", "type": "file", "path": "data/load.sql", "scheme": "file", "format": "sql",
            "mediatype": "application/sql", "encoding": "utf-8", "title": "DuckDB load script",
            "description": "Recreates the whole database (every table and view, with its comments) from the Parquet "
                           "files in any DuckDB 1.x client, without a build: run `duckdb -init data/load.sql` from "
                           "the package root."}


def package_descriptor(meta: dict, sources: pd.DataFrame, resources: list[dict]) -> dict:
    # `created` comes from the sources, not the clock, so that rebuilding gives the same bytes.
    created = max(sources["published_earliest"].dropna()) + "T00:00:00Z" if len(sources) else None
    source_list = [
        {"title": row.title, "path": row.path, "sha256": row.sha256,
         **({"publisher": row.publisher} if isinstance(row.publisher, str) else {}),
         **({"url": row.url} if isinstance(row.url, str) else {}),
         "kind": row.kind,
         # An excerpt's offsets refer to the vendored file; its figures are checked at the url.
         **({"text_scope": row.text_scope} if isinstance(row.text_scope, str) else {}),
         **({"retrieved_on": row.retrieved_on} if isinstance(row.retrieved_on, str) else {})}
        for row in sources.itertuples(index=False)
    ]
    descriptor = {
        "name": meta["name"],
        "title": meta["title"],
        "description": " ".join(meta["description"].split()),
        "version": meta["version"],
        "homepage": meta.get("homepage"),
        "keywords": meta["keywords"],
        "licenses": meta["licenses"],
        "contributors": meta["contributors"],
        "sources": source_list,
        "created": created,
        "resources": resources,
    }
    return {k: v for k, v in descriptor.items() if v is not None}


def write_descriptor(descriptor: dict, path: Path) -> None:
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8", newline="")


def with_file_stats(resources: list[dict], staging: Path) -> list[dict]:
    """Add sha256 and size to file resources (charts), as the table resources have them."""
    return [r | {"hash": "sha256:" + file_sha256(staging / r["path"]), "bytes": (staging / r["path"]).stat().st_size}
            for r in resources]


def published_paths(root: Path) -> set[str]:
    found = {p for p in PUBLISHED_FILES if (root / p).exists()}
    for pattern in PUBLISHED_GLOBS:
        found |= {p.relative_to(root).as_posix() for p in root.glob(pattern)}
    for folder in PUBLISHED_DIRS:
        if (root / folder).is_dir():
            found |= {p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()}
    return found


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
