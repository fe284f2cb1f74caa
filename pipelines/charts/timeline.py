"""Chart 2: every dated event, one lane per category; a known day is a dot, a known month a bar over
the month; what is planned, considered or only reported is hollow or hatched."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from pipelines.charts.common import (Frame, blank, colour, meta, month_label, one_line, parse_date, save, source_line,
                                     when_label)

NAME = "cooperation_timeline"
PLACED = {"day", "month"}  # a year (or no date) is too vague to place on a months-long axis
# Beyond these counts the figure would grow without bound: the per-event key and the undated listing move to
# the chart's data CSV and the dataset page, and the figure keeps its size (numbers are no longer drawn).
MAX_KEYED = 15
MAX_LISTED_UNDATED = 8
SHOWN_AS = {"day": "dot", "month": "bar over the month", "undated": "listed below the plot"}
# Columns of the events rows that the chart draws or lists, in the chart's data.
DATA_COLUMNS = ["event_id", "source_id", "category", "date_start", "date_end", "date_precision", "date_inferred", "title",
                "status", "claim_status"]


def _status_words(row: dict) -> str:
    words = []
    if row["status"] != "completed":
        words.append(row["status"].replace("_", " "))
    if row["claim_status"] != "official" and row["claim_status"] != row["status"]:
        words.append(f"{row['claim_status']} claim")
    return f" ({'; '.join(words)})" if words else ""


def split_events(events: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Dated events in drawing order, and the rest."""
    order = {c: i for i, c in enumerate(meta()["categories"])}
    rows = events.to_dict("records")
    dated = [r for r in rows if r["date_precision"] in PLACED and not blank(r["date_start"])]
    undated = [r for r in rows if r not in dated]
    dated.sort(key=lambda r: (str(r["date_start"]), order.get(r["category"], 99), r["event_id"]))
    undated.sort(key=lambda r: (order.get(r["category"], 99), r["event_id"]))
    return dated, undated


def _undated_listing(undated: list[dict]) -> str:
    cats = meta()["categories"]
    groups = []
    for cat in cats:
        rows = [r for r in undated if r["category"] == cat]
        if rows:
            items = "; ".join(f"{r['title']}{_year(r)}{_status_words(r)}" for r in rows)
            groups.append(f"{cats[cat]['label']}: {items}")
    return ". ".join(groups)


def _year(row: dict) -> str:
    return f" ({parse_date(row['date_start']):%Y})" if row["date_precision"] == "year" and not blank(row["date_start"]) else ""


def _offsets(dated: list[dict]) -> list[float]:
    """Events of one lane closer than ~3 weeks are stacked so their dots and numbers stay apart."""
    placed: dict[str, list] = {}
    out = []
    for row in dated:
        start = parse_date(row["date_start"])
        near = [s for s in placed.get(row["category"], []) if abs((s - start).days) < 22]
        out.append([0.0, 0.24, -0.24, 0.12, -0.12][len(near) % 5])
        placed.setdefault(row["category"], []).append(start)
    return out


