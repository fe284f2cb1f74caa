"""anomalies: observations that break their indicator's own logic (schemas/views/anomalies.sql)."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, identifier, number

RULES = ["cumulative_decrease", "stock_jump", "part_above_whole", "published_before_period_end"]


class Anomalies(pa.DataFrameModel):
    anomaly_id: Series[str] = field("rule:observation_id.", unique=True)
    rule: Series[str] = field(
        "The rule broken: cumulative_decrease (a running total below an earlier count of the same series); stock_jump "
        "(a stock moving by more than 5 % in under 31 days within one series); part_above_whole (a province above the "
        "country for the same indicator and day); published_before_period_end (stated as done, but the period ends "
        "after the earliest possible publication day).", isin=RULES)
    indicator: Series[str] = identifier("What is measured (indicators.indicator_id).")
    observation_id: Series[str] = identifier("The observation that breaks the rule (series.observation_id: a fact_id or a dataset_values.observation_id).")
    source_id: Series[str] = identifier("Its source.", pattern=SOURCE_ID)
    value: Series[float] = number("Its value.")
    period_end: Series[str] = date("Its as-of day or period end.")
    other_observation_id: Series[str] = field("The observation it contradicts; empty for a rule about one observation.", nullable=True)
    other_source_id: Series[str] = field("That observation's source.", nullable=True)
    other_value: Series[float] = number("That observation's value.", nullable=True)
    other_period_end: Series[str] = date("That observation's as-of day or period end.")
    explanation: Series[str] = field("The rule in words, with the contradicted figure.")

    class Config:
        strict = True
        coerce = True
        title = "Anomalies"
        description = ("Observations that break their indicator's own logic, each with the rule and the observation it "
                       "contradicts (a DuckDB view of the series view, facts and table cells alike: schemas/views/anomalies.sql). Shown, never dropped; they "
                       "do not fail the build, because the sources disagree, not the coding.")
        metadata = {
            "derived_view": "anomalies.sql",
            "primaryKey": ["anomaly_id"],
            "foreignKeys": [
                {"fields": ["observation_id"], "reference": {"resource": "series", "fields": ["observation_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
            "order_by": ["rule", "indicator", "period_end", "anomaly_id"],
        }
