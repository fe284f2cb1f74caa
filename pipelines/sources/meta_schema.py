"""The declared shape of a source's metadata file, `data/sources/<id>.meta.yaml`.

One pydantic model says which keys exist, their types and allowed values; `validate_meta` turns every
violation into a Problem with a stable code, the dotted key and its YAML line. Unknown keys, wrong
types, impossible calendar days, non-http(s) URLs and control characters are refused. Strings stay
strings: dates are checked as YYYY-MM-DD and real calendar days, then kept as text for the tables.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from pipelines.errors import Problem, TsrError
from pipelines.sources.published import parse_published
from pipelines.yamlfile import LINE_KEY, strip_lines
from schemas.fields import SOURCE_ID
from pipelines.sources.urls import is_web_url
from schemas.vocabularies import terms

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_SOURCE_ID = re.compile(SOURCE_ID)
_ALLOWED_CONTROLS = {"\n", "\t"}


def _fail(code: str, template: str, key: str | None = None, **context) -> PydanticCustomError:
    """An error with our stable code; `key` names the key when the check spans the whole mapping."""
    text = template.format(**context).replace("{", "(").replace("}", ")")  # pydantic would re-template braces
    return PydanticCustomError(code, text, {"key": key} if key else None)


def _text(value: str) -> str:
    if not value.strip():
        raise _fail("empty-value", "must not be empty")
    bad = next((c for c in value if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS), None)
    if bad is not None:
        raise _fail("control-character", "contains the control character {char}", char=f"U+{ord(bad):04X}")
    return value


def _iso_day(value: str) -> str:
    if not _ISO_DAY.match(value):
        raise _fail("bad-date", "{value!r} is not a date YYYY-MM-DD", value=value)
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _fail("bad-date", "{value!r} is not a calendar date", value=value) from None
    return value


def _url(value: str) -> str:
    # the address test first: a control character inside a URL is reported as a bad address
    if not is_web_url(value):
        raise _fail("bad-url", "{value!r} is not an http or https address", value=value)
    return _text(value)


def _pattern(regex: re.Pattern, code: str, what: str):
    def check(value: str) -> str:
        if not regex.match(value):
            raise _fail(code, "{value!r} is not " + what, value=value)
        return value
    return AfterValidator(check)


def _vocabulary(name: str, code: str):
    def check(value: str) -> str:
        if value not in terms(name):
            raise _fail(code, "{value!r} is not one of {allowed} (vocabulary {name})",
                        value=value, allowed=", ".join(terms(name)), name=name)
        return value
    return AfterValidator(check)


Text = Annotated[str, AfterValidator(_text)]
IsoDay = Annotated[str, AfterValidator(_iso_day)]
HttpUrl = Annotated[str, AfterValidator(_url)]
SourceId = Annotated[str, _pattern(_SOURCE_ID, "bad-source-id", "NNN_<16 hex digits> (three or more digits, no extra leading zero)")]
Sha256 = Annotated[str, _pattern(_SHA256, "bad-sha256", "64 lowercase hex digits")]
Slug = Annotated[str, _pattern(_SLUG, "bad-slug", "a file name stem (letters, digits, '.', '_', '-')")]
Language = Annotated[str, _vocabulary("language", "bad-language")]
Kind = Annotated[str, _vocabulary("source_kind", "bad-kind")]
TextScope = Annotated[str, _vocabulary("text_scope", "bad-text-scope")]
Precision = Annotated[str, _vocabulary("published_precision", "bad-precision")]
Flag = Annotated[str, _vocabulary("source_flag", "bad-flag")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PublishedMeta(_Strict):
    """When the document was published, without sharpening: bounds, precision, basis."""

    earliest: IsoDay | None
    latest: IsoDay | None
    precision: Precision
    basis: Text
    inferred: bool = False
    as_given: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PublishedMeta:
        earliest, latest = self.earliest, self.latest
        if earliest and latest and latest < earliest:
            raise _fail("end-before-start", "latest {latest} is before earliest {earliest}", latest=latest, earliest=earliest)
        if self.precision != "range":
            first, last = (dt.date.fromisoformat(d) if d else None for d in (earliest, latest))
            if first is None or last is None or not _spans(self.precision, first, last):
                raise _fail("precision-mismatch", "precision {precision} needs earliest and latest to span exactly one "
                            "{precision} (got {earliest} .. {latest}); use precision range for other bounds",
                            precision=self.precision, earliest=str(earliest), latest=str(latest))
        if self.as_given is not None:
            try:
                given = parse_published(self.as_given)
            except TsrError as exc:
                problem = exc.problems[0]
                raise _fail(problem.code, "{why}", why=problem.message, key="as_given") from None
            said = (given.earliest, given.latest, given.precision, given.inferred)
            if (earliest, latest, self.precision, self.inferred) != said:
                raise _fail("published-mismatch", "as_given {as_given!r} means earliest {e}, latest {l}, precision {p}, "
                            "inferred {i}; the metadata must say the same (record a better date in notes, not by "
                            "sharpening these keys)", as_given=self.as_given, e=said[0], l=said[1], p=said[2],
                            i=str(said[3]).lower())
        return self


def _spans(precision: str, first: dt.date, last: dt.date) -> bool:
    if precision == "day":
        return first == last
    if precision == "month":
        next_month = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first.day == 1 and (first.year, first.month) == (last.year, last.month) and last + dt.timedelta(days=1) == next_month
    if precision == "year":
        return (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year
    return True


class SourceMeta(_Strict):
    """The metadata of one registered source."""

    id: SourceId
    kind: Kind = "text"
    text_scope: TextScope | None = None
    title: Text
    title_is_descriptive: bool = False
    publisher: Text | None
    url: HttpUrl | None
    language: Language
    sha256: Sha256
    retrieved_on: IsoDay | None = None
    topic: Text | None = None
    notes: Text | None = None
    flags: list[Flag] = []
    slug: Slug | None = None
    published: PublishedMeta

    @model_validator(mode="after")
    def _consistent(self) -> SourceMeta:
        if self.kind == "text" and self.text_scope is None:
            raise _fail("missing-text-scope", "a text source says whether it is the full_text or an excerpt",
                        key="text_scope")
        if self.kind != "text" and self.text_scope is not None:
            raise _fail("bad-text-scope", "only a text has a text_scope; a {kind} has none", kind=self.kind, key="text_scope")
        if len(set(self.flags)) != len(self.flags):
            raise _fail("bad-flag", "a flag is listed twice: {flags}", flags=", ".join(self.flags), key="flags")
        earliest = self.published.earliest
        if self.retrieved_on and earliest and self.retrieved_on < earliest:
            raise _fail("retrieved-before-published", "retrieved on {r}, before the earliest publication date {e}",
                        r=self.retrieved_on, e=earliest, key="retrieved_on")
        return self


_PYDANTIC_CODES = {"missing": "missing-key", "extra_forbidden": "unknown-key"}


def _line(raw, loc: tuple) -> str:
    """'line N' of the deepest mapping key on `loc` that the raw YAML has."""
    node, line = raw, raw.get(LINE_KEY) if isinstance(raw, dict) else None
    for part in loc:
        if isinstance(node, dict):
            key_line = node.line_of_key(part) if hasattr(node, "line_of_key") else None
            line = key_line or line
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return f"line {line}" if line else "line ?"


def _problem(raw, error: dict, file: str) -> Problem:
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"]) + ((ctx["key"],) if "key" in ctx else ())
    code = _PYDANTIC_CODES.get(error["type"])
    if code is None:
        code = error["type"] if "-" in error["type"] else "wrong-type"
    if loc == ("published", "basis") and code in ("missing-key", "empty-value"):
        code = "missing-basis"
    dotted = ".".join(str(p) for p in loc) or "(top level)"
    message = error["msg"]
    if code == "wrong-type":
        got = type(error.get("input")).__name__
        message = f"{message} (got {_TYPE_WORDS.get(got, got)})"
    elif code == "unknown-key":
        message = f"unknown key; allowed: {', '.join(_allowed_keys(loc))}"
    elif code == "missing-key":
        message = "required key is missing"
    return Problem(code, file, f"{dotted} ({_line(raw, loc)})", message)


_TYPE_WORDS = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true/false", "list": "a list",
               "dict": "a mapping", "LineDict": "a mapping", "NoneType": "nothing"}


def _allowed_keys(loc: tuple) -> list[str]:
    model = PublishedMeta if loc[:1] == ("published",) and len(loc) == 2 else SourceMeta
    return list(model.model_fields)


def validate_meta(raw, file: str) -> tuple[SourceMeta | None, list[Problem]]:
    """The checked metadata, or None and every problem found (each naming its key and line)."""
    if not isinstance(raw, dict):
        return None, [Problem("bad-metadata", file, "", "metadata must be a mapping of keys to values")]
    try:
        return SourceMeta.model_validate(strip_lines(raw)), []
    except ValidationError as exc:
        return None, [_problem(raw, error, file) for error in exc.errors(include_url=False)]
