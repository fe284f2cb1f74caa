"""The Frictionless check reads Parquet with its own one-pass parser: it must yield exactly the cells
frictionless's parser yields (same values, same Python types), for every published Parquet file."""
from __future__ import annotations

import math

import pytest
from frictionless import Resource, system

from pipelines.publish import package_check
from conftest import MAY_BE_EMPTY


def cells(path) -> list[list]:
    with Resource(str(path)) as resource:
        return list(resource.cell_stream)


def same(a, b) -> bool:
    return type(a) is type(b) and (a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)))


@pytest.fixture()
def fast_reader():
    package_check.use_fast_parquet_reader()
    yield
    system.deregister("tsr-fast-parquet")


def test_fast_parquet_cells_equal_frictionless_cells(built_root, request):
    files = sorted((built_root / "data" / "parquet").glob("*.parquet"))
    assert len(files) >= 8
    expected = {f.name: cells(f) for f in files}
    request.getfixturevalue("fast_reader")
    for f in files:
        got = cells(f)
        assert len(got) == len(expected[f.name]) > (0 if f.stem in MAY_BE_EMPTY else 1), f.name
        for row, (mine, theirs) in enumerate(zip(got, expected[f.name])):
            assert len(mine) == len(theirs) and all(same(x, y) for x, y in zip(mine, theirs)), (f.name, row, mine, theirs)


def test_the_check_still_reports_a_bad_parquet_cell(built_root, tmp_path, fast_reader):
    import shutil

    import duckdb

    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    parquet = root / "data" / "parquet" / "facts.parquet"
    with duckdb.connect() as con:  # a fact with a claim status outside the vocabulary
        con.execute(f"COPY (SELECT * REPLACE ('rumoured' AS claim_status) FROM '{parquet}') TO '{parquet}.new' (FORMAT parquet)")
    (root / "data" / "parquet" / "facts.parquet.new").replace(parquet)
    problems = package_check.problems_of(root / "datapackage.json")
    assert any(p["file"] == "facts-parquet" and "rumoured" in p["message"] for p in problems), problems


def test_the_descriptor_splits_into_independent_parts(built_root, tmp_path):
    import json
    import shutil

    descriptor = tmp_path / "datapackage.json"
    shutil.copy(built_root / "datapackage.json", descriptor)
    whole = json.loads(descriptor.read_text(encoding="utf-8"))
    parts = package_check.split_descriptor(descriptor)
    groups = [[r["name"] for r in json.loads(p.read_text(encoding="utf-8"))["resources"]] for p in parts]
    assert len(parts) == 2 and sorted(groups[0] + groups[1]) == sorted(r["name"] for r in whole["resources"])
    assert "facts" in groups[0] and "sources" in groups[0] and "facts-parquet" in groups[1]
    for resource in whole["resources"]:  # every foreign key can be checked within its own part
        for fk in resource.get("schema", {}).get("foreignKeys", []):
            assert resource["name"] in groups[0] and fk["reference"]["resource"] in groups[0]
