"""What every chart shares: wording from charts.meta.yaml, number and date formats, the framed figure
(title, subtitle, plot, notes, source line) and byte-deterministic saving."""
from __future__ import annotations

import math
import textwrap
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib.lines import Line2D
import pandas as pd
import yaml
from matplotlib.figure import Figure

from pipelines.cells import blank  # also used by the chart modules
from schemas.fields import source_order
from pipelines.charts.data import write_data

META_FILE = Path(__file__).resolve().parent / "charts.meta.yaml"
CHARTS_PATH = "data/charts"  # where the build puts the charts, relative to the package root

# Points: title, subtitle, body, notes.
TITLE_PT, SUBTITLE_PT, BODY_PT, NOTE_PT = 13.0, 9.5, 8.5, 7.2
MARGIN_IN = 0.3
# Average DejaVu Sans glyph width in ems (measured on the notes' mix of text and digits).
EM_WIDTH = 0.55


@cache
def meta() -> dict:
    with META_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def colour(name: str) -> str:
    return meta()["palette"][name]


@contextmanager
def chart_style():
    """rcParams for one drawing, scoped so the build's own matplotlib state is left alone."""
    fig_meta = meta()["figure"]
    rc = {
        # A fixed salt makes the SVG clip-path and glyph ids repeatable across processes.
        "svg.hashsalt": "turkey-syria-stats",
        # Real text in the SVG: selectable, searchable, and read by screen readers.
        "svg.fonttype": "none",
        "font.family": fig_meta["font"],
        "font.size": BODY_PT,
        "axes.edgecolor": colour("grey"),
        "axes.labelcolor": colour("black"),
        "xtick.color": colour("grey"),
        "ytick.color": colour("black"),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "hatch.linewidth": 0.9,
        "savefig.dpi": fig_meta["dpi"],
    }
    with matplotlib.rc_context(rc):
        yield


# -- values ---------------------------------------------------------------------------------------

def text(value, default: str = "") -> str:
    return default if blank(value) else str(value)


def round_significant(value: float, figures: int) -> float:
    if value == 0:
        return 0.0
    digits = figures - int(math.floor(math.log10(abs(value)))) - 1
    return round(value, digits)


def number(value: float, approx: bool = False) -> str:
    """'27,941' for an exact figure; '≈12,000' for an approximate one, never sharper than the config allows."""
    if approx:
        value = round_significant(value, meta()["approx_significant_figures"])
        return f"≈{value:,.0f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def parse_date(value) -> date | None:
    return None if blank(value) else date.fromisoformat(str(value)[:10])


def day_label(value) -> str:
    d = parse_date(value)
    return f"{d.day} {d:%b %Y}" if d else ""


def month_label(value) -> str:
    d = parse_date(value)
    return f"{d:%B %Y}" if d else ""


def when_label(start, end, precision: str) -> str:
    """A date as precisely as the source gives it."""
    if blank(start):
        return ""
    if precision == "month":
        return f"{parse_date(start):%b %Y}"
    if precision == "year":
        return f"{parse_date(start):%Y}"
    if precision == "day" or blank(end) or str(start) == str(end):
        return day_label(start)
    return f"{day_label(start)} – {day_label(end)}"


def source_line(tables: dict[str, pd.DataFrame], source_ids) -> str:
    """'Source: “Title” [id], published on or after 11 Feb 2025.' for every document a chart draws on."""
    wanted = sorted({str(s) for s in source_ids if not blank(s)}, key=source_order)
    sources = tables["sources"].set_index("source_id")
    parts = []
    for sid in wanted:
        if sid not in sources.index:
            parts.append(f"[{sid}]")
            continue
        row = sources.loc[sid]
        published = published_label(row)
        publisher = "" if blank(row.get("publisher")) else f", {row['publisher']}"
        parts.append(f"“{row['title']}”{publisher} [{sid}]" + (f", {published}" if published else ""))
    label = "Source" if len(parts) == 1 else "Sources"
    return f"{label}: " + "; ".join(parts) + "."


def published_label(row) -> str:
    earliest, latest = row.get("published_earliest"), row.get("published_latest")
    if blank(earliest):
        return ""
    if row.get("published_precision") == "day" or (not blank(latest) and str(latest) == str(earliest)):
        return f"published {day_label(earliest)}"
    if blank(latest):
        return f"published on or after {day_label(earliest)}"
    return f"published between {day_label(earliest)} and {day_label(latest)}"


# -- the framed figure ----------------------------------------------------------------------------

def _line_in(points: float) -> float:
    return points * 1.32 / 72


