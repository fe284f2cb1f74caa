"""Load the validated tables into a DuckDB file, typed and commented from the schemas."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from schemas import TABLES
from schemas.table_schema import columns, description, order_by_sql, table_meta, title

# DuckDB 1.x clients (the duckdb CLI 1.5, DBeaver's driver) cannot read the default 2.x storage format.
STORAGE_COMPATIBILITY = "v1.5.0"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _column_comment(col) -> str:
    text = col.description
    if col.unit:
        text += f" Unit: {col.unit}."
    return text


def create_table_sql(name: str, table: str | None = None, only: list[str] | None = None, *, primary_key: bool = True) -> str:
    model = TABLES[name]
    cols = [c for c in columns(model) if only is None or c.name in only]
    lines = [f'"{c.name}" {c.duckdb_type}{"" if c.nullable else " NOT NULL"}' for c in cols]
    if primary_key:
        lines.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in table_meta(model)["primaryKey"]) + ")")
    return f'CREATE TABLE {table or _quoted(name)} (\n  ' + ",\n  ".join(lines) + "\n)"


def _quoted(name: str) -> str:
    return f'"{name}"'


def _insert(con, table_sql: str, model, frame: pd.DataFrame, only: list[str] | None = None) -> None:
    cols = [c for c in columns(model) if only is None or c.name in only]
    con.register("incoming", frame)
    names = ", ".join(f'"{c.name}"' for c in cols)
    casts = ", ".join(f'CAST("{c.name}" AS {c.duckdb_type})' for c in cols)
    con.execute(f"INSERT INTO {table_sql} ({names}) SELECT {casts} FROM incoming")
    con.unregister("incoming")


def _create_topic_view(con, name: str, frame: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> None:
    """A topic table as a view: its base table (facts or events) joined with the topic's own columns,
    which are stored in topic.<name>_attributes. Economists query it by name like any table."""
    model = TABLES[name]
    view = table_meta(model)["view"]
    base_columns = set(tables[view["base"]].columns)
    own = [c.name for c in columns(model) if c.name == view["key"] or c.name not in base_columns]
    attributes = f'topic."{name}_attributes"'
    con.execute(create_table_sql(name, attributes, own, primary_key=False))
    _insert(con, attributes, model, frame, own)
    con.execute(f"COMMENT ON TABLE {attributes} IS {_literal(f'Topic columns behind the view {name}; query the view.')}")
    select = ", ".join(f'a."{c.name}"' if c.name in own else f'b."{c.name}"' for c in columns(model))
    con.execute(f'CREATE VIEW "{name}" AS SELECT {select} FROM "{view["base"]}" AS b '
                f'JOIN {attributes} AS a USING ("{view["key"]}")')


def write_database(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """Create `path` (which must not exist) holding every table (topic tables as views) with comments."""
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY, "threads": 1})
    try:
        con.execute("CREATE SCHEMA topic")
        for name, frame in tables.items():
            model = TABLES[name]
            is_view = "view" in table_meta(model)
            if is_view:
                _create_topic_view(con, name, frame, tables)
            else:
                con.execute(create_table_sql(name))
                _insert(con, _quoted(name), model, frame)
            kind = "VIEW" if is_view else "TABLE"
            con.execute(f'COMMENT ON {kind} "{name}" IS {_literal(title(model) + ": " + description(model))}')
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
            order = order_by_sql(model)
            target = _literal(str(out_dir / f"{name}.parquet"))
            con.execute(f'COPY (SELECT * FROM "{name}" ORDER BY {order} NULLS LAST) TO {target} (FORMAT parquet, COMPRESSION zstd)')
    finally:
        con.close()
    return list(TABLES)
