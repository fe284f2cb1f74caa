"""Published values of the Arabic corpus reports coded so far (corpus 36, 45, 64, 66 = sources 136, 145,
164, 166). Each test names facts and asserts what the build publishes for them: value, unit, approximation,
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
