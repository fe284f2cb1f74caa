"""mentions: every number and date expression found in every source, and what became of it."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, field, identifier, number, vocab

# A date as precisely as the text gives it: YYYY, YYYY-MM, YYYY-MM-DD, or without its year
# (ISO 8601-2, EDTF) XXXX-MM-DD / XXXX-MM when the text gives none and none could be inferred.
ISO_PARTIAL_DATE = r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$"


class Mentions(pa.DataFrameModel):
    mention_id: Series[str] = field("Mention id: source id, start and end offsets.", unique=True, str_matches=SOURCE_ID.removesuffix("$") + r":\d+-\d+$")
    source_id: Series[str] = identifier("Source the mention is in.", pattern=SOURCE_ID)
    start: Series[int] = field("Offset of the first character (0-based, Unicode code points).", ge=0)
    end: Series[int] = field("Offset one past the last character.", ge=1)
    text: Series[str] = field("The expression exactly as written.")
    kind: Series[str] = vocab("mention_kind", "Kind of expression.")
    value: Series[float] = number("Numeric value (a fraction as a share of 1, a change as signed percent or factor); empty for dates, for vague amounts such as 'hundreds of', and for integers beyond 2**53, which float64 cannot hold exactly.", nullable=True)
    unit: Series[str] = field("Unit, currency or counted noun when it is written next to the number.", nullable=True)
    date: Series[str] = field("Date as precisely as the text gives it (YYYY, YYYY-MM or YYYY-MM-DD; XXXX-MM-DD or XXXX-MM when the year is neither written nor inferable); the first day, month or year of a date_range.", nullable=True, str_matches=ISO_PARTIAL_DATE)
    date_end: Series[str] = field("Last day, month or year of a date_range, with the precision of `date`; empty for every other kind.", nullable=True, str_matches=ISO_PARTIAL_DATE)
    date_precision: Series[str] = vocab("date_precision", "Precision of `date`.", nullable=True)
    date_inferred: Series[bool] = field("True when part of the date (usually the year) is not in the expression and was inferred.")
    qualifier: Series[str] = field("Approximation or bound word attached to the number (approximately, nearly, more than, …).", nullable=True)
    approx: Series[bool] = field("True when the text marks the figure as approximate or as a bound.")
    lower: Series[float] = number("Lower bound the words imply, when they imply one.", nullable=True)
    upper: Series[float] = number("Upper bound the words imply, when they imply one.", nullable=True)
    coded_as: Series[str] = vocab("coded_as", "What the coding decided the mention is.")
    fact_id: Series[str] = field("Fact the mention is coded into.", nullable=True)
    event_id: Series[str] = field("Event the mention is coded into.", nullable=True)
    dismissed_reason: Series[str] = field("Why the mention is not a statistic.", nullable=True)

    @pa.dataframe_check(error="end must be greater than start")
    def end_after_start(cls, df):
        return df["end"] > df["start"]

    @pa.dataframe_check(error="a mention is either coded (fact/event) or dismissed with a reason")
    def coded_or_dismissed(cls, df):
        dismissed = df["coded_as"] == "dismissed"
        has_reason = df["dismissed_reason"].notna()
        has_link = df["fact_id"].notna() | df["event_id"].notna()
        return (dismissed & has_reason & ~has_link) | (~dismissed & ~has_reason & has_link)

    class Config:
        strict = True
        coerce = True
        title = "Mentions"
        description = "Every number and date expression in every source, with its character span and its coding."
        metadata = {
            "primaryKey": ["mention_id"],
            "foreignKeys": [
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
                {"fields": ["fact_id"], "reference": {"resource": "facts", "fields": ["fact_id"]}},
                {"fields": ["event_id"], "reference": {"resource": "events", "fields": ["event_id"]}},
            ],
            "order_by": ["source_id", "start", "end"],
        }
