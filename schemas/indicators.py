"""indicators: what is measured, one row per indicator of schemas/indicators.yaml."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import date, field, identifier, vocab


class Indicators(pa.DataFrameModel):
    indicator_id: Series[str] = identifier("Indicator id (snake_case), shared by every source that measures the same thing.", unique=True)
    label: Series[str] = field("Short name for tables and charts.")
    category: Series[str] = vocab("category", "Topic of the indicator; every fact of it has this category.")
    unit: Series[str] = field("What the value counts or measures (people, USD, percent, MW, …); every fact of the indicator has this unit.")
    measure_type: Series[str] = vocab("measure_type", "Kind of measure, which says how a fact's period is read.")
    since: Series[str] = date("For a cumulative indicator, the day its running total starts (every fact's period_start); empty otherwise.")
    may_be_negative: Series[bool] = field("True when a value below zero is meaningful (a growth rate); a count of people, gates or bases never is, and a negative value of such an indicator stops the build.")
    part_of_year: Series[str] = field("For a flow over one whole calendar year: the indicator of the same flow over part of "
                                      "a year (a fact of either with the other's period stops the build); empty otherwise.", nullable=True)
    definition: Series[str] = field("What exactly is counted, and what is not.")

    @pa.dataframe_check(error="a cumulative indicator has a since day, and only a cumulative one")
    def since_iff_cumulative(cls, df):
        return (df["measure_type"] == "cumulative") == df["since"].notna()

    class Config:
        strict = True
        coerce = True
        title = "Indicators"
        description = "What is measured (schemas/indicators.yaml): label, category, unit, measure type, the start of a cumulative count, whether values may be negative, and the definition."
        metadata = {"primaryKey": ["indicator_id"], "foreignKeys": [{"fields": ["part_of_year"], "reference": {"resource": "indicators", "fields": ["indicator_id"]}}],
                    "order_by": ["indicator_id"]}
