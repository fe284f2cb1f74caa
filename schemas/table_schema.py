"""Generate the Frictionless Table Schema and the DuckDB column types from a pandera model."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from schemas.fields import source_sequence

_FRICTIONLESS_TYPES = {"string": "string", "int64": "integer", "Int64": "integer", "float64": "number", "bool": "boolean"}
_DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless type
    description: str
    nullable: bool
    unit: str | None
    enum: list[str] | None
    vocabulary: str | None
    pattern: str | None
    minimum: float | None
    maximum: float | None

    @property
    def duckdb_type(self) -> str:
        return _DUCKDB_TYPES[self.type]


def _dtype_name(dtype) -> str:
    name = str(dtype)
    if name.startswith("str"):
        return "string"
    return name


def columns(model: type[pa.DataFrameModel]) -> list[Column]:
    out = []
    for name, col in model.to_schema().columns.items():
        meta = col.metadata or {}
        ftype = meta.get("type") or _FRICTIONLESS_TYPES[_dtype_name(col.dtype)]
        enum = pattern = minimum = maximum = None
        for check in col.checks:
            stats = check.statistics or {}
            if check.name == "isin":
                enum = list(stats["allowed_values"])
            elif check.name == "str_matches":
                pattern = stats["pattern"]
            elif check.name == "greater_than_or_equal_to":
                minimum = stats["min_value"]
            elif check.name == "less_than_or_equal_to":
                maximum = stats["max_value"]
        out.append(Column(name, ftype, col.description or "", col.nullable, meta.get("unit"), enum,
                          meta.get("vocabulary"), pattern, minimum, maximum))
    return out


def table_meta(model: type[pa.DataFrameModel]) -> dict:
    return dict(model.__config__.metadata or {})


# Source ids sort by their sequence number, so that 999_… comes before 1000_… in every output.
SEQUENCE_ORDERED = frozenset({"source_id"})


def _order_key(column: pd.Series) -> pd.Series:
    if column.name in SEQUENCE_ORDERED:
        return column.map(lambda v: v if pd.isna(v) else f"{source_sequence(v):020d}_{v}")
    return column


def order_by(model: type[pa.DataFrameModel]) -> list[str]:
    meta = table_meta(model)
    return list(meta.get("order_by", meta["primaryKey"]))


def sort_frame(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Rows in the model's order_by order (source ids by sequence number): deterministic output."""
    return frame.sort_values(order_by(model), key=_order_key, kind="stable", na_position="last").reset_index(drop=True)


def order_by_sql(model: type[pa.DataFrameModel]) -> str:
    """The same order as sort_frame, as a DuckDB ORDER BY list."""
    return ", ".join(f'TRY_CAST(split_part("{c}", \'_\', 1) AS BIGINT) NULLS LAST, "{c}"' if c in SEQUENCE_ORDERED else f'"{c}"'
                     for c in order_by(model))


def title(model) -> str:
    return model.__config__.title


def description(model) -> str:
    return model.__config__.description


def frictionless_schema(model: type[pa.DataFrameModel]) -> dict:
    """The Table Schema descriptor (a plain dict, ready for datapackage.json)."""
    fields = []
    for c in columns(model):
        f: dict = {"name": c.name, "type": c.type, "description": c.description}
        if c.unit:
            f["unit"] = c.unit
        constraints: dict = {}
        if not c.nullable:
            constraints["required"] = True
        if c.enum is not None:
            constraints["enum"] = c.enum
        if c.pattern is not None and c.type == "string":
            # Frictionless anchors patterns itself.
            constraints["pattern"] = c.pattern.removeprefix("^").removesuffix("$")
        if c.minimum is not None:
            constraints["minimum"] = c.minimum
        if c.maximum is not None:
            constraints["maximum"] = c.maximum
        if constraints:
            f["constraints"] = constraints
        fields.append(f)
    meta = table_meta(model)
    schema: dict = {"fields": fields, "primaryKey": meta["primaryKey"]}
    if meta.get("foreignKeys"):
        schema["foreignKeys"] = meta["foreignKeys"]
    schema["missingValues"] = [""]
    return schema
