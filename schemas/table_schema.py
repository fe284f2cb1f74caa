"""Generate the Frictionless Table Schema and the DuckDB column types from a pandera model."""
from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

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
