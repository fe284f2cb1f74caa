"""reconstruction: work on Syrian transport assets, one row per asset and event."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, field, identifier, vocab


class Reconstruction(pa.DataFrameModel):
    event_id: Series[str] = identifier("The event that reports the work.")
    asset: Series[str] = field("The asset as named in the source (Damascus airport, M4 highway, …).")
    source_id: Series[str] = identifier("Source of the report.", pattern=SOURCE_ID)
    asset_type: Series[str] = vocab("asset_type", "Type of asset.")
    location: Series[str] = field("Where the asset is, as precisely as the source says.", nullable=True)
    activity: Series[str] = field("What is being done (inspection, repair, reactivation, …).")
    responsible_body: Series[str] = field("actor_id of the body doing or managing the work.", nullable=True)
    status: Series[str] = vocab("status", "State of the work according to the source.")
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind it.")
    quote: Series[str] = field("Verbatim quote the work comes from.")

    class Config:
        strict = True
        coerce = True
        unique = ["event_id", "asset"]
        title = "Reconstruction"
        description = "Reconstruction and rehabilitation of Syrian airports, railways, highways, bridges and ports, with responsible body and status."
        # In DuckDB this table is a view of events joined with its topic attributes.
        metadata = {
            "view": {"base": "events", "key": "event_id"},
            "primaryKey": ["event_id", "asset"],
            "foreignKeys": [
                {"fields": ["event_id"], "reference": {"resource": "events", "fields": ["event_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
                {"fields": ["responsible_body"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
            ],
            "order_by": ["event_id", "asset"],
        }
