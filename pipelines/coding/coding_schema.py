"""The declared shape of the hand-written YAML files: a coding file (data/coding/<source_id>.yaml), the
actor registry (data/coding/actors.yaml) and the two vocabularies of what is measured
(schemas/indicators.yaml, schemas/series.yaml).

Pydantic checks keys and types before anything reads a value, so a wrong shape is a clear problem
naming the file, the entry and its YAML line, never a TypeError or a dict published as text. Every
model refuses unknown keys; numbers must be finite; dates must be calendar days written YYYY-MM-DD.
Whether a term is in its vocabulary, an actor exists or a quote is verbatim is checked afterwards, by
the code that knows the vocabularies, the registry and the source text.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, ValidationError)
from pydantic_core import PydanticCustomError

from pipelines.errors import Problem
from pipelines.yamlfile import LINE_KEY

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SNAKE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


# -- value types ---------------------------------------------------------------------------------

def _fail(code: str, message: str) -> PydanticCustomError:
    """An error whose type is one of our stable codes (kebab-case), with a message already worded (without a
    context, pydantic leaves the braces of the message alone)."""
    return PydanticCustomError(code, message)


def _calendar_date(value: Any) -> str:
    """A YYYY-MM-DD string naming a real day: 2025-02-30 and 2025-2-11 are refused."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise _fail("bad-date", f"{value!r} is not a date written YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _fail("bad-date", f"{value!r} is not a calendar date") from None
    return value


def _snake_id(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("bad-type", f"an id must be a text, got {value!r}")
    if not SNAKE.match(value):
        raise _fail("bad-id", f"{value!r} is not snake_case (a-z, 0-9, _)")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("bad-type", f"must be a text, got {_strip(value)!r}")
    if not value.strip():
        raise _fail("missing-key", "must not be empty")
    return value


Date = Annotated[str, BeforeValidator(_calendar_date)]
SnakeId = Annotated[str, BeforeValidator(_snake_id)]
Text = Annotated[str, BeforeValidator(_text)]  # a non-empty string
Occurrence = Annotated[int, Field(ge=1)]


class Shape(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False, frozen=True)


# -- coding files ----------------------------------------------------------------------------------

class MentionRef(Shape):
    text: Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v)]
    occurrence: Occurrence | None = None


def _mention_text(value: Any) -> str:
    # YAML reads an unquoted 2011 as a number; the mention's text is what is written.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _fail("bad-type", f"a mention is its text or {{text, occurrence}}, got {value!r}")
    return value


MentionSpec = Annotated[
    Union[Annotated[MentionRef, Tag("ref")], Annotated[str, BeforeValidator(_mention_text), Tag("text")]],
    Discriminator(lambda v: "ref" if isinstance(v, dict) else "text"),
]


class Period(Shape):
    start: Date | None = None
    end: Date | None = None
    precision: Text = "unknown"
    basis: Text | None = None


class Derivation(Shape):
    formula: Text
    inputs: dict[str, SnakeId] = Field(min_length=1)


class ReturnsAttributes(Shape):
    return_type: Text
    route: Text
    origin: Text
    destination: Text


class Override(Shape):
    """A value read by a person from a span of the quote that the extractor misreads (or misses)."""
    span: Text  # the exact characters holding the figure, inside the quote
    occurrence: Occurrence | None = None  # which occurrence of span inside the quote
    reason: Text  # what the extractor gets wrong


class Fact(Shape):
    id: SnakeId
    indicator: SnakeId
    series: SnakeId
    claim_status: Text
    quote: Text
    period: Period
    category: Text | None = None  # taken from the indicator when omitted
    unit: Text | None = None  # taken from the indicator when omitted
    label: Text | None = None
    value: float | None = None
    qualifier: Text | None = None
    lower: float | None = None
    upper: float | None = None
    geography: list[Text] | None = None
    attributed_to: Text | None = None
    flags: list[Text] | None = None
    occurrence: Occurrence | None = None
    mentions: list[MentionSpec] | None = None
    derived: Derivation | None = None
    override: Override | None = None
    part_of: SnakeId | None = None
    returns: ReturnsAttributes | None = None
    notes: Text | None = None
    # written by `tsr stub` on a fact it drafted: what the draft follows; the build refuses the fact
    # until a person has checked it and deleted the line
    draft: Text | None = None


class EventDate(Shape):
    start: Date | None = None
    end: Date | None = None
    precision: Text
    inferred: bool = False
    basis: Text | None = None


class TradeMeasure(Shape):
    direction: Text
    instrument: Text
    measure: Text
    issuing_body: Text | None = None
    state_before: Text | None = None
    state_after: Text | None = None


class ReconstructionWork(Shape):
    asset: Text
    asset_type: Text
    activity: Text
    location: Text | None = None
    responsible_body: Text | None = None


