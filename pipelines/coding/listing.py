"""What a coder may pick from: indicators, series, actors and every vocabulary, as tables. Pure."""
from __future__ import annotations

import pandas as pd

from schemas.vocabularies import vocabularies

FIXED = ("indicators", "series", "actors")


def listing(what: str, actors: list[dict] | None = None) -> pd.DataFrame:
    """The rows of `what`: indicators, series, actors, or the name of a vocabulary in schemas/vocabularies.yaml."""
    from pipelines.coding.catalogue import read_catalogue

    if what == "indicators":
        rows = read_catalogue().indicator_rows()
        return pd.DataFrame(rows)[["indicator_id", "category", "measure_type", "unit", "since", "label"]]
    if what == "series":
        return pd.DataFrame(read_catalogue().series_rows())[["series_id", "compiler", "label"]]
    if what == "actors":
        return pd.DataFrame(actors or [])[["actor_id", "actor_type", "country", "name"]]
    definitions = vocabularies()[what]  # KeyError for an unknown vocabulary
    return pd.DataFrame({"term": list(definitions), "definition": [" ".join(str(d).split()) for d in definitions.values()]})


def names() -> list[str]:
    return [*FIXED, *sorted(vocabularies())]
