"""The controlled vocabularies of vocabularies.yaml, loaded once."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

VOCABULARIES_FILE = Path(__file__).with_name("vocabularies.yaml")


@cache
def vocabularies() -> dict[str, dict[str, str]]:
    with VOCABULARIES_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def terms(name: str) -> list[str]:
    return list(vocabularies()[name])


def definition(name: str) -> str:
    """'term: meaning; term: meaning' for descriptions."""
    return "; ".join(f"{term}: {meaning.rstrip('.')}" for term, meaning in vocabularies()[name].items()) + "."
