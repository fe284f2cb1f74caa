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
PUBLISHED_FILES = ("datapackage.json", "data/turkey_syria.duckdb")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def csv_text(frame: pd.DataFrame, table: str) -> str:
    """CSV with lowercase booleans, integral floats without '.0', LF line ends: stable bytes."""
    out = frame.copy()
    for col in columns(TABLES[table]):
        if col.type == "boolean":
            out[col.name] = out[col.name].map({True: "true", False: "false"})
        elif col.type == "number":
            out[col.name] = out[col.name].map(lambda v: "" if pd.isna(v) else format(float(v), ".12g"))
    return out.to_csv(index=False, lineterminator="\n")


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


def package_descriptor(meta: dict, sources: pd.DataFrame, resources: list[dict]) -> dict:
    # `created` comes from the sources, not the clock, so that rebuilding gives the same bytes.
    created = max(sources["published_earliest"].dropna()) + "T00:00:00Z" if len(sources) else None
    source_list = [
        {"title": row.title, "path": row.path, "sha256": row.sha256,
         **({"publisher": row.publisher} if isinstance(row.publisher, str) else {}),
         **({"url": row.url} if isinstance(row.url, str) else {})}
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
