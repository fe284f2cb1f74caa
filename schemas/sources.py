"""sources: one row per registered source document."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, identifier, vocab


class Sources(pa.DataFrameModel):
    source_id: Series[str] = identifier("Source id: sequence number and 16 hex digits.", pattern=SOURCE_ID, unique=True)
    title: Series[str] = field("Title of the document (its headline, or a descriptive title when it has none).")
    publisher: Series[str] = field("Publisher or outlet; empty when unknown.", nullable=True)
    language: Series[str] = vocab("language", "Language of the text.")
    url: Series[str] = field("Address the document was taken from; empty when unknown.", nullable=True)
    path: Series[str] = field("Path of the vendored text, relative to the package root.")
    sha256: Series[str] = field("SHA-256 of the text file's bytes, re-checked on every build.", str_matches=r"^[0-9a-f]{64}$")
    bytes: Series[int] = field("Size of the text file.", unit="bytes", ge=1)
    characters: Series[int] = field("Length of the text in Unicode code points; mention and quote offsets index into it.", unit="characters", ge=1)
    published_earliest: Series[str] = date("Earliest possible publication date.")
    published_latest: Series[str] = date("Latest possible publication date; empty when nothing bounds it.")
    published_precision: Series[str] = vocab("published_precision", "How precisely the publication date is known.")
    published_basis: Series[str] = field("What the publication date bounds were inferred from.")

    class Config:
        strict = True
        coerce = True
        title = "Sources"
        description = "The source documents, vendored unchanged, with checksums and an honest publication date."
        metadata = {"primaryKey": ["source_id"], "foreignKeys": [], "order_by": ["source_id"]}
