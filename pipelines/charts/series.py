"""Charts of the `series` view: a statistic over time, every source's figure as its own point, so that the
gaps between statements and between series stay visible. Each chart has a fixed size whatever the number
of statements: points, never labels per point; the sources are counted in the source line and listed in
the chart's data CSV.

- returns since 8 December 2024: a point per statement; official filled, reported hollow squares; an
  approximate figure an open circle with a whisker to its stated bound;
- Syrians under temporary protection (national figures): a point per statement, a line per series;
- exports and imports by calendar year: one bar per series and year, side by side."""
from __future__ import annotations

from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from pipelines.charts.common import Frame, colour, meta, one_line, parse_date, save, source_line

PALETTE = ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black", "yellow")
# Beyond this many documents the source line counts them and points to the chart's data, which lists them.
MAX_LISTED_SOURCES = 4
DATA_COLUMNS = ["observation_id", "fact_id", "indicator", "series", "reference_date", "period_start", "period_end", "period_precision", "value",
                "approx", "qualifier", "lower", "upper", "claim_status", "flags", "source_id", "publisher"]


def _sources(tables, frame: pd.DataFrame, stem: str) -> str:
    ids = frame["source_id"].dropna().unique().tolist()
    if len(ids) <= MAX_LISTED_SOURCES:
        return source_line(tables, ids)
    return f"Sources: {len(ids)} documents, each listed with its figure in data/charts/{stem}.csv and the series table."


def _series_colours(names) -> dict[str, str]:
    return {name: colour(PALETTE[i % len(PALETTE)]) for i, name in enumerate(sorted(names))}


def _national(frame: pd.DataFrame) -> pd.DataFrame:
    """Figures for the whole country: no province code (TR-34) among the places."""
    return frame[~frame["geography"].fillna("").str.contains("-")]


def _series_labels(tables) -> dict[str, str]:
    s = tables["statistical_series"]
    return dict(zip(s["series_id"], s["label"]))


def _thousands(x, _pos) -> str:
    return f"{x / 1e6:,.1f} m" if abs(x) >= 1e6 else f"{x / 1e3:,.0f} k" if abs(x) >= 1e3 else f"{x:,.0f}"


def _over_time(tables, out_dir: Path, name: str, indicator: str, *, connect: bool) -> list[dict]:
    cfg = meta()["charts"][name]
    rows = tables["series"]
    # a table cell that a later release repeats is drawn once, from the newest release (series keeps both)
    rows = _national(rows[(rows["indicator"] == indicator) & rows["reference_date"].notna() & rows["superseded_by"].isna()])
    plotted = rows.loc[:, DATA_COLUMNS].reset_index(drop=True)
    if plotted.empty:
        return []  # nothing to draw yet: the chart appears with the first figure
    labels = _series_labels(tables)
    colours = _series_colours(plotted["series"].unique())
    first, last = parse_date(plotted["reference_date"].min()), parse_date(plotted["reference_date"].max())
    notes = [cfg["notes"]["markers"], cfg["notes"]["dates"]]
    title = cfg["title"]
    frame = Frame(title, cfg["subtitle"].format(first=f"{first:%b %Y}", last=f"{last:%b %Y}", n=len(plotted)), notes,
                  _sources(tables, plotted, cfg["file"]), plot_height_in=3.2, plot_left_in=0.9, legend_in=0.45)
    ax = frame.ax
    for series_id, group in plotted.groupby("series", sort=True):
        c = colours[series_id]
        x = [mdates.date2num(parse_date(d)) for d in group["reference_date"]]
        if connect and len(group) > 1:
            ax.plot(x, group["value"], color=c, lw=1.0, alpha=0.6, zorder=2)
        for xi, row in zip(x, group.itertuples(index=False)):
            official = row.claim_status == "official"
            marker = "o" if official else "s"
            face = "white" if (row.approx or not official) else c
            ax.plot([xi], [row.value], marker=marker, markersize=5.5, markerfacecolor=face, markeredgecolor=c,
                    markeredgewidth=1.3, linestyle="none", zorder=4)
            lo = row.lower if pd.notna(row.lower) else row.value
            hi = row.upper if pd.notna(row.upper) else None
            if hi is not None and hi != lo:
                ax.plot([xi, xi], [lo, hi], color=c, lw=0.9, zorder=3)
            elif pd.notna(row.lower) and pd.isna(row.upper):  # "more than": an arrow up from the lower bound
                ax.annotate("", (xi, row.value * 1.06), (xi, row.value), arrowprops={"arrowstyle": "->", "color": c, "lw": 0.9})
    ax.xaxis.set_major_locator(locator := mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.grid(axis="y", color=colour("light_grey"), lw=0.6, zorder=0)
    handles = [Line2D([], [], marker="o", ls="none", color=colours[s], label=labels.get(s, s)) for s in sorted(colours)]
    handles += [Line2D([], [], marker="o", ls="none", markerfacecolor="white", markeredgecolor=colour("grey"), label=cfg["legend"]["approx"]),
                Line2D([], [], marker="s", ls="none", markerfacecolor="white", markeredgecolor=colour("grey"), label=cfg["legend"]["reported"])]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=6.5, frameon=False,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)
    latest = plotted.sort_values(["reference_date", "observation_id"]).iloc[-1]
    alt = one_line(cfg["alt"].format(n=len(plotted), first=f"{first:%d %B %Y}", last=f"{last:%d %B %Y}",
                                     series=", ".join(labels.get(s, s) for s in sorted(colours)),
                                     latest=f"{latest['value']:,.0f}", latest_date=latest["reference_date"],
                                     latest_series=labels.get(latest["series"], latest["series"]),
                                     low=f"{plotted['value'].min():,.0f}", high=f"{plotted['value'].max():,.0f}"))
    return save(frame.fig, out_dir, cfg["file"], title, alt, data=plotted, chart=name, table="series")


