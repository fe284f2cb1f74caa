"""returns: every figure on returns to Syria, with route, period and approximation."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, identifier, number, vocab


class Returns(pa.DataFrameModel):
    fact_id: Series[str] = identifier("The fact this row presents.", unique=True)
    source_id: Series[str] = identifier("Source of the figure.", pattern=SOURCE_ID)
    indicator: Series[str] = identifier("What is counted (an indicator_id of the indicators table).")
    series: Series[str] = identifier("Who compiled the figure (a series_id of the statistical_series table).")
    value: Series[float] = number("Number of people, as stated or derived; read with approx, qualifier and bounds.", unit="people")
    approx: Series[bool] = field("True when the figure is approximate, a bound, or derived from an approximate figure.")
    qualifier: Series[str] = field("Words of approximation as written.", nullable=True)
    lower: Series[float] = number("Lower bound implied by the source.", nullable=True, unit="people")
    upper: Series[float] = number("Upper bound implied by the source.", nullable=True, unit="people")
    return_type: Series[str] = field("Kind of return as the source describes it (permanent, all, …).")
    route: Series[str] = field("Route or set of crossings the returns went through.")
    origin: Series[str] = field("ISO 3166 code of where the returnees left from.", str_matches=r"^[A-Z]{2}(-[0-9A-Z]{1,3})?$")
    destination: Series[str] = field("ISO 3166 code of where they returned to.", str_matches=r"^[A-Z]{2}(-[0-9A-Z]{1,3})?$")
    period_start: Series[str] = date("First day of the counting period.")
    period_end: Series[str] = date("Last day of the counting period; empty when open-ended or unknown.")
    period_basis: Series[str] = field("Where the period comes from, or why its end is open.", nullable=True)
    claim_status: Series[str] = vocab("claim_status", "How firmly the source stands behind the figure.")
    attributed_to: Series[str] = field("actor_id of whoever the figure is attributed to.", nullable=True)
    derived: Series[bool] = field("True when computed by this package from other figures.")
    derivation: Series[str] = field("Formula of a derived figure.", nullable=True)
    quote: Series[str] = field("Verbatim quote the figure comes from.")

    class Config:
        strict = True
        coerce = True
        title = "Returns to Syria"
        description = "Every returns figure with its route or crossing, period and approximation (in DuckDB, a view of facts joined with route and return type)."
        # In DuckDB this table is a view of facts joined with its topic attributes.
        metadata = {
            "view": {"base": "facts", "key": "fact_id"},
            "primaryKey": ["fact_id"],
            "foreignKeys": [
                {"fields": ["fact_id"], "reference": {"resource": "facts", "fields": ["fact_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
            "order_by": ["source_id", "fact_id"],
        }
