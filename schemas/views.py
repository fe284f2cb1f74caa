"""The economists' views (series, discrepancies, anomalies): DuckDB views over facts, indicators and sources,
published like the tables as CSV + Parquet. Each model is the one definition of its view's columns: the
pandera check of the published rows, the Table Schema and the DuckDB column comments come from it; the
rows come from the SQL in pipelines/views/sql.py."""
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, identifier, number, vocab, vocab_list

ANOMALY_RULES = {
    "cumulative_decrease": "A running total since a fixed day is lower than an earlier count of the same indicator, series and place, beyond any stated bound.",
    "stock_outpaces_flows": "A stock falls faster per day, between two consecutive observations of one series and place (over the longest span their dates allow), than the fastest pace per day ever observed of the cumulative outflow that explains it (schemas/view_rules.yaml).",
    "part_above_whole": "A figure of a part (schemas/view_rules.yaml) exceeds a figure of its whole from another source, for the same place and reference date.",
    "final_before_period_end": "A flow over a period, stated as its outcome (not a forecast or target), in a source that may have been published before the period ended.",
}


class SeriesView(pa.DataFrameModel):
    fact_id: Series[str] = identifier("The fact this observation is (facts.fact_id).", unique=True)
    indicator: Series[str] = identifier("What is measured (indicators.indicator_id).")
    indicator_label: Series[str] = field("The indicator's short name.")
    measure_type: Series[str] = vocab("measure_type", "The indicator's measure type, which says how the dates are read.")
    series: Series[str] = identifier("Who compiled the figure (statistical_series.series_id).")
    geography: Series[str] = field("ISO 3166 codes of the places the figure concerns, semicolon-separated.", nullable=True)
    ref_date: Series[str] = date("The date the observation refers to, for sorting and charts: period_end (a count's latest possible as-of day, a flow's last day), else period_start.")
    period_start: Series[str] = date("facts.period_start: a flow's first day, a cumulative count's since day, a stock's earliest possible as-of day.")
    period_end: Series[str] = date("facts.period_end: a flow's last day, the latest possible as-of day of a count or stock.")
    period_precision: Series[str] = vocab("period_precision", "How precisely the source gives the reference date.")
    value: Series[float] = number("The figure as stated or derived; read with approx, qualifier and bounds.")
    approx: Series[bool] = field("True when the figure is approximate, a bound, or derived from one.")
    qualifier: Series[str] = field("Words of approximation as written.", nullable=True)
    lower: Series[float] = number("Lower bound implied by the source.", nullable=True)
    upper: Series[float] = number("Upper bound implied by the source.", nullable=True)
    unit: Series[str] = field("What the value counts (the indicator's unit).")
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind the figure.")
    derived: Series[bool] = field("True when computed by this package from other facts.")
    flags: Series[str] = vocab_list("fact_flag", "Known problems of the figure.")
    source_id: Series[str] = identifier("Source of the figure.", pattern=SOURCE_ID)
    publisher: Series[str] = field("Who published the source.", nullable=True)
    published_earliest: Series[str] = date("Earliest possible publication day of the source.")
    published_latest: Series[str] = date("Latest possible publication day of the source; empty when unbounded.")
    attributed_to: Series[str] = field("actor_id of whoever the figure is attributed to.", nullable=True)

    class Config:
        strict = True
        coerce = True
        title = "Series"
        description = ("One row per observation of an indicator (every fact), with its series, reference date, "
                       "approximation, claim status and source, sorted by indicator then date: every source's "
                       "figure side by side.")
        metadata = {"sql_view": True, "primaryKey": ["fact_id"],
                    "order_by": ["indicator", "ref_date", "period_start", "series", "source_id", "fact_id"]}


