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
# # Trade and cooperation timeline, from the published CSVs
#
# Reads `data/events.csv` and `data/trade_measures.csv` with pandas only: what a user who downloads
# the CSVs would do. Dates keep the precision the sources give: a day, a month, a year, or none.
# Set `TSR_ROOT` to read another package root.

# %%
import os
from pathlib import Path

import pandas as pd

from pipelines.paths import REPO_ROOT

data = Path(os.environ.get("TSR_ROOT", REPO_ROOT)) / "data"
if not (data / "events.csv").exists():
    raise SystemExit(f"{data / 'events.csv'} does not exist: run `make build` first")
# keep_default_na=False + na_values=[""]: only an empty cell is missing, as the Table Schema says.
read = dict(keep_default_na=False, na_values=[""], dtype={"date_start": "string", "date_end": "string"})
events = pd.read_csv(data / "events.csv", **read)
measures = pd.read_csv(data / "trade_measures.csv", **read)
print(f"{len(events)} events, {len(measures)} trade measures")


# %%
def when(row) -> str:
    """A date as precisely as the source gives it."""
    if pd.isna(row.date_start):
        return "no date"
    start = pd.Timestamp(row.date_start)
    return {"day": f"{start:%d %b %Y}", "month": f"{start:%b %Y}", "year": f"{start:%Y}"}.get(
        row.date_precision, f"on/after {start:%d %b %Y} (inferred)")


events["when"] = events.apply(when, axis=1)
events["sort_date"] = pd.to_datetime(events["date_start"])

# %% [markdown]
# ## Dated events, December 2024 onwards, in date order
# A month-precision event sorts at the first day of its month; `*` marks a date inferred, not written.

# %%
dated = events[events["date_precision"].isin(["day", "month"])].sort_values(["sort_date", "category", "event_id"])
for row in dated.itertuples():
    star = "*" if row.date_inferred else ""
    print(f"{row.when + star:<13} {row.category:<15} {row.status:<20} {row.claim_status:<10} {row.title}")

# %% [markdown]
# ## Events without a day or month, by category

# %%
undated = events[~events.index.isin(dated.index)]
print(undated.groupby("category")["event_id"].count().rename("events without day or month").to_string())

# %% [markdown]
# ## Trade-rule changes: before → after, by direction

# %%
measures["when"] = measures.apply(when, axis=1)
for row in measures.sort_values(["date_start", "event_id", "direction"], na_position="last").itertuples():
    flag = "" if row.claim_status == "official" else f"  [{row.claim_status.upper()}]"
    print(f"{row.when:<13} {row.direction:<10} {row.instrument}: {row.state_before} -> {row.state_after}{flag}")

# %%
assert set(measures["direction"]) <= {"imports", "exports", "transit", "bilateral"}
assert measures["event_id"].isin(events["event_id"]).all(), "every measure belongs to an event"
