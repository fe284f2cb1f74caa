"""The economists' views: series, discrepancies, anomalies (schemas/views/*.sql). Exact rows of named
facts from the real sources, and synthetic observations added on purpose for the rules the corpus does
not (yet) break."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pipelines.build import build_tables_checked
from pipelines.paths import Layout
from pipelines.publish.views import view_frames


def rows(root: Path, table: str, key: str) -> dict[str, dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {r[key]: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def tables(built_root):
    return build_tables_checked(Layout(built_root))[0]


def test_series_puts_every_statement_of_the_running_count_side_by_side(built_root):
    series = rows(built_root, "series", "observation_id")
    got = {k: (r["indicator"], r["series"], r["reference_date"], r["value"], r["claim_status"], r["period_precision"])
           for k, r in series.items() if k in {"returns_since_2024_12_08_dgmm_411649", "returns_since_2024_12_08_sozcu_557702",
                                               "returns_since_2024_12_08_yerlikaya_2025_05_29"}}
    assert got == {
        "returns_since_2024_12_08_yerlikaya_2025_05_29": ("returns_since_2024_12_08", "dgmm", "2025-05-29", "250064", "official", "day"),
        "returns_since_2024_12_08_dgmm_411649": ("returns_since_2024_12_08", "dgmm", "2025-08-16", "411649", "official", "range"),
        "returns_since_2024_12_08_sozcu_557702": ("returns_since_2024_12_08", "dgmm", "2026-01-03", "557702", "reported", "range"),
    }
    # sorted by indicator, then the day each observation refers to
    ordered = [r for r in series.values() if r["indicator"] == "returns_since_2024_12_08"]
    assert [r["reference_date"] for r in ordered] == sorted(r["reference_date"] for r in ordered)


def test_the_557702_count_is_an_anomaly_against_578000(built_root):
    anomaly = rows(built_root, "anomalies", "anomaly_id")["cumulative_decrease:returns_since_2024_12_08_sozcu_557702"]
    assert (anomaly["value"], anomaly["period_end"], anomaly["other_observation_id"], anomaly["other_value"],
            anomaly["other_period_end"]) == ("557702", "2026-01-03", "returns_since_2024_12_08_yerlikaya_578000", "578000", "2025-12-08")


def _with_facts(tables: dict, *changes: dict) -> dict:
    facts = tables["facts"]
    template = facts[facts["fact_id"] == "returns_since_2024_12_08_dgmm_411649"].iloc[0].to_dict()
    extra = pd.DataFrame([template | change for change in changes])
    return tables | {"facts": pd.concat([facts, extra.astype(facts.dtypes.to_dict())], ignore_index=True)}


def test_two_sources_disagreeing_on_one_day_make_one_discrepancy_with_every_value(tables):
    other = tables["sources"]["source_id"].iloc[0]
    views = view_frames(_with_facts(tables, {"fact_id": "synthetic_other_source_411000", "value": 411000.0,
                                             "source_id": other, "series": "stated_figure"}))
    found = views["discrepancies"]
    row = found[found["discrepancy_id"] == "returns_since_2024_12_08|SY;TR|2024-12-08|2025-08-16"].iloc[0]
    assert (row["n_values"], row["n_sources"], row["min_value"], row["max_value"], row["spread_pct"], row["series"]) == (
        2, 2, 411000.0, 411649.0, 0.16, "dgmm;stated_figure")
    assert row["observations"] == (f"synthetic_other_source_411000 = 411000.0 (stated_figure, {other}); "
                                   "returns_since_2024_12_08_dgmm_411649 = 411649.0 (dgmm, 112_e14d3c6f98306412)")


def test_one_source_giving_several_values_for_a_period_is_a_breakdown_not_a_discrepancy(tables):
    views = view_frames(_with_facts(tables, {"fact_id": "synthetic_same_source_part", "value": 1000.0}))
    assert not views["discrepancies"]["observations"].str.contains("synthetic_same_source_part").any()


def test_a_stock_jump_and_a_province_above_its_country_are_anomalies(tables):
    facts = tables["facts"]
    stock = facts[facts["fact_id"] == "syrians_under_temporary_protection_dgmm_2025_06_05"].iloc[0].to_dict()
    extra = pd.DataFrame([
        stock | {"fact_id": "synthetic_stock_jump", "value": 3_000_000.0, "period_start": "2025-06-20", "period_end": "2025-06-20"},
        stock | {"fact_id": "synthetic_istanbul_above_country", "value": 2_800_000.0, "geography": "TR-34"},
    ]).astype(facts.dtypes.to_dict())
    views = view_frames(tables | {"facts": pd.concat([facts, extra], ignore_index=True)})
    anomalies = views["anomalies"].set_index("anomaly_id")
    jump = anomalies.loc["stock_jump:synthetic_stock_jump"]
    assert (jump["other_observation_id"], jump["other_value"]) == ("syrians_under_temporary_protection_dgmm_2025_06_05", 2699787.0)
    part = anomalies.loc["part_above_whole:synthetic_istanbul_above_country"]
    assert (part["other_observation_id"], part["other_value"]) == ("syrians_under_temporary_protection_dgmm_2025_06_05", 2699787.0)


def test_the_views_are_live_in_the_database_and_equal_the_published_files(built_root):
    import duckdb

    con = duckdb.connect(str(built_root / "data" / "turkey_syria.duckdb"), read_only=True)
    try:
        kinds = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables "
                                 "WHERE table_name IN ('series', 'discrepancies', 'anomalies')").fetchall())
        assert kinds == {"series": "VIEW", "discrepancies": "VIEW", "anomalies": "VIEW"}
        for name in kinds:
            live = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            parquet = con.execute(f"SELECT count(*) FROM read_parquet('{built_root / 'data' / 'parquet' / f'{name}.parquet'}')").fetchone()[0]
            with (built_root / "data" / f"{name}.csv").open(encoding="utf-8") as fh:
                published = sum(1 for _ in csv.DictReader(fh))
            assert live == parquet == published, name
    finally:
        con.close()


def test_the_page_shows_series_discrepancies_and_anomalies(built_root):
    page = (built_root / "site" / "index.html").read_text(encoding="utf-8")
    for section in ('id="series"', 'id="discrepancies"', 'id="anomalies"'):
        assert section in page
    anomalies = page[page.index('id="anomalies"'):page.index('id="headline-figures"')]
    assert "cumulative_decrease" in anomalies and "557,702" in anomalies


def test_the_pace_query_steps_between_consecutive_dgmm_statements(built_root):
    from pipelines.paths import REPO_ROOT
    from pipelines.query.examples import read_queries
    from pipelines.query.sql import run_query

    query = next(q for q in read_queries(REPO_ROOT / "queries") if q.name == "08_returns_pace")
    result = run_query(built_root / "data" / "turkey_syria.duckdb", query.sql)
    steps = {r[-1]: dict(zip(result.columns, r)) for r in result.rows}
    step = steps["returns_since_2024_12_08_yerlikaya_450169"]
    assert (step["previous_fact_id"], step["returns_between"], step["days"]) == (
        "returns_since_2024_12_08_dgmm_411649", 38520.0, 13)
