"""contested_events: the claims about one subject that differ between sources, side by side."""
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, identifier, vocab


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
                       "source, date and claim status; not one merged truth (a DuckDB view of events: "
                       "schemas/views/contested_events.sql).")
        metadata = {
            "derived_view": "contested_events.sql",
            "primaryKey": ["event_id"],
            "foreignKeys": [
                {"fields": ["event_id"], "reference": {"resource": "events", "fields": ["event_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
            "order_by": ["subject", "published_earliest", "source_id", "event_id"],
        }
