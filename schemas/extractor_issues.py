"""extractor_issues: every figure a person read from the text because the extractor misreads it."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, field, identifier, number


class ExtractorIssues(pa.DataFrameModel):
    fact_id: Series[str] = identifier("The fact whose value was read by a person (its flags include extractor_override).", unique=True)
    source_id: Series[str] = identifier("Source of the text.", pattern=SOURCE_ID)
    span_start: Series[int] = field("Offset of the first character of the span holding the figure.", ge=0)
    span_end: Series[int] = field("Offset one past the span's last character.", ge=1)
    span_text: Series[str] = field("The span exactly as written.")
    value: Series[float] = number("The value the person read from the span (the fact's value).")
    extractor_reading: Series[str] = field("What the extractor found in the span: each mention's text, kind and value; empty when it found nothing.", nullable=True)
    check: Series[str] = field("How the value was checked against the span: `digits` (the span's digits are the value's significant digits) or `words` (the span has no digits: a number written in words).")
    reason: Series[str] = field("What the extractor gets wrong, as the coder wrote it.")

    class Config:
        strict = True
        coerce = True
        title = "Extractor issues"
        description = "Figures whose value a person read from the quoted span because the extractor misreads or misses them (an `override` in the coding). Each row is a test case for the extractor; nothing else about the fact is relaxed."
        metadata = {
            "primaryKey": ["fact_id"],
            "foreignKeys": [
                {"fields": ["fact_id"], "reference": {"resource": "facts", "fields": ["fact_id"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
            "order_by": ["source_id", "span_start", "fact_id"],
        }
