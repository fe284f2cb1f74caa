"""Published values of the Arabic corpus reports coded so far (corpus 28, 33, 36, 45, 64, 66 = sources 128,
133, 136, 145, 164, 166). Each test names facts and asserts what the build publishes for them: value, unit, approximation,
period, series, claim status, flags, and that the quote is the verbatim Arabic text. Never a count of rows."""
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


def dates(row: dict) -> tuple[str, str, str, str]:
    return row["date_start"], row["date_end"], row["date_precision"], row["date_inferred"]


def period(row: dict) -> tuple[str, str, str]:
    return row["period_start"], row["period_end"], row["period_precision"]


def bounds(row: dict) -> tuple[str, str, str, str]:
    return row["approx"], row["qualifier"], row["lower"], row["upper"]


# -- 45 KUNA: TİM's exact 2025 and 2024 totals, written in Arabic words ----------------------------

def test_kuna_tim_2025_exports_are_exact_to_the_thousand(facts):
    fact = facts["exports_tr_to_sy_2025_tim_kuna"]
    assert fact["source_id"].startswith("145_")
    assert (fact["indicator"], fact["series"], float(fact["value"]), fact["unit"]) == (
        "exports_tr_to_sy_calendar_year", "tim_exporters", 2568362000.0, "USD")
    assert bounds(fact) == ("false", "", "", "")
    assert period(fact) == ("2025-01-01", "2025-12-31", "year")
    assert (fact["claim_status"], fact["attributed_to"], fact["flags"]) == ("official", "tim", "secondary_report")
    assert fact["quote"] == "بلغ مليارين و568 مليونا و362 ألف دولار خلال عام 2025"
    base = facts["exports_tr_to_sy_2024_tim_kuna"]
    assert (float(base["value"]), base["series"]) == (1514101000.0, "tim_exporters")
    assert period(base) == ("2024-01-01", "2024-12-31", "year")


def test_kuna_decimal_with_arabic_ra_reads_as_69_6_percent(facts):
    fact = facts["exports_tr_to_sy_growth_2025_tim_kuna"]
    assert (fact["indicator"], float(fact["value"]), fact["unit"]) == ("exports_tr_to_sy_growth", 69.6, "percent")
    assert fact["quote"] == "محققا زيادة بنسبة 6ر69 بالمئة"
    assert period(fact) == ("2025-01-01", "2025-12-31", "year")


# -- 36 Marhaba (Anadolu copy): GAİB regional series, not Türkiye's exports ------------------------

def test_gaib_january_2025_is_regional_month_from_a_weak_aggregator(facts):
    fact = facts["exports_gaib_to_sy_2025_01_mar7aba"]
    assert fact["source_id"].startswith("136_")
    assert (fact["indicator"], fact["series"], float(fact["value"]), fact["unit"]) == (
        "exports_region_to_sy_over_period", "gaib_exporters", 67574000.0, "USD")
    assert period(fact) == ("2025-01-01", "2025-01-31", "month")
    assert (fact["claim_status"], fact["attributed_to"], fact["flags"]) == ("official", "gaib", "weak_aggregator_copy")
    base = facts["exports_gaib_to_sy_2024_01_mar7aba"]
    assert (float(base["value"]), period(base)) == (50458000.0, ("2024-01-01", "2024-01-31", "month"))
    growth = facts["exports_gaib_to_sy_growth_2025_01_mar7aba"]
    assert (growth["indicator"], float(growth["value"]), growth["series"]) == ("exports_region_to_sy_growth", 34.0, "gaib_exporters")


# -- 64 Sada al-Furat / 66 Alsoury: copies of the minister's NTV interview -------------------------

