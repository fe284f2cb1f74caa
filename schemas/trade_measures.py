"""trade_measures: changes to the rules of Türkiye–Syria trade, one row per measure and direction."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, identifier, vocab


class TradeMeasures(pa.DataFrameModel):
    event_id: Series[str] = identifier("The event that reports the measure.")
    direction: Series[str] = vocab("trade_direction", "Flow of goods the measure applies to.")
    source_id: Series[str] = identifier("Source of the measure.", pattern=SOURCE_ID)
    date_start: Series[str] = date("First possible day the measure was taken (or the state began); empty when unknown.")
    date_end: Series[str] = date("Last possible day; empty when unknown.")
    date_precision: Series[str] = vocab("date_precision", "Precision of the date.")
    instrument: Series[str] = field("Legal or administrative instrument (circular, free trade agreement, customs regulation, …).")
    issuing_body: Series[str] = field("actor_id of the body that issued or applies the measure.", nullable=True)
    measure: Series[str] = field("What the measure does.")
    state_before: Series[str] = field("The rule before the measure.", nullable=True)
    state_after: Series[str] = field("The rule after the measure.", nullable=True)
    status: Series[str] = vocab("status", "State of the measure according to the source.")
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind it.")
    quote: Series[str] = field("Verbatim quote the measure comes from.")

    class Config:
        strict = True
        coerce = True
        unique = ["event_id", "direction"]
        title = "Trade measures"
        description = "Trade-rule changes between Türkiye and Syria: instrument, issuing body, direction, state before and after, status."
        # In DuckDB this table is a view of events joined with its topic attributes.
        metadata = {
            "view": {"base": "events", "key": "event_id"},
            "primaryKey": ["event_id", "direction"],
            "foreignKeys": [
                {"fields": ["event_id"], "reference": {"resource": "events", "fields": ["event_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
                {"fields": ["issuing_body"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
            ],
            "order_by": ["date_start", "event_id", "direction"],
        }
