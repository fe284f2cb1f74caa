"""Load the validated tables into a DuckDB file, typed and commented from the schemas."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

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


def _insert_sql(table_sql: str, model, rows: str, only: list[str] | None = None) -> str:
    cols = [c for c in columns(model) if only is None or c.name in only]
    names = ", ".join(f'"{c.name}"' for c in cols)
    casts = ", ".join(f'CAST("{c.name}" AS {c.duckdb_type})' for c in cols)
    return f"INSERT INTO {table_sql} ({names}) SELECT {casts} FROM {rows}"


def _topic_view_sql(name: str, rows: str) -> list[str]:
    """A topic table as a view: its base table (facts or events) joined with the topic's own columns,
    which are stored in topic.<name>_attributes. Economists query it by name like any table."""
    model = TABLES[name]
    view = table_meta(model)["view"]
    base_columns = {c.name for c in columns(TABLES[view["base"]])}
    own = [c.name for c in columns(model) if c.name == view["key"] or c.name not in base_columns]
    attributes = f'topic."{name}_attributes"'
    select = ", ".join(f'a."{c.name}"' if c.name in own else f'b."{c.name}"' for c in columns(model))
    return [create_table_sql(name, attributes, own, primary_key=False),
            _insert_sql(attributes, model, rows, own),
            f"COMMENT ON TABLE {attributes} IS {_literal(f'Topic columns behind the view {name}; query the view.')}",
            f'CREATE VIEW "{name}" AS SELECT {select} FROM "{view["base"]}" AS b '
            f'JOIN {attributes} AS a USING ("{view["key"]}")']


def database_statements(rows: Callable[[str], str]) -> list[str]:
    """Every statement that creates the database, in order: each table (topic tables as views) with
    its rows and its comments. `rows(name)` is the SQL relation holding a table's published rows: a
    registered data frame in the build, the table's Parquet file in the load script, so the two
    cannot describe different databases."""
    from pipelines.publish.views import view_sql

    statements = ["CREATE SCHEMA topic"]
    for name, model in TABLES.items():
        derived = "derived_view" in table_meta(model)
        is_view = derived or "view" in table_meta(model)
        if derived:  # an economists' view: live SQL over the tables created before it
            statements.append(f'CREATE VIEW "{name}" AS {view_sql(name)}')
        elif is_view:
            statements += _topic_view_sql(name, rows(name))
        else:
            statements += [create_table_sql(name), _insert_sql(_quoted(name), model, rows(name))]
        kind = "VIEW" if is_view else "TABLE"
        statements.append(f'COMMENT ON {kind} "{name}" IS {_literal(title(model) + ": " + description(model))}')
        statements += [f'COMMENT ON COLUMN "{name}"."{col.name}" IS {_literal(_column_comment(col))}' for col in columns(model)]
    return statements


def write_database(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """Create `path` (which must not exist) holding every table (topic tables as views) with comments."""
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY, "threads": 1})
    try:
        for name in tables:
            con.register(f"incoming_{name}", tables[name])
        for statement in database_statements(lambda name: f'"incoming_{name}"'):
            con.execute(statement)
        for name in tables:
            con.unregister(f"incoming_{name}")
        con.execute("CHECKPOINT")
    finally:
        con.close()


LOAD_SCRIPT = "data/load.sql"  # published beside the Parquet files it reads
LOAD_SCRIPT_HEADER = """\
-- The whole database of this package (every table and view, with its comments), rebuilt from the
-- published Parquet files by any DuckDB 1.x client, without Python and without a build.
-- Run it from the package root (the folder holding datapackage.json):
--     duckdb -init data/load.sql                      (an in-memory database)
--     duckdb -init data/load.sql turkey_syria.duckdb  (a database file; it must not exist yet)
-- Elsewhere (DBeaver, another folder) first run: SET file_search_path = '<the package root>';
-- Generated by the build from the schemas in schemas/ (pipelines/publish/database.py); do not edit.
"""


def load_script(parquet_dir: str = "data/parquet") -> str:
    """The DuckDB SQL script that recreates the database from the Parquet files under `parquet_dir`
    (a path relative to the folder the script is run from)."""
    statements = database_statements(lambda name: f"read_parquet({_literal(f'{parquet_dir}/{name}.parquet')})")
    return LOAD_SCRIPT_HEADER + "\n" + "".join(f"{s};\n" for s in statements)


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
