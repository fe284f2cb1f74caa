"""Published trade values of corpus 30, 46 and 48 (sources 130, 146, 148) and the 2024 exports
discrepancy across statistical series: every series side by side, never averaged."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest


def rows(root: Path, table: str, key: str) -> dict[str, dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {r[key]: r for r in csv.DictReader(fh)}


@pytest.mark.parametrize("fact_id, expected", [
    ("exports_tr_to_sy_2024_tuik_yenicag", ("exports_tr_to_sy_calendar_year", "tuik_general_trade", "1507952000", "USD")),
    ("exports_tr_to_sy_2024_country_profile_yenicag", ("exports_tr_to_sy_calendar_year", "trade_ministry_country_profile", "2183000000", "USD")),
    ("exports_tr_to_sy_2024_country_profile_bolat", ("exports_tr_to_sy_calendar_year", "trade_ministry_country_profile", "2200000000", "USD")),
    ("imports_tr_from_sy_2024_tuik_yenicag", ("imports_tr_from_sy_calendar_year", "tuik_general_trade", "263555000", "USD")),
    ("trade_volume_tr_sy_2025_bolat_3_7bn", ("trade_volume_tr_sy_calendar_year", "trade_ministry_statements", "3700000000", "USD")),
])
def test_named_trade_facts(built_root, fact_id, expected):
    row = rows(built_root, "facts", "fact_id")[fact_id]
    assert (row["indicator"], row["series"], row["value"], row["unit"]) == expected


def test_2024_exports_show_every_series_side_by_side(built_root):
    found = rows(built_root, "discrepancies", "discrepancy_id")["exports_tr_to_sy_calendar_year|SY;TR|2024-01-01|2024-12-31"]
    assert (found["min_value"], found["max_value"], found["spread_pct"]) == ("1507952000", "2200000000", "45.89")
    assert set(found["series"].split(";")) >= {"tuik_general_trade", "tim_exporters", "trade_ministry_country_profile"}
    for fact_id in ("exports_tr_to_sy_2024_tuik_yenicag", "exports_tr_to_sy_2024_tim_kuna",
                    "exports_tr_to_sy_2024_country_profile_yenicag", "exports_tr_to_sy_2024_country_profile_bolat"):
        assert fact_id in found["observations"]


def test_the_fta_claims_stay_separate_events(built_root):
    events = rows(built_root, "events", "event_id")
    assert (events["fta_tr_sy_suspended_2011_bolat"]["date_start"], events["fta_tr_sy_suspended_2011_bolat"]["date_precision"],
            events["fta_tr_sy_suspended_2011_bolat"]["claim_status"]) == ("2011-01-01", "year", "official")


def test_the_fta_status_is_contested_claim_by_claim(built_root):
    with (built_root / "data" / "contested_events.csv").open(encoding="utf-8", newline="") as fh:
        claims = {r["event_id"]: (r["subject"], r["status"], r["claim_status"]) for r in csv.DictReader(fh)}
    assert claims["free_trade_agreement_reactivated"] == ("tr_sy_fta_current_status", "reported", "reported")
    assert claims["tr_sy_cepa_proposed_to_replace_fta_2025_08"] == ("tr_sy_fta_current_status", "planned", "official")
    assert claims["tr_sy_fta_renewal_negotiations_agreed_2025_01_ministry"] == ("tr_sy_fta_current_status", "completed", "official")
    assert claims["fta_tr_sy_expired_2011_ministry"] == ("tr_sy_fta_suspension_2011", "completed", "official")
