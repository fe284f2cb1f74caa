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
# # The pace of returns from Türkiye to Syria since 8 December 2024
#
# The Interior Ministry (DGMM) announces a running total of returns since the fall of the Assad
# government. No monthly series is published: the only way to see the pace is to difference consecutive
# statements. This notebook does that with the example query `queries/08_returns_pace.sql` over the
# `series` view, and says what the numbers cannot say.
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
# ## The statements
# Every observation of the running total, every series, as the `series` view lists them. Counts that
# contradict an earlier one of the same series are in `anomalies`, and are left out of the pace.

# %%
points = con.execute("""
    SELECT reference_date, value, approx, series, period_precision, fact_id
    FROM series WHERE indicator = 'returns_since_2024_12_08' AND reference_date IS NOT NULL
    ORDER BY reference_date, fact_id
""").fetchall()
print(f"{len(points)} statements of the running total")
for ref_date, value, approx, series, precision, fact_id in points:
    print(f"  {ref_date}  {'≈' if approx else ' '}{value:>10,.0f}  {series:<14} ({precision})")
excluded = con.execute("SELECT observation_id, explanation FROM anomalies WHERE indicator = 'returns_since_2024_12_08'").fetchall()
for fact_id, detail in excluded:
    print(f"anomaly: {fact_id}: {detail}")

# %% [markdown]
# ## The pace between consecutive DGMM statements
# DGMM counts only, as `queries/08_returns_pace.sql` computes it: returns per 30.44 days (a mean month).
# A step out of a count that the anomalies name is shown but left out of the summary below.

# %%
sql = (REPO_ROOT / "queries" / "08_returns_pace.sql").read_text(encoding="utf-8")
anomalous = {fact_id for fact_id, _ in excluded}
steps = []
for from_date, to_date, _prev, _value, returns, days, per_month, _precision, prev_fact, fact in con.execute(sql).fetchall():
    if per_month is None:
        continue  # two statements for the same day
    note = ("  (anomalous count: left out)" if {prev_fact, fact} & anomalous
            else "  (a fall: one of the two counts is approximate or undated; left out)" if returns < 0 else "")
    print(f"{from_date} → {to_date}: {returns:>8,.0f} returns in {days:>3} days = {per_month:>7,.0f} a month{note}")
    if not note:
        steps.append((from_date, to_date, days, returns, per_month))

# %% [markdown]
# ## What this cannot say
# - The intervals are irregular: from 9 days to four months. A pace over four months hides any peak
#   inside it (summer 2025 after the school year, for instance); only the short spans show peaks.
# - Statements dated only by bounds sit at their latest possible day, which shortens or lengthens
#   their spans, so the pace of a span next to such a statement is approximate.
# - A running total that falls (see `anomalies`) means one of the two statements counts something
#   else or is misreported; it is left out rather than read as negative returns. So is a fall next to an
#   approximate or undated count ("≈25,000" right after the fall of the government).

# %%
if steps:
    fastest = max(steps, key=lambda s: s[4])
    slowest = min(steps, key=lambda s: s[4])
    print(f"fastest: {fastest[4]:,.0f} a month ({fastest[0]} → {fastest[1]}, {fastest[2]} days)")
    print(f"slowest: {slowest[4]:,.0f} a month ({slowest[0]} → {slowest[1]}, {slowest[2]} days)")
    total_days = sum(s[2] for s in steps)
    total = sum(s[3] for s in steps)
    print(f"over all {total_days} days: {total / total_days * 30.4375:,.0f} a month")