def _trade_by_year(tables, out_dir: Path) -> list[dict]:
    name = "trade_by_year"
    cfg = meta()["charts"][name]
    rows = tables["series"]
    wanted = {"exports_tr_to_sy_calendar_year": "exports", "imports_tr_from_sy_calendar_year": "imports"}
    rows = rows[rows["indicator"].isin(list(wanted)) & rows["period_start"].notna()]
    plotted = rows.loc[:, DATA_COLUMNS].sort_values(["indicator", "period_start", "series", "value", "observation_id"]).reset_index(drop=True)
    if plotted.empty:
        return []  # nothing to draw yet: the chart appears with the first figure
    plotted.insert(1, "year", plotted["period_start"].str[:4].astype(int))
    labels = _series_labels(tables)
    colours = _series_colours(plotted["series"].unique())
    title = cfg["title"]
    frame = Frame(title, cfg["subtitle"], [cfg["notes"]["bars"]], _sources(tables, plotted, cfg["file"]),
                  plot_height_in=3.0, plot_left_in=0.9, legend_in=0.45)
    ax = frame.ax
    years = sorted(plotted["year"].unique())
    slots = [(ind, y) for ind in wanted for y in years]
    ticks, ticklabels = [], []
    x = 0.0
    for ind, year in slots:
        group = plotted[(plotted["indicator"] == ind) & (plotted["year"] == year)]
        if group.empty:
            continue
        width = 0.8 / len(group)
        for i, row in enumerate(group.itertuples(index=False)):
            c = colours[row.series]
            ax.bar(x - 0.4 + width * (i + 0.5), row.value, width=width * 0.9, color="white" if row.approx else c,
                   edgecolor=c, hatch="////" if row.approx else None, lw=1.0, zorder=3)
        ticks.append(x)
        ticklabels.append(f"{wanted[ind].capitalize()}\n{year}")
        x += 1.2
    ax.set_xticks(ticks, ticklabels, fontsize=7)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"${v / 1e9:,.1f} bn"))
    ax.grid(axis="y", color=colour("light_grey"), lw=0.6, zorder=0)
    handles = [Line2D([], [], marker="s", ls="none", color=colours[s], label=labels.get(s, s)) for s in sorted(colours)]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=6.5, frameon=False,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)
    listing = "; ".join(f"{wanted[r.indicator]} {r.year}, {labels.get(r.series, r.series)}: {r.value / 1e9:,.2f} billion USD"
                        for r in plotted.itertuples(index=False))
    alt = one_line(cfg["alt"].format(n=len(plotted), listing=listing))
    return save(frame.fig, out_dir, cfg["file"], title, alt, data=plotted, chart=name, table="series")


def draw(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[dict]:
    if "series" not in tables:  # drawn from the tables alone (no views): nothing to draw
        return []
    return (_over_time(tables, out_dir, "returns_over_time", "returns_since_2024_12_08", connect=False)
            + _over_time(tables, out_dir, "temporary_protection_over_time", "syrians_under_temporary_protection", connect=True)
            + _trade_by_year(tables, out_dir))
