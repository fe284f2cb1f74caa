"""Chart 3: the trade-rule changes as a table-like figure — date, flow, instrument, state before →
after and status, with reported claims flagged."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.patches import FancyBboxPatch, Rectangle

from pipelines.charts.common import (BODY_PT, MARGIN_IN, Frame, blank, colour, meta, one_line, save, source_line, text,
                                     when_label, wrap)

NAME = "trade_rules"
# The figure shows at most this many measures, the latest dated first kept (then the undated), so that it keeps
# a fixed size; the rest are counted in a note and are in the trade_measures table.
MAX_ROWS = 10
CELL_PT = 7.8
LINE_IN = CELL_PT * 1.3 / 72
PAD_IN = 0.07
# Column widths in inches; they add up to the 7.4 in between the figure margins.
WIDTHS = {"date": 0.95, "direction": 1.15, "instrument": 2.05, "change": 2.3, "status": 0.95}
# Columns of the trade_measures rows that the figure shows, in the chart's data.
DATA_COLUMNS = ["event_id", "direction", "source_id", "date_start", "date_end", "date_precision", "instrument",
                "issuing_body", "measure", "state_before", "state_after", "status", "claim_status"]


def _rows(tables: dict[str, pd.DataFrame]) -> list[dict]:
    rows = tables["trade_measures"].to_dict("records")
    # Undated measures last: the table reads as a sequence of changes.
    rows.sort(key=lambda r: (blank(r["date_start"]), text(r["date_start"]), r["event_id"], r["direction"]))
    return rows


def _cells(row: dict, actors: dict[str, str]) -> dict[str, list[tuple[str, dict]]]:
    """Each cell as wrapped lines with their text style."""
    def lines(value: str, column: str, **style) -> list[tuple[str, dict]]:
        # Bold glyphs are ~10 % wider: wrap them as if the type were larger.
        points = CELL_PT * (1.1 if style.get("weight") == "bold" else 1.0)
        return [(line, style) for line in wrap(value, points, WIDTHS[column] - 2 * PAD_IN)]

    when = row["date_label"]
    direction = meta()["trade_directions"].get(row["direction"], {"label": row["direction"]})["label"]
    issuer = actors.get(text(row["issuing_body"]), text(row["issuing_body"]))
    instrument = lines(text(row["instrument"]).capitalize(), "instrument", weight="bold")
    instrument += lines(row["measure"], "instrument")
    if issuer:
        instrument += lines(f"Issued by: {issuer}", "instrument", color=colour("grey"))
    change = lines(f"Before: {text(row['state_before'], 'not stated')}", "change", color=colour("grey"))
    change += lines(f"→ After: {text(row['state_after'], 'not stated')}", "change", weight="bold")
    status = lines(row["status"].replace("_", " ").capitalize(), "status")
    return {"date": lines(when, "date", style="italic" if blank(row["date_start"]) else "normal"),
            "direction": lines(direction, "direction", weight="bold", color=_direction_colour(row["direction"])),
            "instrument": instrument, "change": change, "status": status}


def _direction_colour(direction: str) -> str:
    entry = meta()["trade_directions"].get(direction)
    return colour(entry["colour"]) if entry else colour("black")


def draw(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[dict]:
    cfg = meta()["charts"][NAME]
    rows = _rows(tables)
    if not rows:
        raise ValueError("trade chart: trade_measures is empty")
    left_out = max(0, len(rows) - MAX_ROWS)
    if left_out:
        dated_rows = [r for r in rows if not blank(r["date_start"])]
        keep = dated_rows[-MAX_ROWS:] if len(dated_rows) >= MAX_ROWS else dated_rows + [r for r in rows if blank(r["date_start"])][:MAX_ROWS - len(dated_rows)]
        rows = [r for r in rows if any(r is k for k in keep)]
    # One row per table row of the figure: the drawing below reads it; it is published beside the chart.
    plotted = pd.DataFrame(rows, columns=DATA_COLUMNS)
    plotted.insert(3, "date_label", [when_label(r["date_start"], r["date_end"], r["date_precision"]) or "date not given"
                                      for r in rows])
    rows = plotted.to_dict("records")
    actors = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    cells = [_cells(r, actors) for r in rows]
    flagged = [r["claim_status"] != "official" for r in rows]
    # The badge sits under the status word, so it only adds height when the status cell is the tallest.
    heights = [max(max(len(c) for c in cell.values()), len(cell["status"]) + (2.3 if flag else 0)) * LINE_IN + 2 * PAD_IN
               for cell, flag in zip(cells, flagged)]
    header_h = LINE_IN + 2 * PAD_IN
    table_h = header_h + sum(heights)

    dated = [r for r in rows if not blank(r["date_start"])]  # already in date order
    undated = len(rows) - len(dated)
    ends = [when_label(r["date_start"], r["date_end"], r["date_precision"]) for r in (dated[:1] + dated[-1:])]
    span = ends[0] if len(set(ends)) == 1 else f"{ends[0]} – {ends[-1]}" if dated else ""
    period = "; ".join(p for p in (f"dated {span}" if dated else "", f"{undated} not dated" if undated else "") if p)
    notes = []
    if any(flagged):
        notes.append(cfg["notes"]["reported"])
    if any(blank(r["date_start"]) for r in rows):
        notes.append(cfg["notes"]["undated"])
    if left_out:
        notes.append(cfg["notes"]["more"].format(n=left_out, shown=len(rows)))
    used = {r["source_id"] for r in rows}
    sources = source_line(tables, used) if len(used) <= 4 else (
        f"Sources: {len(used)} documents, each named beside its measure in data/charts/{cfg['file']}.csv.")
    title = cfg["title"]
    frame = Frame(title, cfg["subtitle"].format(period=period), notes, sources, plot_height_in=table_h,
                  plot_left_in=MARGIN_IN, plot_right_in=MARGIN_IN, footer_gap_in=0.2)
    ax = frame.ax
    width = sum(WIDTHS.values())
    ax.set_xlim(0, width)
    ax.set_ylim(table_h, 0)  # inches from the top of the table
    ax.axis("off")

    x = 0.0
    lefts = {}
    for column, w in WIDTHS.items():
        lefts[column] = x
        ax.text(x + PAD_IN, PAD_IN, cfg["columns"][column], fontsize=CELL_PT, fontweight="bold", va="top",
                color=colour("black"))
        x += w
    ax.plot([0, width], [header_h, header_h], color=colour("black"), lw=0.9)
    y = header_h
    for i, (row, cell, h, flag) in enumerate(zip(rows, cells, heights, flagged)):
        if i % 2 == 0:
            ax.add_patch(Rectangle((0, y), width, h, facecolor="#F5F5F5", edgecolor="none", zorder=0))
        for column, lines in cell.items():
            for j, (line, style) in enumerate(lines):
                ax.text(lefts[column] + PAD_IN, y + PAD_IN + j * LINE_IN, line, fontsize=CELL_PT, va="top",
                        fontweight=style.get("weight", "normal"), fontstyle=style.get("style", "normal"),
                        color=style.get("color", colour("black")))
        if flag:
            by = y + PAD_IN + len(cell["status"]) * LINE_IN + 0.05
            ax.add_patch(FancyBboxPatch((lefts["status"] + PAD_IN, by), 0.72, LINE_IN * 0.95,
                                        boxstyle="round,pad=0,rounding_size=0.03", facecolor="white",
                                        edgecolor=colour("vermillion"), lw=1.0))
            ax.text(lefts["status"] + PAD_IN + 0.36, by + LINE_IN * 0.5, row["claim_status"].upper(), fontsize=6.5,
                    fontweight="bold", color=colour("vermillion"), ha="center", va="center")
        y += h
        ax.plot([0, width], [y, y], color=colour("light_grey"), lw=0.6)

    listing = " ".join(
        f"{when_label(r['date_start'], r['date_end'], r['date_precision']) or 'Date not given'}, {r['direction']}: "
        f"{r['measure']} (before: {text(r['state_before'], 'not stated')}; after: {text(r['state_after'], 'not stated')};"
        f" {r['status'].replace('_', ' ')}, {r['claim_status']})." for r in rows)
    alt = one_line(cfg["alt"].format(count=len(rows), listing=listing, sources=sources.split(": ", 1)[1].rstrip(".")))
    return save(frame.fig, out_dir, cfg["file"], title, alt, data=plotted, chart=NAME, table="trade_measures")


__all__ = ["draw", "BODY_PT"]
