"""dataset_values: one row per cell copied from an official data table (UNHCR), with its cell locator."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SOURCE_ID, date, field, id_list, identifier, number, vocab


class DatasetValues(pa.DataFrameModel):
    observation_id: Series[str] = identifier("Identifier of the observation: dataset, row key and column.", unique=True)
    source_id: Series[str] = identifier("The dataset source (sources.source_id, kind dataset) the cell was copied from.", pattern=SOURCE_ID)
    dataset: Series[str] = field("The dataset coding's name: table and release, e.g. unhcr_population_2025.12.1.")
    indicator: Series[str] = identifier("What is measured (indicators.indicator_id), the same vocabulary as the facts.")
    series: Series[str] = identifier("Who compiled the figure (statistical_series.series_id).")
    value: Series[float] = number("The cell's value, copied unchanged.")
    unit: Series[str] = field("What the value counts.")
    geography: Series[str] = id_list("ISO 3166-1 alpha-2 codes of the places the row concerns (the table's alpha-3 codes converted); for returns, the country of asylum and Syria.")
    period_start: Series[str] = date("First day of the period the cell covers (a stock's as-of day).", nullable=False)
    period_end: Series[str] = date("Last day of the period, or a stock's as-of day.", nullable=False)
    period_precision: Series[str] = vocab("period_precision", "How precisely the table gives the period.")
    partial_year: Series[str] = field("mid_year when the release holds a partial figure for the row's year (the stock at 30 June, returns January–June); empty for a full year.", nullable=True, isin=["mid_year"])
    release: Series[str] = field("The release (package version) of the table.")
    released_on: Series[str] = date("Day the release was published.", nullable=False)
    superseded_by: Series[str] = identifier("Source id of a later release of the same table holding the same cell (row key and column); empty for the newest. Both are kept.", pattern=SOURCE_ID, nullable=True)
    cell_file: Series[str] = field("Vendored file holding the cell, relative to the package root.")
    cell_sha256: Series[str] = field("SHA-256 of the file, re-checked on every build.", str_matches=r"^[0-9a-f]{64}$")
    cell_table: Series[str] = field("Table inside the file.")
    cell_row_key: Series[str] = field("The row's key, name=value pairs joined by commas (year=2024,coo_iso=SYR,coa_iso=TUR).")
    cell_column: Series[str] = field("Column of the cell.")
    coding_file: Series[str] = field("The dataset coding file that maps the cell to its indicator.")

    class Config:
        strict = True
        coerce = True
        title = "Dataset values"
        description = ("Figures copied cell by cell from official tables (UNHCR's population and solutions tables), "
                       "each with its locator: file, table, row key and column. Every build re-reads each cell and "
                       "fails if the file or a published cell changed. Releases are kept side by side; "
                       "superseded_by names the newer one.")
        metadata = {
            "primaryKey": ["observation_id"],
            "foreignKeys": [
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["indicator_id"]}},
                {"fields": ["series"], "reference": {"resource": "statistical_series", "fields": ["series_id"]}},
            ],
            "order_by": ["indicator", "period_end", "geography", "source_id", "observation_id"],
        }
