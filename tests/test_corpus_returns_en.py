"""Published values of the English returns / temporary-protection / UNHCR corpus reports (corpus 01, 02,
04, 05, 06, 08, 10, 19, 23, 24, 25, 26, 27, 68 = sources 101…168). Each test names facts or events and
asserts what the build publishes for them: value, approximation, period, series, claim status, flags.
Never a count of rows, so that adding sources keeps these green."""
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


@pytest.fixture(scope="module")
def returns(built_root):
    return rows(built_root, "returns", "fact_id")


def period(row: dict) -> tuple[str, str, str]:
    return row["period_start"], row["period_end"], row["period_precision"]


def bounds(row: dict) -> tuple[str, str, str, str]:
    return row["approx"], row["qualifier"], row["lower"], row["upper"]


# -- 01 Sputnik: a daily count misread as cumulative ---------------------------------------------

def test_sputnik_1847_is_coded_as_written_and_flagged_misreported(facts, returns):
    fact = facts["returns_since_2024_12_08_sputnik_1847_misreported"]
    assert fact["source_id"].startswith("101_")
    assert (fact["indicator"], fact["series"], float(fact["value"])) == ("returns_since_2024_12_08", "dgmm", 1847.0)
    assert period(fact) == ("2024-12-08", "2024-12-14", "range")
    assert fact["flags"] == "misreported_by_publisher"
    assert "13 December" in fact["notes"] and "corpus 02" in fact["notes"]
    assert (fact["claim_status"], fact["attributed_to"]) == ("official", "ali_yerlikaya")
    assert returns["returns_since_2024_12_08_sputnik_1847_misreported"]["origin"] == "TR"


def test_sputnik_stock_is_the_reliable_figure(facts):
    stock = facts["tp_stock_2024_12_sputnik_2938261"]
    assert (stock["indicator"], stock["series"], float(stock["value"]), stock["flags"]) == (
        "syrians_under_temporary_protection", "dgmm", 2938261.0, "")
    assert period(stock) == ("2024-12-09", "2024-12-15", "range")
    assert stock["approx"] == "false"


# -- 02 Anadolu copy: the daily figures that show what 1,847 is -----------------------------------

def test_daily_returns_around_the_fall(facts):
    for fact_id, day, value in [("returns_daily_2024_12_06_dgmm_310", "2024-12-06", 310.0),
                                ("returns_daily_2024_12_07_dgmm_176", "2024-12-07", 176.0),
                                ("returns_daily_2024_12_08_dgmm_240", "2024-12-08", 240.0)]:
        fact = facts[fact_id]
        assert (fact["indicator"], fact["series"], float(fact["value"])) == ("returns_daily", "dgmm", value)
        assert period(fact) == (day, day, "day")
    span = facts["returns_2024_12_09_13_dgmm_7621"]
    assert (span["indicator"], float(span["value"])) == ("returns_over_period", 7621.0)
    assert period(span) == ("2024-12-09", "2024-12-13", "day")


# -- 04 / 05 / 06: the ministry's running total since 8 December ----------------------------------

def test_lower_bound_25000_is_not_sharpened(facts):
    fact = facts["returns_since_2024_12_08_trt_25000"]
    assert (fact["indicator"], fact["series"], float(fact["value"])) == ("returns_since_2024_12_08", "dgmm", 25000.0)
    assert bounds(fact) == ("true", "exceeded", "25000", "")
    assert period(fact) == ("2024-12-08", "2024-12-24", "range")


def test_running_total_9_january_2025_with_day_precision(facts):
    total = facts["returns_since_2024_12_08_dgmm_2025_01_09"]
    assert (total["indicator"], total["series"], float(total["value"])) == ("returns_since_2024_12_08", "dgmm", 52622.0)
    assert period(total) == ("2024-12-08", "2025-01-09", "day")
    families = facts["returns_in_families_since_2024_12_08_dgmm_2025_01_09"]
    alone = facts["returns_alone_since_2024_12_08_dgmm_2025_01_09"]
    assert (float(families["value"]), float(alone["value"])) == (41437.0, 11185.0)
    assert families["part_of"] == alone["part_of"] == "returns_since_2024_12_08_dgmm_2025_01_09"
    since_2016 = facts["returns_since_2016_dgmm_2025_01_09"]
    assert (float(since_2016["value"]), since_2016["period_start"], since_2016["period_end"]) == (
        792625.0, "2016-01-01", "2025-01-09")
    assert "2017" in since_2016["period_basis"]


