"""An SQLite copy of the published tables, for Datasette: every table of the registry (the DuckDB topic
views materialised as tables), typed, with its primary and foreign keys, read from the published
Parquet files. A table added to schemas.TABLES is copied without any change here."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.parquet as pq

from pipelines.errors import Problem, TsrError
from schemas import TABLES
from schemas.table_schema import columns, table_meta

# Frictionless type -> SQLite column type. SQLite has no boolean or date: 1/0 and ISO 8601 text.
SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}


def _names(fields: list[str]) -> str:
    return ", ".join(f'"{f}"' for f in fields)


def create_table_sql(name: str) -> str:
    model = TABLES[name]
    meta = table_meta(model)
    lines = [f'"{c.name}" {SQLITE_TYPES[c.type]}{"" if c.nullable else " NOT NULL"}' for c in columns(model)]
    lines.append(f"PRIMARY KEY ({_names(meta['primaryKey'])})")
    # Datasette links a foreign key to the row it names.
    for fk in meta.get("foreignKeys", []):
        ref = fk["reference"]
        lines.append(f'FOREIGN KEY ({_names(fk["fields"])}) REFERENCES "{ref["resource"]}" ({_names(ref["fields"])})')
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(lines) + "\n)"


def _cell(value, kind: str):
    if value is None:
        return None
    if kind == "boolean":
        return int(value)
    if kind == "date":
        return value.isoformat()
    return value


def write_sqlite(parquet_dir: Path, target: Path, package_root: Path | None = None) -> list[str]:
    """Write every table of the registry from <parquet_dir>/<table>.parquet into the new SQLite file
    `target`; returns the table names. A missing or outdated Parquet file is a TsrError naming it."""
    con = sqlite3.connect(target)
    try:
        for name, model in TABLES.items():
            path = parquet_dir / f"{name}.parquet"
            rel = path.relative_to(package_root).as_posix() if package_root else str(path)
            if not path.is_file():
                raise TsrError(Problem("parquet-missing", rel, "", "no such file: run `make build` first"))
            table = pq.read_table(path)
            cols = columns(model)
            if table.column_names != [c.name for c in cols]:
                raise TsrError(Problem("parquet-outdated", rel, "", f"its columns {table.column_names} are not those of "
                                       f"the schema of {name}: run `make build` to republish it"))
            con.execute(create_table_sql(name))
            values = [[_cell(v, c.type) for v in table.column(c.name).to_pylist()] for c in cols]
            con.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" for _ in cols)})', zip(*values))
        con.commit()
    finally:
        con.close()
    return list(TABLES)
