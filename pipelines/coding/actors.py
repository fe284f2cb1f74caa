"""The actor registry (data/coding/actors.yaml): people, ministries, countries and media."""
from __future__ import annotations

from pipelines.coding.coding_schema import Actor, ActorsFile, shape_problems
from pipelines.errors import Problem, TsrError
from pipelines.yamlfile import line_of
from schemas.vocabularies import terms

ACTOR_KEYS = set(Actor.model_fields)


def actor_rows(document, file: str) -> list[dict]:
    """Rows of the actors table from the parsed registry; raises TsrError listing every problem."""
    if not isinstance(document, dict) or not isinstance(document.get("actors"), list):
        raise TsrError(Problem("bad-coding", file, "actors", "expected a mapping with an 'actors' list"))
    _, failures = shape_problems(ActorsFile, document, file)
    problems: list[Problem] = [problem for _, problem in failures]
    broken = {loc[1] for loc, _ in failures if len(loc) >= 2 and loc[0] == "actors"}
    rows, seen, names = [], {}, {}
    for index, entry in enumerate(document["actors"]):
        if index in broken:
            continue
        where = f"{entry['id']} ({line_of(entry)})"
        if entry["id"] in seen:
            problems.append(Problem("duplicate-id", file, where, f"actor id already defined at {seen[entry['id']]}"))
            continue
        seen[entry["id"]] = line_of(entry)
        # one body, one id: a second entry under another id would split its statements between two actors
        if entry["name"] in names:
            problems.append(Problem("duplicate-actor-name", file, where,
                                    f"{entry['name']!r} is already actor {names[entry['name']]}; use that id"))
        names.setdefault(entry["name"], entry["id"])
        if entry["type"] not in terms("actor_type"):
            problems.append(Problem("unknown-term", file, where, f"type {entry['type']!r} not in {terms('actor_type')}"))
        rows.append({"actor_id": entry["id"], "name": entry["name"], "actor_type": entry["type"],
                     "role": entry.get("role"), "country": entry.get("country"), "parent_id": entry.get("parent"),
                     "also_called": "; ".join(entry["also_called"]) if entry.get("also_called") else None})
    known = seen.keys() | {document["actors"][i].get("id") for i in broken if isinstance(document["actors"][i], dict)}
    for row in rows:
        if row["parent_id"] is not None and row["parent_id"] not in known:
            problems.append(Problem("dangling-actor", file, row["actor_id"], f"parent {row['parent_id']!r} is not an actor id"))
    if problems:
        raise TsrError(problems)
    return rows