def test_earlier_update_of_27_december_and_afps_derived_gap(facts):
    dec27 = facts["returns_since_2024_12_08_afp_30663_dec27"]
    assert (float(dec27["value"]), dec27["series"], dec27["flags"]) == (30663.0, "dgmm", "secondary_report")
    assert period(dec27) == ("2024-12-08", "2024-12-27", "day")
    gap = facts["returns_2024_12_27_2025_01_09_afp_increase_20000"]
    assert (gap["series"], gap["attributed_to"], gap["claim_status"], gap["flags"]) == (
        "stated_figure", "afp", "reported", "derived_by_publisher")
    assert bounds(gap) == ("true", "more than", "20000", "")


def test_average_monthly_returns_before_the_fall(facts):
    fact = facts["returns_monthly_average_2024_jan_nov_dgmm_11063"]
    assert (fact["indicator"], float(fact["value"]), fact["unit"]) == ("returns_monthly_average", 11063.0, "people per month")
    assert period(fact) == ("2024-01-01", "2024-11-30", "month")
    # "an average of" is not a word of approximation: the override keeps the average exact.
    assert (fact["approx"], fact["qualifier"], fact["flags"]) == ("false", "", "extractor_override")


def test_extractor_issue_published_for_the_average(built_root):
    issue = next(r for r in rows(built_root, "extractor_issues", "fact_id").values()
                 if r["fact_id"] == "returns_monthly_average_2024_jan_nov_dgmm_11063")
    assert (issue["span_text"], float(issue["value"])) == ("11,063", 11063.0)


# -- 08 / 10: presidential and vice-presidential round figures; UN and UNHCR ------------------------

def test_erdogan_133000_is_a_stated_lower_bound(facts):
    fact = facts["returns_since_2024_12_08_erdogan_133000"]
    assert (fact["series"], fact["attributed_to"], float(fact["value"])) == ("stated_figure", "recep_tayyip_erdogan", 133000.0)
    assert bounds(fact) == ("true", "more than", "133000", "")
    assert period(fact) == ("2024-12-08", "2025-03-07", "range")


def test_un_estimate_of_18_february_2025(facts):
    abroad = facts["returns_from_abroad_un_2025_02_18"]
    assert (abroad["indicator"], abroad["series"], float(abroad["value"]), abroad["approx"]) == (
        "returns_to_syria_from_abroad_since_2024_12_08", "un_humanitarian_estimates", 280000.0, "false")
    assert period(abroad) == ("2024-12-08", "2025-02-18", "day")
    assert abroad["part_of"] == "people_returned_home_in_syria_un_2025_02_18"
    assert bounds(facts["people_returned_home_in_syria_un_2025_02_18"]) == ("true", "more than", "1000000", "")


def test_unhcr_june_2025_update(facts):
    yilmaz = facts["returns_since_2024_12_08_yilmaz_273000_mid_june_2025"]
    assert (yilmaz["series"], yilmaz["attributed_to"], float(yilmaz["value"])) == ("stated_figure", "cevdet_yilmaz", 273000.0)
    assert period(yilmaz) == ("2024-12-08", "2025-06-20", "range")
    assert "9 December" in yilmaz["period_basis"]
    visits = facts["go_and_see_visits_since_2024_12_08_yilmaz_27000_mid_june_2025"]
    assert (visits["indicator"], float(visits["value"])) == ("go_and_see_visits_since_2024_12_08", 27000.0)
    region = facts["returns_from_neighbouring_countries_unhcr_2025_06_19"]
    assert (region["indicator"], region["series"], float(region["value"])) == (
        "returns_to_syria_from_abroad_since_2024_12_08", "unhcr_operations", 596579.0)
    assert (region["approx"], region["qualifier"]) == ("true", "some")
    assert period(region) == ("2024-12-08", "2025-06-19", "day")
    monitored = facts["returns_monitored_by_unhcr_turkiye_2025_06_12"]
    assert (float(monitored["value"]), monitored["lower"], period(monitored)) == (
        200000.0, "200000", ("2024-12-08", "2025-06-12", "day"))
    share = facts["unhcr_monitoring_coverage_2025_06_12_73pct"]
    assert (share["indicator"], float(share["value"]), share["unit"]) == ("unhcr_monitoring_coverage_share", 73.0, "percent")


# -- 19 / 24 / 25 / 26: UNHCR counts from all countries, never only Türkiye ------------------------

