"""Ids past 999: a build with sources 999_… and 1000_… lists them in sequence order in every output
(CSV, Parquet, DuckDB insertion order, the page), not in text order (where 1000_ < 999_)."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest
import yaml

from pipelines.build import build_package
from pipelines.coding.stub import source_mentions
from pipelines.paths import Layout
from pipelines.sources.add import add_source
from pipelines.sources.registry import read_sources


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import copy_inputs

    root = copy_inputs(tmp_path_factory.mktemp("ids") / "pkg")
    layout = Layout(root)
    texts = {999: "Officials met 3 times in Ankara.", 1000: "Officials met 4 times in Damascus."}
    ids = []
    for sequence, text in texts.items():
        path = root / f"report_{sequence}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        ids.append(add_source(layout, path, title=f"Report {sequence}", sequence=sequence))
    for source in read_sources(layout):
        if source.source_id in ids:  # dismiss every mention, so the sources build
            coding = {"source_id": source.source_id, "facts": [], "events": [],
                      "dismissed": [{"mention": m.text, "quote": source.text.strip(), "reason": "test text"}
                                    for m in source_mentions(source)]}
            (layout.coding_dir / f"{source.source_id}.yaml").write_text(yaml.safe_dump(coding, allow_unicode=True), encoding="utf-8")
    build_package(layout, force=True)
    return root, ids


def test_ids_past_999(built):
    _, (last_three, first_four) = built
    assert last_three.startswith("999_") and first_four.startswith("1000_")


def test_csv_and_parquet_list_sources_by_sequence(built):
    root, ids = built
    for frame in (pd.read_csv(root / "data" / "sources.csv"), pd.read_parquet(root / "data" / "parquet" / "sources.parquet")):
        assert list(frame["source_id"])[-2:] == ids
    mentions = pd.read_csv(root / "data" / "mentions.csv")
    assert list(dict.fromkeys(mentions["source_id"]))[-2:] == ids
    parquet_mentions = pd.read_parquet(root / "data" / "parquet" / "mentions.parquet")
    assert list(dict.fromkeys(parquet_mentions["source_id"]))[-2:] == ids


def test_duckdb_keeps_the_order_and_the_page_too(built):
    root, ids = built
    con = duckdb.connect(str(root / "data" / "turkey_syria.duckdb"), read_only=True)
    try:
        rows = [r[0] for r in con.execute("SELECT source_id FROM sources").fetchall()]
    finally:
        con.close()
    assert rows[-2:] == ids
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert page.index(f'id="source-{ids[0]}"') < page.index(f'id="source-{ids[1]}"')
