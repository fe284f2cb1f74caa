"""Read-only SQL over the published DuckDB file, for `tsr sql`."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

ALLOWED = {"SELECT", "EXPLAIN"}


class ReadOnlyError(Exception):
    pass


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple]


def run_query(database: Path, query: str) -> Result:
    if not database.exists():
        raise ReadOnlyError(f"{database} does not exist: run `make build` first")
    con = duckdb.connect(str(database), read_only=True)
    try:
        try:
            statements = con.extract_statements(query)
        except duckdb.Error as exc:
            raise ReadOnlyError(f"SQL error: {exc}") from None
        for statement in statements:
            kind = statement.type.name
            if kind not in ALLOWED:
                raise ReadOnlyError(f"tsr sql is read-only: {kind} statements are refused (only SELECT and EXPLAIN run)")
        try:
            cursor = con.execute(query)
            rows = cursor.fetchall()
            names = [d[0] for d in cursor.description] if cursor.description else []
        except duckdb.InvalidInputException as exc:
            if "read-only" in str(exc):
                raise ReadOnlyError(f"tsr sql is read-only: {exc}") from None
            raise ReadOnlyError(f"SQL error: {exc}") from None
        except duckdb.Error as exc:
            raise ReadOnlyError(f"SQL error: {exc}") from None
        return Result(names, rows)
    finally:
        con.close()


def _plain(value):
    if value is None:
        return None
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def format_result(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, map(_plain, row))) for row in result.rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if v is None else _plain(v) for v in row] for row in result.rows])
        return buffer.getvalue()
    cells = [[("NULL" if v is None else str(_plain(v))) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"