def test_unhcr_counts_from_all_countries(facts, returns):
    for fact_id, value, end in [("returns_from_abroad_unhcr_flash7_58350", 58350.0, "2024-12-27"),
                                ("returns_from_abroad_unhcr_khaberni_1_16m_2025_10", 1160000.0, "2025-10-31"),
                                ("returns_from_abroad_unhcr_vargas_llosa_1_3m_2025_12", 1300000.0, "2025-12-22")]:
        fact = facts[fact_id]
        assert (fact["indicator"], fact["series"], float(fact["value"])) == (
            "returns_to_syria_from_abroad_since_2024_12_08", "unhcr_operations", value)
        assert period(fact) == ("2024-12-08", end, "range")
        assert returns[fact_id]["origin"] != "TR"
    assert bounds(facts["returns_from_abroad_unhcr_vargas_llosa_1_3m_2025_12"])[:2] == ("true", "approximately")
    children = facts["returnees_share_children_unhcr_flash7"]
    assert (children["indicator"], float(children["value"])) == ("returnees_share_by_group", 46.0)


def test_unhcr_2026_forecast(facts):
    fact = facts["returns_expected_2026_unhcr_vargas_llosa"]
    assert (fact["indicator"], fact["series"], fact["attributed_to"], float(fact["value"])) == (
        "returns_to_syria_from_abroad_expected", "unhcr_operations", "gonzalo_vargas_llosa", 1000000.0)
    assert bounds(fact)[:2] == ("true", "around")
    assert period(fact) == ("2026-01-01", "2026-12-31", "year")


def test_daily_sabah_summary_is_reported_not_official(facts):
    fact = facts["returns_since_2024_12_08_dailysabah_over_600000_early_2026"]
    assert (fact["series"], fact["claim_status"], fact["flags"]) == ("stated_figure", "reported", "secondary_report")
    assert bounds(fact) == ("true", "over", "600000", "")
    assert period(fact) == ("2024-12-08", "2026-02-02", "range")


def test_khaberni_stock_has_no_invented_date(facts):
    peak = facts["tp_stock_peak_khaberni_over_3_5m"]
    assert (peak["period_start"], peak["period_end"], peak["period_precision"]) == ("", "", "unknown")
    assert bounds(peak) == ("true", "exceeded", "3500000", "")


# -- 23 / 68: temporary-protection stock and returns since 2016 --------------------------------------

def test_ciftci_february_2026_and_peak_2021(facts):
    since_2016 = facts["returns_since_2016_ciftci_2026_02"]
    assert (since_2016["series"], since_2016["attributed_to"], float(since_2016["value"])) == ("dgmm", "mustafa_ciftci", 1366215.0)
    assert period(since_2016) == ("2016-01-01", "2026-02-17", "range")
    assert float(facts["tp_stock_ciftci_2026_02_2371412"]["value"]) == 2371412.0
    peak = facts["tp_stock_peak_2021_dgmm_3737369"]
    assert (float(peak["value"]), peak["attributed_to"]) == (3737369.0, "tr_dgmm")
    assert period(peak) == ("2021-01-01", "2021-12-31", "year")


def test_pre_fall_baseline_november_2024(facts):
    stock = facts["tp_stock_dgmm_2024_11_2935742"]
    assert (float(stock["value"]), stock["period_end"], stock["period_precision"]) == (2935742.0, "2024-11-21", "range")
    year = facts["returns_2024_to_nov_dgmm_approx_114083"]
    assert (year["indicator"], float(year["value"])) == ("returns_over_period", 114083.0)
    assert bounds(year)[:2] == ("true", "approximately")
    assert period(year) == ("2024-01-01", "2024-11-21", "range")


# -- 27: IOM DTM ---------------------------------------------------------------------------------

def test_iom_dtm_returns_from_abroad(facts):
    since_2024 = facts["returns_from_abroad_since_2024_01_iom_dtm_571388"]
    assert (since_2024["indicator"], since_2024["series"], float(since_2024["value"])) == (
        "returns_to_syria_from_abroad_since_2024_01_01", "iom_dtm", 571388.0)
    assert period(since_2024) == ("2024-01-01", "2025-02-28", "range")
    after_nov = facts["returns_from_abroad_after_2024_11_iom_dtm_259745"]
    assert (after_nov["indicator"], after_nov["series"], float(after_nov["value"])) == (
        "returns_to_syria_from_abroad_over_period", "iom_dtm", 259745.0)
    assert period(after_nov) == ("2024-12-01", "2025-02-28", "range")


# -- events: the go-and-see rule -------------------------------------------------------------------

def test_go_and_see_rule_events(events):
    minister = events["go_and_see_visits_rule_announced_2024_12"]
    assert (minister["event_type"], minister["status"], minister["date_start"], minister["date_end"],
            minister["date_precision"]) == ("plan", "planned", "2025-01-01", "2025-07-31", "month")
    unhcr = events["go_and_see_mechanism_announced_unhcr_flash7"]
    assert (unhcr["status"], unhcr["date_start"], unhcr["date_precision"], unhcr["actors"]) == (
        "planned", "2025-01-01", "day", "tr_government")
