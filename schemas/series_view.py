"""series: one row per observation of an indicator, every source's figure side by side (schemas/views/series.sql)."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, id_list, identifier, number, vocab, vocab_list


class SeriesView(pa.DataFrameModel):
    observation_id: Series[str] = identifier("The observation: its fact_id for a figure quoted from a text, its dataset_values.observation_id for a table cell.", unique=True)
    indicator: Series[str] = identifier("What is measured (indicators.indicator_id).")
    indicator_label: Series[str] = field("The indicator's label.")
    measure_type: Series[str] = vocab("measure_type", "How the indicator's value relates to its period.")
    series: Series[str] = identifier("Who compiled the figure (statistical_series.series_id); compare growth only within a series.")
    compiler: Series[str] = field("actor_id of the compiling body; empty for stated figures without an identifiable compilation.", nullable=True)
    reference_date: Series[str] = date("The day the observation refers to: its period's end (the as-of day of a stock or running total), else its start; sort key of the series.")
    period_start: Series[str] = date("First day of the period (a running total's since day).")
    period_end: Series[str] = date("Last day of the period, or the as-of day; for precision range, the latest it can be.")
    period_precision: Series[str] = vocab("period_precision", "How precisely the text gives the period.")
    value: Series[float] = number("The figure as stated (or derived); read with approx, qualifier and bounds.", nullable=True)
    approx: Series[bool] = field("True when the figure is approximate, a bound, or derived from an approximate figure.")
    qualifier: Series[str] = field("Words of approximation as written.", nullable=True)
    lower: Series[float] = number("Lower bound implied by the source.", nullable=True)
    upper: Series[float] = number("Upper bound implied by the source.", nullable=True)
    unit: Series[str] = field("What the value counts (the indicator's unit).")
    geography: Series[str] = id_list("ISO 3166 codes of the places the figure concerns.")
    source_id: Series[str] = identifier("Source of the figure.", pattern=SOURCE_ID)
    source_kind: Series[str] = vocab("source_kind", "Whether the figure comes from a text or a data table.")
    fact_id: Series[str] = identifier("The fact (facts.fact_id) whose quote and offsets trace the figure to its text; empty for a table cell.", nullable=True)
    dataset_observation_id: Series[str] = identifier("The table cell (dataset_values.observation_id) whose file, table, row key and column trace the figure; empty for a fact.", nullable=True)
    publisher: Series[str] = field("Publisher of the source.", nullable=True)
    published_earliest: Series[str] = date("Earliest possible publication day of the source.")
    published_latest: Series[str] = date("Latest possible publication day of the source.")
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind the figure.")
    flags: Series[str] = vocab_list("fact_flag", "Known problems of the figure.")
    derived: Series[bool] = field("True when computed by this package from other figures.")
    superseded_by: Series[str] = identifier("For a table cell: the source id of a later release holding the same cell; empty otherwise. Both are kept.", pattern=SOURCE_ID, nullable=True)

    class Config:
        strict = True
        coerce = True
        title = "Series"
        description = ("Every observation of every indicator, side by side by source and series, sorted by indicator and "
                       "the day it refers to (a DuckDB view of facts, indicators, statistical_series and sources: "
                       "schemas/views/series.sql), together with the cells copied from official tables (dataset_values). Disagreements stay as separate rows; see discrepancies and anomalies.")
        metadata = {
            "derived_view": "series.sql",
            "primaryKey": ["observation_id"],
            "foreignKeys": [
                {"fields": ["fact_id"], "reference": {"resource": "facts", "fields": ["fact_id"]}},
                {"fields": ["dataset_observation_id"], "reference": {"resource": "dataset_values", "fields": ["observation_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["indicator_id"]}},
            ],
            "order_by": ["indicator", "reference_date", "series", "observation_id"],
        }
