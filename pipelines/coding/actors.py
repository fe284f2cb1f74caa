"""The actor registry (data/coding/actors.yaml): people, ministries, countries and media."""
from __future__ import annotations

from pipelines.errors import Problem, TsrError
from pipelines.yamlfile import line_of
from schemas.vocabularies import terms

ACTOR_KEYS = {"id", "name", "type", "role", "country", "parent"}


def actor_rows(document, file: str) -> list[dict]:
    """Rows of the actors table from the parsed registry; raises TsrError listing every problem."""
    problems: list[Problem] = []
    if not isinstance(document, dict) or not isinstance(document.get("actors"), list):
        raise TsrError(Problem("bad-coding", file, "actors", "expected a mapping with an 'actors' list"))
    rows, seen = [], {}
    for entry in document["actors"]:
        where = f"{entry.get('id')} ({line_of(entry)})" if isinstance(entry, dict) else "?"
        if not isinstance(entry, dict):
            problems.append(Problem("bad-coding", file, where, "every actor must be a mapping"))
            continue
        unknown = sorted(set(entry) - ACTOR_KEYS - {"__line__"})
        if unknown:
            problems.append(Problem("unknown-key", file, where, f"unknown key(s) {unknown}; allowed: {sorted(ACTOR_KEYS)}"))
        if not entry.get("id") or not entry.get("name"):
            problems.append(Problem("missing-key", file, where, "id and name are required"))
            continue
        if entry["id"] in seen:
            problems.append(Problem("duplicate-id", file, where, f"actor id already defined at {seen[entry['id']]}"))
            continue
        seen[entry["id"]] = line_of(entry)
        if entry.get("type") not in terms("actor_type"):
            problems.append(Problem("unknown-term", file, where, f"type {entry.get('type')!r} not in {terms('actor_type')}"))
        rows.append({"actor_id": entry["id"], "name": entry["name"], "actor_type": entry.get("type"),
                     "role": entry.get("role"), "country": entry.get("country"), "parent_id": entry.get("parent")})
    for row in rows:
        if row["parent_id"] is not None and row["parent_id"] not in seen:
            problems.append(Problem("dangling-actor", file, row["actor_id"], f"parent {row['parent_id']!r} is not an actor id"))
    if problems:
        raise TsrError(problems)
    return rows
