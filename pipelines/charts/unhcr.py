"""Charts of the official tables (`dataset_values`): refugee returns to Syria by country of asylum, from
UNHCR's solutions table, so that Türkiye's part of all returns is visible year by year.

Each bar is a year; its segments are the countries UNHCR counts returns from (the largest few named,
the rest stacked as one segment); every cell drawn is a row of the chart's data CSV. Only each cell's
newest release is drawn (an older release's copy stays in dataset_values)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from pipelines.charts.common import Frame, colour, meta, one_line, save

INDICATOR = "refugee_returns_to_syria_by_country_of_asylum_calendar_year"
NAMED = 4  # countries named in the legend (by returns over all years); the rest share one segment
COLOURS = ("vermillion", "blue", "bluish_green", "orange")


def _asylum(geography) -> str:
    """The country of asylum of a returns cell (its places are Syria and that country), or ZZ if unknown."""
    places = [p for p in str(geography or "").split(";") if p and p != "SY"]
    return places[0] if places else "ZZ"


def draw(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[dict]:
    name = "unhcr_returns_by_country"
    cfg = meta()["charts"][name]
    cells = tables.get("dataset_values")
    if cells is None or cells.empty:
        return []
    cells = cells[(cells["indicator"] == INDICATOR) & cells["superseded_by"].isna()]
    if cells.empty:
        return []
    plotted = cells.assign(year=cells["period_end"].str[:4].astype(int), country_of_asylum=cells["geography"].map(_asylum))
    plotted = plotted.loc[:, ["observation_id", "year", "country_of_asylum", "value", "source_id", "release",
                              "cell_file", "cell_table", "cell_row_key", "cell_column"]]
    plotted = plotted.sort_values(["year", "country_of_asylum", "observation_id"]).reset_index(drop=True)
    totals = plotted.groupby("country_of_asylum")["value"].sum().sort_values(ascending=False, kind="stable")
    named = [c for c in totals.index if c != "ZZ"][:NAMED]
    names = cfg["countries"]
    frame = Frame(cfg["title"], cfg["subtitle"].format(first=plotted["year"].min(), last=plotted["year"].max()),
                  [cfg["notes"]["segments"], cfg["notes"]["share"]], cfg["source"].format(releases=", ".join(sorted(plotted["release"].unique()))),
                  plot_height_in=3.0, plot_left_in=0.9, legend_in=0.3)
    ax = frame.ax
    years = sorted(plotted["year"].unique())
    bottoms = {y: 0.0 for y in years}
    segments = [(c, [c]) for c in named] + [("other", [c for c in totals.index if c not in named])]
    for (label, members), colour_name in zip(segments, (*COLOURS[:len(named)], "grey")):
        heights = [plotted[(plotted["year"] == y) & plotted["country_of_asylum"].isin(members)]["value"].sum() for y in years]
        face = colour(colour_name) if label != "other" else colour("light_grey")
        ax.bar(years, heights, bottom=[bottoms[y] for y in years], color=face, edgecolor="white", lw=0.6, zorder=3, width=0.7)
        for y, h in zip(years, heights):
            bottoms[y] += h
    ax.set_xticks(years, [str(y) for y in years], fontsize=7)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: "0" if v == 0 else f"{v / 1e3:,.0f} k" if v < 1e6 else f"{v / 1e6:,.1f} m"))
    ax.grid(axis="y", color=colour("light_grey"), lw=0.6, zorder=0)
    handles = [Patch(color=colour(c), label=names.get(k, k)) for k, c in zip(named, COLOURS)]
    handles.append(Patch(color=colour("light_grey"), label=cfg["other"]))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(handles), fontsize=6.5, frameon=False,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)
    by_year = plotted.groupby("year")["value"].sum()
    turkiye = plotted[plotted["country_of_asylum"] == "TR"].groupby("year")["value"].sum()
    listing = "; ".join(f"{y}: {by_year[y]:,.0f} in all, {turkiye.get(y, 0):,.0f} from Türkiye" for y in years)
    alt = one_line(cfg["alt"].format(first=years[0], last=years[-1], listing=listing))
    return save(frame.fig, out_dir, cfg["file"], cfg["title"], alt, data=plotted, chart=name, table="dataset_values")