def draw(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[dict]:
    cfg, cats = meta()["charts"][NAME], meta()["categories"]
    tentative = set(meta()["tentative_statuses"])
    dated, undated = split_events(tables["events"])
    if not dated:
        raise ValueError("timeline chart: no event with a day or month date")
    first = min(parse_date(r["date_start"]) for r in dated)
    last = max(parse_date(r["date_end"] if not blank(r["date_end"]) else r["date_start"]) for r in dated)
    fill = {"first": month_label(first.isoformat()), "last": month_label(last.isoformat())}
    title = cfg["title"].format(**fill)

    # One row per event the chart shows: the dated ones drawn in their lanes (numbered as in the key),
    # the others listed below the plot. The drawing reads it; it is published beside the chart.
    plotted = pd.DataFrame(dated + undated, columns=DATA_COLUMNS)
    plotted.insert(0, "number", pd.array(list(range(1, len(dated) + 1)) + [None] * len(undated), dtype="Int64"))
    plotted["shown_as"] = [SHOWN_AS[r["date_precision"]] for r in dated] + [SHOWN_AS["undated"]] * len(undated)
    # Reported claims look like plans: neither is a confirmed, completed happening.
    plotted["tentative"] = [r["status"] in tentative or r["claim_status"] != "official" for r in dated + undated]
    drawn = plotted[plotted["number"].notna()].to_dict("records")

    key = []
    for row in drawn:
        n = row["number"]
        star = "*" if row["date_inferred"] else ""
        when = when_label(row["date_start"], row["date_end"], row["date_precision"])
        key.append(f"{n}  {when}{star} · {cats[row['category']]['label']}: {row['title']}{_status_words(row)}")
    keyed = len(drawn) <= MAX_KEYED
    notes = list(key) if keyed else [cfg["notes"]["many"].format(n=len(drawn))]
    if any(r["date_inferred"] for r in dated) and keyed:
        notes.append(cfg["notes"]["inferred"])
    if undated and len(undated) <= MAX_LISTED_UNDATED:
        notes.append(cfg["notes"]["undated"].format(items=_undated_listing(undated)))
    elif undated:
        notes.append(cfg["notes"]["undated_many"].format(n=len(undated)))
    used_sources = [r["source_id"] for r in dated + undated]
    sources = source_line(tables, used_sources) if len(set(used_sources)) <= 4 else (
        f"Sources: {len(set(used_sources))} documents, each named beside its event in data/charts/{cfg['file']}.csv.")
    lanes = list(cats)
    frame = Frame(title, cfg["subtitle"], notes, sources, plot_height_in=0.42 * len(lanes) + 0.55,
                  plot_left_in=1.35, plot_right_in=1.25 if undated else 0.35,
                  legend_in=0.3)
    ax = frame.ax
    lane_y = {c: len(lanes) - 1 - i for i, c in enumerate(lanes)}

    for row, dy in zip(drawn, _offsets(drawn)):
        n = row["number"]
        c = colour(cats[row["category"]]["colour"])
        y = lane_y[row["category"]] + dy
        is_tentative = row["tentative"]
        start = parse_date(row["date_start"])
        if row["date_precision"] == "month":
            end = parse_date(row["date_end"]) + timedelta(days=1)
            x0, width = mdates.date2num(start), (end - start).days
            ax.broken_barh([(x0, width)], (y - 0.13, 0.26), facecolors="white" if is_tentative else c,
                           edgecolors=c, hatch="////" if is_tentative else None, linewidth=1.2, zorder=3)
            xmid = x0 + width / 2
        else:
            xmid = mdates.date2num(start)
            ax.plot([xmid], [y], marker="o", markersize=8, markerfacecolor="white" if is_tentative else c,
                    markeredgecolor=c, markeredgewidth=1.8, linestyle="none", zorder=4)
        if not keyed:
            continue
        ax.annotate(f"{n}{'*' if row['date_inferred'] else ''}", (xmid, y), xytext=(0, 7), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7.5, fontweight="bold", color=colour("black"), zorder=5)

    for cat in lanes:
        if not any(r["category"] == cat for r in dated):
            ax.text(mdates.date2num(first), lane_y[cat], "  no dated event", fontsize=7, style="italic",
                    color=colour("grey"), va="center")
        # Undated events still count: without this column most of the activity would be invisible.
        n_undated = sum(r["category"] == cat for r in undated)
        if n_undated:
            ax.text(1.02, lane_y[cat], cfg["undated_label"].format(n=n_undated), transform=ax.get_yaxis_transform(),
                    fontsize=7.5, color=colour(cats[cat]["colour"]), fontweight="bold", va="center", ha="left")
    ax.set_yticks([lane_y[c] for c in lanes], [cats[c]["label"] for c in lanes], fontsize=9)
    ax.set_ylim(-0.6, len(lanes) - 0.35)
    left = first.replace(day=1)
    right = (last.replace(day=1) + timedelta(days=32)).replace(day=1)
    ax.set_xlim(mdates.date2num(left) - 3, mdates.date2num(right) + 3)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color=colour("light_grey"), lw=0.6, zorder=0)
    for y in lane_y.values():
        ax.axhline(y, color=colour("light_grey"), lw=0.5, zorder=1)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    grey = colour("grey")
    handles = [
        Line2D([], [], marker="o", ls="none", markersize=7, markerfacecolor=grey, markeredgecolor=grey,
               label=f"{cfg['legend']['done']} (day)"),
        Line2D([], [], marker="o", ls="none", markersize=7, markerfacecolor="white", markeredgecolor=grey,
               markeredgewidth=1.6, label=f"{cfg['legend']['tentative']} (day)"),
        Patch(facecolor=grey, edgecolor=grey, label=f"{cfg['legend']['done']} (month)"),
        Patch(facecolor="white", edgecolor=grey, hatch="////", label=f"{cfg['legend']['tentative']} (month)"),
    ]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=7, frameon=False,
              handlelength=1.6, columnspacing=1.5, borderaxespad=0.2)

    listing = " ".join(f"{k.split('  ', 1)[1]}." for k in key) if keyed else (
        "Per topic: " + "; ".join(f"{cats[c]['label']} {sum(r['category'] == c for r in dated)}" for c in lanes) + ".")
    alt = one_line(cfg["alt"].format(**fill, count=len(dated), lanes=", ".join(cats[c]["label"] for c in lanes),
                                     listing=f"Events in date order: {listing}", undated_count=len(undated),
                                     sources=sources.split(": ", 1)[1].rstrip(".")))
    return save(frame.fig, out_dir, cfg["file"], title, alt, data=plotted, chart=NAME, table="events")
