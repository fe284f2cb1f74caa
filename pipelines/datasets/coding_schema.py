"""The declared shape of a dataset coding file, `data/datasets/<dataset>.yaml`.

One file per vendored table: it registers the source (id, file and its sha256, publisher, licence,
release, where it came from) and codes it (which table, which row filter, which row key, which columns
feed which indicator with which period rule). The next release of a table is one vendored file plus
one such file (`tsr add-source --dataset` writes its registration part).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schemas.fields import SOURCE_ID


def _day(value: str) -> str:
    dt.date.fromisoformat(value)  # a ValueError names an impossible day
    return value


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid")
    column: str
    indicator: str
    unit: str = "people"
    # end_of_year: a stock at 31 December; calendar_year: a flow over 1 January..31 December
    period: Literal["end_of_year", "calendar_year"]
    # only these years feed this indicator (a column can feed different indicators in different years);
    # null as the second year leaves the span open for later releases
    years: tuple[int, int | None] | None = None

    def covers(self, year: int | None) -> bool:
        if self.years is None:
            return True
        return year is not None and self.years[0] <= year and (self.years[1] is None or year <= self.years[1])
    # the row-key columns naming the places the figure concerns (ISO 3166-1 alpha-3, published as alpha-2)
    geography: list[str] = Field(default_factory=list)
    # years coded differently (a mid-year release's last row): year -> mid_year
    partial_years: dict[int, Literal["mid_year"]] = Field(default_factory=dict)
    partial_indicator: str | None = None  # the indicator for a partial-year flow (returns over a period)


class DatasetCoding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source_id: str = Field(pattern=SOURCE_ID)
    dataset: str = Field(pattern=r"^[a-z0-9_.]+$")
    title: str = Field(min_length=1)
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    table: str
    publisher: str
    licence: str
    release: str
    released_on: str
    repository: str = Field(pattern=r"^https?://")
    blob: str = Field(pattern=r"^[0-9a-f]{40}$")
    notes: str | None = None
    series: str
    row_key: list[str] = Field(min_length=1)
    filter: dict[str, str | int | list[str]]
    years: tuple[int, int] | None = None
    # codes of the table that are not ISO 3166 countries, and the place each stands for (null: none)
    place_codes: dict[str, str | None] = Field(default_factory=dict)
    columns: list[Column] = Field(min_length=1)

    _check_day = field_validator("released_on")(lambda cls, v: _day(v))

    @model_validator(mode="after")
    def _consistent(self) -> "DatasetCoding":
        if self.source_id.split("_", 1)[1] != self.sha256[:16]:
            raise ValueError(f"source_id {self.source_id} must end with the first 16 hex digits of the file's sha256 ({self.sha256[:16]})")
        for col in self.columns:
            for name in col.geography:
                if name not in self.row_key:
                    raise ValueError(f"column {col.column}: geography names {name!r}, which is not in row_key {self.row_key}")
        spans: dict[str, list[tuple[int, int]]] = {}
        for col in self.columns:
            first, last = col.years or (None, None)
            spans.setdefault(col.column, []).append((-10**6 if first is None else first, 10**6 if last is None else last))
        for column, years in spans.items():
            years.sort()
            if any(a[1] >= b[0] for a, b in zip(years, years[1:])):
                raise ValueError(f"column {column} is coded more than once for the same years; give each entry its own years")
        return self


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("_", text.lower()).strip("_")