def wrap(text_: str, points: float, width_in: float) -> list[str]:
    chars = max(20, int(width_in * 72 / (points * EM_WIDTH)))
    out: list[str] = []
    for paragraph in text_.split("\n"):
        out.extend(textwrap.wrap(paragraph, chars) or [""])
    return out


class Frame:
    """A figure of fixed width whose height fits its title, plot area and notes, laid out in inches
    (not with tight/constrained layout) so the geometry never depends on text measurement."""

    def __init__(self, title: str, subtitle: str, notes: list[str], source: str, plot_height_in: float,
                 plot_left_in: float = 1.6, plot_right_in: float = 0.4, legend_in: float = 0.0,
                 footer_gap_in: float = 0.42):
        self.width = meta()["figure"]["width_in"]
        text_width = self.width - 2 * MARGIN_IN
        self.title_lines = wrap(title, TITLE_PT, text_width)
        self.subtitle_lines = wrap(subtitle, SUBTITLE_PT, text_width)
        self.note_lines = [line for note in notes for line in wrap(note, NOTE_PT, text_width)]
        self.source_lines = wrap(source, NOTE_PT, text_width)
        header = 0.22 + _line_in(TITLE_PT) * len(self.title_lines) + 0.06 + _line_in(SUBTITLE_PT) * len(self.subtitle_lines) + 0.28 + legend_in
        self.footer_gap = footer_gap_in  # room for tick labels between the plot and the notes
        footer = footer_gap_in + _line_in(NOTE_PT) * (len(self.note_lines) + len(self.source_lines)) + 0.16
        self.height = round(header + plot_height_in + footer, 2)
        self.fig = Figure(figsize=(self.width, self.height), dpi=meta()["figure"]["dpi"], facecolor="white")
        self.ax = self.fig.add_axes((plot_left_in / self.width, (self.height - header - plot_height_in) / self.height,
                                     (self.width - plot_left_in - plot_right_in) / self.width, plot_height_in / self.height))
        self._draw_text(header, plot_height_in)

    def _draw_text(self, header: float, plot_height: float) -> None:
        fig, h, x = self.fig, self.height, MARGIN_IN / self.width
        y = h - 0.22
        fig.text(x, y / h, "\n".join(self.title_lines), fontsize=TITLE_PT, fontweight="bold", va="top", linespacing=1.15)
        y -= _line_in(TITLE_PT) * len(self.title_lines) + 0.06
        fig.text(x, y / h, "\n".join(self.subtitle_lines), fontsize=SUBTITLE_PT, color=colour("grey"), va="top",
                 linespacing=1.2)
        # Notes and source sit below the plot and its tick labels.
        y = h - header - plot_height - self.footer_gap
        fig.add_artist(Line2D([x, 1 - x], [(y + 0.08) / h] * 2, color=colour("light_grey"), lw=0.8))
        block = self.note_lines + self.source_lines
        fig.text(x, y / h, "\n".join(block), fontsize=NOTE_PT, color=colour("grey"), va="top", linespacing=1.25)


# -- saving ---------------------------------------------------------------------------------------

def save(fig: Figure, out_dir: Path, stem: str, title: str, alt: str, *, data: pd.DataFrame, chart: str,
         table: str | None = None) -> list[dict]:
    """Write <stem>.png and <stem>.svg with no timestamps or version stamps, and <stem>.csv: `data`, the
    frame the chart drew (one row per mark). One descriptor per file.

    `chart` is the chart's key in charts.meta.yaml (its `data` block describes the frame); columns it
    does not describe take their description from the same-named column of the published `table`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    dpi = meta()["figure"]["dpi"]
    fig.savefig(out_dir / f"{stem}.png", format="png", dpi=dpi, metadata={"Software": None})
    fig.savefig(out_dir / f"{stem}.svg", format="svg", metadata={"Date": None, "Creator": None})
    slug = stem.replace("_", "-")
    spec = meta()["charts"][chart].get("data") or {}
    csv = write_data(data, out_dir, stem, f"{CHARTS_PATH}/{stem}.csv", chart=chart, title=title,
                     description=spec.get("description", f"The rows drawn in the chart “{title}”."),
                     own_columns=spec.get("columns") or {}, table=table)
    return [
        {"name": f"{slug}-{ext}", "path": f"{CHARTS_PATH}/{stem}.{ext}", "format": ext, "mediatype": mediatype,
         "title": title, "description": alt, "alt_text": alt}
        for ext, mediatype in (("png", "image/png"), ("svg", "image/svg+xml"))
    ] + [csv]


def one_line(text_: str) -> str:
    return " ".join(text_.split())
