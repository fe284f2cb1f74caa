"""Published values of the late reconstruction / energy / transport reports (corpus 51, 52, 54-60, 63 = sources
151, 152, 154-160, 163): deal values stay in USD as written, planned capacities are targets, approximate and bounded
figures keep their qualifier and bound, dates inferred from "Wednesday" or "last May" say so. Never a count of rows."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest


def rows(root: Path, table: str, key: str) -> dict[str, dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {r[key]: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def facts(built_root):
    return rows(built_root, "facts", "fact_id")


@pytest.fixture(scope="module")
def events(built_root):
    return rows(built_root, "events", "event_id")


def core(row: dict) -> tuple:
    return (row["value"], row["unit"], row["approx"], row["qualifier"], row["lower"], row["upper"],
            row["period_start"], row["period_end"], row["period_precision"], row["series"], row["claim_status"],
            row["flags"], row["attributed_to"])


@pytest.mark.parametrize("fact_id, expected", [
    # 51: the $4 bn airport deal signed on Wednesday 6 August 2025, the $14 bn ceremony total, the May $7 bn energy deal
    ("deal_value_damascus_airport_2025_08_06",
     ("4000000000", "USD", "false", "", "", "", "2025-08-06", "2025-08-06", "day", "stated_figure", "reported", "", "")),
    ("deal_value_damascus_ceremony_agreements_2025_08_06",
     ("14000000000", "USD", "false", "", "", "", "2025-08-06", "2025-08-06", "day", "stated_figure", "reported", "", "")),
    ("deal_value_energy_consortium_strategic_2025_05",
     ("7000000000", "USD", "false", "", "", "", "2025-05-01", "2025-05-31", "month", "stated_figure", "reported", "", "")),
    ("electricity_generation_expected_sy_energy_agreement_151",
     ("35000000000", "kilowatt-hours per year", "true", "approximately", "", "", "", "", "unknown", "stated_figure",
      "reported", "", "")),
    # 54: "up to 2 billion" cubic metres a year is an upper bound
    ("gas_pipeline_capacity_tr_sy_annual_kilis_aleppo_154",
     ("2000000000", "cubic metres per year", "true", "up to", "", "2000000000", "2025-08-02", "2025-08-02", "day",
      "stated_figure", "official", "", "alparslan_bayraktar")),
    # 55: 281 MW now, about 900 MW by the first quarter of 2026 (a target)
    ("electricity_export_capacity_tr_to_sy_2025_08_15",
     ("281", "MW", "false", "", "", "", "2025-08-15", "2025-08-15", "day", "stated_figure", "official", "",
      "alparslan_bayraktar")),
    ("electricity_export_capacity_tr_to_sy_target_900mw_2026q1_155",
     ("900", "MW", "true", "about", "", "", "2026-01-01", "2026-03-31", "quarter", "stated_figure", "official", "",
      "alparslan_bayraktar")),
    # 56: 210 MW in January 2025
    ("electricity_export_capacity_tr_to_sy_2025_01_10",
     ("210", "MW", "false", "", "", "", "2025-01-10", "2025-01-10", "day", "stated_figure", "official", "",
      "alparslan_bayraktar")),
    # 57: over 800 MW within 2026 is a lower bound; seven lines (eight points in August)
    ("electricity_export_capacity_tr_to_sy_target_800mw_2026",
     ("800", "MW", "true", "üzerine", "800", "", "2026-01-01", "2026-12-31", "year", "stated_figure", "official", "",
      "alparslan_bayraktar")),
    ("electricity_interconnection_points_tr_sy_2025_10_07",
     ("7", "connection points", "false", "", "", "", "2025-10-07", "2025-10-07", "day", "stated_figure", "official",
      "", "alparslan_bayraktar")),
    # 57: the seven lines by voltage, "üçü iletim, dördü dağıtım" (three transmission, four distribution)
    ("electricity_interconnection_lines_tr_sy_transmission_voltage_2025_10_07",
     ("3", "connection points", "false", "", "", "", "2025-10-07", "2025-10-07", "day", "stated_figure", "official",
      "", "alparslan_bayraktar")),
    ("electricity_interconnection_lines_tr_sy_distribution_voltage_2025_10_07",
     ("4", "connection points", "false", "", "", "", "2025-10-07", "2025-10-07", "day", "stated_figure", "official",
      "", "alparslan_bayraktar")),
    # 58, 59, 60: railway financing need, line length, Ro-Ro frequency
    ("project_financing_need_gaziantep_aleppo_railway",
     ("120000000", "USD", "false", "", "", "", "2025-08-23", "2025-08-23", "day", "stated_figure", "official", "",
      "abdulkadir_uraloglu")),
    ("railway_line_length_karkamis_nusaybin_total",
     ("350", "km", "false", "", "", "", "2025-12-08", "2025-12-08", "day", "stated_figure", "official", "",
      "abdulkadir_uraloglu")),
    ("ferry_service_frequency_mersin_tartus_roro",
     ("3", "trips per week", "false", "", "", "", "2025-04-21", "", "unknown", "stated_figure", "reported", "",
      "dolphin_shipping")),
    # 52: "over 31 million" in a decade (lower bound, no date), "around $4 billion" in USD, not the lira conversion
    ("damascus_airport_passenger_capacity_target_over_31m_decade",
     ("31000000", "passengers per year", "true", "over", "31000000", "", "", "", "unknown", "stated_figure",
      "reported", "", "")),
    ("deal_value_damascus_airport_modernization_2025_11",
     ("4000000000", "USD", "true", "around", "", "", "2025-11-27", "2025-11-27", "day", "stated_figure", "reported",
      "", "")),
    ("damascus_airport_passengers_expected_end_2026",
     ("6000000", "passengers per year", "false", "", "", "", "", "2026-12-31", "year", "stated_figure", "reported",
      "", "")),
    # 63: a weak aggregator's copy of the minister's "about $300 billion"
    ("infrastructure_investment_need_sy_bayraktar_163",
     ("300000000000", "USD", "true", "yaklaşık", "", "", "2026-02-07", "2026-02-07", "day", "stated_figure",
      "official", "weak_aggregator_copy", "alparslan_bayraktar")),
])
def test_fact_published_exactly(facts, fact_id, expected):
    assert core(facts[fact_id]) == expected


def test_lira_conversion_is_not_a_fact(facts):
    rows_52 = [r for r in facts.values() if r["source_id"] == "152_7124d57c8f66d316"]
    assert all(r["unit"] != "TRY" and r["value"] != "169930000000" for r in rows_52)


@pytest.mark.parametrize("event_id, expected", [
    ("damascus_airport_deal_signed_2025_08_06", ("2025-08-06", "2025-08-06", "day", "true", "completed", "agreement")),
    ("energy_consortium_strategic_agreement_2025_05", ("2025-05-01", "2025-05-31", "month", "true", "completed",
                                                       "agreement")),
    ("karkamis_nusaybin_railway_opening_2026q1", ("2026-01-01", "2026-03-31", "unknown", "false", "planned", "plan")),
    ("mersin_tartus_roro_first_trip_2025_04_21", ("2025-04-21", "2025-04-21", "day", "false", "planned", "plan")),
])
def test_event_published_exactly(events, event_id, expected):
    r = events[event_id]
    assert (r["date_start"], r["date_end"], r["date_precision"], r["date_inferred"], r["status"],
            r["event_type"]) == expected
