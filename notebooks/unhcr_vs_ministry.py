# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # UNHCR's tables beside the ministry's statements
#
# UNHCR publishes the end-year number of Syrian refugees in Türkiye and the returns of each year as
# tables (`dataset_values`: each figure a copied cell, with its file, table, row key and column). The
# Interior Ministry (DGMM) states the temporary-protection stock in speeches and press releases
# (`facts`). The `series` view puts both side by side under the same indicator. This notebook asks:
# where they speak of the same day, do they agree; and what do UNHCR's returns say about Türkiye's part
# of all returns to Syria?
#
# Run `make build` first. Set `TSR_ROOT` to read another package root (the tests point it at a build).

# %%
import os
from pathlib import Path

import duckdb

from pipelines.paths import REPO_ROOT, Layout

root = Path(os.environ.get("TSR_ROOT", REPO_ROOT))
database = Layout(root).database
if not database.exists():
    raise SystemExit(f"{database} does not exist: run `make build` first")
con = duckdb.connect(str(database), read_only=True)

# %% [markdown]
# ## The stock at the end of each year, by source
# UNHCR's year-end cell (newest release) and every DGMM or other statement whose period ends on
# 31 December. A statement coded for a whole year (precision `year`) is listed too, marked so.

# %%
stock = con.execute("""
    SELECT year(reference_date) AS year, source_kind, series, value, period_precision, source_id
    FROM series
    WHERE indicator = 'syrians_under_temporary_protection' AND geography = 'TR'
      AND month(reference_date) = 12 AND day(reference_date) = 31 AND superseded_by IS NULL
    ORDER BY year, source_kind, series, source_id
""").fetchall()
print("year  kind     series            value       precision  source")
for year, kind, series, value, precision, source in stock:
    print(f"{year}  {kind:<7}  {series:<16}  {value:>10,.0f}  {precision:<9}  {source}")

# %% [markdown]
# ## Agreement and difference
# For each year both speak of, the ministry's figures against UNHCR's. UNHCR takes the Turkish
# register's figure, so equality is expected; a difference would be a revision or a misreport, and
# the `discrepancies` view lists it with every value (never averaged).

# %%
by_year: dict[int, dict[str, set]] = {}
for year, kind, _series, value, _precision, _source in stock:
    by_year.setdefault(year, {}).setdefault(kind, set()).add(value)
for year, kinds in sorted(by_year.items()):
    if {"dataset", "text"} <= set(kinds):
        unhcr, stated = kinds["dataset"], kinds["text"]
        verdict = "agree" if stated == unhcr else "DIFFER"
        print(f"{year}: UNHCR {', '.join(f'{v:,.0f}' for v in sorted(unhcr))}; statements "
              f"{', '.join(f'{v:,.0f}' for v in sorted(stated))}: {verdict}")
listed = con.execute("SELECT count(*) FROM discrepancies WHERE indicator = 'syrians_under_temporary_protection'").fetchone()[0]
print(f"discrepancies listed for the stock: {listed}")

# %% [markdown]
# ## Around the last year-end
# UNHCR's end-2025 cell and the statements of the weeks around it: not the same day, so not a
# discrepancy, but a reader should see them together. The stock falls by tens of thousands a month,
# so a few days apart can differ by that much.

# %%
around = con.execute("""
    SELECT reference_date, source_kind, series, value, claim_status, source_id
    FROM series
    WHERE indicator = 'syrians_under_temporary_protection' AND geography = 'TR'
      AND reference_date BETWEEN DATE '2025-11-01' AND DATE '2026-02-28' AND superseded_by IS NULL
    ORDER BY reference_date, source_id
""").fetchall()
for day, kind, series, value, claim, source in around:
    print(f"{day}  {kind:<7}  {series:<16}  {value:>10,.0f}  {claim:<8}  {source}")

# %% [markdown]
# ## Türkiye's part of all returns to Syria (UNHCR)
# The example query `queries/11_unhcr_turkiye_share_of_returns.sql` sums UNHCR's cells by year. The
# share is computed here, not published by UNHCR; the mid-year release's January–June figures are left
# out because the end-year release supersedes them.

# %%
query = (REPO_ROOT / "queries" / "11_unhcr_turkiye_share_of_returns.sql").read_text(encoding="utf-8")
for year, total, turkiye, share, countries, releases in con.execute(query).fetchall():
    print(f"{year}: {turkiye:>9,.0f} of {total:>10,.0f} returns from Türkiye ({share:.1f} %), "
          f"{countries} countries of asylum, release {releases}")

# %% [markdown]
# ## What the numbers cannot say
# - UNHCR counts returns it knows of: spontaneous returns it did not see are not in its tables, and the
#   ministry's running total since 8 December 2024 is a different count (different start, different
#   method), so the two are never subtracted from each other here.
# - Before 2012 UNHCR's row counts a few dozen refugees under its own mandate, not the temporary-protection
#   population; the package keeps them under their own indicator.
