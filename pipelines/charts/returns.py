"""Chart 1: returns since a start date — the part counted at named crossings (exact) against the
approximate whole, with the derived remainder drawn as derived and approximate."""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.ticker import FuncFormatter

from pipelines.charts.common import Frame, blank, colour, day_label, meta, number, one_line, save, source_line, text

NAME = "returns_since"
# Columns of the returns rows that the bars draw (length, hatching, whiskers, labels), in the chart's data.
DATA_COLUMNS = ["fact_id", "source_id", "indicator", "value", "approx", "qualifier", "lower", "upper", "derived",
                "claim_status", "period_start", "period_end"]


@dataclass(frozen=True)
class Selection:
    part: dict
    whole: dict
    remainder: dict | None
    whole_qualifiers: list[str]  # every wording the source uses for the whole ("approximately", "nearly")


def select(tables: dict[str, pd.DataFrame]) -> Selection:
    """Find part, whole and remainder by their columns and by facts.part_of, never by their values."""
    cfg = meta()["charts"][NAME]
    returns = tables["returns"].to_dict("records")
    part_of = {r["fact_id"]: r["part_of"] for r in tables["facts"].to_dict("records") if not blank(r.get("part_of"))}
    pattern = re.compile(cfg["part_route_pattern"])
    stated = [r for r in returns if not r["derived"]]
    parts = [r for r in stated if pattern.search(f"{r['route']} {r['indicator']}") and r["fact_id"] in part_of]
    if not parts:
        raise ValueError(f"returns chart: no stated returns row whose route matches {pattern.pattern!r} and that is part of a whole")
    part = parts[0]
    by_id = {r["fact_id"]: r for r in returns}
    whole = by_id.get(part_of[part["fact_id"]])
    if whole is None:
        raise ValueError(f"returns chart: {part['fact_id']} is part of {part_of[part['fact_id']]}, which is not in returns")
    # The same whole stated twice in other words ("nearly 40,000") is one bar with both wordings.
    twins = [r for r in stated if r["indicator"] == whole["indicator"] and r["value"] == whole["value"]
             and r["period_start"] == whole["period_start"] and r["source_id"] == whole["source_id"]]
    qualifiers = list(dict.fromkeys(text(r["qualifier"]) for r in [whole, *twins] if not blank(r["qualifier"])))
    remainders = [r for r in returns if r["derived"] and part_of.get(r["fact_id"]) == whole["fact_id"]]
    return Selection(part, whole, remainders[0] if remainders else None, qualifiers)


def _place(code: str) -> str:
    return meta()["places"].get(code, code)


def _period(row: dict) -> str:
    end = "date of statement (end not given)" if blank(row["period_end"]) else day_label(row["period_end"])
    return f"{day_label(row['period_start'])} – {end}"


