"""events: one row per dated or datable happening, decision or plan in a source."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, id_list, identifier, vocab


class Events(pa.DataFrameModel):
    event_id: Series[str] = identifier("Stable event id (snake_case).", unique=True)
    source_id: Series[str] = identifier("Source the event comes from.", pattern=SOURCE_ID)
    category: Series[str] = vocab("category", "Topic of the event.")
    event_type: Series[str] = vocab("event_type", "Kind of event.")
    date_start: Series[str] = date("First possible day of the event; empty when unknown.")
    date_end: Series[str] = date("Last possible day of the event; equal to date_start for a known day; empty when unknown.")
    date_precision: Series[str] = vocab("date_precision", "How precisely the text dates the event.")
    date_inferred: Series[bool] = field("True when the date (or its year) is not written in the text but inferred; date_basis says from what.")
    date_basis: Series[str] = field("What an inferred or missing date rests on.", nullable=True)
    title: Series[str] = field("Short description of the event.")
    status: Series[str] = vocab("status", "State of the event according to the source.")
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind the event.")
    actors: Series[str] = id_list("actor_ids of the parties to the event.")
    geography: Series[str] = id_list("ISO 3166 codes of where the event happens or what it concerns.")
    quote: Series[str] = field("Verbatim quote from the source that reports the event.")
    quote_start: Series[int] = field("Offset of the quote's first character in the source text.", ge=0)
    quote_end: Series[int] = field("Offset one past the quote's last character.", ge=1)
    subject: Series[str] = identifier("What the event is a claim about (snake_case), shared by every event in any source about the same thing (tr_sy_free_trade_agreement); the view contested_events sets the claims of one subject side by side. Empty when the event has no such claim.", nullable=True)
    notes: Series[str] = field("Coder's notes.", nullable=True)

    @pa.dataframe_check(error="date_end must not be before date_start")
    def dates_ordered(cls, df):
        return df["date_start"].isna() | df["date_end"].isna() | (df["date_start"] <= df["date_end"])

    @pa.dataframe_check(error="a known day has date_start == date_end")
    def day_is_one_day(cls, df):
        return (df["date_precision"] != "day") | (df["date_start"] == df["date_end"])

    @pa.dataframe_check(error="an inferred or unknown date states its basis")
    def inferred_has_basis(cls, df):
        needs_basis = df["date_inferred"] | (df["date_precision"] == "unknown")
        return ~needs_basis | df["date_basis"].notna()

    @pa.dataframe_check(error="quote_end must be greater than quote_start")
    def quote_span_ordered(cls, df):
        return df["quote_end"] > df["quote_start"]

    class Config:
        strict = True
        coerce = True
        title = "Events"
        description = "Dated or datable happenings, decisions and plans, with date precision, status, claim status and the verbatim quote."
        metadata = {
            "primaryKey": ["event_id"],
            "foreignKeys": [
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
            "order_by": ["source_id", "quote_start", "event_id"],
        }
