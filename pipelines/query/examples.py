"""The example queries in queries/*.sql: each file is one question an economist asks.

A file starts with `-- title: …` and `-- question: …` comment lines, followed by one SELECT.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.query.sql import run_query


@dataclass(frozen=True)
class Query:
    name: str
    title: str
    question: str
    sql: str


def read_queries(folder: Path) -> list[Query]:
    queries = []
    for path in sorted(folder.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        header = {}
        for line in text.splitlines():
            if line.startswith("-- ") and ":" in line:
                key, _, value = line[3:].partition(":")
                header.setdefault(key.strip(), value.strip())
        queries.append(Query(path.stem, header.get("title", path.stem), header.get("question", ""), text.strip()))
    return queries


def run_examples(folder: Path, database: Path) -> list[dict]:
    """Each example query with its result, as the dataset page shows them."""
    results = []
    for query in read_queries(folder):
        result = run_query(database, query.sql)
        results.append({"name": query.name, "title": query.title, "question": query.question, "sql": query.sql,
                        "columns": result.columns, "rows": [list(r) for r in result.rows]})
    return results
