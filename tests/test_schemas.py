"""The pandera models are the single source of truth: the published Table Schema, the DuckDB DDL and
the dictionary all come from them."""
from __future__ import annotations

import json

import pandas as pd
import pandera.errors
import pytest

from pipelines.publish.database import create_table_sql
from schemas import TABLES
from schemas.table_schema import columns, frictionless_schema
from schemas.vocabularies import terms


@pytest.mark.parametrize("table", list(TABLES))
def test_table_schema_mirrors_the_model(table):
    model = TABLES[table]
    schema = frictionless_schema(model)
    pandera_columns = list(model.to_schema().columns)
    assert [f["name"] for f in schema["fields"]] == pandera_columns
    for field, col in zip(schema["fields"], model.to_schema().columns.values()):
        assert field["description"] == col.description
        assert field.get("constraints", {}).get("required", False) == (not col.nullable)
    assert set(schema["primaryKey"]) <= set(pandera_columns)
    for fk in schema.get("foreignKeys", []):
        assert fk["reference"]["resource"] in TABLES


def test_vocabularies_become_enums_with_definitions():
    fields = {f["name"]: f for f in frictionless_schema(TABLES["facts"])["fields"]}
    assert fields["claim_status"]["constraints"]["enum"] == ["official", "reported", "unconfirmed"]
    assert "unconfirmed: The source itself flags the claim as not confirmed" in fields["claim_status"]["description"]
    assert fields["category"]["constraints"]["enum"] == terms("category")
    assert fields["period_start"]["type"] == "date"


def test_duckdb_types_come_from_the_model():
    ddl = create_table_sql("events")
    assert '"date_start" DATE' in ddl and '"event_id" VARCHAR NOT NULL' in ddl and 'PRIMARY KEY ("event_id")' in ddl


def test_pandera_rejects_bad_rows_lazily():
    good = {c.name: None for c in columns(TABLES["actors"])}
    rows = [good | {"actor_id": "a", "name": "A", "actor_type": "wizard"},
            good | {"actor_id": "B!", "name": "B", "actor_type": "person", "country": "Turkey"}]
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        TABLES["actors"].validate(pd.DataFrame(rows), lazy=True)
    failed = set(info.value.failure_cases["column"])
    assert {"actor_type", "actor_id", "country"} <= failed
