"""Read-only SQL over the published DuckDB file, for `tsr sql` and the example queries.

Three layers, so that one hole does not open the others:
1. a guard that reads every statement (and the statement inside an EXPLAIN) and lets through only
   SELECT (which includes SHOW, DESCRIBE, SUMMARIZE) and a plain EXPLAIN of a SELECT: EXPLAIN ANALYZE
   runs what it explains, so it is refused whatever follows it;
2. the database opened read-only, with no file or network access (read_text, read_csv, glob, COPY,
   ATTACH of a file, http), no extension install or autoload, and the configuration locked so a
   query cannot switch any of that back on;
3. caps on what one query may cost: the size of the query text, the rows it may return (rows are
   fetched in batches, so an endless result never reaches memory), DuckDB's memory and the running time
   (a timer thread interrupts the connection).
"""
from __future__ import annotations

import csv
import io
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.query.caps import MAX_MEMORY, MAX_QUERY_BYTES, MAX_ROWS, TIMEOUT_SECONDS

ALLOWED = {"SELECT", "EXPLAIN"}
ANALYZE_WORDS = {"ANALYZE", "ANALYSE"}
_BATCH = 10_000

LOCKED_DOWN = {
    "enable_external_access": False,  # no file, glob, COPY … TO, ATTACH of a file, http
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,  # a query cannot SET any of the above back
}


class ReadOnlyError(Exception):
    pass


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple]


def _refuse(kind: str) -> ReadOnlyError:
    return ReadOnlyError(f"tsr sql is read-only: {kind} statements are refused (only SELECT and EXPLAIN run)")


def _tokens(statement_sql: str) -> list[tuple[int, str]]:
    """(byte offset, text) of each token that is not a comment. DuckDB's tokenizer gives byte offsets."""
    data = statement_sql.encode("utf-8")
    found = duckdb.tokenize(statement_sql)
    ends = [start for start, _ in found[1:]] + [len(data)]
    return [(start, data[start:end].decode("utf-8", "replace").strip())
            for (start, kind), end in zip(found, ends) if kind != duckdb.token_type.comment]


def _explained(statement_sql: str) -> list[str]:
    """Candidate texts of the statement an EXPLAIN explains; refuses EXPLAIN ANALYZE in every spelling.

    Any ANALYZE word (quoted or not) refuses the statement: `EXPLAIN (ANALYZE false)` and
    `EXPLAIN ("analyze")` analyze too (DuckDB 2.0.1). The explained statement follows EXPLAIN, or
    follows the option list in parentheses: both readings are returned and the caller keeps the one
    that parses.
    """
    tokens = _tokens(statement_sql)
    if any(text.strip('"').upper() in ANALYZE_WORDS for _, text in tokens):
        raise ReadOnlyError("tsr sql is read-only: EXPLAIN ANALYZE runs the statement it explains and is refused; "
                            "use EXPLAIN")
    data = statement_sql.encode("utf-8")
    candidates = [data[tokens[1][0]:].decode("utf-8")] if len(tokens) > 1 else []
    if len(tokens) > 1 and tokens[1][1] == "(":
        depth = 0
        for i, (_, text) in enumerate(tokens[1:], 1):
            depth += (text == "(") - (text == ")")
            if depth == 0:
                if i + 1 < len(tokens):
                    candidates.append(data[tokens[i + 1][0]:].decode("utf-8"))
                break
    return candidates


def check_read_only(con, query: str) -> None:
    """Raise ReadOnlyError unless every statement of `query` is a SELECT or a plain EXPLAIN of a SELECT."""
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise ReadOnlyError(f"SQL error: {exc}") from None
    if not statements:
        raise ReadOnlyError("SQL error: the query is empty")
    for statement in statements:
        kind = statement.type.name
        if kind not in ALLOWED:
            raise _refuse(kind)
        if kind == "EXPLAIN":
            inner = None
            for candidate in _explained(statement.query):
                try:
                    parsed = con.extract_statements(candidate)
                except duckdb.Error:
                    continue
                if len(parsed) == 1:
                    inner = parsed[0]
                    break
            if inner is None:
                raise ReadOnlyError("SQL error: could not read the statement this EXPLAIN explains")
            if inner.type.name != "SELECT":
                raise _refuse(f"EXPLAIN {inner.type.name}")


