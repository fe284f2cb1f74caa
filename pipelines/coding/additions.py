"""Add an actor or an indicator with one validated command instead of a hand edit with guessed ids.

Each addition is checked as the build would check it (the declared shapes, the vocabularies, unique
ids, the parent actor), appended as text so the file keeps its comments and layout, and read back
before the file is replaced. Nothing is written when a check fails.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from pipelines.coding.actors import actor_rows
from pipelines.coding.catalogue import INDICATORS_FILE, check_indicators
from pipelines.errors import Problem, TsrError
from pipelines.yamlfile import parse_yaml, read_yaml


def _flow(mapping: dict) -> str:
    return yaml.safe_dump(mapping, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**9).strip()


def _replace(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # all or nothing: a reader sees the old file or the new one


def add_actor(actors_file: Path, file: str, *, actor_id: str, name: str, actor_type: str, role: str | None = None,
              country: str | None = None, parent: str | None = None, also_called: list[str] | None = None) -> dict:
    """Append an actor to the registry; returns its row. Raises TsrError (duplicate-id, unknown-term,
    dangling-actor, bad-id, …) and writes nothing on any problem."""
    old = actors_file.read_text(encoding="utf-8")
    entry = {"id": actor_id, "name": name, "type": actor_type, "role": role, "country": country, "parent": parent}
    if also_called:
        entry["also_called"] = list(also_called)
    new = old.rstrip("\n") + f"\n  - {_flow(entry)}\n"
    rows = actor_rows(parse_yaml(new, file), file)  # raises with every problem of the would-be registry
    _replace(actors_file, new)
    actor_rows(read_yaml(actors_file, file), file)
    return next(r for r in rows if r["actor_id"] == actor_id)


def add_indicator(indicator_id: str, *, label: str, category: str, unit: str, measure_type: str, definition: str,
                  since: str | None = None, may_be_negative: bool = False, part_of_year: str | None = None,
                  indicators_file: Path = INDICATORS_FILE,
                  file: str = "schemas/indicators.yaml") -> None:
    """Append an indicator to the vocabulary. Raises TsrError (duplicate-id, unknown-term, bad-since, …)."""
    old = indicators_file.read_text(encoding="utf-8")
    document = parse_yaml(old, file)
    if isinstance(document, dict) and indicator_id in document:
        raise TsrError(Problem("duplicate-id", file, indicator_id, "indicator already defined; reuse it"))
    entry = {"label": label, "category": category, "unit": unit, "measure_type": measure_type}
    if since is not None:
        entry["since"] = since
    if may_be_negative:
        entry["may_be_negative"] = True
    if part_of_year is not None:
        entry["part_of_year"] = part_of_year
    entry["definition"] = definition
    block = yaml.safe_dump({indicator_id: entry}, allow_unicode=True, sort_keys=False, width=100)
    new = old.rstrip("\n") + "\n\n" + block
    _, problems = check_indicators(parse_yaml(new, file), file)
    if problems:
        raise TsrError(problems)
    _replace(indicators_file, new)
