"""The published charts, drawn from the validated tables only (never from the coding files).

`draw_charts(tables, out_dir)` writes each chart as PNG (print resolution) and SVG, with the data it
draws as CSV, and returns one Frictionless resource descriptor per file (alt text on the images, a
schema on the data). A chart module's `draw(tables, out_dir)` builds one frame of what it draws, draws
from it, and passes it to `common.save(..., data=frame, chart=NAME, table=...)`; see `data.py`.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipelines.charts import returns, series, timeline, trade, unhcr
from pipelines.charts.common import chart_style

CHARTS = (returns, series, timeline, trade, unhcr)


def draw_charts(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[dict]:
    out_dir = Path(out_dir)
    resources: list[dict] = []
    for chart in CHARTS:
        with chart_style():
            resources.extend(chart.draw(tables, out_dir))
    return resources


__all__ = ["draw_charts"]