def connect_read_only(database: Path, max_memory: str = MAX_MEMORY):
    """A connection that can read the package's tables and nothing else (see the module docstring)."""
    try:
        return duckdb.connect(str(database), read_only=True, config={**LOCKED_DOWN, "memory_limit": max_memory})
    except (duckdb.InvalidInputException, duckdb.ParserException) as exc:
        raise ReadOnlyError(f"bad-option: max memory {max_memory!r}: {exc}") from None
    except duckdb.Error as exc:
        raise ReadOnlyError(f"could not open {database}: {exc}") from None


def run_query(database: Path, query: str, *, max_rows: int = MAX_ROWS, timeout: float = TIMEOUT_SECONDS,
              max_query_bytes: int = MAX_QUERY_BYTES, max_memory: str = MAX_MEMORY) -> Result:
    """The result of a read-only `query`; ReadOnlyError for a refused statement, an SQL error or a cap reached."""
    if not database.exists():
        raise ReadOnlyError(f"{database} does not exist: run `make build` first")
    size = len(query.encode("utf-8"))
    if size > max_query_bytes:
        raise ReadOnlyError(f"query-too-large: the query has {size:,} bytes, more than the cap of {max_query_bytes:,}")
    con = connect_read_only(database, max_memory)
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        con.interrupt()

    timer = threading.Timer(timeout, stop)
    timer.daemon = True
    try:
        check_read_only(con, query)
        timer.start()
        try:
            cursor = con.execute(query)
            names = [d[0] for d in cursor.description] if cursor.description else []
            rows: list[tuple] = []
            while True:
                batch = cursor.fetchmany(_BATCH)
                if not batch:
                    break
                rows.extend(batch)
                if len(rows) > max_rows:
                    raise ReadOnlyError(f"too-many-rows: the query returns more than {max_rows:,} rows; "
                                        "add a LIMIT or raise --max-rows")
        except duckdb.InterruptException:
            if not timed_out.is_set():  # interrupted by something else than the timer (Ctrl-C)
                raise
            raise ReadOnlyError(f"query-timeout: the query ran longer than {timeout:g} s and was stopped; "
                                "raise --timeout") from None
        except duckdb.InvalidInputException as exc:
            if "read-only" in str(exc) or "configuration has been locked" in str(exc):
                raise ReadOnlyError(f"tsr sql is read-only: {exc}") from None
            raise ReadOnlyError(f"SQL error: {exc}") from None
        except duckdb.OutOfMemoryException as exc:
            raise ReadOnlyError(f"query-out-of-memory: {exc}; raise --max-memory") from None
        except duckdb.PermissionException as exc:
            raise ReadOnlyError(f"tsr sql reads only the package's tables: {exc}") from None
        except duckdb.Error as exc:
            raise ReadOnlyError(f"SQL error: {exc}") from None
        return Result(names, rows)
    finally:
        timer.cancel()
        con.close()


def read_query_file(path: Path, max_bytes: int = MAX_QUERY_BYTES) -> str:
    """The text of a .sql file: a regular file, at most `max_bytes`, UTF-8 text without control characters.

    Errors name the file and never repeat its content (`--file /etc/shadow` must not echo a line of it).
    """
    path = Path(path)
    if path.suffix.lower() != ".sql":
        raise ReadOnlyError(f"not-sql-file: {path}: a query file must be named *.sql")
    if not path.is_file():
        raise ReadOnlyError(f"not-sql-file: {path}: not a regular file")
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadOnlyError(f"query-too-large: {path}: larger than the cap of {max_bytes:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadOnlyError(f"not-sql-file: {path}: not UTF-8 text (byte {exc.start})") from None
    bad = next((i for i, ch in enumerate(text) if ord(ch) < 32 and ch not in "\t\n\r"), None)
    if bad is not None:
        raise ReadOnlyError(f"not-sql-file: {path}: control character U+{ord(text[bad]):04X} at character {bad}; "
                            "not a text file")
    return text


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
