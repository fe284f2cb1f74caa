"""Field constructors shared by the table models.

Each model column is a pandera Field whose `metadata` also carries what the Frictionless Table Schema
needs and pandera does not model (the published type of dates, the unit, the vocabulary name), so
that the model stays the single definition of its table.
"""
from __future__ import annotations

import pandera.pandas as pa

import schemas.checks  # noqa: F401 - registers the finite and calendar_date checks
from schemas.vocabularies import definition, terms

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
SNAKE_ID = r"^[a-z0-9][a-z0-9_]*$"
# A sequence number of three digits (000-999) or more without a leading zero (1000, 12345), then the
# first 16 hex digits of the text's sha256. Each sequence number has exactly one spelling.
SOURCE_SEQUENCE = r"(?:[0-9]{3}|[1-9][0-9]{3,})"
SOURCE_ID = rf"^{SOURCE_SEQUENCE}_[0-9a-f]{{16}}$"


def source_sequence(source_id: str) -> int:
    """The sequence number of a source id: 7 for 007_…, 1000 for 1000_…."""
    return int(str(source_id).split("_", 1)[0])


def source_order(source_id: str) -> tuple[int, str]:
    """Sort key that puts 999_… before 1000_… (text order would not)."""
    return source_sequence(source_id), str(source_id)


def field(description: str, *, nullable: bool = False, unit: str | None = None, **checks):
    metadata = {"unit": unit} if unit else {}
    return pa.Field(description=description, nullable=nullable, metadata=metadata or None, **checks)


def vocab(name: str, description: str, *, nullable: bool = False):
    return pa.Field(
        description=f"{description} Allowed values — {definition(name)}",
        nullable=nullable,
        isin=terms(name),
        metadata={"vocabulary": name},
    )


def number(description: str, *, nullable: bool = False, unit: str | None = None, **checks):
    """A float column: never inf or NaN as a value (NaN only as a missing value where nullable)."""
    return field(description, nullable=nullable, unit=unit, finite=True, **checks)


def date(description: str, *, nullable: bool = True):
    return pa.Field(
        description=f"{description} ISO 8601 (YYYY-MM-DD).",
        nullable=nullable,
        str_matches=ISO_DATE,
        calendar_date=True,
        metadata={"type": "date"},
    )


def vocab_list(name: str, description: str):
    """Semicolon-separated terms of one vocabulary, sorted; the pattern admits only its terms."""
    alternatives = "|".join(terms(name))
    return pa.Field(
        description=f"{description} Semicolon-separated, sorted; empty when none. Allowed values — {definition(name)}",
        nullable=True,
        str_matches=rf"^({alternatives})(;({alternatives}))*$",
        metadata={"vocabulary": name, "list": True},
    )


def identifier(description: str, *, pattern: str = SNAKE_ID, nullable: bool = False, unique: bool = False):
    return pa.Field(description=description, nullable=nullable, str_matches=pattern, unique=unique)


def id_list(description: str):
    return pa.Field(
        description=f"{description} Semicolon-separated, sorted; empty when none.",
        nullable=True,
        str_matches=r"^[A-Za-z0-9_\-]+(;[A-Za-z0-9_\-]+)*$",
        metadata={"list": True},
    )