def test_ntv_interview_35114_dated_monday_30_december(facts):
    fact = facts["returns_since_2024_12_08_yerlikaya_ntv_2024_12_30"]
    assert fact["source_id"].startswith("164_")
    assert (fact["indicator"], fact["series"], float(fact["value"])) == ("returns_since_2024_12_08", "dgmm", 35114.0)
    assert period(fact) == ("2024-12-08", "2024-12-30", "day")
    assert (fact["claim_status"], fact["attributed_to"], fact["flags"]) == ("official", "ali_yerlikaya", "weak_aggregator_copy")
    assert "35 ألفاً و114" in fact["quote"] and "35,113" in fact["notes"]
    since_2017 = facts["returns_since_2016_yerlikaya_ntv_2024_12_30"]
    assert (since_2017["indicator"], float(since_2017["value"])) == ("returns_since_2016", 775114.0)
    assert period(since_2017) == ("2016-01-01", "2024-12-30", "day")
    assert "2017" in since_2017["period_basis"]


def test_alsoury_copy_keeps_its_undated_figures_undated(facts):
    returns = facts["returns_since_2024_12_08_yerlikaya_alsoury_21_days"]
    assert (float(returns["value"]), period(returns)) == (35114.0, ("2024-12-08", "", "unknown"))
    stock = facts["syrians_under_tp_yerlikaya_alsoury_2905349"]
    assert stock["source_id"].startswith("166_")
    assert (stock["indicator"], stock["series"], float(stock["value"]), stock["unit"]) == (
        "syrians_under_temporary_protection", "dgmm", 2905349.0, "people")
    assert bounds(stock) == ("false", "", "", "")
    assert period(stock) == ("", "", "unknown")
    assert (stock["claim_status"], stock["flags"]) == ("official", "weak_aggregator_copy")
    assert stock["quote"] == "أكد وجود 2,905,349 سوريًا في تركيا تحت نظام الحماية المؤقتة"


# -- 28 Elaph: the 2011 FTA suspension, this source's (reported) claim -----------------------------

def test_elaph_fta_suspension_is_a_reported_claim_dated_by_last_week(events):
    event = events["sy_suspends_fta_with_tr_2011_elaph"]
    assert event["source_id"].startswith("128_")
    assert (event["event_type"], event["status"], event["claim_status"]) == ("agreement", "completed", "reported")
    assert dates(event) == ("2011-11-21", "2011-12-25", "unknown", "true")
    assert event["actors"] == "sy_assad_government"
    assert "الأسبوع الماضي" in event["quote"]
    assert dates(events["tr_sy_fta_concluded_2004_elaph"]) == ("2004-01-01", "2004-12-31", "year", "false")


def test_elaph_2010_trade_is_a_stated_estimate_in_dollars(facts):
    exports = facts["exports_tr_to_sy_2010_elaph"]
    assert (exports["indicator"], exports["series"], float(exports["value"]), exports["unit"]) == (
        "exports_tr_to_sy_calendar_year", "stated_figure", 1800000000.0, "USD")
    assert period(exports) == ("2010-01-01", "2010-12-31", "year")
    assert exports["claim_status"] == "reported" and "تقدر" in exports["notes"]
    imports = facts["imports_tr_from_sy_2010_elaph"]
    assert (imports["indicator"], float(imports["value"]), period(imports)) == (
        "imports_tr_from_sy_calendar_year", 553000000.0, ("2010-01-01", "2010-12-31", "year"))


# -- 33 Euphrates Post: circular 2025/4 dated 8 February, announced Tuesday 11 February ------------

def test_circular_2025_4_issued_on_8_february_announced_on_11th(events):
    issued = events["circular_2025_4_issued_2025_02_08"]
    assert issued["source_id"].startswith("133_")
    assert (issued["event_type"], issued["status"], issued["claim_status"]) == ("policy_change", "completed", "official")
    assert dates(issued) == ("2025-02-08", "2025-02-08", "day", "true")
    assert issued["quote"] == "صدر في 8 شباط/فبراير تعميم جديد يحمل الرقم 2025/4"
    announced = events["tr_trade_ministry_lifts_syria_restrictions_2025_02_11"]
    assert dates(announced) == ("2025-02-11", "2025-02-11", "day", "true")
    assert announced["actors"] == "tr_ministry_of_trade"
    repealed = events["circular_2021_12_customs_services_syria_repealed"]
    assert dates(repealed) == ("", "", "unknown", "false")