class Event(Shape):
    id: SnakeId
    category: Text
    event_type: Text
    date: EventDate
    title: Text
    status: Text
    claim_status: Text
    quote: Text
    actors: list[Text] | None = None
    geography: list[Text] | None = None
    occurrence: Occurrence | None = None
    mentions: list[MentionSpec] | None = None
    trade_measures: list[TradeMeasure] | None = None
    reconstruction: list[ReconstructionWork] | None = None
    # What the event is a claim about, shared by every event (in any source) about the same thing: the
    # view contested_events shows the claims of one subject side by side (docs/data-model.md).
    subject: SnakeId | None = None
    notes: Text | None = None


class Dismissal(Shape):
    mention: MentionSpec
    quote: Text
    reason: Text
    occurrence: Occurrence | None = None
    draft: Text | None = None  # written by `tsr stub` for an identifier; refused until a person deletes it


class Todo(BaseModel):
    """What `tsr stub` writes for a mention still to be coded; its suggestions may grow, so extra keys pass."""

    model_config = ConfigDict(extra="allow", frozen=True)
    status: str | None = None


class CodingFile(Shape):
    source_id: Text
    facts: list[Fact] | None = None
    events: list[Event] | None = None
    dismissed: list[Dismissal] | None = None
    todo: list[Todo] | None = None


# -- the actor registry ----------------------------------------------------------------------------

class Actor(Shape):
    id: SnakeId
    name: Text
    type: Text
    role: Text | None = None
    country: Text | None = None
    parent: SnakeId | None = None
    # other names the sources use ("interior ministry", "İçişleri Bakanlığı"): the stub finds the actor by them
    also_called: list[Text] | None = None


class ActorsFile(Shape):
    actors: list[Actor]


# -- what is measured ------------------------------------------------------------------------------

class Indicator(Shape):
    label: Text
    category: Text
    unit: Text
    measure_type: Text
    definition: Text
    since: Date | None = None
    may_be_negative: bool = False
    # a flow over one whole calendar year: the indicator of the same flow over part of a year
    part_of_year: SnakeId | None = None


class StatisticalSeries(Shape):
    label: Text
    definition: Text
    compiler: SnakeId | None = None


# -- validation with YAML lines --------------------------------------------------------------------

_CODES = {"extra_forbidden": "unknown-key", "missing": "missing-key", "finite_number": "non-finite-value"}


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _walk(document, loc: tuple) -> tuple[int | None, str | None, tuple]:
    """The YAML line of the innermost mapping on `loc`, the id of the outermost entry with one, and
    the part of `loc` below that entry."""
    line, label, below, node = None, None, loc, document
    for depth, step in enumerate(loc):
        if isinstance(node, dict):
            line = node.get(LINE_KEY, line)
            if label is None and depth > 0 and isinstance(node.get("id"), str):
                label, below = node["id"], loc[depth:]
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    else:
        if isinstance(node, dict):
            line = node.get(LINE_KEY, line)
    return line, label, below


def _path(loc: tuple) -> str:
    parts = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif step not in ("ref", "text"):  # discriminator tags, not keys
            parts.append(("." if parts else "") + str(step))
    return "".join(parts)


def _message(error: dict, loc: tuple, model) -> str:
    where = _path(loc) or "file"
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = model
        allowed = sorted(getattr(parent, "model_fields", {}))
        return f"unknown key {where!r}" + (f"; allowed here: {allowed}" if allowed else "")
    if kind == "missing":
        return f"required key {where!r} is missing"
    got = error.get("input")
    shown = f"; got {_strip(got)!r}" if "-" not in kind and got is not None else ""
    return f"{where}: {error['msg'][0].lower() + error['msg'][1:]}{shown}"


def _model_at(model, loc: tuple):
    """The pydantic model that owns the last key of `loc` (for listing its allowed keys)."""
    current = model
    for step in loc[:-1]:
        if isinstance(step, int) or step in ("ref", "text"):
            continue
        field = getattr(current, "model_fields", {}).get(step)
        if field is None:
            return current
        current = _inner_model(field.annotation) or current
    return current


def _inner_model(annotation):
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def shape_problems(model: type[BaseModel], document, file: str) -> tuple[BaseModel | None, list[tuple[tuple, Problem]]]:
    """Validate `document` (as read by pipelines.yamlfile, with line numbers) against `model`.

    Returns the validated instance (None when anything failed) and, for each failure, its location in
    the document and a Problem `[code] file: entry-id (line N): key: problem`.
    """
    try:
        return model.model_validate(_strip(document)), []
    except ValidationError as exc:
        out = []
        for error in exc.errors(include_url=False):
            loc = error["loc"]
            line, label, below = _walk(document, loc)
            code = error["type"] if "-" in error["type"] else _CODES.get(error["type"], "bad-type")
            at = f"line {line}" if line else "line ?"
            where = f"{label} ({at})" if label else at
            message = _message(error, below if label else loc, _model_at(model, loc))
            out.append((loc, Problem(code, file, where, message)))
        return None, out
