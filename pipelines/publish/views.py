"""The economists' views (series, discrepancies, anomalies): DuckDB SQL over the published tables.

One definition per view, the SQL file in schemas/views/ named by its model's `derived_view`: the build
runs it over the validated tables to publish the view as CSV and Parquet, and the database (and
data/load.sql) keeps it as a live view over its tables, so the two cannot disagree.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from schemas import TABLES
from schemas.table_schema import columns, sort_frame, table_meta

VIEWS_DIR = Path(__file__).resolve().parents[2] / "schemas" / "views"


def is_derived(name: str) -> bool:
    return "derived_view" in table_meta(TABLES[name])


def derived_names() -> list[str]:
    return [name for name in TABLES if is_derived(name)]


def view_sql(name: str) -> str:
    """The view's SELECT with every column cast to its declared type, in the declared order."""
    body = (VIEWS_DIR / table_meta(TABLES[name])["derived_view"]).read_text(encoding="utf-8")
    casts = ", ".join(f'CAST(v."{c.name}" AS {c.duckdb_type}) AS "{c.name}"' for c in columns(TABLES[name]))
    return f"SELECT {casts} FROM (\n{body.strip().rstrip(';')}\n) AS v"


def view_frames(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each view's rows computed from the validated tables, exactly as the database's view computes them."""
    from pipelines.publish.database import database_statements

    con = duckdb.connect(config={"threads": 1})
    try:
        for name, frame in tables.items():
            con.register(f"incoming_{name}", frame)
        for statement in database_statements(lambda name: f'"incoming_{name}"'):
            con.execute(statement)
        frames = {}
        for name in derived_names():
            frame = con.execute(f'SELECT * FROM "{name}"').df()
            for col in columns(TABLES[name]):
                if col.type == "date":  # published as ISO text, like the tables' dates
                    frame[col.name] = frame[col.name].map(lambda d: None if pd.isna(d) else d.strftime("%Y-%m-%d"))
            frames[name] = sort_frame(frame, TABLES[name])
        return frames
    finally:
        con.close()
