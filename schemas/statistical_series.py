"""statistical_series: who compiled a figure, one row per series of schemas/series.yaml."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import field, identifier


class StatisticalSeries(pa.DataFrameModel):
    series_id: Series[str] = identifier("Series id (snake_case).", unique=True)
    label: Series[str] = field("Short name of the series or compiler.")
    compiler: Series[str] = field("actor_id of the body that compiles the series; empty for figures stated without an identifiable compilation.", nullable=True)
    definition: Series[str] = field("What the compilation covers and how it differs from the other series of the same measure.")

    class Config:
        strict = True
        coerce = True
        title = "Statistical series"
        description = "Statistical series and compilers (schemas/series.yaml): the same indicator compiled differently (TÜİK vs TİM vs the trade ministry's UN-based profile) is one indicator in several series; compare growth rates only within a series."
        metadata = {
            "primaryKey": ["series_id"],
            "foreignKeys": [{"fields": ["compiler"], "reference": {"resource": "actors", "fields": ["actor_id"]}}],
            "order_by": ["series_id"],
        }
