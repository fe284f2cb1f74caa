"""facts: one row per statistic stated in (or derived from) a source."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, id_list, identifier, number, vocab, vocab_list


class Facts(pa.DataFrameModel):
    fact_id: Series[str] = identifier("Stable fact id (snake_case).", unique=True)
    source_id: Series[str] = identifier("Source the fact comes from.", pattern=SOURCE_ID)
    category: Series[str] = vocab("category", "Topic of the fact (its indicator's category).")
    indicator: Series[str] = identifier("What is measured: an indicator_id of the indicators table, shared by every source that measures the same thing (e.g. returns_since_2024_12_08).")
    series: Series[str] = identifier("Who compiled the figure: a series_id of the statistical_series table (TÜİK, TİM, DGMM, …; stated_figure when no compilation can be identified). Compare values and growth rates within one series.")
    label: Series[str] = field("Short description of what the figure counts, for tables and charts (the coder's label, else the indicator in words).")
    value: Series[float] = number("The figure as stated (or as derived). Never sharpened: read it with approx, qualifier, lower and upper.")
    unit: Series[str] = field("What the value counts or measures (people, customs gates, USD, percent, …): its indicator's unit.")
    approx: Series[bool] = field("True when the source gives the figure as approximate or as a bound, or when it is derived from such a figure.")
    qualifier: Series[str] = field("The words of approximation as the source writes them (approximately, nearly, more than, …); for a derived value, 'derived from an approximate figure' when an input is approximate; empty when exact.", nullable=True)
    lower: Series[float] = number("Lower bound implied by the qualifier (e.g. 'more than'); empty when the source implies none.", nullable=True)
    upper: Series[float] = number("Upper bound implied by the qualifier (e.g. 'nearly', 'up to'); empty when the source implies none.", nullable=True)
    period_start: Series[str] = date("Start of the period, read with the indicator's measure type: a flow's first day; a cumulative count's since day (the indicator's since); for a stock, count or capacity the earliest possible as-of day. Empty when unknown.")
    period_end: Series[str] = date("End of the period: a flow's last day; the as-of day of a cumulative count, stock, count or capacity (its latest possible day when known only to the month or year). Empty when unknown.")
    period_precision: Series[str] = vocab("period_precision", "How precisely the text gives the reference date (the as-of day, or a flow's period).")
    period_basis: Series[str] = field("Where the dates come from when they are not written next to the figure (the statement's day, a wording such as 'since 9 December'), or why they are unknown.", nullable=True)
    geography: Series[str] = id_list("ISO 3166 codes of the places the figure concerns (TR, SY, TR-31 Hatay, …).")
    attributed_to: Series[str] = field("actor_id of whoever the source attributes the figure to.", nullable=True)
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind the figure.")
    flags: Series[str] = vocab_list("fact_flag", "Known problems of the figure a query can filter on; the figure is still coded as the text says.")
    derived: Series[bool] = field("True when the value is computed by this package from other facts, not stated in the source.")
    derived_from: Series[str] = id_list("fact_ids of the inputs of a derived value.")
    derivation: Series[str] = field("Formula of a derived value, in terms of its inputs.", nullable=True)
    part_of: Series[str] = field("fact_id of the whole this figure is a part of (same source and period); a part never exceeds its whole.", nullable=True)
    quote: Series[str] = field("Verbatim quote from the source that states the figure (for a derived value: that states its inputs).")
    quote_start: Series[int] = field("Offset of the quote's first character in the source text.", ge=0)
    quote_end: Series[int] = field("Offset one past the quote's last character.", ge=1)
    notes: Series[str] = field("Coder's notes.", nullable=True)

    @pa.dataframe_check(error="bounds must bracket the value: lower <= value <= upper")
    def bounds_bracket_value(cls, df):
        return (df["lower"].isna() | (df["lower"] <= df["value"])) & (df["upper"].isna() | (df["value"] <= df["upper"]))

    @pa.dataframe_check(error="an exact figure has no qualifier and no bounds other than its value")
    def exact_has_no_qualifier(cls, df):
        exact = ~df["approx"]
        no_bounds = (df["lower"].isna() | (df["lower"] == df["value"])) & (df["upper"].isna() | (df["upper"] == df["value"]))
        return ~exact | (df["qualifier"].isna() & no_bounds)

    @pa.dataframe_check(error="a derived value names its inputs and formula; a stated one has neither")
    def derived_has_inputs(cls, df):
        has_inputs = df["derived_from"].notna() & df["derivation"].notna()
        return (df["derived"] & has_inputs) | (~df["derived"] & df["derived_from"].isna() & df["derivation"].isna())

    @pa.dataframe_check(error="period_end must not be before period_start")
    def period_ordered(cls, df):
        return df["period_start"].isna() | df["period_end"].isna() | (df["period_start"] <= df["period_end"])

    @pa.dataframe_check(error="a reference date known only by bounds, or not at all, states its basis")
    def vague_period_has_basis(cls, df):
        return ~df["period_precision"].isin(["range", "unknown"]) | df["period_basis"].notna()

    @pa.dataframe_check(error="quote_end must be greater than quote_start")
    def quote_span_ordered(cls, df):
        return df["quote_end"] > df["quote_start"]

    class Config:
        strict = True
        coerce = True
        title = "Facts"
        description = "One row per statistic: indicator and statistical series, value, unit, approximation and bounds, period, place, attribution, claim status, flags and the verbatim quote it comes from."
        metadata = {
            "primaryKey": ["fact_id"],
            "foreignKeys": [
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["indicator_id"]}},
                {"fields": ["series"], "reference": {"resource": "statistical_series", "fields": ["series_id"]}},
                {"fields": ["attributed_to"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
                {"fields": ["part_of"], "reference": {"resource": "facts", "fields": ["fact_id"]}},
            ],
            "order_by": ["source_id", "quote_start", "fact_id"],
        }
