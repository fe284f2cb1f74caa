"""Published values of the Turkish returns / temporary-protection reports (corpus 07, 11, 12, 13, 15, 16,
17 = sources 107…117): named facts, exact values, periods, series, claim status and flags. Never a count
of rows, so that adding sources keeps these green."""
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


def observed(row: dict) -> tuple:
    return (row["indicator"], row["series"], row["value"], row["period_start"], row["period_end"],
            row["period_precision"], row["claim_status"], row["flags"])


@pytest.mark.parametrize("fact_id, expected", [
    # the ministry's running count since 8 December 2024: a cumulative count starts on its since day
    ("returns_since_2024_12_08_yerlikaya_81576",
     ("returns_since_2024_12_08", "dgmm", "81576", "2024-12-08", "2025-01-29", "range", "official", "")),
    ("returns_since_2024_12_08_yerlikaya_2025_05_29",
     ("returns_since_2024_12_08", "dgmm", "250064", "2024-12-08", "2025-05-29", "day", "official", "secondary_report")),
    ("returns_since_2024_12_08_dgmm_411649",
     ("returns_since_2024_12_08", "dgmm", "411649", "2024-12-08", "2025-08-16", "range", "official", "")),
    ("returns_since_2024_12_08_yerlikaya_450169",
     ("returns_since_2024_12_08", "dgmm", "450169", "2024-12-08", "2025-08-29", "day", "official", "")),
    ("returns_since_2024_12_08_2025_09_07_474018",
     ("returns_since_2024_12_08", "dgmm", "474018", "2024-12-08", "2025-09-07", "range", "reported", "")),
    ("returns_since_2024_12_08_yerlikaya_509387",
     ("returns_since_2024_12_08", "dgmm", "509387", "2024-12-08", "2025-09-29", "range", "official", "")),
    # returns since 2016
    ("returns_since_2016_dgmm_1151652",
     ("returns_since_2016", "dgmm", "1151652", "2016-01-01", "2025-08-16", "range", "official", "")),
    ("returns_since_2016_yerlikaya_1249390",
     ("returns_since_2016", "dgmm", "1249390", "2016-01-01", "2025-09-29", "range", "official", "")),
    # the temporary-protection stock
    ("syrians_under_temporary_protection_dgmm_2020_end",
     ("syrians_under_temporary_protection", "dgmm", "3641370", "2020-12-31", "2020-12-31", "day", "official", "secondary_report")),
    ("syrians_under_temporary_protection_yerlikaya_2022",
     ("syrians_under_temporary_protection", "dgmm", "3535898", "2022-01-01", "2022-12-31", "year", "official", "")),
    ("syrians_under_temporary_protection_dgmm_2025_06_05",
     ("syrians_under_temporary_protection", "dgmm", "2699787", "2025-06-05", "2025-06-05", "day", "official", "secondary_report")),
    ("syrians_under_temporary_protection_yerlikaya_2025_08",
     ("syrians_under_temporary_protection", "dgmm", "2506740", "2025-08-01", "2025-08-29", "month", "official", "")),
    # a publisher's own difference of two statements: derived by the publisher, not a compiler's figure
    ("returns_2025_05_29_2025_08_14_sozcu_161000",
     ("returns_over_period", "stated_figure", "161000", "2025-05-29", "2025-08-14", "day", "reported", "derived_by_publisher")),
])
def test_named_facts(facts, fact_id, expected):
    assert observed(facts[fact_id]) == expected


def test_at_least_stays_a_lower_bound_and_is_not_the_syrian_stock(facts):
    row = facts["foreign_nationals_protected_or_resident_2025_01_23"]
    assert (row["indicator"], row["value"], row["approx"], row["qualifier"], row["lower"]) == (
        "foreign_nationals_protected_or_resident", "4638461", "true", "en az", "4638461")


def test_a_province_is_part_of_the_national_stock(facts):
    row = facts["syrians_under_temporary_protection_istanbul_dgmm_2025_06_05"]
    assert (row["value"], row["geography"], row["part_of"]) == (
        "469142", "TR-34", "syrians_under_temporary_protection_dgmm_2025_06_05")


@pytest.mark.parametrize("fact_id, expected", [
    ("returns_since_2024_12_08_yerlikaya_550000",
     ("returns_since_2024_12_08", "dgmm", "550000", "2024-12-08", "2025-11-01", "range", "official", "")),
    ("returns_since_2024_12_08_yerlikaya_578000",
     ("returns_since_2024_12_08", "dgmm", "578000", "2024-12-08", "2025-12-08", "range", "official", "")),
    ("returns_since_2016_yerlikaya_1318000",
     ("returns_since_2016", "dgmm", "1318000", "2016-01-01", "2025-12-08", "range", "official", "")),
    # the anomaly of the corpus: a running total published later but lower than 578,000; kept and flagged
    ("returns_since_2024_12_08_sozcu_557702",
     ("returns_since_2024_12_08", "dgmm", "557702", "2024-12-08", "2026-01-03", "range", "reported", "contradicts_other_sources")),
    ("syrians_under_temporary_protection_yenicag_2024_end",
     ("syrians_under_temporary_protection", "dgmm", "2901478", "2024-12-31", "2024-12-31", "day", "reported", "")),
    ("syrians_under_temporary_protection_yenicag_2026",
     ("syrians_under_temporary_protection", "dgmm", "2329547", "2026-01-06", "2026-02-07", "range", "reported", "")),
    # the fall of the stock, which the publisher words as departures: not returns
    ("syrians_under_temporary_protection_decrease_yenicag_571931",
     ("syrians_under_temporary_protection_decrease", "stated_figure", "571931", "2025-01-01", "2026-01-06", "range",
      "reported", "derived_by_publisher;misreported_by_publisher")),
    ("exceptional_citizenship_before_2023_06_03",
     ("syrians_granted_exceptional_citizenship", "dgmm", "238697", "", "2023-06-02", "range", "official", "")),
    ("syrians_share_of_province_population_kilis_birgun",
     ("syrians_share_of_province_population", "stated_figure", "25.5", "", "", "unknown", "reported", "derived_by_publisher")),
])
def test_more_named_facts(facts, fact_id, expected):
    assert observed(facts[fact_id]) == expected


def test_adults_are_part_of_the_citizenship_grants(facts):
    assert (facts["exceptional_citizenship_adults_since_2023_06_04"]["value"],
            facts["exceptional_citizenship_adults_since_2023_06_04"]["part_of"]) == ("1044", "exceptional_citizenship_since_2023_06_04")
