"""Published reconstruction and energy values of corpus 53 and 61 (sources 153, 161): named facts and
events with exact values, bounds, periods and series."""
from __future__ import annotations

import csv
from pathlib import Path


def rows(root: Path, table: str, key: str) -> dict[str, dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {r[key]: r for r in csv.DictReader(fh)}


def test_the_world_bank_estimate_keeps_its_range_and_its_period(built_root):
    row = rows(built_root, "facts", "fact_id")["reconstruction_cost_sy_world_bank_best_estimate"]
    assert (row["indicator"], row["series"], row["value"], row["lower"], row["upper"], row["period_start"],
            row["period_end"], row["flags"]) == ("reconstruction_cost_sy", "world_bank_damage_assessment", "216000000000",
                                                 "140000000000", "345000000000", "2011-01-01", "2024-12-31", "secondary_report")


def test_infrastructure_damage_is_part_of_the_physical_damage(built_root):
    facts = rows(built_root, "facts", "fact_id")
    assert (facts["physical_damage_sy_infrastructure_world_bank"]["value"],
            facts["physical_damage_sy_infrastructure_world_bank"]["part_of"]) == ("52000000000", "physical_damage_sy_world_bank")


def test_nearly_one_third_is_a_bound_read_by_a_person(built_root):
    row = rows(built_root, "facts", "fact_id")["capital_stock_damaged_share_world_bank"]
    assert (row["approx"], row["qualifier"], row["flags"]) == ("true", "nearly", "extractor_override;secondary_report")
    issue = rows(built_root, "extractor_issues", "fact_id")["capital_stock_damaged_share_world_bank"]
    assert (issue["span_text"], issue["check"]) == ("nearly one-third", "words")


def test_the_7bn_energy_deal_is_an_event_with_its_amount(built_root):
    event = rows(built_root, "events", "event_id")["energy_consortium_final_agreement_2025_11_06"]
    assert (event["date_start"], event["date_precision"], event["date_inferred"], event["status"]) == (
        "2025-11-06", "day", "true", "completed")
    deal = rows(built_root, "facts", "fact_id")["deal_value_energy_consortium_final_2025_11_06"]
    assert (deal["value"], deal["unit"]) == ("7000000000", "USD")
    assert rows(built_root, "reconstruction", "event_id")["energy_consortium_final_agreement_2025_11_06"]["asset_type"] == "power_plant"
