"""Published trade values of corpus 29, 31, 32, 34, 35, 37, 38, 39, 40, 42, 43, 47, 49 and 50 (sources 129–150):
each series kept apart (GAİB, TİM, the trade ministry's statements, unnamed compilers), bounds and ranges kept as
written, and the FTA claims (suspended, expired, replaced) kept as separate events."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

FACT_COLUMNS = ("indicator", "series", "value", "approx", "qualifier", "lower", "upper",
                "period_start", "period_end", "period_precision", "claim_status", "flags", "attributed_to")
EVENT_COLUMNS = ("event_type", "date_start", "date_end", "date_precision", "status", "claim_status")


def rows(root: Path, table: str, key: str) -> dict[str, dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {r[key]: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def facts(built_root):
    return rows(built_root, "facts", "fact_id")


@pytest.fixture(scope="module")
def events(built_root):
    return rows(built_root, "events", "event_id")


@pytest.mark.parametrize("fact_id, expected", [
    ("exports_tr_to_sy_2025_h1_dunya", ("exports_tr_to_sy_over_period", "stated_figure", "1506000000", "false", "", "", "",
                                        "2025-01-01", "2025-06-30", "month", "reported", "", "")),
    ("exports_gaib_to_sy_2025_jan_apr_aa", ("exports_region_to_sy_over_period", "gaib_exporters", "669670000", "false", "", "", "",
                                            "2025-01-01", "2025-04-30", "month", "official", "secondary_report", "gaib")),
    ("exports_gaib_to_sy_growth_2025_jan_apr_aa", ("exports_region_to_sy_growth", "gaib_exporters", "36.7", "false", "", "", "",
                                                   "2025-01-01", "2025-04-30", "month", "official", "secondary_report", "gaib")),
    ("exports_tr_to_sy_growth_2024_12_08_2025_08_17_ministry", ("exports_tr_to_sy_growth", "trade_ministry_statements", "54.31", "false",
                                                                "", "", "", "2024-12-08", "2025-08-17", "day", "official", "",
                                                                "tr_ministry_of_trade")),
    ("exports_tr_to_sy_2024_agar", ("exports_tr_to_sy_calendar_year", "trade_ministry_statements", "1950000000", "false", "", "", "",
                                    "2024-01-01", "2024-12-31", "year", "official", "", "ozgur_volkan_agar")),
    ("exports_tr_to_sy_2025_ytd_dec_agar", ("exports_tr_to_sy_over_period", "trade_ministry_statements", "3000000000", "true", "aştığını",
                                            "3000000000", "", "2025-01-01", "2025-12-24", "range", "official", "", "ozgur_volkan_agar")),
    ("trade_volume_tr_sy_2025_jan_jul_bolat_hdn", ("trade_volume_tr_sy_over_period", "trade_ministry_statements", "1900000000", "false",
                                                   "", "", "", "2025-01-01", "2025-07-31", "month", "official", "", "omer_bolat")),
    ("active_customs_gates_tr_sy_2025_08_bolat", ("active_customs_gates_tr_sy", "trade_ministry_statements", "7", "false", "", "", "",
                                                  "", "2025-08-05", "range", "official", "", "omer_bolat")),
    ("trade_volume_tr_sy_before_2011_ozcorekci", ("trade_volume_tr_sy_calendar_year", "stated_figure", "250000000", "true", "",
                                                  "250000000", "300000000", "", "2010-12-31", "unknown", "official",
                                                  "contradicts_other_sources", "ibrahim_fuat_ozcorekci")),
    ("trade_volume_tr_sy_target_10bn_ozcorekci", ("trade_volume_tr_sy_target", "stated_figure", "10000000000", "false", "", "", "",
                                                  "2025-01-14", "", "unknown", "official", "", "ibrahim_fuat_ozcorekci")),
    ("exports_tr_to_sy_2025_over_2_5bn_aa_sondakika", ("exports_tr_to_sy_calendar_year", "tim_exporters", "2500000000", "true", "aştı",
                                                       "2500000000", "", "2025-01-01", "2025-12-31", "year", "reported", "", "tim")),
    ("exports_tr_to_sy_cereals_2025_aa_sondakika", ("exports_tr_to_sy_sector_calendar_year", "tim_exporters", "700000000", "true",
                                                    "yaklaşık", "", "", "2025-01-01", "2025-12-31", "year", "reported", "", "tim")),
    ("border_gate_passengers_tr_sy_2025_aa", ("border_gate_passengers_tr_sy_calendar_year", "customs_gate_statistics", "2300000", "true",
                                              "yaklaştı", "", "2300000", "2025-01-01", "2025-12-31", "year", "reported", "", "")),
    ("cobanbey_gate_site_area_total_project_2025_11", ("border_gate_site_area", "stated_figure", "126", "false", "", "", "",
                                                       "", "2025-11-12", "range", "reported", "", "")),
])
def test_named_late_trade_facts(facts, fact_id, expected):
    assert tuple(facts[fact_id][c] for c in FACT_COLUMNS) == expected


@pytest.mark.parametrize("event_id, expected", [
    ("sy_import_restriction_agri_chicken_august_2025", ("policy_change", "2025-07-27", "2025-07-27", "day", "completed", "official")),
    ("tr_sy_cepa_proposed_to_replace_fta_2025_08", ("agreement", "2025-08-01", "2025-08-05", "unknown", "planned", "official")),
    ("fta_tr_sy_suspended_2011_azernews", ("agreement", "2011-01-01", "2011-12-31", "year", "completed", "reported")),
    ("fta_tr_sy_expired_2011_ministry", ("agreement", "2011-01-01", "2011-12-31", "year", "completed", "official")),
    ("circular_2021_12_exports_transit_to_sy_free", ("policy_change", "2021-01-01", "2021-04-04", "unknown", "completed", "official")),
    ("tr_lifts_restrictions_on_syrian_exports_transit_2025_02_xinhua", ("policy_change", "2025-02-11", "2025-02-11", "day", "completed", "reported")),
    ("tr_sy_transit_liberalisation_agreement_2025_06_28", ("agreement", "2025-06-28", "2025-06-28", "day", "completed", "official")),
    ("cilvegozu_oncupinar_24h_transit_from_2025_08", ("policy_change", "2025-08-28", "2025-08-29", "unknown", "planned", "official")),
    ("sy_closes_hammam_ras_al_ayn_gates_2026_02", ("policy_change", "2026-02-01", "2026-02-28", "month", "planned", "official")),
])
def test_named_late_trade_events(events, event_id, expected):
    assert tuple(events[event_id][c] for c in EVENT_COLUMNS) == expected


def test_2025_exports_keep_the_ministry_and_tim_apart(facts):
    """Ağar's 'over $3 billion' and TİM's 'over $2.5 billion' stay two rows of two series, never averaged."""
    ministry, tim = facts["exports_tr_to_sy_2025_ytd_dec_agar"], facts["exports_tr_to_sy_2025_over_2_5bn_aa_sondakika"]
    assert (ministry["series"], tim["series"]) == ("trade_ministry_statements", "tim_exporters")
    assert (ministry["value"], tim["value"]) == ("3000000000", "2500000000")
