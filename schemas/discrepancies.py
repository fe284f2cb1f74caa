"""discrepancies: observations of one indicator for the same place and period that disagree (schemas/views/discrepancies.sql)."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import date, field, id_list, identifier, number


class Discrepancies(pa.DataFrameModel):
    discrepancy_id: Series[str] = field("indicator|geography|period_start|period_end of the group.", unique=True)
    indicator: Series[str] = identifier("What is measured (indicators.indicator_id).")
    geography: Series[str] = id_list("ISO 3166 codes of the places; the same for every observation of the group.")
    period_start: Series[str] = date("First day of the shared period.")
    period_end: Series[str] = date("Last day (or as-of day) of the shared period.")
    n_values: Series[int] = field("Number of different values.", ge=2)
    n_observations: Series[int] = field("Number of observations (facts) in the group.", ge=2)
    n_sources: Series[int] = field("Number of sources in the group (two or more).", ge=2)
    min_value: Series[float] = number("Lowest value.")
    max_value: Series[float] = number("Highest value.")
    spread_pct: Series[float] = number("(max - min) / min in percent; empty when min is 0 or negative.", nullable=True)
    series: Series[str] = field("The statistical series of the observations, semicolon-separated: different compilations differ by design.")
    observations: Series[str] = field("Every observation: observation_id (a fact_id or a dataset_values.observation_id) = value (series, source_id), by value.")

    class Config:
        strict = True
        coerce = True
        title = "Discrepancies"
        description = ("Groups of observations of one indicator for the same place and period whose values differ, with "
                       "every value, its series and its source (a DuckDB view of facts: schemas/views/discrepancies.sql). "
                       "Nothing is averaged: the spread is shown.")
        metadata = {
            "derived_view": "discrepancies.sql",
            "primaryKey": ["discrepancy_id"],
            "foreignKeys": [{"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["indicator_id"]}}],
            "order_by": ["indicator", "period_end", "discrepancy_id"],
        }
