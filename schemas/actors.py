"""actors: people, ministries, countries and media named in the sources."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import field, identifier, vocab


class Actors(pa.DataFrameModel):
    actor_id: Series[str] = identifier("Stable actor id (snake_case).", unique=True)
    name: Series[str] = field("Name as the sources write it (or a descriptive name for collective sources).")
    actor_type: Series[str] = vocab("actor_type", "Kind of actor.")
    role: Series[str] = field("Role or office at the time of the sources.", nullable=True)
    country: Series[str] = field("ISO 3166-1 alpha-2 code of the country the actor belongs to.", nullable=True, str_matches=r"^[A-Z]{2}$")
    parent_id: Series[str] = field("actor_id of the body this actor belongs to.", nullable=True)
    also_called: Series[str] = field("Other names the sources use for the actor, separated by '; ' (the stub "
                                     "matches them to propose who states a figure).", nullable=True)

    class Config:
        strict = True
        coerce = True
        title = "Actors"
        description = "People, ministries, governments, armed forces and media named in the sources."
        metadata = {
            "primaryKey": ["actor_id"],
            "foreignKeys": [{"fields": ["parent_id"], "reference": {"resource": "actors", "fields": ["actor_id"]}}],
            "order_by": ["actor_id"],
        }
