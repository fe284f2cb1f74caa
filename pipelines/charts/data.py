"""The data behind a chart: the frame a chart draws from, written beside its PNG and SVG as a CSV and
described as a Frictionless tabular resource.

A chart builds one frame holding every mark it draws (one row per bar, dot or table row) and draws
from that frame; `save(..., data=frame, table=...)` in `common.py` writes it here. A column is
described by `charts.<chart>.data_columns.<column>` in charts.meta.yaml, or else, when it has the
same name as a column of the published table the rows come from (`table`), by that column's schema.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipelines.publish.files import typed_csv_text
from schemas import TABLES
from schemas.table_schema import columns


def _dtype_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return "string"


def data_fields(frame: pd.DataFrame, chart: str, own: dict, table: str | None) -> list[dict]:
    """Table Schema fields for the frame's columns; a column described nowhere is an error naming it."""
    described = {c.name: c for c in columns(TABLES[table])} if table else {}
    fields = []
    for name in frame.columns:
        spec = own.get(name)
        if isinstance(spec, str):
            spec = {"description": spec}
        if spec is not None:
            field = {"name": name, "type": spec.get("type") or _dtype_type(frame[name]),
                     "description": " ".join(spec["description"].split())}
            if spec.get("unit"):
                field["unit"] = spec["unit"]
        elif name in described:
            col = described[name]
            field = {"name": name, "type": col.type, "description": col.description}
            if col.unit:
                field["unit"] = col.unit
        else:
            raise ValueError(f"chart {chart}: the column {name!r} of its data has no description; add it under "
                             f"charts.{chart}.data_columns in pipelines/charts/charts.meta.yaml")
        fields.append(field)
    return fields


def write_data(frame: pd.DataFrame, out_dir: Path, stem: str, path: str, *, chart: str, title: str, description: str,
               own_columns: dict, table: str | None) -> dict:
    """Write <out_dir>/<stem>.csv and return its resource descriptor (`path` is its package path)."""
    fields = data_fields(frame, chart, own_columns, table)
    text = typed_csv_text(frame, {f["name"]: f["type"] for f in fields})
    (out_dir / f"{stem}.csv").write_text(text, encoding="utf-8", newline="")
    return {"name": f"{stem.replace('_', '-')}-data", "type": "table", "path": path, "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": f"Data behind the chart: {title}",
            "description": " ".join(description.split()), "schema": {"fields": fields, "missingValues": [""]}}
