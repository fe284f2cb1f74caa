"""The declared shape of a dataset coding file, `data/datasets/<name>.yaml`.

One file per vendored table: which file (and its sha256), which table inside it, which row filter,
which row key, and which columns feed which indicator with which period rule. The next release of a
table is one vendored file plus one such file.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid")
    column: str
    indicator: str
    unit: str = "people"
    # end_of_year: a stock at 31 December; calendar_year: a flow over 1 January..31 December
    period: Literal["end_of_year", "calendar_year"]
    # years coded differently (a mid-year release's last row): year -> mid_year
    partial_years: dict[int, Literal["mid_year"]] = Field(default_factory=dict)
    partial_indicator: str | None = None  # the indicator for a partial-year flow (returns over a period)


class DatasetCoding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dataset: str = Field(pattern=r"^[a-z0-9_.]+$")
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    table: str
    publisher: str
    licence: str
    release: str
    released_on: str
    repository: str
    blob: str = Field(pattern=r"^[0-9a-f]{40}$")
    series: str
    row_key: list[str]
    filter: dict[str, str | int | list[str]]
    years: tuple[int, int] | None = None
    columns: list[Column]


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("_", text.lower()).strip("_")
