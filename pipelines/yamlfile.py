"""Read YAML files with line numbers, so that coding errors can name the line of the bad entry."""
from __future__ import annotations

from pathlib import Path

import yaml

from pipelines.errors import Problem, TsrError

LINE_KEY = "__line__"


# libyaml's parser when PyYAML was built with it: about eight times faster, same documents and lines.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader that records the 1-based line of every mapping under LINE_KEY.

    Dates stay strings (the timestamp resolver is removed): "2025-02-11" in a coding file is text we
    validate ourselves, and YAML's own date parsing would silently accept 2025-2-11.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, file: str):
    """Parse YAML text; a syntax error becomes a TsrError naming the file and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
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
