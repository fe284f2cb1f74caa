"""The data dictionary as Datasette metadata: table and column descriptions (with units), facets,
licence and source, generated from the schema registry and the published datapackage.json."""
from __future__ import annotations

from schemas import TABLES
from schemas.table_schema import Column, columns, description, table_meta, title


def column_description(col: Column) -> str:
    text = col.description
    if col.unit:
        text += f" Unit: {col.unit}."
    if col.type == "boolean":
        text += " In this SQLite copy: 1 = true, 0 = false."
    return text


def facets(name: str) -> list[str]:
    """Columns worth counting by value: those with a vocabulary, and foreign keys to another table
    (a source, an actor, an indicator), in column order. Not the table's own key: it names one row."""
    meta = table_meta(TABLES[name])
    keys = {fk["fields"][0] for fk in meta.get("foreignKeys", [])
            if len(fk["fields"]) == 1 and fk["reference"]["resource"] != name} - set(meta["primaryKey"])
    return [c.name for c in columns(TABLES[name]) if c.enum is not None or c.name in keys]


def _database_description() -> str:
    views = [name for name, model in TABLES.items() if "view" in table_meta(model)]
    text = "Every table of the data package, read-only."
    if views:
        text += f" {', '.join(views)}: views in DuckDB, tables in this copy."
    return text


def datasette_metadata(package: dict, database: str) -> dict:
    """Metadata for `datasette serve --metadata`: one entry per table of the registry."""
    tables = {
        name: {"title": title(model), "description": description(model),
               "columns": {c.name: column_description(c) for c in columns(model)}, "facets": facets(name)}
        for name, model in TABLES.items()
    }
    licence = (package.get("licenses") or [{}])[0]
    metadata = {
        "title": package.get("title"),
        "description": package.get("description"),
        "license": licence.get("title") or licence.get("name"),
        "license_url": licence.get("path"),
        "source": "The registered source documents (the sources table); cite the source of each figure you use",
        "source_url": f"/{database}/sources",
        "databases": {database: {"description": _database_description(), "tables": tables}},
    }
    return {k: v for k, v in metadata.items() if v is not None}