def draw(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[dict]:
    cfg = meta()["charts"][NAME]
    sel = select(tables)
    part, whole, rest = sel.part, sel.whole, sel.remainder
    rows = [whole, part] + ([rest] if rest is not None else [])
    # The whole's origin: the part's may be a province (TR-31) where the whole is the country.
    fill = {"origin": _place(whole["origin"]), "destination": _place(whole["destination"]), "period": _period(whole),
            "start": day_label(whole["period_start"]), "route": part["route"], "return_type": part["return_type"]}
    part_short = part["route"].split("'s ")[0]  # "Hatay's three customs gates" -> "Hatay"
    labels = [cfg["labels"]["whole"], _tick(cfg["labels"]["part"].format(**fill))]
    if rest is not None:
        route = rest["route"][0].upper() + rest["route"][1:]
        labels.append(_tick(cfg["labels"]["remainder"].format(route=route, part_short=part_short)))

    # One row per bar: the drawing below reads it, and it is published beside the chart as its data.
    plotted = pd.DataFrame(rows, columns=DATA_COLUMNS)
    plotted.insert(0, "bar", [one_line(label) for label in labels])
    plotted["value_label"] = [_value_label(r) for r in plotted.to_dict("records")]

    notes = []
    if any(r["approx"] for r in rows):
        quoted = ", ".join(f"“{q}”" for q in sel.whole_qualifiers) or "approximate"
        notes.append(cfg["notes"]["approx"].format(qualifiers=quoted))
    if rest is not None:
        notes.append(cfg["notes"]["derived"].format(remainder_label=rest["route"][0].upper() + rest["route"][1:],
                                                    derivation=f"total − {part_short} ({number(whole['value'], whole['approx'])} − {number(part['value'], part['approx'])})",
                                                    sig=meta()["approx_significant_figures"]))
    for row, label in zip(rows, labels):
        if row["claim_status"] != "official" and not row["derived"]:
            notes.append(cfg["notes"]["reported"].format(label=one_line(label.split("\n")[0])))
    if blank(whole["period_end"]):
        notes.append(cfg["notes"]["open_end"].format(start=fill["start"]))
    sources = source_line(tables, [r["source_id"] for r in rows])
    title = cfg["title"].format(**fill)
    frame = Frame(title, cfg["subtitle"].format(**fill), notes, sources, plot_height_in=0.62 * len(rows) + 0.5,
                  plot_left_in=2.35, plot_right_in=0.3)
    ax = frame.ax
    blue, sky = colour("blue"), colour("sky_blue")
    y = list(range(len(rows)))[::-1]
    bars = plotted.to_dict("records")
    top = max(r["value"] if blank(r["upper"]) else max(r["value"], r["upper"]) for r in bars)
    for yi, row in zip(y, bars):
        derived, approx = bool(row["derived"]), bool(row["approx"])
        face = sky if derived else blue
        if approx:
            # Approximate: a light hatched bar with a dashed outline, so it never reads as a count.
            ax.barh(yi, row["value"], height=0.58, facecolor="white", edgecolor=face, hatch="////", linewidth=1.3,
                    linestyle=(0, (4, 2)), zorder=2)
        else:
            ax.barh(yi, row["value"], height=0.58, color=face, zorder=2)
        lower, upper = row["lower"], row["upper"]
        if (not blank(lower) and lower < row["value"]) or (not blank(upper) and upper > row["value"]):
            lo = row["value"] if blank(lower) else lower
            hi = row["value"] if blank(upper) else upper
            ax.plot([lo, hi], [yi, yi], color=colour("black"), lw=1.2, zorder=3)
        ax.text(row["value"] + top * 0.015, yi, row["value_label"], va="center", ha="left", fontsize=10,
                fontweight="bold" if not approx else "normal", color=colour("black"), zorder=4)
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlim(0, top * 1.45)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.grid(axis="x", color=colour("light_grey"), lw=0.6, zorder=0)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)

    alt = one_line(cfg["alt"].format(
        **fill, whole_text=number(whole["value"], whole["approx"]),
        whole_qualifier=", ".join(sel.whole_qualifiers) or ("approximate" if whole["approx"] else "exact"),
        whole_claim=f"claim status {whole['claim_status']}", part_text=number(part["value"], part["approx"]),
        part_claim=f"claim status {part['claim_status']}",
        remainder_text=number(rest["value"], True) if rest is not None else "not given",
        sources=sources.split(": ", 1)[1].rstrip(".")))
    stem = cfg["file"].format(start_slug=str(whole["period_start"]).replace("-", "_"))
    return save(frame.fig, out_dir, stem, title, alt, data=plotted, chart=NAME, table="returns")


def _tick(label: str) -> str:
    """Tick labels wrapped to the 2.3-in margin left of the bars."""
    return "\n".join(line for part in label.split("\n") for line in textwrap.wrap(part, 30))


def _value_label(row: dict) -> str:
    value = number(row["value"], bool(row["approx"]) or bool(row["derived"]))
    if row["derived"]:
        return f"{value} (derived)"
    if row["approx"]:
        return f"{value} ({text(row['qualifier'], 'approximate')})"
    return f"{value} (exact, {row['claim_status']})"
