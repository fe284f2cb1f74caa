"""sources: one row per registered source document."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, id_list, identifier, vocab


class Sources(pa.DataFrameModel):
    source_id: Series[str] = identifier("Source id: a sequence number of three or more digits and the first 16 hex digits of the text's sha256.", pattern=SOURCE_ID, unique=True)
    kind: Series[str] = vocab("source_kind", "What the source is.")
    text_scope: Series[str] = vocab("text_scope", "How much of the document the vendored text holds (empty for a dataset). Check an excerpt's figures at its url.", nullable=True)
    title: Series[str] = field("Title of the document (its headline, or a descriptive title when it has none).")
    publisher: Series[str] = field("Publisher or outlet; empty when unknown.", nullable=True)
    language: Series[str] = vocab("language", "Language of the text.")
    url: Series[str] = field("Address the document was taken from (http or https); empty when unknown.", nullable=True)
    retrieved_on: Series[str] = date("Day the document was retrieved from its url; empty when not recorded.")
    path: Series[str] = field("Path of the vendored text or data file, relative to the package root.")
    sha256: Series[str] = field("SHA-256 of the vendored file's bytes, re-checked on every build.", str_matches=r"^[0-9a-f]{64}$")
    bytes: Series[int] = field("Size of the vendored file.", unit="bytes", ge=1)
    characters: Series[pd.Int64Dtype] = field("Length of the text in Unicode code points; mention and quote offsets index into it. Empty for a dataset.", unit="characters", ge=1, nullable=True)
    published_earliest: Series[str] = date("Earliest possible publication date.")
    published_latest: Series[str] = date("Latest possible publication date; empty when nothing bounds it.")
    published_precision: Series[str] = vocab("published_precision", "How precisely the publication date is known.")
    published_inferred: Series[bool] = field("True when the publication date is inferred (from the content, the news cycle or a bound), not printed on or with the document.")
    published_basis: Series[str] = field("What the publication date rests on (including any commentary the metadata gave with the date).")
    published_as_given: Series[str] = field("The publication date exactly as the metadata it was registered from wrote it (e.g. '~2025-06-06..2025-06-14 (bound)'); empty when it was given as bounds.", nullable=True)
    topic: Series[str] = field("Topic of the document as recorded when it was registered (e.g. 'returns / temporary protection').", nullable=True)
    flags: Series[str] = id_list("Source-level warnings a query can filter on (vocabulary source_flag: weak_aggregator, agency_copy, primary_not_found).")
    notes: Series[str] = field("Known problems of the source, as recorded when it was registered.", nullable=True)
    licence: Series[str] = field("Licence the source is published under, when it states one (CC-BY-4.0 for UNHCR's tables); empty when not recorded.", nullable=True)
    release: Series[str] = field("For a dataset: the release (package version) of the table; empty for a text.", nullable=True)
    origin: Series[str] = field("For a dataset: where the vendored file came from, as repository and git blob id, so anyone can check it byte for byte; empty for a text.", nullable=True)
    slug: Series[str] = field("File name (without extension) the source was registered from, e.g. the corpus's 21_sozcu_557702_citizenship; empty when not recorded.", nullable=True)

    class Config:
        strict = True
        coerce = True
        title = "Sources"
        description = ("The source documents, vendored unchanged, with checksums, scope (full text or excerpt) and an honest "
                       "publication date. Offsets refer to the vendored text; check an excerpt's figures at its url.")
        metadata = {"primaryKey": ["source_id"], "foreignKeys": [], "order_by": ["source_id"]}