class Discrepancies(pa.DataFrameModel):
    discrepancy_id: Series[str] = field("indicator@geography@period_start..period_end: the group's key.", unique=True)
    indicator: Series[str] = identifier("What is measured.")
    geography: Series[str] = field("Places the observations concern.", nullable=True)
    period_start: Series[str] = date("Start of the shared period (a cumulative count's since day).")
    period_end: Series[str] = date("End of the shared period, or the shared as-of day.", nullable=False)
    period_precision: Series[str] = field("The precisions of the observations, semicolon-separated.")
    n_observations: Series[int] = field("Observations of the indicator for this place and period.", ge=2)
    n_values: Series[int] = field("Distinct values among them.", ge=2)
    min_value: Series[float] = number("Smallest value.")
    max_value: Series[float] = number("Largest value.")
    spread_pct: Series[float] = number("(max − min) / min × 100, rounded to two decimals; empty when min is 0.", nullable=True, unit="percent")
    series_list: Series[str] = field("The series of the observations, semicolon-separated, sorted.")
    observations: Series[str] = field("Each observation as 'series: value (fact_id, source_id)', by value.")
    fact_ids: Series[str] = field("fact_ids of the observations, semicolon-separated, by value.")

    class Config:
        strict = True
        coerce = True
        title = "Discrepancies"
        description = ("One row per indicator, place and period whose observations from at least two sources disagree: more than one value, and "
                       "no single figure lies within every observation's stated bounds (an approximate figure without "
                       "bounds counts as its value). Count, min, max, spread and the values with their series and sources.")
        metadata = {"sql_view": True, "primaryKey": ["discrepancy_id"], "order_by": ["indicator", "period_end", "discrepancy_id"]}


class Anomalies(pa.DataFrameModel):
    anomaly_id: Series[str] = field("rule:fact_id:other_fact_id.", unique=True)
    rule: Series[str] = field("The rule broken. Allowed values — " + " ".join(f"{k}: {v}" for k, v in ANOMALY_RULES.items()),
                              isin=list(ANOMALY_RULES))
    indicator: Series[str] = identifier("Indicator of the observation.")
    fact_id: Series[str] = identifier("The observation that breaks the rule.")
    source_id: Series[str] = identifier("Its source.", pattern=SOURCE_ID)
    value: Series[float] = number("Its value.")
    ref_date: Series[str] = date("Its reference date (series.ref_date).")
    other_fact_id: Series[str] = identifier("The observation it contradicts (the earlier count, the whole, the previous stock, the fastest pace's end); empty for final_before_period_end.", nullable=True)
    other_source_id: Series[str] = identifier("Source of the other observation.", pattern=SOURCE_ID, nullable=True)
    other_indicator: Series[str] = identifier("Indicator of the other observation.", nullable=True)
    other_value: Series[float] = number("Value of the other observation.", nullable=True)
    other_ref_date: Series[str] = date("Reference date of the other observation.")
    detail: Series[str] = field("The comparison in words and numbers.")

    class Config:
        strict = True
        coerce = True
        title = "Anomalies"
        description = ("Observations that break their indicator's own logic, each naming the rule and the observation it "
                       "contradicts. Shown, never dropped; they never fail the build (the sources disagree, not the coding).")
        metadata = {"sql_view": True, "primaryKey": ["anomaly_id"], "order_by": ["rule", "indicator", "ref_date", "anomaly_id"]}


class ContestedEvents(pa.DataFrameModel):
    subject: Series[str] = identifier("What the claims are about (events.subject).")
    event_id: Series[str] = identifier("The event: one source's claim about the subject.", unique=True)
    source_id: Series[str] = identifier("Its source.", pattern=SOURCE_ID)
    publisher: Series[str] = field("Who published the source.", nullable=True)
    published_earliest: Series[str] = date("Earliest possible publication day of the source.")
    date_start: Series[str] = date("First possible day of the event.")
    date_end: Series[str] = date("Last possible day of the event.")
    date_precision: Series[str] = vocab("date_precision", "How precisely the source dates the event.")
    status: Series[str] = vocab("status", "The state of the event according to this source.")
    claim_status: Series[str] = vocab("claim_status", "How firmly this source stands behind it.")
    title: Series[str] = field("The claim in short.")
    quote: Series[str] = field("Verbatim quote from the source.")
    n_sources: Series[int] = field("Sources with a claim about the subject.", ge=2)

    class Config:
        strict = True
        coerce = True
        title = "Contested events"
        description = ("Claims about one subject (events sharing a subject) that differ: every event of a subject with "
                       "claims from at least two sources that differ in status or claim status, side by side with its "
                       "source, date and claim status; not one merged truth.")
        metadata = {"sql_view": True, "primaryKey": ["event_id"],
                    "order_by": ["subject", "published_earliest", "source_id", "event_id"]}


VIEWS = {"series": SeriesView, "discrepancies": Discrepancies, "anomalies": Anomalies, "contested_events": ContestedEvents}
