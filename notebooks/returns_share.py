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
# # Hatay's share of returns to Syria since 8 December 2024
#
# The Trade Minister's statement gives an exact count through Hatay's three customs gates and an
# *approximate* total over all crossings. The share is therefore approximate too: this notebook
# computes it straight from the package's DuckDB file with SQL and states it with its uncertainty.
#
# Run `make build` first; the database is built, not committed. Set `TSR_ROOT` to read another
# package root (the tests point it at a fresh build).

# %%
import os
from pathlib import Path

import duckdb

from pipelines.paths import REPO_ROOT, Layout

database = Layout(Path(os.environ.get("TSR_ROOT", REPO_ROOT))).database
if not database.exists():
    raise SystemExit(f"{database} does not exist: run `make build` first")
con = duckdb.connect(str(database), read_only=True)

# %% [markdown]
# ## The part and its whole, as coded
# `part_of` links the Hatay count to the total it belongs to (same source, same period), so the
# query does not need to know either value.

# %%
part_value, whole_value, qualifier, whole_approx, whole_lower, whole_upper, start, end, claim = con.execute("""
    SELECT part.value, whole.value, whole.qualifier, whole.approx, whole.lower, whole.upper,
           part.period_start, part.period_end, whole.claim_status
    FROM facts AS part
    JOIN facts AS whole ON part.part_of = whole.fact_id
    WHERE part.indicator = 'returns_permanent_via_hatay' AND NOT part.derived
    ORDER BY part.fact_id
    LIMIT 1
""").fetchone()
print(f"Hatay, permanent returns: {part_value:,.0f} (exact)")
print(f"All crossings:            {whole_value:,.0f} ({qualifier or 'exact'}; claim status {claim})")
print(f"Period: {start} to {end or 'the date of the statement (end not given)'}")

# %% [markdown]
# ## The share, stated with its uncertainty

# %%
share = part_value / whole_value
assert 0 < share <= 1, "a part never exceeds its whole"
if whole_approx:
    print(f"Hatay's share of all returns: about {round(share * 100, -1):.0f} % "
          f"({share:.1%} of the stated total, which is itself approximate: '{qualifier}').")
else:
    print(f"Hatay's share of all returns: {share:.1%}")
# A bound the source's own words imply (e.g. 'nearly 40,000' means at most 40,000) is a source figure.
if whole_upper is not None:
    print(f"The source's wording caps the total at {whole_upper:,.0f}, so the share is at least {part_value / whole_upper:.1%}.")
if whole_lower is not None:
    print(f"The source's wording puts the total at {whole_lower:,.0f} or more, so the share is at most {part_value / whole_lower:.1%}.")

# %% [markdown]
# ## Sensitivity: what if the total is off by ±5 %?
# **Illustrative assumption, not a source figure.** The source gives no range for "approximately
# 40,000"; the band below only shows how much the share moves if the true total lay anywhere
# between 5 % below and 5 % above the stated one (38,000 to 42,000 for a total of 40,000).

# %%
low_total, high_total = whole_value * 0.95, whole_value * 1.05
band = con.execute("SELECT ? / ?, ? / ?", [part_value, high_total, part_value, low_total]).fetchone()
print(f"Illustrative assumption: total between {low_total:,.0f} and {high_total:,.0f} "
      f"-> Hatay's share between {band[0]:.1%} and {band[1]:.1%}.")
for total in (low_total, whole_value, high_total):
    print(f"  total {total:>7,.0f}: share {part_value / total:.1%}")

# %%
con.close()
