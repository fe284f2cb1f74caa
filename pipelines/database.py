"""Load the validated tables into a DuckDB file, typed and commented from the schemas."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from schemas import TABLES
from schemas.table_schema import columns, description, table_meta, title

# DuckDB 1.x clients (the duckdb CLI 1.5, DBeaver's driver) cannot read the default 2.x storage format.
STORAGE_COMPATIBILITY = "v1.5.0"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _column_comment(col) -> str:
    text = col.description
    if col.unit:
        text += f" Unit: {col.unit}."
    return text


def create_table_sql(name: str) -> str:
    model = TABLES[name]
    cols = [f'"{c.name}" {c.duckdb_type}{"" if c.nullable else " NOT NULL"}' for c in columns(model)]
    pk = table_meta(model)["primaryKey"]
    cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in pk) + ")")
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(cols) + "\n)"


def write_database(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """Create `path` (which must not exist) holding every table with its comments."""
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY, "threads": 1})
    try:
        for name, frame in tables.items():
            model = TABLES[name]
            con.execute(create_table_sql(name))
            con.register("incoming", frame)
            names = ", ".join(f'"{c.name}"' for c in columns(model))
            casts = ", ".join(f'CAST("{c.name}" AS {c.duckdb_type})' for c in columns(model))
            con.execute(f'INSERT INTO "{name}" ({names}) SELECT {casts} FROM incoming')
            con.unregister("incoming")
            con.execute(f'COMMENT ON TABLE "{name}" IS {_literal(title(model) + ": " + description(model))}')
            for col in columns(model):
                con.execute(f'COMMENT ON COLUMN "{name}"."{col.name}" IS {_literal(_column_comment(col))}')
        con.execute("CHECKPOINT")
    finally:
        con.close()


def export_parquet(database: Path, out_dir: Path) -> list[str]:
    """Write each table to <out_dir>/<table>.parquet in primary-key order; returns the table names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), read_only=True, config={"threads": 1})
    try:
        for name, model in TABLES.items():
            order = ", ".join(f'"{c}"' for c in table_meta(model).get("order_by", table_meta(model)["primaryKey"]))
            target = _literal(str(out_dir / f"{name}.parquet"))
            con.execute(f'COPY (SELECT * FROM "{name}" ORDER BY {order} NULLS LAST) TO {target} (FORMAT parquet, COMPRESSION zstd)')
    finally:
        con.close()
    return list(TABLES)
