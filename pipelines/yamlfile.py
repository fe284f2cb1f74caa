"""Read YAML files with line numbers, so that coding errors can name the line of the bad entry.

Every input YAML file (source metadata, coding files, actors) goes through this one loader. Besides
recording lines, it refuses what a hand-written input never needs and an attacker could abuse:
aliases (a 1 KB "billion laughs" file expands to gigabytes), nesting deeper than MAX_DEPTH (20,000
nested `[` would otherwise end in a RecursionError) and a key given twice in one mapping (YAML lets
the last one win silently).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from pipelines.errors import Problem, TsrError

LINE_KEY = "__line__"
MAX_DEPTH = 64  # hand-written inputs nest 4 or 5 levels; far below Python's recursion limit


class LineDict(dict):
    """A mapping read from YAML: LINE_KEY holds its own line, `key_lines` the line of each key."""

    key_lines: dict

    def line_of_key(self, key) -> int | None:
        return getattr(self, "key_lines", {}).get(key, self.get(LINE_KEY))


class _Refused(Exception):
    """Raised inside the loader; parse_yaml turns it into a Problem with this code."""

    def __init__(self, code: str, line: int, message: str):
        super().__init__(message)
        self.code, self.line, self.message = code, line, message


# The pure-Python loader, not libyaml's CSafeLoader (about eight times faster): libyaml composes nodes
# in C, so the alias, depth and duplicate-key refusals below would never run.
_SafeLoader = yaml.SafeLoader


class _LineLoader(_SafeLoader):
    """SafeLoader that records the 1-based line of every mapping under LINE_KEY.

    Dates stay strings (the timestamp resolver is removed): "2025-02-11" in a coding file is text we
    validate ourselves, and YAML's own date parsing would silently accept 2025-2-11.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused("yaml-alias", event.start_mark.line + 1,
                           f"alias *{event.anchor} refused: write the value out instead of referring to an anchor")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _Refused("yaml-too-deep", mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels refused")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    key_lines: dict = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        try:
            first = key_lines.get(key)
        except TypeError:  # an unhashable key; construct_mapping below reports it as YAML does
            break
        line = key_node.start_mark.line + 1
        if first is not None:
            raise _Refused("duplicate-key", line, f"key {key!r} is given twice in one mapping, on line {first} and line {line}")
        key_lines[key] = line
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.key_lines = key_lines
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, file: str):
    """Parse YAML text; a syntax error or a refused construct becomes a TsrError naming the file and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except _Refused as exc:
        raise TsrError(Problem(exc.code, file, f"line {exc.line}", exc.message)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "?"
        problem = getattr(exc, "problem", None) or str(exc)
        raise TsrError(Problem("malformed-yaml", file, line, f"not valid YAML: {problem}")) from None


def parse_yaml_bytes(data: bytes, file: str):
    """Parse the bytes of a YAML file; bytes that are not UTF-8 become a TsrError naming the byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TsrError(Problem("not-utf8", file, f"byte {exc.start}", "file is not UTF-8")) from None
    return parse_yaml(text.replace("\r\n", "\n").replace("\r", "\n"), file)  # as text-mode reading would


def read_yaml(path: Path, file: str):
    return parse_yaml_bytes(path.read_bytes(), file)


def line_of(mapping) -> str:
    return f"line {mapping.get(LINE_KEY, '?')}" if isinstance(mapping, dict) else "line ?"


def strip_lines(value):
    """The same structure without LINE_KEY entries."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
