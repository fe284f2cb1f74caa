"""The views series, discrepancies and anomalies on synthetic facts: exact rows for each rule, and the
cases each rule must leave alone. The real rows are pinned in test_views_real.py."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipelines.publish.database import read_views, write_database
from pipelines.publish.validate import validate_views
from tests.test_charts import S0, S3, _fact, sample_tables, validated


def _obs(fact_id, indicator, value, end, *, series="dgmm", start=None, source=S3, precision="day", geography="SY;TR",
         **kw):
    lower = kw.pop("lower", None)
    row = _fact(fact_id, indicator, value, **kw)
    return row | {"lower": lower, "series": series, "source_id": source, "period_start": start, "period_end": end,
                  "period_precision": precision, "geography": geography, "part_of": None, "label": indicator,
                  "period_basis": None if precision not in ("range", "unknown") else "synthetic"}


def _views(tmp_path: Path, facts: list[dict], indicators_extra: list[dict] = ()) -> dict[str, pd.DataFrame]:
    tables = sample_tables()
    tables["facts"] = pd.DataFrame(facts, columns=list(tables["facts"].columns))
    tables["returns"] = tables["returns"].iloc[0:0]
    tables["mentions"] = tables["mentions"].iloc[0:0]
    tables = validated(tables)
    write_database(tables, tmp_path / "t.duckdb")
    return validate_views(read_views(tmp_path / "t.duckdb"))


CUM = "returns_since_2024_12_08"
TP = "syrians_under_temporary_protection"
EXPORTS = "exports_tr_to_sy_calendar_year"


@pytest.fixture(scope="module")
def views(tmp_path_factory):
    since = "2024-12-08"
    facts = [
        # a running count that falls: 557,702 after 578,000 (same series) is an anomaly; a stated_figure lower
        # than a dgmm count is another series and is not; an approximate "more than" figure is not either
        _obs("c1", CUM, 500000, "2025-10-01", start=since),
        _obs("c2", CUM, 578000, "2025-12-08", start=since, precision="range"),
        _obs("c3", CUM, 557702, "2026-01-03", start=since, precision="range"),
        _obs("c4", CUM, 400000, "2026-01-10", start=since, series="stated_figure"),
        _obs("c5", CUM, 570000, "2026-01-20", start=since, approx=True, qualifier="more than", lower=570000),
        # a part above its whole from another source: 600,000 Hatay returns by 2025-10-01 vs 500,000 in all
        _obs("h1", "returns_permanent_via_hatay", 600000, "2025-09-30", start=since, source=S0, series="customs_gate_statistics"),
        # a stock falling 100,000 in 10 days, faster than returns ever rose (78,000 in 68 days, the fastest pace)
        _obs("s1", TP, 2600000, "2025-09-20", start="2025-09-20"),
        _obs("s2", TP, 2500000, "2025-09-30", start="2025-09-30"),
        # a stock falling slowly, and another place's stock far below: neither is an anomaly
        _obs("s3", TP, 2490000, "2025-12-31", start="2025-12-01", precision="month"),
        _obs("s4", TP, 469142, "2025-12-31", start="2025-12-31", geography="TR-34"),
        # 2024 exports in three series: a discrepancy; two equal figures alone would not be one
        _obs("e1", EXPORTS, 2200000000, "2024-12-31", start="2024-01-01", series="tuik", precision="year", unit="USD",
             category="trade"),
        _obs("e2", EXPORTS, 2400000000, "2024-12-31", start="2024-01-01", series="tim", precision="year", unit="USD",
             category="trade", source=S0),
        _obs("e3", EXPORTS, 2300000000, "2024-12-31", start="2024-01-01", series="stated_figure", precision="year",
             unit="USD", category="trade", approx=True, qualifier="about"),
        # a whole year stated in a source that may have been published in that year (S3: from 2025-02-11)
        _obs("e4", EXPORTS, 1000000000, "2025-12-31", start="2025-01-01", series="stated_figure", precision="year",
             unit="USD", category="trade"),
    ]
    return _views(tmp_path_factory.mktemp("views"), facts)


def test_series_is_every_fact_by_indicator_then_date(views):
    series = views["series"]
    cum = series[series["indicator"] == CUM]
    assert list(cum["fact_id"]) == ["c1", "c2", "c3", "c4", "c5"]
    c3 = series.set_index("fact_id").loc["c3"]
    assert (c3["ref_date"], c3["period_start"], c3["period_precision"], c3["value"], c3["measure_type"]) == \
        ("2026-01-03", "2024-12-08", "range", 557702.0, "cumulative")
    assert c3["indicator_label"] == "Returns to Syria since 8 December 2024"
    assert c3["published_earliest"] == "2025-02-11"


def test_discrepancy_of_2024_exports_names_every_series(views):
    d = views["discrepancies"]
    assert list(d["discrepancy_id"]) == [f"{EXPORTS}@SY;TR@2024-01-01..2024-12-31"]
    row = d.iloc[0]
    assert (row["n_observations"], row["n_values"], row["min_value"], row["max_value"], row["spread_pct"]) == \
        (3, 3, 2.2e9, 2.4e9, 9.09)
    assert row["series_list"] == "stated_figure;tim;tuik"
    assert row["observations"] == (f"tuik: 2,200,000,000 (e1, {S3}); stated_figure: 2,300,000,000 (e3, {S3}); "
                                   f"tim: 2,400,000,000 (e2, {S0})")
    assert row["fact_ids"] == "e1;e3;e2"


def test_anomalies_exact_rows(views):
    a = views["anomalies"].set_index("anomaly_id")
    assert sorted(a.index) == sorted([
        "cumulative_decrease:c3:c2",
        "final_before_period_end:e4:",
        "part_above_whole:h1:c4",  # the whole it exceeds most: 400,000 (c4)
        "stock_outpaces_flows:s2:s1",
    ])
    row = a.loc["cumulative_decrease:c3:c2"]
    assert (row["value"], row["other_value"], row["ref_date"], row["other_ref_date"]) == (557702.0, 578000.0, "2026-01-03", "2025-12-08")
    assert row["detail"] == ("c3 (557,702, as of 2026-01-03) is lower than the earlier count c2 (578,000, as of "
                             "2025-12-08) of the same series dgmm")
    stock = a.loc["stock_outpaces_flows:s2:s1"]
    assert stock["detail"] == ("s2 (2,500,000, 2025-09-30) is 100,000 below s1 over 10 days: 10,000 a day, faster than "
                               "the fastest pace of returns_since_2024_12_08, 1,147 a day (to c2)")
    assert a.loc["part_above_whole:h1:c4", "other_indicator"] == CUM
    assert pd.isna(a.loc["final_before_period_end:e4:", "other_fact_id"])


def test_no_facts_no_rows(tmp_path):
    views = _views(tmp_path, [])
    assert all(len(frame) == 0 for frame in views.values())


def test_contested_events_side_by_side(tmp_path):
    from tests.test_charts import _event

    tables = sample_tables()
    events = tables["events"].copy()
    events.loc[events["event_id"] == "fta_reactivated", "subject"] = "tr_sy_free_trade_agreement"
    # the same source's other claim, and another source agreeing in status, would not make a subject contested alone
    renewal = _event("fta_renewal_talks", "trade", "agreement", "2025-03-09", "2025-03-09", "day",
                     "Ministers agree to negotiate the renewal of the Free Trade Agreement", status="planned", source=S0)
    airport = _event("airport_again", "infrastructure", "inspection", None, None, "unknown", "Airports inspected",
                     basis="none", source=S0)
    events = pd.concat([events, pd.DataFrame([renewal | {"subject": "tr_sy_free_trade_agreement"},
                                              airport | {"subject": "damascus_airport_inspection"}])], ignore_index=True)
    events.loc[events["event_id"] == "airport_inspections", "subject"] = "damascus_airport_inspection"
    tables["events"] = events
    tables = validated(tables)
    write_database(tables, tmp_path / "t.duckdb")
    contested = validate_views(read_views(tmp_path / "t.duckdb"))["contested_events"]
    assert contested[["subject", "event_id", "source_id", "status", "claim_status", "n_sources"]].values.tolist() == [
        ["tr_sy_free_trade_agreement", "fta_reactivated", S3, "reported", "reported", 2],
        ["tr_sy_free_trade_agreement", "fta_renewal_talks", S0, "planned", "official", 2],
    ]
